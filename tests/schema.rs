//! The committed JSON Schema and the parser cannot drift: the bundled dataset and every fixture
//! are checked against both, and the schema's field lists, enums and limits are compared with
//! the parser's. The validator below reads the subset of draft 2020-12 the schema uses.

use regex::Regex;
use serde_json::Value;
use stance_matrix::model::{self, limits, Confidence, Stance, BUNDLED, FORMAT, KNOWN_FIELDS};
use std::fs;

/// Tests may use serde_json's own value (the widget's tree keeps duplicates, which a schema
/// check does not need).
fn parse_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text)
}

fn schema() -> Value {
    parse_json(&fs::read_to_string("schema/stance-matrix-1.schema.json").expect("schema file"))
        .expect("schema is JSON")
}

/// Problems of `value` against `node`, as `path: keyword` strings.
fn check(root: &Value, node: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let Value::Object(keywords) = node else {
        return;
    };
    for (keyword, arg) in keywords {
        let fail = |out: &mut Vec<String>| out.push(format!("{path}: {keyword}"));
        match (keyword.as_str(), arg) {
            ("$ref", Value::String(r)) => {
                let name = r.strip_prefix("#/$defs/").expect("only local $defs refs");
                let target = root
                    .get("$defs")
                    .and_then(|d| d.get(name))
                    .expect("ref target exists");
                check(root, target, value, path, out);
            }
            ("type", Value::String(t)) => {
                let ok = matches!(
                    (t.as_str(), value),
                    ("object", Value::Object(_))
                        | ("array", Value::Array(_))
                        | ("string", Value::String(_))
                        | ("boolean", Value::Bool(_))
                        | ("number", Value::Number(_))
                        | ("null", Value::Null)
                );
                if !ok {
                    fail(out);
                }
            }
            ("required", Value::Array(names)) => {
                for n in names {
                    if let (Value::String(n), Value::Object(_)) = (n, value) {
                        if value.get(n).is_none() {
                            out.push(format!("{path}: required {n}"));
                        }
                    }
                }
            }
            ("properties", Value::Object(props)) => {
                if let Value::Object(entries) = value {
                    for (k, v) in entries {
                        if let Some(sub) = props.get(k) {
                            check(root, sub, v, &format!("{path}.{k}"), out);
                        }
                    }
                }
            }
            ("additionalProperties", Value::Bool(false)) => {
                let props = node.get("properties");
                if let Value::Object(entries) = value {
                    for (k, _) in entries {
                        if props.and_then(|p| p.get(k)).is_none() {
                            out.push(format!("{path}: additionalProperties {k}"));
                        }
                    }
                }
            }
            ("items", sub) => {
                if let Value::Array(items) = value {
                    for (i, item) in items.iter().enumerate() {
                        check(root, sub, item, &format!("{path}[{i}]"), out);
                    }
                }
            }
            ("minItems" | "maxItems", Value::Number(n)) => {
                let n: f64 = n.as_f64().expect("a number");
                let n = &n;
                if let Value::Array(items) = value {
                    let len = items.len() as f64;
                    if (keyword == "minItems" && len < *n) || (keyword == "maxItems" && len > *n) {
                        fail(out);
                    }
                }
            }
            ("uniqueItems", Value::Bool(true)) => {
                if let Value::Array(items) = value {
                    if items
                        .iter()
                        .enumerate()
                        .any(|(i, a)| items[..i].contains(a))
                    {
                        fail(out);
                    }
                }
            }
            ("minLength" | "maxLength", Value::Number(n)) => {
                let n: f64 = n.as_f64().expect("a number");
                let n = &n;
                if let Value::String(s) = value {
                    let len = s.chars().count() as f64;
                    if (keyword == "minLength" && len < *n) || (keyword == "maxLength" && len > *n)
                    {
                        fail(out);
                    }
                }
            }
            ("pattern", Value::String(p)) => {
                if let Value::String(s) = value {
                    if !Regex::new(p).expect("pattern compiles").is_match(s) {
                        fail(out);
                    }
                }
            }
            ("enum", Value::Array(options)) => {
                if !options.contains(value) {
                    fail(out);
                }
            }
            ("const", expected) => {
                if expected != value {
                    fail(out);
                }
            }
            ("allOf", Value::Array(subs)) => {
                subs.iter().for_each(|s| check(root, s, value, path, out))
            }
            ("if", cond) => {
                let mut probe = Vec::new();
                check(root, cond, value, path, &mut probe);
                if let (true, Some(then)) = (probe.is_empty(), node.get("then")) {
                    check(root, then, value, path, out);
                }
            }
            ("then" | "$schema" | "$id" | "$defs" | "title" | "description", _) => {}
            (other, _) => panic!("the schema uses {other:?}, which this validator does not read"),
        }
    }
}

