//! A host page's `mount()` options, read with the same checks as a dataset: every problem with
//! its path, and the view as an object. The values come through serde as they would from a
//! JavaScript object (here from serde_json's value, the same visitor).

use stance_matrix::model::value::{from_serde, Value};
use stance_matrix::model::Date;
use stance_matrix::model::{parse, parse_value, BUNDLED};
use stance_matrix::state::embed::Theme;
use stance_matrix::state::options::{read_options, view_from};
use stance_matrix::state::view_state::{CellRef, SortOrder, ViewState};

fn tree(json: serde_json::Value) -> Value<'static> {
    from_serde(json).expect("any JSON value reads")
}

fn problems(json: serde_json::Value) -> Vec<String> {
    let value = tree(json);
    match read_options(&value) {
        Ok(_) => panic!("expected problems"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn no_options_mean_the_bundled_data_the_default_view_and_the_readers_theme() {
    let value = tree(serde_json::json!(null));
    let options = read_options(&value).expect("fine");
    assert_eq!(
        (options.data, options.src, options.theme, options.view),
        (None, None, Theme::Auto, ViewState::default())
    );
}

#[test]
fn every_wrong_option_is_named_with_a_suggestion_or_the_allowed_values() {
    assert_eq!(
        problems(serde_json::json!({ "thme": "dark", "theme": "purple", "src": 5 })),
        [
            r#"options: unknown field "thme" (did you mean "theme"?)"#,
            "options.src: expected a string, found a number",
            r#"options.theme: unknown value "purple" (allowed: auto, light, dark)"#,
        ]
    );
    assert_eq!(
        problems(serde_json::json!("dark")),
        ["options: expected an object, found a string"]
    );
}

#[test]
fn a_view_reads_like_the_change_events_write_it() {
    let value = tree(serde_json::json!({
        "query": "crimea", "category": "territory", "hidden": ["us", "gb", "us"], "onlyConflicts": true,
        "sort": "contested", "open": { "issue": "crimea", "party": "ua" }, "compare": ["ru", "ua"],
        "asOf": "2025-04-17", "since": "2025-03-11", "asText": true
    }));
    let view = view_from(&value).expect("fine");
    assert_eq!(
        view,
        ViewState {
            query: "crimea".into(),
            category: Some("territory".into()),
            hidden: vec!["gb".into(), "us".into()],
            only_conflicts: true,
            only_red_lines: false,
            sort: SortOrder::Contested,
            open: Some(CellRef {
                issue: "crimea".into(),
                party: "ua".into()
            }),
            compare: Some(("ru".into(), "ua".into())),
            as_of: Date::parse("2025-04-17"),
            since: Date::parse("2025-03-11"),
            as_text: true,
        }
    );
    let errors = view_from(&tree(
        serde_json::json!({ "sort": "loudest", "compare": ["a", "b", "c"], "onlyRedLine": true }),
    ))
    .expect_err("wrong");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            r#"view: unknown field "onlyRedLine" (did you mean "onlyRedLines"?)"#,
            "view.compare: expected two party ids, found another number of them",
            r#"view.sort: unknown value "loudest" (allowed: dataset, contested, agreed)"#,
        ]
    );
}

#[test]
fn a_dataset_passed_as_an_object_is_checked_like_the_same_file() {
    let object: serde_json::Value = serde_json::from_str(BUNDLED).expect("JSON");
    let value = tree(serde_json::json!({ "data": object }));
    let options = read_options(&value).expect("fine");
    let from_object = parse_value(options.data.expect("data")).expect("valid");
    assert_eq!(from_object, parse(BUNDLED).expect("valid"));
    let broken = tree(
        serde_json::json!({ "format": "stance-matrix/1", "title": "T", "as_of": "2025-04-01", "parties": [], "issues": [] }),
    );
    let messages: Vec<String> = parse_value(&broken)
        .expect_err("invalid")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        messages.contains(&"parties: must list at least one party".to_string()),
        "{messages:?}"
    );
}
