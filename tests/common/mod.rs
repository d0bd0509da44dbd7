//! Builders shared by the native tests: small datasets written as JSON, so every test also
//! goes through the real parser.
#![allow(dead_code)]

use stance_matrix::model::{parse, Dataset, BUNDLED};

/// A valid document with parties `a`…`d`, issues `i1`…`i4` (category `c1` for i1–i2, `c2` for
/// i3–i4), one source, and the given `positions` objects (JSON text, comma-separated).
pub fn doc_with(positions: &str) -> String {
    format!(
        r#"{{
  "format": "stance-matrix/1",
  "title": "Test talks",
  "as_of": "2025-04-23",
  "parties": [{{"id":"a","name":"Alpha"}},{{"id":"b","name":"Beta"}},{{"id":"c","name":"Gamma"}},{{"id":"d","name":"Delta","short":"D"}}],
  "categories": [{{"id":"c1","name":"Territory"}},{{"id":"c2","name":"Security"}}],
  "issues": [
    {{"id":"i1","title":"Recognise Crimea","category":"c1","description":"Annexation of Crimea"}},
    {{"id":"i2","title":"Occupied regions","category":"c1"}},
    {{"id":"i3","title":"NATO membership","category":"c2"}},
    {{"id":"i4","title":"Peacekeepers","category":"c2"}}
  ],
  "sources": [{{"id":"s1","title":"Report","url":"https://example.org/r"}}],
  "positions": [{positions}]
}}"#
    )
}

/// A position object as JSON text.
pub fn pos(party: &str, issue: &str, stance: &str, red_line: bool) -> String {
    pos_on(party, issue, stance, red_line, "2025-04-22")
}

pub fn pos_on(party: &str, issue: &str, stance: &str, red_line: bool, date: &str) -> String {
    format!(
        r#"{{"party":"{party}","issue":"{issue}","stance":"{stance}","red_line":{red_line},"summary":"{party} on {issue}","date":"{date}","confidence":"on_record","sources":["s1"]}}"#
    )
}

/// Parses a document that must be valid.
pub fn dataset(positions: &[String]) -> Dataset {
    let text = doc_with(&positions.join(","));
    parse(&text).unwrap_or_else(|e| panic!("test dataset invalid: {e:?}"))
}

/// The messages of a document that must be invalid.
pub fn messages(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => panic!("expected problems, the document parsed"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// A valid document with one position field replaced (`key` → raw JSON `value`) or, with
/// `None`, removed; for error tests on positions.
pub fn with_position_field(key: &str, value: Option<&str>) -> String {
    let mut fields = vec![
        ("party", "\"a\""),
        ("issue", "\"i1\""),
        ("stance", "\"supports\""),
        ("summary", "\"Alpha on Crimea\""),
        ("date", "\"2025-04-22\""),
        ("confidence", "\"on_record\""),
        ("sources", "[\"s1\"]"),
    ];
    fields.retain(|(k, _)| *k != key);
    if let Some(v) = value {
        fields.push((key, v));
    }
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
    doc_with(&format!("{{{}}}", body.join(",")))
}

/// The bundled dataset and every file in tests/fixtures/valid, as text.
pub fn valid_texts() -> Vec<String> {
    let mut texts = vec![BUNDLED.to_string()];
    for entry in std::fs::read_dir("tests/fixtures/valid").expect("fixtures") {
        texts.push(std::fs::read_to_string(entry.expect("entry").path()).expect("fixture"));
    }
    texts
}
