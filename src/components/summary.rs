//! The line above the matrix: how many shown issues are in agreement, conflict and red-line
//! clash, and how many are common ground.

use crate::analysis::{IssueStatus, Totals};
use crate::history::Changes;
use crate::model::Dataset;
use yew::prelude::*;

fn issues(n: usize) -> String {
    format!("{n} issue{}", if n == 1 { "" } else { "s" })
}

/// A plain view function, not a component: it is cheap to rebuild, and every Yew component
/// adds its own copy of the lifecycle code to the wasm. `totals` are over the shown issues and
/// visible parties.
pub fn summary(totals: Totals, shown: usize) -> Html {
    let t = totals;
    html! {
        <p class="sm-summary" data-testid="summary">
            <span class="sm-sum sm-status-red-line-clash">{ format!("{} in red-line clash", issues(t.red_line_clash)) }</span>
            { " · " }
            <span class="sm-sum sm-status-conflict">{ format!("{} in conflict", t.conflict) }</span>
            { " · " }
            <span class="sm-sum sm-status-agreement">{ format!("{} in agreement", t.agreement) }</span>
            { " · " }
            <span class="sm-sum sm-common">{ format!("common ground on {}", issues(t.common_ground)) }</span>
            { format!(" (of {shown} shown).") }
        </p>
    }
}

/// The line under the summary when "changed since" is on: how many shown positions changed,
/// and which shown issues changed status ("Crimea: Conflict → Red-line clash").
pub fn changes_line(ds: &Dataset, changes: &Changes, count: usize, statuses: &[(usize, IssueStatus, IssueStatus)]) -> Html {
    let since = changes.since.long();
    let positions = match count {
        0 => format!("No position changed since {since}."),
        1 => format!("1 position changed since {since}."),
        n => format!("{n} positions changed since {since}."),
    };
    html! {
        <p class="sm-changes" data-testid="changes" role="status">
            <span class="sm-changed-mark" aria-hidden="true">{ "Δ" }</span>{ " " }{ positions }
            if !statuses.is_empty() {
                { " Status changed: " }
                { for statuses.iter().enumerate().map(|(k, &(issue, before, after))| html! {
                    <>
                        if k > 0 { { "; " } }
                        <span class="sm-status-change" data-issue={ds.issues()[issue].id.clone()}>
                            { format!("{}: {} → {}", ds.issues()[issue].title, before.label(), after.label()) }
                        </span>
                    </>
                }) }
                { "." }
            }
        </p>
    }
}
