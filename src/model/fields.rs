//! Reading one JSON object field by field, with a typed problem for every field that is wrong,
//! missing or unknown. Decoders call these and never look at raw `Value`s themselves.
//!
//! Errors cost only when there is one: an object knows where it sits (`At`), and the text of a
//! JSON path is built when a problem is reported, never for a field that is fine.

use super::date::Date;
use super::error::{DataErrors, ErrorKind};
use super::limits::MAX_CHARS;
use super::value::Value;
use std::borrow::Cow;

/// Problems collected while decoding; decoding goes on after each so all are reported at once.
pub(crate) type Problems = DataErrors;

/// Where an object sits: the top level, or element `index` of a top-level list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At {
    list: &'static str,
    index: Option<usize>,
}

impl At {
    pub const TOP: At = At {
        list: "",
        index: None,
    };

    /// An object known by name (`options`, `view`): its fields are `name.key`.
    pub fn named(name: &'static str) -> At {
        At {
            list: name,
            index: None,
        }
    }

    pub fn item(list: &'static str, index: usize) -> At {
        At {
            list,
            index: Some(index),
        }
    }

    /// `positions[3]`, `view`, or the empty path for the top level.
    pub fn path(self) -> String {
        match self.index {
            Some(i) => format!("{}[{i}]", self.list),
            None => self.list.to_string(),
        }
    }

    /// `positions[3].party`, `view.sort`, or `title` at the top level.
    pub fn field(self, key: &str) -> String {
        match self.index {
            Some(i) => format!("{}[{i}].{key}", self.list),
            None if self.list.is_empty() => key.to_string(),
            None => format!("{}.{key}", self.list),
        }
    }
}

/// An object being read, and where it sits, for messages.
pub(crate) struct Obj<'v> {
    entries: &'v [(Cow<'v, str>, Value<'v>)],
    pub at: At,
}

/// Opens `value` as an object whose fields must all be in `known`; reports the rest.
pub(crate) fn object<'v>(
    value: &'v Value<'v>,
    at: At,
    known: &[&'static str],
    problems: &mut Problems,
) -> Option<Obj<'v>> {
    let Value::Object(entries) = value else {
        problems.report(
            || at.path(),
            ErrorKind::WrongType {
                expected: "an object",
                found: value.kind(),
            },
        );
        return None;
    };
    // Which known fields were seen, one bit each: a repeated field is found in one pass, not
    // by comparing each key with every key before it (quadratic in a 10 MB object).
    debug_assert!(known.len() <= 64, "a field list fits in the bit set");
    let mut seen = 0u64;
    for (i, (key, _)) in entries.iter().enumerate() {
        let Some(k) = known.iter().position(|k| *k == key.as_ref()) else {
            let kind = ErrorKind::UnknownField {
                field: key.to_string(),
                suggestion: nearest(key, known),
            };
            problems.report(|| at.path(), kind);
            continue;
        };
        let repeated = match 1u64.checked_shl(k as u32) {
            Some(bit) => {
                let before = seen;
                seen |= bit;
                before & bit != 0
            }
            None => entries[..i].iter().any(|(other, _)| other == key),
        };
        if repeated {
            problems.report(
                || at.path(),
                ErrorKind::DuplicateField {
                    field: key.to_string(),
                },
            );
        }
    }
    Some(Obj { entries, at })
}

