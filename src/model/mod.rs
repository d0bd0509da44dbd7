//! The dataset: its types, and `parse`, which turns a `stance-matrix/1` JSON text into a checked
//! `Dataset` or every problem found in it. No Yew or browser types live here.

mod date;
mod decode;
mod error;
mod fields;
mod ids;
mod positions;
pub mod value;

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

/// A checked dataset: every reference resolved, every rule of the format met. Its fields are
/// private, so nothing outside `model` can break what validation and the cell index promise.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    title: String,
    description: Option<String>,
    as_of: Date,
    methodology: Option<String>,
    parties: Vec<Party>,
    categories: Vec<Category>,
    issues: Vec<Issue>,
    sources: Vec<Source>,
    positions: Vec<Position>,
    /// Position indices ordered by issue, then party, then date: each stated cell is one run,
    /// oldest first. Only stated cells take room, so 500 parties × 20,000 issues with few
    /// positions costs what the positions cost, not ten million empty cells.
    by_cell: Vec<u32>,
    /// Per issue, where its runs start in `by_cell`; one more entry closes the last issue.
    issue_start: Vec<u32>,
}

/// Bits of `cell_order` that hold the position's index (positions ≤ 200,000 < 2^18).
const ITEM_BITS: u32 = 18;
const ITEM_MASK: u64 = (1 << ITEM_BITS) - 1;

/// A sort key ordering positions by issue, party, date, then index, packed in one `u64` so
/// every such sort in the crate is one `sort_unstable` of integers: each sort of another
/// key type adds its own copy of the sorting code to the wasm (about 2 kB). Fits by the
/// limits: issues < 2^15, parties < 2^9, `Date::ordinal` < 2^22, positions < 2^18.
pub(crate) fn cell_order(issue: usize, party: usize, date: Date, index: usize) -> u64 {
    (issue as u64) << 49 | (party as u64) << 40 | u64::from(date.ordinal()) << ITEM_BITS | index as u64
}

/// The item index a `cell_order` key carries, and whether two keys are for the same
/// (issue, party, date).
pub(crate) fn order_item(key: u64) -> usize {
    (key & ITEM_MASK) as usize
}

pub(crate) fn same_cell_and_date(a: u64, b: u64) -> bool {
    a >> ITEM_BITS == b >> ITEM_BITS
}

/// The parts of a dataset that validation produces; `Dataset::new` indexes them.
pub(crate) struct DatasetParts {
    pub title: String,
    pub description: Option<String>,
    pub as_of: Date,
    pub methodology: Option<String>,
    pub parties: Vec<Party>,
    pub categories: Vec<Category>,
    pub issues: Vec<Issue>,
    pub sources: Vec<Source>,
    pub positions: Vec<Position>,
}

impl Dataset {
    fn new(parts: DatasetParts) -> Dataset {
        let DatasetParts { title, description, as_of, methodology, parties, categories, issues, sources, positions } = parts;
        let mut keys: Vec<u64> = positions.iter().enumerate().map(|(i, p)| cell_order(p.issue, p.party, p.date, i)).collect();
        keys.sort_unstable();
        let by_cell: Vec<u32> = keys.iter().map(|&k| (k & ITEM_MASK) as u32).collect();
        let mut issue_start = Vec::with_capacity(issues.len() + 1);
        let mut at = 0;
        for issue in 0..=issues.len() {
            while at < by_cell.len() && positions[by_cell[at] as usize].issue < issue {
                at += 1;
            }
            issue_start.push(at as u32);
        }
        Dataset { title, description, as_of, methodology, parties, categories, issues, sources, positions, by_cell, issue_start }
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The date the dataset speaks for.
    pub fn as_of(&self) -> Date {
        self.as_of
    }

    pub fn methodology(&self) -> Option<&str> {
        self.methodology.as_deref()
    }

    /// The columns, in dataset order.
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The rows, in dataset order.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Every position, in file order.
    pub fn positions(&self) -> &[Position] {
        &self.positions
    }

    /// The position indices of `issue`, grouped by party, oldest first within a party.
    fn issue_run(&self, issue: usize) -> &[u32] {
        match (self.issue_start.get(issue), self.issue_start.get(issue + 1)) {
            (Some(&a), Some(&b)) => &self.by_cell[a as usize..b as usize],
            _ => &[],
        }
    }

    /// All positions of `party` on `issue`, oldest first: the cell's history.
    pub fn history(&self, issue: usize, party: usize) -> impl DoubleEndedIterator<Item = &Position> + '_ {
        let run = self.issue_run(issue);
        let from = run.partition_point(|&i| self.positions[i as usize].party < party);
        let to = from + run[from..].partition_point(|&i| self.positions[i as usize].party == party);
        run[from..to].iter().map(|&i| &self.positions[i as usize])
    }

    /// The latest position of `party` on `issue`, or `None` when not stated.
    pub fn current(&self, issue: usize, party: usize) -> Option<&Position> {
        self.history(issue, party).next_back()
    }

    /// The current position of every party that has stated one on `issue`, in party order.
    /// Costs the issue's positions, not the number of parties.
    pub fn stated(&self, issue: usize) -> impl Iterator<Item = &Position> + '_ {
        let run = self.issue_run(issue);
        run.iter().enumerate().filter_map(move |(k, &i)| {
            let p = &self.positions[i as usize];
            let last_of_party = run.get(k + 1).is_none_or(|&next| self.positions[next as usize].party != p.party);
            last_of_party.then_some(p)
        })
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
    decode::decode(text).map(Dataset::new)
}

/// The dataset compiled into the widget, so it works with no request beyond its own files.
pub const BUNDLED: &str = include_str!("../../data/ceasefire-2025-04.json");
