//! Reading one JSON object field by field, with a typed problem for every field that is wrong,
//! missing or unknown. Decoders call these and never look at raw `Value`s themselves.
//!
//! Errors cost only when there is one: an object knows where it sits (`At`), and the text of a
//! JSON path is built when a problem is reported, never for a field that is fine.

pub(crate) use super::at::At;
use super::date::Date;
use super::error::{DataErrors, ErrorKind};
use super::limits::MAX_CHARS;
use super::suggest::nearest;
use super::text::{is_blank, is_valid_id, without_controls};
use super::value::Value;
use std::borrow::Cow;

/// Problems collected while decoding; decoding goes on after each so all are reported at once.
pub(crate) type Problems = DataErrors;

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
        if is_blank(s) {
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
