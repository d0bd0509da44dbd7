//! Typed dataset problems. Each names the JSON path and the values involved, so an editor who
//! typed the file by hand can find and fix every one from the message alone.

use crate::i18n::{Lang, Msg};
use std::fmt;

/// One problem found in a dataset, at a JSON path such as `positions[12].party`.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// Where: `positions[12].party`; empty for the file as a whole.
    pub path: String,
    /// What is wrong there.
    pub kind: ErrorKind,
}

/// What is wrong. The `Display` text is the message the widget shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    FileTooLarge {
        bytes: usize,
        limit: usize,
    },
    TooMany {
        what: &'static str,
        count: usize,
        limit: usize,
    },
    TooLong {
        chars: usize,
        limit: usize,
    },
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    Missing {
        field: &'static str,
    },
    UnknownField {
        field: String,
        suggestion: Option<&'static str>,
    },
    DuplicateField {
        field: String,
    },
    Empty,
    EmptyList {
        what: &'static str,
    },
    BadId {
        value: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    /// `known`: the first few ids the list defines, in file order; `defined`: how many it does.
    UnknownRef {
        what: &'static str,
        id: String,
        known: Vec<String>,
        defined: usize,
    },
    RepeatedRef {
        id: String,
    },
    BadDate {
        value: String,
    },
    UnknownValue {
        value: String,
        allowed: &'static [&'static str],
    },
    BadUrl {
        value: String,
    },
    BadLanguage {
        value: String,
    },
    RedLineOffSide {
        stance: &'static str,
    },
    UnsupportedFormat {
        value: String,
    },
    DuplicatePosition {
        party: String,
        issue: String,
        date: String,
        first: String,
    },
}

/// Every problem in a dataset, mostly in file order, up to `DataErrors::KEPT` of them; the rest
/// are only counted, so a file with 60,000 broken references cannot fill the memory or the
/// view. Never empty when returned as an error. Reads as a slice of the kept problems.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataErrors {
    kept: Vec<DataError>,
    more: usize,
}

impl DataErrors {
    /// Problems kept with their messages (the error view shows them all).
    pub const KEPT: usize = 200;

    /// One problem about the file as a whole.
    pub fn whole(kind: ErrorKind) -> DataErrors {
        DataErrors {
            kept: vec![DataError {
                path: String::new(),
                kind,
            }],
            more: 0,
        }
    }

    /// Records a problem at the path `path` builds; past `KEPT`, only counts it (and builds
    /// nothing).
    pub fn report(&mut self, path: impl FnOnce() -> String, kind: ErrorKind) {
        self.report_with(path, || kind);
    }

    /// `report`, for a problem whose description costs something to build.
    pub fn report_with(&mut self, path: impl FnOnce() -> String, kind: impl FnOnce() -> ErrorKind) {
        if self.kept.len() < Self::KEPT {
            self.kept.push(DataError {
                path: path(),
                kind: kind(),
            });
        } else {
            self.more += 1;
        }
    }

    /// Problems found beyond the kept ones.
    pub fn more(&self) -> usize {
        self.more
    }

    /// Every problem found, kept or only counted.
    pub fn total(&self) -> usize {
        self.kept.len() + self.more
    }
}

impl std::ops::Deref for DataErrors {
    type Target = [DataError];
    fn deref(&self) -> &[DataError] {
        &self.kept
    }
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text shown in a message: quoted, with quotes, backslashes and control characters escaped
/// (so a stray line break cannot fake a second message), and cut so a 10,000-character mistake
/// stays readable. Written by hand: `{:?}` would pull Unicode printability tables into the wasm.
pub fn excerpt(value: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::from("\"");
    for c in value.chars().take(MAX) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    if value.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

impl ErrorKind {
    /// The message in the reader's language (`Display` writes it in English, for the command
    /// line and the check page). Values from the file are quoted as the file has them.
    pub fn describe(&self, lang: Lang) -> String {
        use ErrorKind::*;
        let (n, e) = (|v: &usize| v.to_string(), excerpt);
        let f = |m: Msg, args: &[&str]| lang.f(m, args);
        match self {
            Syntax {
                line,
                column,
                detail,
            } => f(Msg::ErrSyntax, &[&n(line), &n(column), detail]),
            FileTooLarge { bytes, limit } => f(
                Msg::ErrFileTooLarge,
                &[
                    &super::limits::megabytes(*bytes as u64, lang),
                    &n(&(limit / 1_000_000)),
                ],
            ),
            TooMany { what, count, limit } => f(Msg::ErrTooMany, &[what, &n(count), &n(limit)]),
            TooLong { chars, limit } => f(Msg::ErrTooLong, &[&n(chars), &n(limit)]),
            WrongType { expected, found } => f(Msg::ErrWrongType, &[expected, found]),
            Missing { field } => f(Msg::ErrMissing, &[field]),
            UnknownField {
                field,
                suggestion: Some(s),
            } => f(Msg::ErrUnknownFieldDidYouMean, &[&e(field), s]),
            UnknownField {
                field,
                suggestion: None,
            } => f(Msg::ErrUnknownField, &[&e(field)]),
            DuplicateField { field } => f(Msg::ErrDuplicateField, &[field]),
            Empty => f(Msg::ErrEmpty, &[]),
            EmptyList { what } => f(Msg::ErrEmptyList, &[what]),
            BadId { value } => f(Msg::ErrBadId, &[&e(value)]),
            DuplicateId { id, first } => f(Msg::ErrDuplicateId, &[id, first]),
            UnknownRef {
                what,
                id,
                known,
                defined,
            } => {
                let shown: Vec<&str> = known.iter().map(String::as_str).collect();
                let more = if *defined > known.len() {
                    lang.f(Msg::MoreIds, &[&(defined - known.len()).to_string()])
                } else {
                    String::new()
                };
                if known.is_empty() {
                    f(Msg::ErrUnknownRefNone, &[what, &e(id)])
                } else {
                    f(
                        Msg::ErrUnknownRef,
                        &[what, &e(id), &(shown.join(", ") + &more)],
                    )
                }
            }
            RepeatedRef { id } => f(Msg::ErrRepeatedRef, &[id]),
            BadDate { value } => f(Msg::ErrBadDate, &[&e(value)]),
            UnknownValue { value, allowed } => {
                f(Msg::ErrUnknownValue, &[&e(value), &allowed.join(", ")])
            }
            BadUrl { value } => f(Msg::ErrBadUrl, &[&e(value)]),
            BadLanguage { value } => f(Msg::ErrBadLanguage, &[&e(value)]),
            RedLineOffSide { stance } => f(Msg::ErrRedLineOffSide, &[stance]),
            UnsupportedFormat { value } => f(
                Msg::ErrUnsupportedFormat,
                &[&e(value), &quoted_list(&[super::types::FORMAT])],
            ),
            DuplicatePosition {
                party,
                issue,
                date,
                first,
            } => f(Msg::ErrDuplicatePosition, &[party, issue, date, first]),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::EN))
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}
