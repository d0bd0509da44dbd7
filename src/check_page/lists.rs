//! The check page's two lists: the problems to fix, and apart from them the warnings, which do
//! not stop a dataset.

use crate::sheet::Problem;
use yew::prelude::*;

/// Every problem, by line and column for JSON, by row and column (in the message) for a sheet.
pub fn problems_view(problems: &[Problem], json: bool) -> Html {
    html! {
        <section class="sm-check-problems" aria-labelledby="sm-check-problems-title" data-testid="problems">
            <h2 id="sm-check-problems-title" class="sm-h2">
                { format!("{} problem{} to fix", problems.len(), if problems.len() == 1 { "" } else { "s" }) }
            </h2>
            <ol>
                { for problems.iter().map(|p| html! {
                    <li>{ if json { format!("line {}, column {}: {}", p.line, p.column, p.message) } else { p.message.clone() } }</li>
                }) }
            </ol>
        </section>
    }
}

/// Likely mistakes, apart from the problems: they do not stop the dataset.
pub fn warnings_view(warnings: &[Problem], json: bool) -> Html {
    if warnings.is_empty() {
        return Html::default();
    }
    html! {
        <section class="sm-check-warnings" aria-labelledby="sm-check-warnings-title" data-testid="warnings">
            <h2 id="sm-check-warnings-title" class="sm-h2">
                { format!("{} warning{} to look at", warnings.len(), if warnings.len() == 1 { "" } else { "s" }) }
            </h2>
            <ul>
                { for warnings.iter().map(|p| html! {
                    <li>{ if json && p.line > 1 { format!("line {}, column {}: {}", p.line, p.column, p.message) } else { p.message.clone() } }</li>
                }) }
            </ul>
        </section>
    }
}
