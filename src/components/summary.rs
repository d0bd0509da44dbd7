//! The line above the matrix: how many shown issues are in agreement, conflict and red-line
//! clash, and how many are common ground.

use crate::analysis::Totals;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Status counts over the shown issues and visible parties.
    pub totals: Totals,
    /// How many issues are shown.
    pub shown: usize,
}

fn issues(n: usize) -> String {
    format!("{n} issue{}", if n == 1 { "" } else { "s" })
}

#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let t = props.totals;
    html! {
        <p class="sm-summary" data-testid="summary">
            <span class="sm-sum sm-status-red-line-clash">{ format!("{} in red-line clash", issues(t.red_line_clash)) }</span>
            { " · " }
            <span class="sm-sum sm-status-conflict">{ format!("{} in conflict", t.conflict) }</span>
            { " · " }
            <span class="sm-sum sm-status-agreement">{ format!("{} in agreement", t.agreement) }</span>
            { " · " }
            <span class="sm-sum sm-common">{ format!("common ground on {}", issues(t.common_ground)) }</span>
            { format!(" (of {} shown).", props.shown) }
        </p>
    }
}
