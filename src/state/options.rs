//! What a host page passes to `mount()` (`{ data, src, lang, theme, view }`), read like a
//! dataset: the plain object arrives as the same value tree (serde-wasm-bindgen through our own
//! visitor, see `model::value::from_serde`) and is checked with the same field API, so every
//! problem is named with its path and a "did you mean". Pure: no browser types.
//!
//! Why not `#[derive(Deserialize)]` straight from the JavaScript value: one validation layer
//! for everything a newsroom writes, with paths and suggestions, instead of serde's first-error
//! messages. (It does not keep Rust's float formatting out of the wasm, as was hoped:
//! serde-wasm-bindgen's own `deserialize_any` reports values it cannot represent, functions
//! and symbols, through serde's `invalid_type`, whose message can print a float; see the
//! README's Embedding section for the cost.)

use crate::model::fields::{object, At, Obj, Problems};
use crate::model::value::Value;
use crate::model::DataErrors;
use crate::state::embed::Theme;
use crate::state::view_state::{CellRef, SortOrder, ViewState};

const OPTIONS: &[&str] = &["data", "src", "lang", "theme", "view"];
const VIEW: &[&str] = &[
    "query",
    "category",
    "hidden",
    "onlyConflicts",
    "onlyRedLines",
    "sort",
    "open",
    "compare",
    "asOf",
    "since",
    "asText",
];
const CELL: &[&str] = &["issue", "party"];
const THEMES: &[&str] = &["auto", "light", "dark"];
const SORTS: &[&str] = &["dataset", "contested", "agreed"];

/// The options, checked. `data` is the dataset object, still to be validated as a dataset.
#[derive(Debug, PartialEq)]
pub struct HostOptions<'v> {
    pub data: Option<&'v Value<'v>>,
    pub src: Option<String>,
    pub lang: Option<String>,
    pub theme: Theme,
    pub view: ViewState,
}

/// Reads `mount()`'s options (`undefined` and `null` mean none), or every problem in them.
pub fn read_options<'v>(value: &'v Value<'v>) -> Result<HostOptions<'v>, DataErrors> {
    let mut problems = Problems::default();
    let mut options = HostOptions {
        data: None,
        src: None,
        lang: None,
        theme: Theme::Auto,
        view: ViewState::default(),
    };
    if matches!(value, Value::Null) {
        return Ok(options);
    }
    let Some(o) = object(value, At::named("options"), OPTIONS, &mut problems) else {
        return Err(problems);
    };
    options.data = o.field("data", false, &mut problems);
    options.src = o.text("src", false, &mut problems);
    options.lang = o.text("lang", false, &mut problems);
    if o.field("theme", false, &mut problems).is_some() {
        options.theme = match o.choice("theme", THEMES, &mut problems) {
            Some(1) => Theme::Light,
            Some(2) => Theme::Dark,
            _ => Theme::Auto,
        };
    }
    if let Some(view) = o.field("view", false, &mut problems) {
        if let Some(view) = read_view(view, &mut problems) {
            options.view = view;
        }
    }
    if problems.is_empty() {
        Ok(options)
    } else {
        Err(problems)
    }
}

/// Reads a view object (as in `change` events, every field optional), or every problem in it.
pub fn view_from(value: &Value) -> Result<ViewState, DataErrors> {
    let mut problems = Problems::default();
    match read_view(value, &mut problems) {
        Some(view) if problems.is_empty() => Ok(view),
        _ => Err(problems),
    }
}

fn read_view(value: &Value, problems: &mut Problems) -> Option<ViewState> {
    let o = object(value, At::named("view"), VIEW, problems)?;
    let ids = |key: &'static str, problems: &mut Problems| -> Vec<String> {
        o.array(key, false, problems)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| match item {
                        Value::String(id) => Some(id.to_string()),
                        other => {
                            problems.report(
                                || o.path_of(key),
                                crate::model::ErrorKind::WrongType {
                                    expected: "a list of ids",
                                    found: other.kind(),
                                },
                            );
                            None
                        }
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut hidden = ids("hidden", problems);
    hidden.sort_unstable();
    hidden.dedup();
    let compare = match ids("compare", problems).as_slice() {
        [a, b] => Some((a.clone(), b.clone())),
        [] => None,
        _ => {
            problems.report(
                || o.path_of("compare"),
                crate::model::ErrorKind::WrongType {
                    expected: "two party ids",
                    found: "another number of them",
                },
            );
            None
        }
    };
    let sort = match o.field("sort", false, problems) {
        Some(_) => o
            .choice("sort", SORTS, problems)
            .and_then(|i| SortOrder::from_name(SORTS[i]))
            .unwrap_or_default(),
        None => SortOrder::default(),
    };
    Some(ViewState {
        query: o
            .string("query", false, problems)
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect(),
        category: o.string("category", false, problems).map(str::to_string),
        hidden,
        only_conflicts: o.boolean("onlyConflicts", problems).unwrap_or(false),
        only_red_lines: o.boolean("onlyRedLines", problems).unwrap_or(false),
        sort,
        open: o
            .field("open", false, problems)
            .and_then(|cell| read_cell(cell, problems)),
        compare,
        as_of: o.date("asOf", false, problems),
        since: o.date("since", false, problems),
        as_text: o.boolean("asText", problems).unwrap_or(false),
    })
}

fn read_cell(value: &Value, problems: &mut Problems) -> Option<CellRef> {
    let o: Obj = object(value, At::named("view.open"), CELL, problems)?;
    Some(CellRef {
        issue: o.string("issue", true, problems)?.to_string(),
        party: o.string("party", true, problems)?.to_string(),
    })
}
