//! The dataset: its types, and `parse`, which turns a `stance-matrix/1` JSON text into a checked
//! `Dataset` or every problem found in it. No Yew or browser types live here.

mod date;
mod decode;
mod error;
mod fields;
mod positions;

pub use date::Date;
pub use decode::{is_http_url, KNOWN_FIELDS};
pub use error::{DataError, DataErrors, ErrorKind};

/// The one format this build reads.
pub const FORMAT: &str = "stance-matrix/1";

/// Limits refused before slow work, so a hostile or mistaken file cannot freeze a reader's tab.
pub mod limits {
    pub const MAX_BYTES: usize = 10_000_000;
    pub const MAX_PARTIES: usize = 500;
    pub const MAX_ISSUES: usize = 20_000;
    pub const MAX_POSITIONS: usize = 200_000;
    pub const MAX_CHARS: usize = 10_000;

    /// "12.3 MB", one decimal, in integer arithmetic (no float formatting code in the wasm).
    pub fn megabytes(bytes: u64) -> String {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

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
    pub const ALL: [Stance; 5] = [Stance::Supports, Stance::Open, Stance::Ambivalent, Stance::Sceptical, Stance::Opposes];
    pub const NAMES: &'static [&'static str] = &["supports", "open", "ambivalent", "sceptical", "opposes"];

    /// The name used in the JSON file.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The word a reader sees in a cell.
    pub fn label(self) -> &'static str {
        ["Supports", "Open", "Ambivalent", "Sceptical", "Opposes"][self as usize]
    }

    pub fn from_name(name: &str) -> Option<Stance> {
        Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
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
    pub const ALL: [Confidence; 3] = [Confidence::OnRecord, Confidence::Reported, Confidence::Inferred];
    pub const NAMES: &'static [&'static str] = &["on_record", "reported", "inferred"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn label(self) -> &'static str {
        ["On the record", "Reported", "Inferred"][self as usize]
    }

    pub fn from_name(name: &str) -> Option<Confidence> {
        Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
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
    pub summary: String,
    pub quote: Option<String>,
    pub speaker: Option<String>,
    pub conditions: Option<String>,
    pub date: Date,
    pub confidence: Confidence,
    /// Indices into `Dataset::sources`; at least one.
    pub sources: Vec<usize>,
}

/// A checked dataset: every reference resolved, every rule of the format met.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub description: Option<String>,
    pub as_of: Date,
    pub methodology: Option<String>,
    pub parties: Vec<Party>,
    pub categories: Vec<Category>,
    pub issues: Vec<Issue>,
    pub sources: Vec<Source>,
    pub positions: Vec<Position>,
    /// Per cell (`issue * parties.len() + party`), position indices oldest first; derived once
    /// at parse time because every view reads it.
    cells: Vec<Vec<usize>>,
}

impl Dataset {
    fn index_cells(&mut self) {
        let width = self.parties.len();
        let mut cells = vec![Vec::new(); self.issues.len() * width];
        for (i, p) in self.positions.iter().enumerate() {
            cells[p.issue * width + p.party].push(i);
        }
        for cell in &mut cells {
            // Dates within a cell are unique (validation refuses repeats), so an unstable sort
            // orders them fully, with less code than a stable one.
            cell.sort_unstable_by_key(|&i| self.positions[i].date);
        }
        self.cells = cells;
    }

    /// All positions of `party` on `issue`, oldest first: the cell's history.
    pub fn history(&self, issue: usize, party: usize) -> impl DoubleEndedIterator<Item = &Position> + '_ {
        self.cells[issue * self.parties.len() + party].iter().map(|&i| &self.positions[i])
    }

    /// The latest position of `party` on `issue`, or `None` when not stated.
    pub fn current(&self, issue: usize, party: usize) -> Option<&Position> {
        self.history(issue, party).next_back()
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id)
    }

    pub fn issue_index(&self, id: &str) -> Option<usize> {
        self.issues.iter().position(|i| i.id == id)
    }

    pub fn category_index(&self, id: &str) -> Option<usize> {
        self.categories.iter().position(|c| c.id == id)
    }
}

/// Parses and validates a dataset, reporting every problem found.
pub fn parse(text: &str) -> Result<Dataset, DataErrors> {
    let mut dataset = decode::decode(text)?;
    dataset.index_cells();
    Ok(dataset)
}

/// The dataset compiled into the widget, so it works with no request beyond its own files.
pub const BUNDLED: &str = include_str!("../../data/ceasefire-2025-04.json");
