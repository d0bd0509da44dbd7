//! Every position, issue by issue, for readers without script: the pre-rendered page puts this
//! list inside `<noscript>`, where only a browser that runs no script shows it. Uses the cell
//! details' own view of a position, so both say the same.

use crate::components::position_body;
use crate::model::Dataset;
use yew::prelude::*;

/// One issue's stated positions, party by party, the earlier ones of each party after it.
fn issue_positions(ds: &Dataset, issue: usize) -> Html {
    let item = &ds.issues()[issue];
    let parties = (0..ds.parties().len()).filter_map(|party| {
        let mut history: Vec<_> = ds.history(issue, party).collect();
        let current = history.pop()?;
        Some(html! {
            <li class="sm-static-position" id={format!("sm-pos-{}.{}", item.id, ds.parties()[party].id)}>
                <h4>{ &ds.parties()[party].name }</h4>
                { position_body(ds, current) }
                if !history.is_empty() {
                    <p class="sm-sources-label">{ format!("Earlier positions ({})", history.len()) }</p>
                    <ol reversed={true}>
                        { for history.iter().rev().map(|p| html! { <li class="sm-history-item">{ position_body(ds, p) }</li> }) }
                    </ol>
                }
            </li>
        })
    });
    html! {
        <li>
            <h3>{ &item.title }</h3>
            <ul class="sm-static-parties">{ for parties }</ul>
        </li>
    }
}

/// All positions of `ds`, with their dates, confidence and source links.
pub fn positions(ds: &Dataset) -> Html {
    html! {
        <section class="sm-static-positions" aria-labelledby="sm-static-title">
            <h2 id="sm-static-title">{ "Every position, with its date and sources" }</h2>
            <ul class="sm-static-issues">{ for (0..ds.issues().len()).map(|issue| issue_positions(ds, issue)) }</ul>
        </section>
    }
}
