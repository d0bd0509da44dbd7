//! "Read as text": the shown issues in plain words (`share::words`), in place of the table,
//! following As of, the filters and the hidden parties like the matrix does.

use super::speech::Speech;
use crate::i18n::Msg;
use crate::share::words;
use crate::state::derived::Derived;
use yew::prelude::*;

/// A plain view function, like the summary: rebuilt with the view, only while it is shown.
pub fn text_view(speech: &Speech, view: &Derived) -> Html {
    let l = speech.ui;
    let ds = &view.data.dataset;
    html! {
        <section class="sm-text" data-testid="text-view" aria-label={l.t(Msg::InPlainWords)}>
            <p class="sm-text-summary" data-testid="text-summary">{ words::summary(view, l) }</p>
            <ul class="sm-text-issues">
                { for words::issues(view, l).into_iter().map(|(i, text)| html! {
                    <li data-issue={ds.issues()[i].id.clone()}>
                        <strong><span lang={speech.data.clone()}>{ &ds.issues()[i].title }</span>{ l.f(Msg::Labelled, &[""]) }</strong>{ " " }{ text }
                    </li>
                }) }
            </ul>
        </section>
    }
}
