//! The reader's view: filters, sort, open cell and compared pair, changed only through
//! `ViewState::apply`. Ids (not indices) are kept so a state survives in a URL; `fragment.rs`
//! writes and reads it. Which rows and columns show is derived (`visible.rs`), never stored.

use crate::model::Date;
use serde::Serialize;

/// Row order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    #[default]
    Dataset,
    Contested,
    Agreed,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [SortOrder::Dataset, SortOrder::Contested, SortOrder::Agreed];

    pub fn name(self) -> &'static str {
        ["dataset", "contested", "agreed"][self as usize]
    }

    pub fn msg(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        [Msg::SortDataset, Msg::SortContested, Msg::SortAgreed][self as usize]
    }

    pub fn from_name(name: &str) -> Option<SortOrder> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Rows rendered before "Show more" when the table is narrow: enough for any real
/// negotiation, few enough to lay out fast. Wide tables get fewer (see `rows_per_page`).
pub const ROWS_PER_PAGE: usize = 100;

/// Cells laid out per page of rows at most, so 500 columns do not mean 50,000 cells at once.
pub const CELLS_PER_PAGE: usize = 2_000;

/// Rows per page of a dataset with `parties` parties: `ROWS_PER_PAGE`, fewer for wide tables,
/// never fewer than 10. By the dataset's parties, not the visible ones, so hiding a column
/// does not change the page.
pub fn rows_per_page(parties: usize) -> usize {
    (CELLS_PER_PAGE / parties.max(1)).clamp(10, ROWS_PER_PAGE)
}

/// A cell of the matrix, by ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellRef {
    pub issue: String,
    pub party: String,
}

impl CellRef {
    /// How the URL and a cell button's `data-cell` name it: `issue.party` (ids have no dots).
    pub fn key(&self) -> String {
        Self::key_of(&self.issue, &self.party)
    }

    pub fn key_of(issue: &str, party: &str) -> String {
        format!("{issue}.{party}")
    }
}

/// Everything about what the reader is looking at. A host page gets it as a plain object
/// (`{ query, category, hidden, onlyConflicts, onlyRedLines, sort, open, compare, asOf, since,
/// asText }`), written by
/// serde; it sets one through `options.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewState {
    /// The text of the "Filter issues" box, as typed.
    pub query: String,
    /// A category id, or every category.
    pub category: Option<String>,
    /// Ids of hidden parties, sorted, no repeats.
    pub hidden: Vec<String>,
    /// Show only issues in conflict or red-line clash.
    pub only_conflicts: bool,
    /// Show only issues where a visible party has a red line.
    pub only_red_lines: bool,
    pub sort: SortOrder,
    /// The cell whose details are open.
    pub open: Option<CellRef>,
    /// Two party ids compared against each other.
    pub compare: Option<(String, String)>,
    /// The date the matrix shows the positions of; `None` is the latest.
    pub as_of: Option<Date>,
    /// Cells that changed since this date are marked; always before `as_of`.
    pub since: Option<Date>,
    /// The matrix read as text ("Read as text"): each shown issue in plain words.
    pub as_text: bool,
}

/// Everything a reader can do to the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetQuery(String),
    SetCategory(Option<String>),
    ToggleParty(String),
    SetOnlyConflicts(bool),
    SetOnlyRedLines(bool),
    SetSort(SortOrder),
    OpenCell(CellRef),
    CloseCell,
    Compare(Option<(String, String)>),
    /// Show the positions as they stood on a date (`None`: the latest). A "changed since"
    /// date that is not before it is dropped.
    SetAsOf(Option<Date>),
    SetSince(Option<Date>),
    /// The matrix as a table, or read as text.
    SetAsText(bool),
    /// Back to the defaults, the reader's choice of table or text aside.
    Reset,
    /// Adopt a whole state, e.g. from the URL after back/forward.
    Replace(ViewState),
}

impl ViewState {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::SetQuery(q) => next.query = q,
            Action::SetCategory(c) => next.category = c,
            Action::ToggleParty(id) => match next.hidden.binary_search(&id) {
                Ok(i) => {
                    next.hidden.remove(i);
                }
                Err(i) => next.hidden.insert(i, id),
            },
            Action::SetOnlyConflicts(on) => next.only_conflicts = on,
            Action::SetOnlyRedLines(on) => next.only_red_lines = on,
            Action::SetSort(s) => next.sort = s,
            Action::OpenCell(cell) => next.open = Some(cell),
            Action::CloseCell => next.open = None,
            Action::Compare(pair) => next.compare = pair,
            Action::SetAsOf(date) => {
                next.as_of = date;
                if let (Some(since), Some(as_of)) = (next.since, date) {
                    next.since = (since < as_of).then_some(since);
                }
            }
            Action::SetSince(date) => {
                next.since = date.filter(|d| next.as_of.is_none_or(|a| *d < a))
            }
            Action::SetAsText(on) => next.as_text = on,
            Action::Reset => {
                next = ViewState {
                    as_text: self.as_text,
                    ..ViewState::default()
                }
            }
            Action::Replace(state) => next = state,
        }
        next
    }

    /// How many filters narrow the rows or columns: the search, the category, hidden parties
    /// (one filter however many), and each "only" (the sort, open cell and pair do not count).
    pub fn active_filters(&self) -> usize {
        [
            !self.query.trim().is_empty(),
            self.category.is_some(),
            !self.hidden.is_empty(),
            self.only_conflicts,
            self.only_red_lines,
        ]
        .into_iter()
        .filter(|&on| on)
        .count()
    }

    /// Whether any filter narrows the rows or columns.
    pub fn is_filtered(&self) -> bool {
        self.active_filters() > 0
    }
}
