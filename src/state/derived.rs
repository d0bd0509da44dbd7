//! Everything the widget shows that follows from the dataset and the view state: the dataset as
//! of a date, the party mask, the analyses, the rows and their order, and "changed since".
//! One pure struct, so the dependencies between them are written once, here, and tested
//! natively; the widget keeps the last one and asks it for the next.

use crate::analysis::history::Changes;
use crate::analysis::{analyse, IssueAnalysis};
use crate::model::{Dataset, Date};
use crate::state::loaded::{Data, Loaded};
use crate::state::view_state::{SortOrder, ViewState};
use crate::state::visible::party_mask;
use std::rc::Rc;

/// The derived values for one view state. Each part is shared (`Rc`), so the next `Derived`
/// reuses what its inputs did not change, and a view compares parts by identity.
#[derive(Clone)]
pub struct Derived {
    /// The whole dataset, as loaded.
    pub full: Data,
    /// The dataset as it stood on "As of" (or `full`): every view reads this one, so matrix,
    /// statuses, summary and party against party agree.
    pub data: Data,
    /// Per party, whether its column shows.
    pub mask: Rc<Vec<bool>>,
    /// The indices of the visible parties.
    pub parties: Rc<Vec<usize>>,
    /// Per issue, over the visible parties, as of the date shown.
    pub analyses: Rc<Vec<IssueAnalysis>>,
    /// The issues that pass the filters, in the chosen order.
    pub rows: Rc<Vec<usize>>,
    /// Every issue in the chosen order, filters aside: where hidden rows keep their place.
    pub order: Rc<Vec<usize>>,
    /// "Changed since": the dataset as it stood then (no search index: it is only compared).
    pub before: Option<Rc<Dataset>>,
    /// The cells that changed between `before` and `data`.
    pub changes: Option<Rc<Changes>>,
    /// The analyses as they stood on "Changed since", for the statuses that changed.
    pub before_analyses: Option<Rc<Vec<IssueAnalysis>>>,
    /// The view state these were derived from.
    state: ViewState,
}

fn as_of(full: &Data, date: Option<Date>) -> Data {
    match date {
        Some(date) => Data(Rc::new(Loaded::new(
            full.dataset.until(date),
            full.data_url.clone(),
        ))),
        None => full.clone(),
    }
}

fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

impl Derived {
    /// Everything derived from scratch.
    pub fn new(full: &Data, state: &ViewState) -> Derived {
        Derived::next(None, full, state)
    }

    /// The derived values for `state`, reusing each part of `self` whose inputs are unchanged.
    pub fn update(&self, full: &Data, state: &ViewState) -> Derived {
        Derived::next(Some(self), full, state)
    }

    fn next(prev: Option<&Derived>, full: &Data, state: &ViewState) -> Derived {
        let prev = prev.filter(|p| p.full == *full);
        let reuse = |keep: &dyn Fn(&Derived) -> bool| prev.filter(|p| keep(p));

        let data = match reuse(&|p| p.state.as_of == state.as_of) {
            Some(p) => p.data.clone(),
            None => as_of(full, state.as_of),
        };
        // Parties are the same on every date: the mask follows the hidden ones only.
        let mask = match reuse(&|p| p.state.hidden == state.hidden) {
            Some(p) => p.mask.clone(),
            None => Rc::new(party_mask(&full.dataset, &state.hidden)),
        };
        let same_mask = |p: &Derived| Rc::ptr_eq(&p.mask, &mask);
        let parties = match reuse(&same_mask) {
            Some(p) => p.parties.clone(),
            None => Rc::new((0..mask.len()).filter(|&i| mask[i]).collect()),
        };
        let analyses = match reuse(&|p| p.data == data && same_mask(p)) {
            Some(p) => p.analyses.clone(),
            None => Rc::new(analyse(&data.dataset, &mask)),
        };
        let same_analyses = |p: &Derived| Rc::ptr_eq(&p.analyses, &analyses);
        let rows = match reuse(&|p| same_analyses(p) && p.state.filters() == state.filters()) {
            Some(p) => p.rows.clone(),
            None => Rc::new(
                state
                    .filters()
                    .visible_issues(&data.dataset, &data.index, &analyses),
            ),
        };
        let order = match reuse(&|p| same_analyses(p) && p.state.sort == state.sort) {
            Some(p) => p.order.clone(),
            None => Rc::new(sorted(state.sort, &data, &analyses)),
        };
        let before = match reuse(&|p| p.state.since == state.since) {
            Some(p) => p.before.clone(),
            None => state.since.map(|date| Rc::new(full.dataset.until(date))),
        };
        let changes = match reuse(&|p| same(&p.before, &before) && p.data == data) {
            Some(p) => p.changes.clone(),
            None => before
                .as_ref()
                .map(|b| Rc::new(Changes::between(b, &data.dataset))),
        };
        let before_analyses = match reuse(&|p| same(&p.before, &before) && same_mask(p)) {
            Some(p) => p.before_analyses.clone(),
            None => before.as_ref().map(|b| Rc::new(analyse(b, &mask))),
        };
        Derived {
            full: full.clone(),
            data,
            mask,
            parties,
            analyses,
            rows,
            order,
            before,
            changes,
            before_analyses,
            state: state.clone(),
        }
    }
}

fn sorted(sort: SortOrder, data: &Data, analyses: &[IssueAnalysis]) -> Vec<usize> {
    ViewState {
        sort,
        ..ViewState::default()
    }
    .visible_issues(&data.dataset, &data.index, analyses)
}
