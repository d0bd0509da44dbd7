//! Reading one JSON object field by field, with a typed problem for every field that is wrong,
//! missing or unknown. Decoders call these and never look at raw `Value`s themselves.

use super::limits::MAX_CHARS;
use super::{DataError, Date, ErrorKind};
use crate::json::Value;
use std::collections::HashMap;

/// Problems collected while decoding; decoding goes on after each so all are reported at once.
pub(super) type Problems = Vec<DataError>;

pub(super) fn report(problems: &mut Problems, path: &str, kind: ErrorKind) {
    problems.push(DataError { path: path.to_string(), kind });
}

/// An object being read, with its path for messages.
pub(super) struct Obj<'v> {
    entries: &'v [(String, Value)],
    pub path: String,
}

/// Opens `value` as an object whose fields must all be in `known`; reports the rest.
pub(super) fn object<'v>(value: &'v Value, path: &str, known: &[&'static str], problems: &mut Problems) -> Option<Obj<'v>> {
    let Value::Object(entries) = value else {
        report(problems, path, ErrorKind::WrongType { expected: "an object", found: value.kind() });
        return None;
    };
    let obj = Obj { entries, path: path.to_string() };
    for (i, (key, _)) in entries.iter().enumerate() {
        if !known.contains(&key.as_str()) {
            let kind = ErrorKind::UnknownField { field: key.clone(), suggestion: nearest(key, known) };
            report(problems, path, kind);
        } else if entries[..i].iter().any(|(k, _)| k == key) {
            report(problems, path, ErrorKind::DuplicateField { field: key.clone() });
        }
    }
    Some(obj)
}

/// The known field a typo most likely meant: same letters in another case, or at most a third
/// of the letters (at least one) edited.
fn nearest(field: &str, known: &[&'static str]) -> Option<&'static str> {
    // Field names are ASCII, so ASCII case is all a typo can differ in.
    let lower = field.to_ascii_lowercase();
    let budget = (field.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// neighbours each cost one. Unknown field names are cut to 64 characters first, so a hostile
/// key cannot make this slow.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

/// Removes characters that could disguise text: C0/C1 controls (but line breaks and tabs) and
/// the bidirectional embedding, override and isolate controls.
fn without_controls(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            !bidi && (!c.is_control() || c == '\n' || c == '\t')
        })
        .collect()
}

/// Whether `id` is 1–64 ASCII letters, digits, `-` or `_`, starting with a letter or digit.
pub(super) fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
}

impl<'v> Obj<'v> {
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&self, key: &str) -> Option<&'v Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The field's value; a required one that is absent (or null) is reported.
    pub fn field(&self, key: &'static str, required: bool, problems: &mut Problems) -> Option<&'v Value> {
        match self.get(key) {
            None | Some(Value::Null) if required => {
                report(problems, &self.path, ErrorKind::Missing { field: key });
                None
            }
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn string(&self, key: &'static str, required: bool, problems: &mut Problems) -> Option<&'v str> {
        match self.field(key, required, problems)? {
            Value::String(s) => Some(s),
            other => {
                report(problems, &self.path_of(key), ErrorKind::WrongType { expected: "a string", found: other.kind() });
                None
            }
        }
    }

    /// Non-empty text of at most `MAX_CHARS` characters, with disguising controls removed.
    pub fn text(&self, key: &'static str, required: bool, problems: &mut Problems) -> Option<String> {
        let s = self.string(key, required, problems)?;
        let chars = s.chars().count();
        if s.trim().is_empty() {
            report(problems, &self.path_of(key), ErrorKind::Empty);
            None
        } else if chars > MAX_CHARS {
            report(problems, &self.path_of(key), ErrorKind::TooLong { chars, limit: MAX_CHARS });
            None
        } else {
            Some(without_controls(s))
        }
    }

    /// A reference or definition id (always required).
    pub fn id(&self, key: &'static str, problems: &mut Problems) -> Option<String> {
        let s = self.string(key, true, problems)?;
        if is_valid_id(s) {
            Some(s.to_string())
        } else {
            report(problems, &self.path_of(key), ErrorKind::BadId { value: s.to_string() });
            None
        }
    }

    pub fn date(&self, key: &'static str, required: bool, problems: &mut Problems) -> Option<Date> {
        let s = self.string(key, required, problems)?;
        let date = Date::parse(s);
        if date.is_none() {
            report(problems, &self.path_of(key), ErrorKind::BadDate { value: s.to_string() });
        }
        date
    }

    pub fn boolean(&self, key: &'static str, problems: &mut Problems) -> Option<bool> {
        match self.field(key, false, problems)? {
            Value::Bool(b) => Some(*b),
            other => {
                report(problems, &self.path_of(key), ErrorKind::WrongType { expected: "true or false", found: other.kind() });
                None
            }
        }
    }

    /// One of `allowed`, as its index.
    pub fn choice(&self, key: &'static str, allowed: &'static [&'static str], problems: &mut Problems) -> Option<usize> {
        let s = self.string(key, true, problems)?;
        let found = allowed.iter().position(|a| *a == s);
        if found.is_none() {
            report(problems, &self.path_of(key), ErrorKind::UnknownValue { value: s.to_string(), allowed });
        }
        found
    }

    pub fn array(&self, key: &'static str, required: bool, problems: &mut Problems) -> Option<&'v [Value]> {
        match self.field(key, required, problems)? {
            Value::Array(items) => Some(items),
            other => {
                report(problems, &self.path_of(key), ErrorKind::WrongType { expected: "an array", found: other.kind() });
                None
            }
        }
    }
}

/// Ids defined by one list (parties, issues, …), for duplicate checks and reference lookups.
#[derive(Default)]
pub(super) struct IdTable {
    order: Vec<String>,
    index: HashMap<String, (usize, String)>,
}

impl IdTable {
    /// Registers the id of element `at` (found at `path`), reporting a duplicate.
    pub fn define(&mut self, id: &str, at: usize, path: &str, id_path: &str, problems: &mut Problems) {
        if let Some((_, first)) = self.index.get(id) {
            report(problems, id_path, ErrorKind::DuplicateId { id: id.to_string(), first: first.clone() });
        } else {
            self.order.push(id.to_string());
            self.index.insert(id.to_string(), (at, path.to_string()));
        }
    }

    /// Resolves a reference to an element index, reporting an unknown one.
    pub fn resolve(&self, what: &'static str, id: &str, path: &str, problems: &mut Problems) -> Option<usize> {
        let found = self.index.get(id).map(|(i, _)| *i);
        if found.is_none() {
            report(problems, path, ErrorKind::UnknownRef { what, id: id.to_string(), known: self.order.clone() });
        }
        found
    }
}
