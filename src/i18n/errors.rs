//! Each problem with a dataset in words, in the reader's language (`Display` writes English,
//! for the command line and the check page).

use super::words::megabytes;
use super::{Lang, Msg};
use crate::model::{excerpt, ErrorKind, FORMAT};
use std::fmt;

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
                &[&megabytes(*bytes as u64, lang), &n(&(limit / 1_000_000))],
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
                &[&e(value), &quoted_list(&[FORMAT])],
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

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
