//! The line above the matrix: how many shown issues are in agreement, conflict and red-line
//! clash, and how many are common ground.

use crate::analysis::Totals;
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
