//! What an editor's file goes through before the format's rules: its encoding (UTF-8, UTF-16
//! with a byte-order mark, Windows-1252 with a notice, anything else an error with its place),
//! and the warnings beside the problems (names close to each other, short labels used twice,
//! characters lost in a conversion), the `as of` rule, and places told by row, never by index.
#![cfg(feature = "sheet")]

use stance_matrix::model::{parse, BUNDLED};
use stance_matrix::sheet::encoding::windows_1252;
use stance_matrix::sheet::{check, check_bytes, to_sheet, Checked};
use std::process::Command;

/// `text` as Windows-1252 bytes (every character of the bundled data has one).
fn to_windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            (0..=255u8)
                .find(|&b| windows_1252(b) == Some(c))
                .unwrap_or_else(|| panic!("{c:?} is not in Windows-1252"))
        })
        .collect()
}

fn messages(found: &[stance_matrix::sheet::Problem]) -> Vec<String> {
    found.iter().map(|p| p.message.clone()).collect()
}

fn problems(checked: &Checked) -> Vec<String> {
    match &checked.result {
        Ok(_) => panic!(
            "expected problems; warnings: {:?}",
            messages(&checked.warnings)
        ),
        Err(found) => messages(found),
    }
}

fn bundled_sheet() -> String {
    to_sheet(&parse(BUNDLED).expect("valid"))
}

#[test]
fn the_widgets_csv_saved_as_windows_1252_reads_back_equal_with_a_notice() {
    let utf8 = bundled_sheet();
    let bytes = to_windows_1252(utf8.trim_start_matches('\u{feff}'));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test needs non-ASCII text"
    );
    let (text, checked) = check_bytes(&bytes);
    assert!(!text.expect("decoded").contains('\u{FFFD}'));
    let expected = parse(BUNDLED).expect("valid");
    assert!(checked.result.as_ref().ok() == Some(&expected));
    let warnings = messages(&checked.warnings);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("Windows-1252") && warnings[0].contains("CSV UTF-8"),
        "{warnings:?}"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_reads_as_excels_unicode_text() {
    let text = bundled_sheet();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        text.trim_start_matches('\u{feff}')
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let (_, checked) = check_bytes(&bytes);
    let problems = checked.result.as_ref().err().map(|p| messages(p));
    assert!(
        checked.result.ok() == Some(parse(BUNDLED).expect("valid")),
        "UTF-16 LE: {problems:?}"
    );
    assert!(checked.warnings.is_empty());
}

#[test]
fn an_image_renamed_csv_is_not_text_with_the_line_and_byte() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let (text, checked) = check_bytes(&png);
    assert_eq!(text, None);
    let found = problems(&checked);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("this is not a text file: line 2, byte 7 holds the control byte 0x1A"),
        "{found:?}"
    );
}

#[test]
fn utf8_with_a_broken_character_is_an_error_at_its_byte_not_windows_1252() {
    let mut bytes = "title,Café\nissue,party\n".as_bytes().to_vec();
    bytes.extend(b"Peace,Caf\xe9\n");
    let found = problems(&check_bytes(&bytes).1);
    assert!(
        found[0].contains("line 3, byte 34 is 0xE9"),
        "the byte of the broken é: {found:?}"
    );
}

const HEAD: &str = "issue,party,party short,stance,summary,date,confidence,source,source url";

fn sheet(as_of: &str, rows: &[&str]) -> String {
    format!(
        "title,Trade talks\nas of,{as_of}\n\n{HEAD}\n{}\n",
        rows.join("\n")
    )
}

#[test]
fn two_fields_with_a_lost_character_are_two_warnings_by_row_and_column() {
    let text = sheet(
        "2025-05-21",
        &[
            "Tariffs,United States,US,supports,Wants a deal,2025-05-20,on record,R,https://example.org/r",
            "Tariffs,China,CN,open,US\u{FFFD}China talks go on,2025-05-21,on record,R\u{FFFD},https://example.org/s",
        ],
    );
    let checked = check(&text);
    assert!(checked.result.is_ok(), "{:?}", checked.result.err());
    let warnings = messages(&checked.warnings);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with("row 6, column H (source): holds \u{FFFD}"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].starts_with("row 6, column E (summary): holds \u{FFFD}"),
        "{warnings:?}"
    );
}

#[test]
fn a_party_in_one_row_close_to_another_and_a_shared_short_label_are_warnings() {
    let text = sheet(
        "2025-05-21",
        &[
            "Tariffs,United States,US,supports,S,2025-05-20,on record,R,https://example.org/r",
            "Chips,United States,US,opposes,S,2025-05-20,on record,R,https://example.org/r",
            "Tariffs,China,CN,open,S,2025-05-21,on record,R,https://example.org/r",
            "Chips,USA,US,supports,S,2025-05-21,on record,R,https://example.org/r",
        ],
    );
    let checked = check(&text);
    assert!(checked.result.is_ok(), "warnings only");
    let warnings = messages(&checked.warnings);
    assert_eq!(
        warnings,
        [
            "row 8, column B (party): \"USA\" has one position only and its name is close to \
             \"United States\" (row 5): if they are one party, write its name the same way everywhere",
            "row 8, column C (party short): \"US\" is also the short label of \"United States\" \
             (row 5): on phones the two columns would look the same",
        ]
    );
}

