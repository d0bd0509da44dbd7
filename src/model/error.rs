//! Typed dataset problems. Each names the JSON path and the values involved, so an editor who
//! typed the file by hand can find and fix every one from the message alone.

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
    Syntax { line: usize, column: usize, detail: String },
    FileTooLarge { bytes: usize, limit: usize },
    TooMany { what: &'static str, count: usize, limit: usize },
    TooLong { chars: usize, limit: usize },
    WrongType { expected: &'static str, found: &'static str },
    Missing { field: &'static str },
    UnknownField { field: String, suggestion: Option<&'static str> },
    DuplicateField { field: String },
    Empty,
    EmptyList { what: &'static str },
    BadId { value: String },
    DuplicateId { id: String, first: String },
    UnknownRef { what: &'static str, id: String, known: Vec<String> },
    RepeatedRef { id: String },
    BadDate { value: String },
    UnknownValue { value: String, allowed: &'static [&'static str] },
    BadUrl { value: String },
    RedLineOffSide { stance: &'static str },
    UnsupportedFormat { value: String },
    DuplicatePosition { party: String, issue: String, date: String, first: String },
}

/// Every problem in a dataset, in file order. Never empty when returned as an error.
pub type DataErrors = Vec<DataError>;

/// Known ids are listed in messages up to this many, so one message never floods the view.
const KNOWN_SHOWN: usize = 12;

fn quoted_list(items: &[&str]) -> String {
    items.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
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

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            Syntax { line, column, detail } => write!(f, "invalid JSON at line {line}, column {column}: {detail}"),
            FileTooLarge { bytes, limit } => {
                write!(f, "the file is {}; the limit is {} MB", super::limits::megabytes(*bytes as u64), limit / 1_000_000)
            }
            TooMany { what, count, limit } => write!(f, "too many {what} ({count}; the limit is {limit})"),
            TooLong { chars, limit } => write!(f, "text of {chars} characters is too long (the limit is {limit})"),
            WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            Missing { field } => write!(f, "missing required field \"{field}\""),
            UnknownField { field, suggestion: Some(s) } => {
                write!(f, "unknown field {} (did you mean \"{s}\"?)", excerpt(field))
            }
            UnknownField { field, suggestion: None } => write!(f, "unknown field {}", excerpt(field)),
            DuplicateField { field } => write!(f, "field \"{field}\" appears more than once"),
            Empty => write!(f, "must not be empty"),
            EmptyList { what } => write!(f, "must list at least one {what}"),
            BadId { value } => write!(
                f,
                "{} is not a valid id: use 1 to 64 letters, digits, \"-\" or \"_\", starting with a letter or digit",
                excerpt(value)
            ),
            DuplicateId { id, first } => write!(f, "duplicate id \"{id}\" (first at {first})"),
            UnknownRef { what, id, known } => {
                let shown: Vec<&str> = known.iter().take(KNOWN_SHOWN).map(String::as_str).collect();
                let more = if known.len() > KNOWN_SHOWN { format!(", … {} more", known.len() - KNOWN_SHOWN) } else { String::new() };
                if known.is_empty() {
                    write!(f, "unknown {what} {} (the dataset defines none)", excerpt(id))
                } else {
                    write!(f, "unknown {what} {} (known: {}{more})", excerpt(id), shown.join(", "))
                }
            }
            RepeatedRef { id } => write!(f, "source \"{id}\" is listed more than once"),
            BadDate { value } => write!(f, "{} is not a valid date (YYYY-MM-DD)", excerpt(value)),
            UnknownValue { value, allowed } => {
                write!(f, "unknown value {} (allowed: {})", excerpt(value), allowed.join(", "))
            }
            BadUrl { value } => write!(f, "{} is not an http(s) URL", excerpt(value)),
            RedLineOffSide { stance } => write!(
                f,
                "a red line must sit on a side: only with \"supports\" or \"opposes\", not \"{stance}\""
            ),
            UnsupportedFormat { value } => write!(
                f,
                "unsupported format {} (supported: {})",
                excerpt(value),
                quoted_list(&[super::FORMAT])
            ),
            DuplicatePosition { party, issue, date, first } => write!(
                f,
                "duplicate position for party \"{party}\", issue \"{issue}\" on {date} (first at {first})"
            ),
        }
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
