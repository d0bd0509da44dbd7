//! Time: the dates a reader can stop at ("as of"), and what changed between two dates
//! ("changed since"). Pure functions of datasets; no Yew or browser types.
//!
//! A position counts from its date until the same party's next position on that issue, so the
//! matrix on a date is `Dataset::until(date)`, and a cell changed between two dates when its
//! current stance or red line differs between the two. A position that only adds to the standing
//! one (`adds`, a remark beside an official proposal) replaces nothing: it is in the cell's
//! timeline, but `Dataset::current` and `Dataset::stated` keep the standing position, so it
//! changes no mark, status or "changed since".

use crate::analysis::{IssueAnalysis, IssueStatus};
use crate::model::{Dataset, Date, Position, Stance};

/// A date on the timeline: the dataset's own date, a position's or an event's, with the
/// events held that day (indices into `Dataset::events`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    pub date: Date,
    pub events: Vec<usize>,
}

/// Low bits of a stop's sort key that mark a position rather than an event.
const NOT_AN_EVENT: u64 = u32::MAX as u64;

/// Every date a reader can stop at, oldest first: the positions' dates, the events' dates and
/// the dataset's "as of" date, each once. One sort of integers, like every sort in the crate
/// (a sort of another type adds its own sorting code to the wasm).
pub fn stops(ds: &Dataset) -> Vec<Stop> {
    let key = |date: Date, low: u64| u64::from(date.ordinal()) << 32 | low;
    let mut keys: Vec<u64> = ds
        .positions()
        .iter()
        .map(|p| key(p.date, NOT_AN_EVENT))
        .collect();
    keys.extend(
        ds.events()
            .iter()
            .enumerate()
            .map(|(i, e)| key(e.date, i as u64)),
    );
    keys.push(key(ds.as_of(), NOT_AN_EVENT));
    keys.sort_unstable();
    keys.dedup();
    let mut out: Vec<Stop> = Vec::new();
    for k in keys {
        let Some(date) = Date::from_ordinal((k >> 32) as u32) else {
            continue;
        };
        if out.last().is_none_or(|s| s.date != date) {
            out.push(Stop {
                date,
                events: Vec::new(),
            });
        }
        if let (Some(stop), true) = (out.last_mut(), k & NOT_AN_EVENT != NOT_AN_EVENT) {
            stop.events.push((k & NOT_AN_EVENT) as usize);
        }
    }
    out
}

/// The latest date of the dataset: its "as of" date, or a later position's or event's.
pub fn latest(ds: &Dataset) -> Date {
    let later = ds
        .positions()
        .iter()
        .map(|p| p.date)
        .chain(ds.events().iter().map(|e| e.date));
    later.fold(ds.as_of(), Date::max)
}

/// What a reader sees in a cell: the stance and whether it is a red line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub stance: Stance,
    pub red_line: bool,
}

impl Mark {
    pub fn of(p: &Position) -> Mark {
        Mark {
            stance: p.stance,
            red_line: p.red_line,
        }
    }
}

/// A cell whose stance or red line differs between two dates; `None` is "not stated".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellChange {
    pub issue: usize,
    pub party: usize,
    pub before: Option<Mark>,
    pub after: Option<Mark>,
}

/// Every changed cell between two views of one dataset, ordered by issue, then party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The earlier date.
    pub since: Date,
    pub cells: Vec<CellChange>,
}

impl Changes {
    /// The cells that changed from `before` (the dataset until the earlier date) to `after`
    /// (until the later one). Costs the stated cells, not issues × parties.
    pub fn between(before: &Dataset, after: &Dataset) -> Changes {
        let mut cells = Vec::new();
        for issue in 0..after.issues().len() {
            let mut old = before.stated(issue).peekable();
            let mut new = after.stated(issue).peekable();
            loop {
                let (o, n) = (old.peek().map(|p| p.party), new.peek().map(|p| p.party));
                let party = match (o, n) {
                    (None, None) => break,
                    (Some(a), Some(b)) => a.min(b),
                    (Some(a), None) | (None, Some(a)) => a,
                };
                let before = old.next_if(|p| p.party == party).map(Mark::of);
                let after = new.next_if(|p| p.party == party).map(Mark::of);
                if before != after {
                    cells.push(CellChange {
                        issue,
                        party,
                        before,
                        after,
                    });
                }
            }
        }
        Changes {
            since: before.as_of(),
            cells,
        }
    }

    /// The change in a cell, if it changed.
    pub fn cell(&self, issue: usize, party: usize) -> Option<&CellChange> {
        self.cells
            .binary_search_by(|c| (c.issue, c.party).cmp(&(issue, party)))
            .ok()
            .map(|i| &self.cells[i])
    }

    /// How many changed cells are in `rows` and among the `visible` parties.
    pub fn count(&self, rows: &[usize], visible: &[bool]) -> usize {
        let mut shown = vec![false; self.cells.last().map_or(0, |c| c.issue + 1)];
        for &r in rows {
            if let Some(s) = shown.get_mut(r) {
                *s = true;
            }
        }
        self.cells
            .iter()
            .filter(|c| shown[c.issue] && visible.get(c.party).copied().unwrap_or(true))
            .count()
    }
}

/// The issues among `rows` whose status differs between two analyses: (issue, before, after).
pub fn status_changes(
    rows: &[usize],
    before: &[IssueAnalysis],
    after: &[IssueAnalysis],
) -> Vec<(usize, IssueStatus, IssueStatus)> {
    rows.iter()
        .filter_map(|&i| {
            let (b, a) = (before.get(i)?.status, after.get(i)?.status);
            (b != a).then_some((i, b, a))
        })
        .collect()
}