fn schema_problems(text: &str) -> Vec<String> {
    let root = schema();
    let value = parse_json(text.trim_start_matches('\u{feff}')).expect("fixture is JSON");
    let mut out = Vec::new();
    check(&root, &root, &value, "$", &mut out);
    out
}

fn fixtures(dir: &str) -> Vec<(String, String)> {
    let mut files: Vec<_> = fs::read_dir(format!("tests/fixtures/{dir}"))
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            (
                p.display().to_string(),
                fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {dir}");
    files
}

#[test]
fn bundled_dataset_and_valid_fixtures_pass_schema_and_parser() {
    let mut docs = fixtures("valid");
    docs.push(("bundled".into(), BUNDLED.into()));
    for (name, text) in docs {
        assert_eq!(
            schema_problems(&text),
            Vec::<String>::new(),
            "{name} against the schema"
        );
        assert!(
            model::parse(&text).is_ok(),
            "{name} against the parser: {:?}",
            model::parse(&text).err()
        );
    }
}

#[test]
fn structural_mistakes_fail_both_schema_and_parser() {
    for (name, text) in fixtures("invalid") {
        assert!(model::parse(&text).is_err(), "{name} must fail the parser");
        let schema_fails = !schema_problems(&text).is_empty();
        // `ref-` fixtures break rules a schema cannot state (references, duplicates, calendar).
        let expected = !name.contains("/ref-");
        assert_eq!(schema_fails, expected, "{name}: schema verdict");
    }
}

fn def<'a>(root: &'a Value, name: &str) -> &'a Value {
    if name == "dataset" {
        root
    } else {
        root.get("$defs")
            .and_then(|d| d.get(name))
            .unwrap_or_else(|| panic!("$defs/{name}"))
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| {
                if let Value::String(s) = i {
                    Some(s.clone())
                } else {
                    None
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn schema_fields_enums_and_limits_match_the_parser() {
    let root = schema();
    for (kind, fields) in KNOWN_FIELDS {
        let Some(Value::Object(props)) = def(&root, kind).get("properties") else {
            panic!("{kind} has properties")
        };
        let mut in_schema: Vec<&str> = props.iter().map(|(k, _)| k.as_str()).collect();
        let mut in_parser: Vec<&str> = fields.to_vec();
        in_schema.sort();
        in_parser.sort();
        assert_eq!(in_schema, in_parser, "fields of {kind}");
    }
    let position = def(&root, "position")
        .get("properties")
        .expect("position properties");
    assert_eq!(
        strings(position.get("stance").and_then(|s| s.get("enum"))),
        Stance::NAMES
    );
    assert_eq!(
        strings(position.get("confidence").and_then(|s| s.get("enum"))),
        Confidence::NAMES
    );
    let top = root.get("properties").expect("top properties");
    assert_eq!(
        top.get("format").and_then(|f| f.get("const")),
        Some(&Value::String(FORMAT.into()))
    );
    let max = |list: &str| top.get(list).and_then(|l| l.get("maxItems")).cloned();
    assert_eq!(max("parties"), Some(Value::from(limits::MAX_PARTIES)));
    assert_eq!(max("issues"), Some(Value::from(limits::MAX_ISSUES)));
    assert_eq!(max("positions"), Some(Value::from(limits::MAX_POSITIONS)));
    assert_eq!(
        def(&root, "text").get("maxLength"),
        Some(&Value::from(limits::MAX_CHARS))
    );
}