/// The known field a typo most likely meant: same letters in another case, or at most a third
/// of the letters (at least one) edited.
fn nearest(field: &str, known: &[&'static str]) -> Option<&'static str> {
    let budget = (field.chars().count() / 3).max(1);
    known
        .iter()
        .filter_map(|k| {
            edit_distance(field, k)
                .filter(|d| *d <= budget)
                .map(|d| (d, *k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Longest known field name `edit_distance` compares against (they are all short).
const MAX_KNOWN: usize = 31;

/// Optimal string alignment distance between `typed` (compared in ASCII lower case, cut to 64
/// characters, so a hostile key cannot make this slow) and the known field name `known`:
/// insertions, deletions, substitutions and swaps of neighbours each cost one. Three rows on the
/// stack: no allocation per candidate. `None` for a known name longer than `MAX_KNOWN`.
fn edit_distance(typed: &str, known: &str) -> Option<usize> {
    let b = known.as_bytes();
    if b.len() > MAX_KNOWN {
        return None;
    }
    let mut before = [0usize; MAX_KNOWN + 1];
    let mut above: [usize; MAX_KNOWN + 1] = std::array::from_fn(|j| j);
    let mut row = [0usize; MAX_KNOWN + 1];
    let mut previous_char = None;
    for (i, c) in typed.chars().take(64).enumerate() {
        let c = c.to_ascii_lowercase();
        row[0] = i + 1;
        for j in 1..=b.len() {
            let cost = usize::from(c != char::from(b[j - 1]));
            let mut d = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
            if j > 1 && previous_char == Some(char::from(b[j - 1])) && c == char::from(b[j - 2]) {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        previous_char = Some(c);
        before = above;
        above = row;
    }
    Some(above[b.len()])
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
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
}

impl<'v> Obj<'v> {
    pub fn path_of(&self, key: &str) -> String {
        self.at.field(key)
    }

    fn get(&self, key: &str) -> Option<&'v Value<'v>> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn wrong_type(
        &self,
        key: &str,
        expected: &'static str,
        found: &Value,
        problems: &mut Problems,
    ) {
        problems.report(
            || self.path_of(key),
            ErrorKind::WrongType {
                expected,
                found: found.kind(),
            },
        );
    }

    /// The field's value; a required one that is absent (or null) is reported.
    pub fn field(
        &self,
        key: &'static str,
        required: bool,
        problems: &mut Problems,
    ) -> Option<&'v Value<'v>> {
        match self.get(key) {
            None | Some(Value::Null) if required => {
                problems.report(|| self.at.path(), ErrorKind::Missing { field: key });
                None
            }
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// The field as a string, borrowed from the parsed file.
    pub fn string(
        &self,
        key: &'static str,
        required: bool,
        problems: &mut Problems,
    ) -> Option<&'v str> {
        match self.field(key, required, problems)? {
            Value::String(s) => Some(s),
            other => {
                self.wrong_type(key, "a string", other, problems);
                None
            }
        }
    }

    /// Non-empty text of at most `MAX_CHARS` characters, with disguising controls removed.
    pub fn text(
        &self,
        key: &'static str,
        required: bool,
        problems: &mut Problems,
    ) -> Option<String> {
        let s = self.string(key, required, problems)?;
        let chars = s.chars().count();
        if s.trim().is_empty() {
            problems.report(|| self.path_of(key), ErrorKind::Empty);
            None
        } else if chars > MAX_CHARS {
            problems.report(
                || self.path_of(key),
                ErrorKind::TooLong {
                    chars,
                    limit: MAX_CHARS,
                },
            );
            None
        } else {
            Some(without_controls(s))
        }
    }

    /// A reference or definition id (always required), borrowed from the parsed file.
    pub fn id(&self, key: &'static str, problems: &mut Problems) -> Option<&'v str> {
        let s = self.string(key, true, problems)?;
        if is_valid_id(s) {
            Some(s)
        } else {
            problems.report(
                || self.path_of(key),
                ErrorKind::BadId {
                    value: s.to_string(),
                },
            );
            None
        }
    }

    pub fn date(&self, key: &'static str, required: bool, problems: &mut Problems) -> Option<Date> {
        let s = self.string(key, required, problems)?;
        let date = Date::parse(s);
        if date.is_none() {
            problems.report(
                || self.path_of(key),
                ErrorKind::BadDate {
                    value: s.to_string(),
                },
            );
        }
        date
    }

    pub fn boolean(&self, key: &'static str, problems: &mut Problems) -> Option<bool> {
        match self.field(key, false, problems)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(key, "true or false", other, problems);
                None
            }
        }
    }

    /// One of `allowed`, as its index.
    pub fn choice(
        &self,
        key: &'static str,
        allowed: &'static [&'static str],
        problems: &mut Problems,
    ) -> Option<usize> {
        let s = self.string(key, true, problems)?;
        let found = allowed.iter().position(|a| *a == s);
        if found.is_none() {
            problems.report(
                || self.path_of(key),
                ErrorKind::UnknownValue {
                    value: s.to_string(),
                    allowed,
                },
            );
        }
        found
    }

    pub fn array(
        &self,
        key: &'static str,
        required: bool,
        problems: &mut Problems,
    ) -> Option<&'v [Value<'v>]> {
        match self.field(key, required, problems)? {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(key, "an array", other, problems);
                None
            }
        }
    }
}
