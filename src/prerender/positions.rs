//! Every position, issue by issue, for readers without script, after the matrix in plain
//! words: the pre-rendered page puts both inside `<noscript>`, where only a browser that runs
//! no script shows them. Uses the cell details' own view of a position and the widget's "Read
//! as text" view, so each says the same as the widget.

use crate::components::{position_body, text_view, Speech};
use crate::i18n::{Lang, Msg};
use crate::model::Dataset;
use crate::state::derived::Derived;
use crate::state::loaded::Data;
use crate::state::view_state::ViewState;
use yew::prelude::*;

/// One issue's stated positions, party by party, the earlier ones of each party after it.
fn issue_positions(speech: &Speech, ds: &Dataset, issue: usize) -> Html {
    let l = speech.ui;
    let item = &ds.issues()[issue];
    let parties = (0..ds.parties().len()).filter_map(|party| {
        let current = ds.current(issue, party)?;
        // The others, latest first: earlier positions, and any that only add to the current one.
        let others: Vec<_> = ds
            .history(issue, party)
            .filter(|p| !std::ptr::eq(*p, current))
            .collect();
        Some(html! {
            <li class="sm-static-position" id={format!("sm-pos-{}.{}", item.id, ds.parties()[party].id)}>
                <h4>{ &ds.parties()[party].name }</h4>
                { position_body(speech, ds, current) }
                if !others.is_empty() {
                    <p class="sm-sources-label">{ l.f(Msg::EarlierHeading, &[&others.len().to_string()]) }</p>
                    <ol reversed={true}>
                        { for others.iter().rev().map(|p| html! { <li class="sm-history-item">{ position_body(speech, ds, p) }</li> }) }
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

/// In the dataset's language where the widget speaks it, as the pre-rendered matrix is.
fn page_speech(ds: &Dataset) -> Speech {
    Speech::new(Lang::choose(None, ds.language(), []), ds.language())
}

/// The matrix in plain words, as the widget's "Read as text" says it.
pub fn plain_words(data: &Data) -> Html {
    let speech = page_speech(&data.dataset);
    let view = Derived::new(data, &ViewState::default());
    html! {
        <section class="sm-static-words" aria-labelledby="sm-words-title">
            <h2 id="sm-words-title">{ speech.ui.t(Msg::InPlainWords) }</h2>
            { text_view(&speech, &view) }
        </section>
    }
}

/// All positions of `ds`, with their dates, confidence and source links.
pub fn positions(ds: &Dataset) -> Html {
    let speech = page_speech(ds);
    html! {
        <section class="sm-static-positions" aria-labelledby="sm-static-title">
            <h2 id="sm-static-title">{ speech.ui.t(Msg::AllPositions) }</h2>
            <ul class="sm-static-issues">{ for (0..ds.issues().len()).map(|issue| issue_positions(&speech, ds, issue)) }</ul>
        </section>
    }
}
