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

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}
