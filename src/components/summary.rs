//! The line above the matrix: how many shown issues are in agreement, conflict and red-line
//! clash, and how many are common ground.

use super::speech::{with_data, Speech};
use crate::analysis::history::Changes;
use crate::analysis::{IssueStatus, Totals};
use crate::i18n::{Lang, Msg};
use crate::model::Dataset;
use yew::prelude::*;

/// A plain view function, not a component: it is cheap to rebuild, and every Yew component
/// adds its own copy of the lifecycle code to the wasm. `totals` are over the shown issues and
/// visible parties.
pub fn summary(l: Lang, totals: Totals, shown: usize) -> Html {
    let t = totals;
    html! {
        <p class="sm-summary" data-testid="summary">
            <span class="sm-sum sm-status-red-line-clash">{ l.n(Msg::SumClash, t.red_line_clash, &[]) }</span>
            { " · " }
            <span class="sm-sum sm-status-conflict">{ l.n(Msg::SumConflict, t.conflict, &[]) }</span>
            { " · " }
            <span class="sm-sum sm-status-agreement">{ l.n(Msg::SumAgreement, t.agreement, &[]) }</span>
            { " · " }
            <span class="sm-sum sm-common">{ l.n(Msg::SumCommon, t.common_ground, &[]) }</span>
            { l.n(Msg::SumShown, shown, &[]) }
        </p>
    }
}

/// The line under the summary when "changed since" is on: how many shown positions changed,
/// and which shown issues changed status ("Crimea: Conflict → Red-line clash").
pub fn changes_line(
    speech: &Speech,
    ds: &Dataset,
    changes: &Changes,
    count: usize,
    statuses: &[(usize, IssueStatus, IssueStatus)],
) -> Html {
    let l = speech.ui;
    let since = changes.since.words(l);
    let positions = match count {
        0 => l.f(Msg::NoChange, &[&since]),
        n => l.n(Msg::PositionsChanged, n, &[&since]),
    };
    html! {
        <p class="sm-changes" data-testid="changes">
            <span class="sm-changed-mark" aria-hidden="true">{ "Δ" }</span>{ " " }{ positions }
            if !statuses.is_empty() {
                { l.t(Msg::StatusChanged) }
                { for statuses.iter().enumerate().map(|(k, &(issue, before, after))| html! {
                    <>
                        if k > 0 { { l.t(Msg::ListSeparator) } }
                        <span class="sm-status-change" data-issue={ds.issues()[issue].id.clone()}>
                            { with_data(speech, l.t(Msg::StatusChange), &[(&ds.issues()[issue].title, true), (l.t(before.msg()), false), (l.t(after.msg()), false)]) }
                        </span>
                    </>
                }) }
                { "." }
            }
        </p>
    }
}
