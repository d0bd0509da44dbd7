//! Downloads: CSV fields quoted correctly, formulas defused (the sheet itself: tests/sheet.rs);
//! JSON written by serde that reads back as the same dataset.

mod common;
use common::*;
use stance_matrix::model::export::{csv_field, to_json};
use stance_matrix::model::{parse, BUNDLED};

#[test]
fn csv_fields_are_quoted_and_formulas_defused() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("-2"), "'-2");
}

#[test]
fn the_json_download_of_every_valid_file_reads_back_as_the_same_dataset() {
    for text in valid_texts() {
        let ds = parse(&text).expect("valid");
        let json = to_json(&ds);
        assert_eq!(parse(&json).expect("the download is valid"), ds);
    }
}

#[test]
fn the_json_download_of_the_bundled_file_has_the_same_fields_and_values() {
    let written: serde_json::Value =
        serde_json::from_str(&to_json(&parse(BUNDLED).expect("valid"))).expect("JSON");
    let original: serde_json::Value = serde_json::from_str(BUNDLED).expect("JSON");
    assert_eq!(written, original, "no field added, dropped or changed");
}
