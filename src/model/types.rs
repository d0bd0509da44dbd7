//! The dataset's parts as validation builds them: parties, categories, issues, sources,
//! positions, and the stance and confidence scales.

use super::date::Date;

/// The one format this build reads.
pub const FORMAT: &str = "stance-matrix/1";

/// A party to the negotiation: one column of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub short: Option<String>,
}

impl Party {
    /// The column label: the short form where the dataset gives one.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: String,
}

/// An issue under negotiation: one row of the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub id: String,
    pub title: String,
    /// Index into `Dataset::categories`.
    pub category: Option<usize>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Always `http://` or `https://`: validation refuses anything else.
    pub url: String,
    pub publisher: Option<String>,
    pub published: Option<Date>,
}

/// A milestone of the talks ("17 April 2025: talks in Paris"): a stop on the "as of" timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: String,
    /// Indices into `Dataset::sources`; may be empty.
    pub sources: Vec<usize>,
}

/// Where a party stands on an issue, from support to opposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stance {
    Supports,
    Open,
    Ambivalent,
    Sceptical,
    Opposes,
}

impl Stance {
    pub const ALL: [Stance; 5] = [
        Stance::Supports,
        Stance::Open,
        Stance::Ambivalent,
        Stance::Sceptical,
        Stance::Opposes,
    ];
    pub const NAMES: &'static [&'static str] =
        &["supports", "open", "ambivalent", "sceptical", "opposes"];

    /// The name used in the JSON file.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn from_name(name: &str) -> Option<Stance> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }
}

/// How firmly a position is attested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Confidence {
    OnRecord,
    Reported,
    Inferred,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [
        Confidence::OnRecord,
        Confidence::Reported,
        Confidence::Inferred,
    ];
    pub const NAMES: &'static [&'static str] = &["on_record", "reported", "inferred"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn from_name(name: &str) -> Option<Confidence> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }
}

/// One dated position of one party on one issue.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// Index into `Dataset::parties`.
    pub party: usize,
    /// Index into `Dataset::issues`.
    pub issue: usize,
    pub stance: Stance,
    pub red_line: bool,
    /// Only adds to the party's standing position on the issue (a remark beside an official
    /// proposal) and does not replace it: it is in the cell's timeline, but the standing
    /// position stays current.
    pub adds: bool,
    pub summary: String,
    pub quote: Option<String>,
    pub speaker: Option<String>,
    pub conditions: Option<String>,
    pub date: Date,
    pub confidence: Confidence,
    /// Indices into `Dataset::sources`; at least one.
    pub sources: Vec<usize>,
}
