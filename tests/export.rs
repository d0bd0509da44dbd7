//! Downloads: CSV with one row per position, quoted correctly, formulas defused; JSON written
//! by serde that reads back as the same dataset.

mod common;
use common::*;
use stance_matrix::export::{csv_field, to_csv, to_json, CSV_HEADER};
use stance_matrix::model::{parse, BUNDLED};

#[test]
fn csv_has_a_header_and_one_row_per_position() {
    let ds = parse(BUNDLED).expect("valid");
    let csv = to_csv(&ds);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], CSV_HEADER.join(","));
    // Summaries in the bundled data hold no line breaks, so lines are rows.
    assert_eq!(lines.len(), ds.positions().len() + 1);
}

#[test]
fn csv_marks_the_current_position_of_a_cell_with_history() {
    let ds = dataset(&[pos_on("a", "i1", "open", false, "2025-03-18"), pos_on("a", "i1", "opposes", true, "2025-04-22")]);
    let csv = to_csv(&ds);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[1].starts_with("a,Alpha,i1,Recognise Crimea,Territory,open,false,on_record,2025-03-18,false,"), "{}", rows[1]);
    assert!(rows[2].starts_with("a,Alpha,i1,Recognise Crimea,Territory,opposes,true,on_record,2025-04-22,true,"), "{}", rows[2]);
}

#[test]
fn csv_fields_are_quoted_and_formulas_defused() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("-2"), "'-2");
}

#[test]
fn the_json_download_of_every_valid_file_reads_back_as_the_same_dataset() {
    let mut texts = vec![BUNDLED.to_string()];
    for entry in std::fs::read_dir("tests/fixtures/valid").expect("fixtures") {
        texts.push(std::fs::read_to_string(entry.expect("entry").path()).expect("fixture"));
    }
    for text in texts {
        let ds = parse(&text).expect("valid");
        let json = to_json(&ds);
        assert_eq!(parse(&json).expect("the download is valid"), ds);
    }
}

#[test]
fn the_json_download_of_the_bundled_file_has_the_same_fields_and_values() {
    let written: serde_json::Value = serde_json::from_str(&to_json(&parse(BUNDLED).expect("valid"))).expect("JSON");
    let original: serde_json::Value = serde_json::from_str(BUNDLED).expect("JSON");
    assert_eq!(written, original, "no field added, dropped or changed");
}
