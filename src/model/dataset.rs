//! The checked dataset and its cell index: built only by validation, read by everything else.

use super::date::Date;
use super::keys::{cell_order, order_item};
use super::types::{Category, Event, Issue, Party, Position, Source};

/// A checked dataset: every reference resolved, every rule of the format met. Its fields are
/// private, so nothing outside `model` can break what validation and the cell index promise.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    title: String,
    description: Option<String>,
    as_of: Date,
    methodology: Option<String>,
    /// The BCP 47 language the dataset is written in.
    language: Option<String>,
    parties: Vec<Party>,
    categories: Vec<Category>,
    issues: Vec<Issue>,
    sources: Vec<Source>,
    positions: Vec<Position>,
    /// Milestones, in file order.
    events: Vec<Event>,
    /// Position indices ordered by issue, then party, then date: each stated cell is one run,
    /// oldest first. Only stated cells take room, so 500 parties × 20,000 issues with few
    /// positions costs what the positions cost, not ten million empty cells.
    by_cell: Vec<u32>,
    /// Per issue, where its runs start in `by_cell`; one more entry closes the last issue.
    issue_start: Vec<u32>,
}

/// The parts of a dataset that validation produces; `Dataset::new` indexes them.
pub(crate) struct DatasetParts {
    pub title: String,
    pub description: Option<String>,
    pub as_of: Date,
    pub methodology: Option<String>,
    pub language: Option<String>,
    pub parties: Vec<Party>,
    pub categories: Vec<Category>,
    pub issues: Vec<Issue>,
    pub sources: Vec<Source>,
    pub positions: Vec<Position>,
    pub events: Vec<Event>,
}

impl Dataset {
    pub(super) fn new(parts: DatasetParts) -> Dataset {
        let DatasetParts {
            title,
            description,
            as_of,
            methodology,
            language,
            parties,
            categories,
            issues,
            sources,
            positions,
            events,
        } = parts;
        let mut keys: Vec<u64> = positions
            .iter()
            .enumerate()
            .map(|(i, p)| cell_order(p.issue, p.party, p.date, i))
            .collect();
        keys.sort_unstable();
        let by_cell: Vec<u32> = keys.iter().map(|&k| order_item(k) as u32).collect();
        let mut issue_start = Vec::with_capacity(issues.len() + 1);
        let mut at = 0;
        for issue in 0..=issues.len() {
            while at < by_cell.len() && positions[by_cell[at] as usize].issue < issue {
                at += 1;
            }
            issue_start.push(at as u32);
        }
        Dataset {
            title,
            description,
            as_of,
            methodology,
            language,
            parties,
            categories,
            issues,
            sources,
            positions,
            events,
            by_cell,
            issue_start,
        }
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

    /// The BCP 47 language the dataset's text is written in, if it says.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
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

    /// The milestones of the talks, in file order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The dataset as it stood on `date`: only the positions (and events) dated on or before it, so each
    /// cell's current position is the one that counted that day (a position counts from its
    /// date until the same party's next one on that issue that does not only add to it). Its
    /// "as of" date is `date`.
    pub fn until(&self, date: Date) -> Dataset {
        Dataset::new(DatasetParts {
            title: self.title.clone(),
            description: self.description.clone(),
            as_of: date,
            methodology: self.methodology.clone(),
            language: self.language.clone(),
            parties: self.parties.clone(),
            categories: self.categories.clone(),
            issues: self.issues.clone(),
            sources: self.sources.clone(),
            positions: self
                .positions
                .iter()
                .filter(|p| p.date <= date)
                .cloned()
                .collect(),
            events: self
                .events
                .iter()
                .filter(|e| e.date <= date)
                .cloned()
                .collect(),
        })
    }

    /// The position indices of `issue`, grouped by party, oldest first within a party.
    fn issue_run(&self, issue: usize) -> &[u32] {
        match (self.issue_start.get(issue), self.issue_start.get(issue + 1)) {
            (Some(&a), Some(&b)) => &self.by_cell[a as usize..b as usize],
            _ => &[],
        }
    }

    /// All positions of `party` on `issue`, oldest first: the cell's history.
    pub fn history(
        &self,
        issue: usize,
        party: usize,
    ) -> impl DoubleEndedIterator<Item = &Position> + '_ {
        self.cell_run(issue, party)
            .iter()
            .map(|&i| &self.positions[i as usize])
    }

    /// The position indices of `party` on `issue`, oldest first.
    fn cell_run(&self, issue: usize, party: usize) -> &[u32] {
        let run = self.issue_run(issue);
        let from = run.partition_point(|&i| self.positions[i as usize].party < party);
        let to = from + run[from..].partition_point(|&i| self.positions[i as usize].party == party);
        &run[from..to]
    }

    /// The current position of `party` on `issue`, or `None` when not stated: the latest one
    /// that does not only add to the standing position (`adds`), or, while the cell has only
    /// such additions, the latest of them.
    pub fn current(&self, issue: usize, party: usize) -> Option<&Position> {
        standing(&self.positions, self.cell_run(issue, party))
    }

    /// The current position of every party that has stated one on `issue`, in party order.
    /// Costs the issue's positions, not the number of parties.
    pub fn stated(&self, issue: usize) -> impl Iterator<Item = &Position> + '_ {
        self.issue_run(issue)
            .chunk_by(|&a, &b| self.positions[a as usize].party == self.positions[b as usize].party)
            .filter_map(|cell| standing(&self.positions, cell))
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

/// The position that counts in a cell (`run`: its position indices, oldest first): the latest
/// that does not only add to the standing one, else the latest.
fn standing<'a>(positions: &'a [Position], run: &[u32]) -> Option<&'a Position> {
    let at = |&i: &u32| &positions[i as usize];
    run.iter()
        .rev()
        .map(at)
        .find(|p| !p.adds)
        .or_else(|| run.last().map(at))
}
