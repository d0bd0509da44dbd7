//! The sources as numbered notes, for print: each stated cell carries its sources' numbers
//! (`data-notes`, drawn by `styles/print.css`), and this list, hidden on screen, gives them.
//! A source's number is its place in the dataset, so it stays the same whatever is filtered.

use super::cell_detail::source_item;
use super::speech::Speech;
use crate::i18n::Msg;
use crate::model::Position;
use crate::state::derived::Derived;
use yew::prelude::*;

/// A stated cell's note numbers: "3,7".
pub fn note_numbers(p: &Position) -> String {
    let numbers: Vec<String> = p.sources.iter().map(|s| (s + 1).to_string()).collect();
    numbers.join(",")
}

/// The sources the shown cells cite, by number.
pub fn notes(speech: &Speech, view: &Derived) -> Html {
    let ds = &view.data.dataset;
    let mut cited: Vec<usize> = view
        .rows
        .iter()
        .flat_map(|&issue| {
            view.parties
                .iter()
                .filter_map(move |&p| ds.current(issue, p))
        })
        .flat_map(|p| p.sources.iter().copied())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    if cited.is_empty() {
        return html! {};
    }
    html! {
        <section class="sm-notes">
            <h2>{ speech.ui.heading(Msg::Sources, cited.len()) }</h2>
            <ol>{ for cited.iter().map(|&s| source_item(speech, ds, s, Some(s + 1))) }</ol>
        </section>
    }
}
