//! Which rows and columns show for a view state: the filter predicate, the row order and the
//! party mask. Derived here from the state and the analyses, never stored in the state.

use crate::analysis::{IssueAnalysis, IssueStatus};
use crate::model::Dataset;
use crate::state::search::SearchIndex;
use crate::state::view_state::{SortOrder, ViewState};
use std::cmp::Ordering;

impl ViewState {
    /// The part of the state that decides which rows show and in what order: the filters and
    /// the sort, not the open cell, the compared pair or the dates (those change the analyses,
    /// which the rows follow anyway). "Show more" keeps its pages while this stays the same.
    pub fn filters(&self) -> ViewState {
        ViewState {
            open: None,
            compare: None,
            as_of: None,
            since: None,
            ..self.clone()
        }
    }

    /// Per party, whether its column shows.
    pub fn party_mask(&self, dataset: &Dataset) -> Vec<bool> {
        party_mask(dataset, &self.hidden)
    }

    /// Whether issue `issue` passes every filter. `terms` are `search::terms(&self.query)`,
    /// folded once per keystroke by the caller.
    pub fn shows(
        &self,
        dataset: &Dataset,
        index: &SearchIndex,
        terms: &[String],
        analysis: &IssueAnalysis,
        issue: usize,
    ) -> bool {
        let in_category = match &self.category {
            None => true,
            Some(id) => dataset.issues()[issue]
                .category
                .is_some_and(|c| dataset.categories()[c].id == *id),
        };
        let conflict_ok = !self.only_conflicts
            || matches!(
                analysis.status,
                IssueStatus::Conflict | IssueStatus::RedLineClash
            );
        in_category
            && conflict_ok
            && (!self.only_red_lines || analysis.red_line)
            && index.matches(issue, terms)
    }

    /// The issues to show, filtered and in the chosen order. `analyses` are per issue over the
    /// visible parties.
    pub fn visible_issues(
        &self,
        dataset: &Dataset,
        index: &SearchIndex,
        analyses: &[IssueAnalysis],
    ) -> Vec<usize> {
        let terms = crate::state::search::terms(&self.query);
        let mut rows: Vec<usize> = (0..dataset.issues().len())
            .filter(|&i| self.shows(dataset, index, &terms, &analyses[i], i))
            .collect();
        let by = |a: &usize, b: &usize| -> Ordering {
            let (x, y) = (&analyses[*a], &analyses[*b]);
            match self.sort {
                SortOrder::Dataset => Ordering::Equal,
                SortOrder::Contested => y.contention.total_cmp(&x.contention).then(y.stated.cmp(&x.stated)),
                SortOrder::Agreed => agreement_rank(x.status)
                    .cmp(&agreement_rank(y.status))
                    .then(x.contention.total_cmp(&y.contention))
                    .then(y.stated.cmp(&x.stated)),
            }
            // Dataset order among equals, so the unstable (smaller) sort is deterministic.
            .then(a.cmp(b))
        };
        rows.sort_unstable_by(by);
        rows
    }
}

/// Per party, whether its column shows, given the sorted ids of hidden parties.
pub fn party_mask(dataset: &Dataset, hidden: &[String]) -> Vec<bool> {
    dataset
        .parties()
        .iter()
        .map(|p| hidden.binary_search(&p.id).is_err())
        .collect()
}

/// "Most agreed" puts agreement first and red-line clashes last.
fn agreement_rank(status: IssueStatus) -> u8 {
    match status {
        IssueStatus::Agreement => 0,
        IssueStatus::Unclear => 1,
        IssueStatus::Conflict => 2,
        IssueStatus::RedLineClash => 3,
    }
}
