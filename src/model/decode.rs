//! The top level of a dataset and its definition lists (parties, categories, issues, sources).
//! Limits are checked before any per-element work; every problem is collected, none stops early
//! except a file too large, not JSON, or not an object.

use super::dataset::DatasetParts;
use super::definitions::{decode_category, decode_issue, decode_party, decode_source};
use super::error::{DataErrors, ErrorKind};
use super::events::decode_event;
use super::fields::{self, At, Obj, Problems};
use super::ids::{IdTable, Target};
use super::limits::{MAX_BYTES, MAX_ISSUES, MAX_PARTIES, MAX_POSITIONS};
use super::positions::decode_positions;
use super::shapes::is_language_tag;
use super::types::FORMAT;
use super::value::{self, Value};

const TOP: &[&str] = &[
    "$schema",
    "format",
    "title",
    "description",
    "as_of",
    "methodology",
    "language",
    "parties",
    "categories",
    "issues",
    "sources",
    "positions",
    "events",
];
const PARTY: &[&str] = &["id", "name", "short"];
const CATEGORY: &[&str] = &["id", "name"];
const ISSUE: &[&str] = &["id", "title", "category", "description"];
const SOURCE: &[&str] = &["id", "title", "url", "publisher", "published"];

/// The fields each kind of object allows, for the schema drift test.
pub const KNOWN_FIELDS: &[(&str, &[&str])] = &[
    ("dataset", TOP),
    ("party", PARTY),
    ("category", CATEGORY),
    ("issue", ISSUE),
    ("source", SOURCE),
    ("position", super::positions::POSITION),
    ("event", super::events::EVENT),
];

pub(super) fn decode(text: &str) -> Result<DatasetParts, DataErrors> {
    let whole = DataErrors::whole;
    if text.len() > MAX_BYTES {
        return Err(whole(ErrorKind::FileTooLarge {
            bytes: text.len(),
            limit: MAX_BYTES,
        }));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = value::parse(text).map_err(|e| {
        whole(ErrorKind::Syntax {
            line: e.line,
            column: e.column,
            detail: e.detail,
        })
    })?;
    decode_value(&value)
}

/// Checks a dataset already read into a value tree (from text, or from a host page's object).
pub(super) fn decode_value<'v>(value: &'v Value<'v>) -> Result<DatasetParts, DataErrors> {
    let whole = DataErrors::whole;
    let mut problems = Problems::default();
    let top = fields::object(value, At::TOP, TOP, &mut problems).ok_or_else(|| {
        let found = value.kind();
        whole(ErrorKind::WrongType {
            expected: "an object with \"format\", \"parties\", \"issues\"…",
            found,
        })
    })?;
    check_counts(&top, &mut problems)?;

    if let Some(format) = top.text("format", true, &mut problems) {
        if format != FORMAT {
            problems.report(
                || "format".into(),
                ErrorKind::UnsupportedFormat { value: format },
            );
        }
    }
    let title = top.text("title", true, &mut problems);
    let description = top.text("description", false, &mut problems);
    let as_of = top.date("as_of", true, &mut problems);
    let methodology = top.text("methodology", false, &mut problems);
    let language = top.text("language", false, &mut problems).filter(|tag| {
        let ok = is_language_tag(tag);
        if !ok {
            problems.report(
                || "language".into(),
                ErrorKind::BadLanguage { value: tag.clone() },
            );
        }
        ok
    });

    let (parties, party_ids) = list(&top, PARTIES, &mut problems, decode_party);
    let (categories, category_ids) = list(&top, CATEGORIES, &mut problems, decode_category);
    let (issues, issue_ids) = list(&top, ISSUES, &mut problems, |o, id, p| {
        decode_issue(o, id, &category_ids, p)
    });
    let (sources, source_ids) = list(&top, SOURCES, &mut problems, decode_source);
    let positions = match top.array("positions", true, &mut problems) {
        Some(items) => decode_positions(items, &party_ids, &issue_ids, &source_ids, &mut problems),
        None => Vec::new(),
    };
    let (events, _) = list(&top, EVENTS, &mut problems, |o, id, p| {
        decode_event(o, id, &source_ids, p)
    });

    match (title, as_of) {
        (Some(title), Some(as_of)) if problems.is_empty() => Ok(DatasetParts {
            title,
            description,
            as_of,
            methodology,
            language,
            parties,
            categories,
            issues,
            sources,
            positions,
            events,
        }),
        _ => Err(problems),
    }
}

/// Refuses oversized lists before any element is read.
fn check_counts(top: &Obj, problems: &mut Problems) -> Result<(), DataErrors> {
    let mut over = Problems::default();
    for (what, limit) in [
        ("parties", MAX_PARTIES),
        ("issues", MAX_ISSUES),
        ("positions", MAX_POSITIONS),
    ] {
        if let Some(Value::Array(items)) = top.field(what, false, problems) {
            if items.len() > limit {
                over.report(
                    || what.into(),
                    ErrorKind::TooMany {
                        what,
                        count: items.len(),
                        limit,
                    },
                );
            }
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over)
    }
}

/// A top-level list of defined things.
struct ListSpec {
    key: &'static str,
    fields: &'static [&'static str],
    required: bool,
    /// What the list must hold at least one of, if it may not be empty.
    at_least_one: Option<&'static str>,
}

const PARTIES: ListSpec = ListSpec {
    key: "parties",
    fields: PARTY,
    required: true,
    at_least_one: Some("party"),
};
const CATEGORIES: ListSpec = ListSpec {
    key: "categories",
    fields: CATEGORY,
    required: false,
    at_least_one: None,
};
const ISSUES: ListSpec = ListSpec {
    key: "issues",
    fields: ISSUE,
    required: true,
    at_least_one: Some("issue"),
};
const SOURCES: ListSpec = ListSpec {
    key: "sources",
    fields: SOURCE,
    required: true,
    at_least_one: None,
};
const EVENTS: ListSpec = ListSpec {
    key: "events",
    fields: super::events::EVENT,
    required: false,
    at_least_one: None,
};

/// Decodes a list of defined things, each with an `id`, into values and an id table. An
/// element whose id is fine but another field is broken is still defined (known but broken),
/// so references to it do not produce a second, misleading problem, and the element after it
/// is never mistaken for it.
fn list<'v, T>(
    top: &Obj<'v>,
    spec: ListSpec,
    problems: &mut Problems,
    decode_one: impl Fn(&Obj<'v>, Option<&'v str>, &mut Problems) -> Option<T>,
) -> (Vec<T>, IdTable<'v>) {
    let (mut defined, mut out) = (Vec::new(), Vec::new());
    if let Some(items) = top.array(spec.key, spec.required, problems) {
        // Sized once: growing by doubling would leave up to half of a 20,000-issue list unused.
        defined.reserve_exact(items.len());
        out.reserve_exact(items.len());
        if let (true, Some(what)) = (items.is_empty(), spec.at_least_one) {
            problems.report(|| spec.key.into(), ErrorKind::EmptyList { what });
        }
        for (item, value) in items.iter().enumerate() {
            let Some(obj) = fields::object(value, At::item(spec.key, item), spec.fields, problems)
            else {
                continue;
            };
            let id = obj.id("id", problems);
            let decoded = decode_one(&obj, id, problems);
            let value = decoded.map(|v| {
                out.push(v);
                out.len() - 1
            });
            if let Some(id) = id {
                defined.push((id, Target::new(item, value)));
            }
        }
    }
    (out, IdTable::new(spec.key, defined, problems))
}
