//! The view state in the URL fragment, readable by a person: `#q=crimea&only=conflicts`.
//! Reading is forgiving part by part: an unknown key, a bad value or an id the dataset does not
//! have drops only that part, so an old or hand-edited link still opens a sensible view.

use crate::analysis::history;
use crate::model::{Dataset, Date};
use crate::state::view_state::{CellRef, SortOrder, ViewState};

/// Writes a state as a fragment (without `#`); the default state is the empty string.
pub fn encode(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |key: &str, value: &str| parts.push(format!("{key}={}", escape(value)));
    if !state.query.is_empty() {
        put("q", &state.query);
    }
    if let Some(c) = &state.category {
        put("cat", c);
    }
    if !state.hidden.is_empty() {
        put("hide", &state.hidden.join(","));
    }
    let only: Vec<&str> = [
        (state.only_conflicts, "conflicts"),
        (state.only_red_lines, "red-lines"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    if !only.is_empty() {
        put("only", &only.join(","));
    }
    if state.sort != SortOrder::Dataset {
        put("sort", state.sort.name());
    }
    if let Some(cell) = &state.open {
        put("cell", &cell.key());
    }
    if let Some((a, b)) = &state.compare {
        put("cmp", &format!("{a}.{b}"));
    }
    if let Some(date) = state.as_of {
        put("asof", &date.to_string());
    }
    if let Some(date) = state.since {
        put("since", &date.to_string());
    }
    if state.as_text {
        put("view", "text");
    }
    parts.join("&")
}

/// Reads a fragment (with or without `#`) against a dataset; what does not fit is ignored.
pub fn decode(fragment: &str, dataset: &Dataset) -> ViewState {
    let mut state = ViewState::default();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let party = |id: &str| dataset.party_index(id).map(|_| id.to_string());
    for part in fragment.split('&') {
        let Some((key, raw)) = part.split_once('=') else {
            continue;
        };
        let Some(value) = unescape(raw) else { continue };
        match key {
            "q" => state.query = value.chars().take(200).collect(),
            "cat" if dataset.category_index(&value).is_some() => state.category = Some(value),
            "hide" => {
                let mut hidden: Vec<String> = value.split(',').filter_map(party).collect();
                hidden.sort_unstable();
                hidden.dedup();
                state.hidden = hidden;
            }
            "only" => {
                for name in value.split(',') {
                    match name {
                        "conflicts" => state.only_conflicts = true,
                        "red-lines" => state.only_red_lines = true,
                        _ => {}
                    }
                }
            }
            "sort" => state.sort = SortOrder::from_name(&value).unwrap_or_default(),
            // Only a stated cell has details to open.
            "cell" => {
                state.open = value.split_once('.').and_then(|(issue, p)| {
                    dataset.current(dataset.issue_index(issue)?, dataset.party_index(p)?)?;
                    Some(CellRef {
                        issue: issue.to_string(),
                        party: p.to_string(),
                    })
                })
            }
            "cmp" => {
                state.compare = value
                    .split_once('.')
                    .and_then(|(a, b)| Some((party(a)?, party(b)?)))
                    .filter(|(a, b)| a != b)
            }
            "asof" => state.as_of = Date::parse(&value),
            "since" => state.since = Date::parse(&value),
            "view" => state.as_text = value == "text",
            _ => {}
        }
    }
    // Dates are the timeline's stops: a day between two is the earlier stop (the positions
    // are the same), a day before the first is the first. The latest date is the default
    // view, written as none; "changed since" must be earlier than the date shown. A dataset
    // with one date has no timeline, so neither.
    let stops = history::stops(dataset);
    let snap = |d: Date| stops.iter().rev().find(|s| s.date <= d).map(|s| s.date);
    match (stops.first(), stops.last()) {
        (Some(first), Some(latest)) if stops.len() > 1 => {
            state.as_of = state
                .as_of
                .map(|d| snap(d).unwrap_or(first.date))
                .filter(|d| *d < latest.date);
            let shown = state.as_of.unwrap_or(latest.date);
            state.since = state.since.and_then(snap).filter(|d| *d < shown);
        }
        _ => (state.as_of, state.since) = (None, None),
    }
    state
}

/// Percent-encodes all but unreserved characters and `,` (a list separator ids never contain).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space, as forms write it); `None` for a broken escape
/// or bytes that are not UTF-8.
pub fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text
                    .get(i + 1..i + 3)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
