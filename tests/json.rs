//! The JSON reader: values, positions of syntax errors, limits, and no panic on any input.

use proptest::prelude::*;
use stance_matrix::model::value::{parse, Value};

fn err(text: &str) -> String {
    let e = parse(text).expect_err("must fail");
    format!("{}:{} {}", e.line, e.column, e.detail)
}

#[test]
fn reads_every_kind_of_value_and_keeps_key_order() {
    let v = parse(r#" {"b": [1, -2.5e3, true, false, null], "a": "x\"\u00e9\ud83d\ude00\n"} "#)
        .expect("valid");
    let Value::Object(entries) = &v else {
        panic!("not an object")
    };
    assert_eq!(entries[0].0, "b");
    assert_eq!(
        entries[0].1,
        Value::Array(vec![
            Value::Number,
            Value::Number,
            Value::Bool(true),
            Value::Bool(false),
            Value::Null
        ])
    );
    assert_eq!(v.get("a"), Some(&Value::String("x\"é😀\n".into())));
    // Strings that need no unescaping borrow from the text: no allocation per field.
    assert!(matches!(&entries[0].0, std::borrow::Cow::Borrowed("b")));
    let plain = parse(r#"{"id": "i1"}"#).expect("valid");
    assert!(matches!(
        plain.get("id"),
        Some(Value::String(std::borrow::Cow::Borrowed("i1")))
    ));
}

#[test]
fn syntax_errors_name_line_column_and_what_was_expected() {
    assert_eq!(
        err("{\"a\": 1,}"),
        "1:9 a comma before '}': remove the comma"
    );
    assert_eq!(
        err("{1:2}"),
        "1:2 expected a field name in double quotes, found '1'"
    );
    assert_eq!(err("{\"a\" 1}"), "1:6 expected \":\", found '1'");
    assert_eq!(err("[1 2]"), "1:4 expected \",\" or \"]\", found '2'");
    assert_eq!(
        err("{\n\"ä\": tru}"),
        "2:9 expected true, false or null, found '}'"
    );
    assert_eq!(
        err("\"abc"),
        "1:5 the file ends inside a string: a closing '\"' is missing"
    );
    assert_eq!(
        err("\"a\nb\""),
        "2:1 a line break or control character inside a string must be escaped"
    );
    assert_eq!(err("01"), "1:2 an invalid number (found '1')");
    assert_eq!(err("-"), "1:2 the file ends where a value should be");
    assert_eq!(
        err("\"\\x\""),
        "1:3 an invalid escape after '\\' (use \\n, \\\", \\\\ or \\u0041)"
    );
    assert_eq!(err("\"\\ud800\""), "1:8 a \\u escape of a lone surrogate: a high one (D800–DBFF) must be followed by a low one (DC00–DFFF)");
    assert_eq!(err("[\"\\udc00\"]"), "1:8 a \\u escape of a lone surrogate: a high one (D800–DBFF) must be followed by a low one (DC00–DFFF)");
}

#[test]
fn truncated_json_reports_the_end_of_the_file() {
    assert_eq!(
        err("{\"format\": \"stance-matrix/1\", \"title\""),
        "1:38 the file ends inside an object: a closing '}' is missing"
    );
}

#[test]
fn nesting_is_limited() {
    assert!(parse(&format!("{}{}", "[".repeat(64), "]".repeat(64))).is_ok());
    assert!(err(&"[".repeat(65)).ends_with("nested deeper than 64 levels"));
}

proptest! {
    #[test]
    fn any_text_parses_or_fails_without_panicking(text in "\\PC{0,200}") {
        let _ = parse(&text);
    }

    #[test]
    fn json_shaped_text_fails_at_a_position_inside_the_text(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+\n-]{0,120}") {
        if let Err(e) = parse(&text) {
            // The position points into the text (or just past its end): the line exists and
            // the column is at most one past that line's last character.
            let lines: Vec<&str> = text.split('\n').collect();
            prop_assert!((1..=lines.len()).contains(&e.line), "line {} of {}", e.line, lines.len());
            let width = lines[e.line - 1].chars().count();
            prop_assert!((1..=width + 1).contains(&e.column), "column {} of a {}-character line", e.column, width);
        }
    }
}