#[test]
fn as_of_before_the_newest_position_is_an_error_in_a_sheet_and_in_json() {
    let text = sheet(
        "2025-05-14",
        &["Tariffs,China,CN,open,S,2025-05-21,on record,R,https://example.org/r"],
    );
    assert_eq!(
        problems(&check(&text)),
        [
            "row 2: as of: 2025-05-14 is before the newest position (2025-05-21, row 5): set it \
          to 2025-05-21 or later, or the page shows two different \"as of\" dates"
        ]
    );
    let json = BUNDLED.replacen("\"as_of\": \"2025-04-23\"", "\"as_of\": \"2025-04-01\"", 1);
    assert_ne!(json, BUNDLED);
    let found = problems(&check(&json));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("as_of: 2025-04-01 is before the newest "),
        "{found:?}"
    );
}

#[test]
fn a_duplicate_position_names_the_first_ones_row() {
    let text = sheet(
        "2025-05-21",
        &[
            "Tariffs,China,CN,open,S,2025-05-21,on record,R,https://example.org/r",
            "Chips,China,CN,open,S,2025-05-21,on record,R,https://example.org/r",
            "Tariffs,China,CN,opposes,T,2025-05-21,on record,R,https://example.org/r",
        ],
    );
    let found = problems(&check(&text));
    assert!(
        found.iter().any(|m| m.starts_with("row 7")
            && m.contains("duplicate position")
            && m.ends_with("(first at row 5)")),
        "{found:?}"
    );
    assert!(!found.iter().any(|m| m.contains("positions[")), "{found:?}");
}

#[test]
fn a_misnamed_header_is_reported_once_at_its_header_with_a_suggestion() {
    let text = format!(
        "title,T\n\n{},red lines\nTariffs,China,CN,supports,S,2025-05-21,on record,R,https://example.org/r,yes\n",
        HEAD
    );
    let found = problems(&check(&text));
    assert_eq!(
        found,
        ["row 3, column J (red lines): is not a column this format knows (did you mean \"red line\"?)"]
    );
    let stray = format!(
        "title,T\n\n{HEAD}\nTariffs,China,CN,supports,S,2025-05-21,on record,R,https://example.org/r,,stray\n"
    );
    assert_eq!(
        problems(&check(&stray)),
        ["row 4: the value in column K has no column name above it: name the column, or move the value"]
    );
}

#[test]
fn a_date_in_another_common_form_gets_the_iso_date_to_write() {
    let text = sheet(
        "2025-05-21",
        &["Tariffs,China,CN,open,S,15/05/2025,on record,R,https://example.org/r"],
    );
    let found = problems(&check(&text));
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("row 5, column F (date): ")
                && m.ends_with("write it as 2025-05-15")),
        "{found:?}"
    );
    let json = BUNDLED.replacen("\"date\": \"2025-04-22\"", "\"date\": \"22.04.2025\"", 1);
    assert_ne!(json, BUNDLED);
    let found = problems(&check(&json));
    assert!(
        found.iter().any(|m| m.ends_with("write it as 2025-04-22")),
        "{found:?}"
    );
}

#[test]
fn a_date_written_another_way_is_not_taken_for_the_as_of_date_too() {
    let text = format!(
        "title,Trade talks\n\n{HEAD}\n\
         Tariffs,China,CN,open,S,2025-05-20,on record,R,https://example.org/r\n\
         Chips,China,CN,open,S,31/05/2025,on record,R,https://example.org/r\n"
    );
    let found = problems(&check(&text));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("row 5, column F (date): "),
        "{found:?}"
    );
}

fn tool(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stance-matrix-data"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_for_the_command_and_each_subcommand_goes_to_stdout_with_status_0() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["check", "--help"],
        &["convert", "--help"],
        &["convert", "a.csv", "-o", "b.json", "--help"],
    ] {
        let (code, out, err) = tool(args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(
            out.starts_with("usage: stance-matrix-data"),
            "{args:?}: {out}"
        );
    }
    assert!(tool(&["check", "--help"]).1.contains("warning"));
    assert_eq!(tool(&[]).0, Some(2));
}

#[test]
fn the_command_reads_windows_1252_with_a_warning_and_refuses_an_image_with_its_place() {
    let dir = std::env::temp_dir().join(format!("stance-matrix-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let csv = bundled_sheet();
    std::fs::write(
        path("ansi.csv"),
        to_windows_1252(csv.trim_start_matches('\u{feff}')),
    )
    .expect("write");
    let (code, out, err) = tool(&["check", &path("ansi.csv")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("valid: 11 issues, 5 parties"), "{out}");
    assert!(
        err.starts_with(&format!(
            "{}:1:1: warning: this file was saved as Windows-1252",
            path("ansi.csv")
        )),
        "{err}"
    );
    tool(&["convert", &path("ansi.csv"), "-o", &path("ansi.json")]);
    let json = std::fs::read_to_string(path("ansi.json")).expect("converted");
    assert_eq!(parse(&json).ok(), parse(BUNDLED).ok());
    assert!(!json.contains('\u{FFFD}'));

    std::fs::write(path("chart.csv"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let (code, out, err) = tool(&["check", &path("chart.csv")]);
    assert_eq!(code, Some(1));
    assert!(!out.contains("valid"));
    assert!(
        err.starts_with(&format!(
            "{}:1:1: this is not a text file: line 2, byte 7",
            path("chart.csv")
        )),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
