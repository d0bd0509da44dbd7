//! A cell's details: who said what, when, how firmly attested, with its sources as links, and
//! the party's earlier positions on the issue. Every dataset string renders as text.

use super::marks::{change_text, stance_icon};
use super::speech::{use_speech, with_data, Speech};
use crate::analysis::history::CellChange;
use crate::i18n::Msg;
use crate::model::{is_http_url, Dataset, Date, Position};
use crate::state::loaded::Data;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CellDetailProps {
    /// The loaded dataset.
    pub data: Data,
    /// Index of the issue.
    pub issue: usize,
    /// Index of the party.
    pub party: usize,
    /// How the cell changed since the reader's "changed since" date, if it did.
    #[prop_or_default]
    pub change: Option<CellChange>,
    /// The "changed since" date, when one is chosen.
    #[prop_or_default]
    pub since: Option<Date>,
    /// Closes the details.
    pub on_close: Callback<()>,
}

/// A source as a link when its URL is http(s) (always, after validation; checked again here
/// because a link is where injection would bite), else as plain text. `number`: its note
/// number, in a numbered list of notes.
pub(super) fn source_item(
    speech: &Speech,
    ds: &Dataset,
    index: usize,
    number: Option<usize>,
) -> Html {
    let s = &ds.sources()[index];
    let meta: Vec<String> = [s.publisher.clone(), s.published.map(|d| d.words(speech.ui))]
        .into_iter()
        .flatten()
        .collect();
    let lang = speech.data.clone();
    html! {
        <li value={number.map(|n| n.to_string())}>
            if is_http_url(&s.url) {
                <a href={s.url.clone()} target="_blank" rel="noopener noreferrer" {lang}>{ &s.title }</a>
            } else {
                <span {lang}>{ &s.title }</span>{ " " }<code>{ &s.url }</code>
            }
            if !meta.is_empty() { <span class="sm-source-meta">{ format!("{}{}", speech.ui.t(Msg::Dash), meta.join(", ")) }</span> }
        </li>
    }
}

/// One position: stance, red line, confidence, summary, quote, date, conditions and sources.
/// Also the pre-rendered page's list of every position (`prerender`), for readers without script.
pub(crate) fn position_body(speech: &Speech, ds: &Dataset, p: &Position) -> Html {
    let (l, lang) = (speech.ui, speech.data.clone());
    html! {
        <>
            <p class="sm-detail-stance">
                <span class={classes!("sm-chip", format!("sm-stance-{}", p.stance.name()))}>
                    <span class="sm-icon" aria-hidden="true">{ stance_icon(p.stance) }</span>{ " " }{ l.t(p.stance.msg()) }
                </span>
                if p.red_line { <span class="sm-chip sm-red-line">{ l.t(Msg::RedLine) }</span> }
                <span class={classes!("sm-chip", format!("sm-conf-{}", p.confidence.name()))}>{ l.t(p.confidence.msg()) }</span>
            </p>
            <p class="sm-detail-summary" lang={lang.clone()}>{ &p.summary }</p>
            if let Some(q) = &p.quote {
                <figure class="sm-quote">
                    <blockquote><p lang={lang.clone()}>{ l.f(Msg::Quoted, &[q]) }</p></blockquote>
                    if let Some(who) = &p.speaker { <figcaption>{ l.t(Msg::Dash).trim_start() }<span lang={lang.clone()}>{ who }</span></figcaption> }
                </figure>
            }
            <dl class="sm-detail-facts">
                <dt>{ l.t(Msg::Date) }</dt><dd><time datetime={p.date.to_string()}>{ p.date.words(l) }</time></dd>
                if p.quote.is_none() {
                    if let Some(who) = &p.speaker { <dt>{ l.t(Msg::Speaker) }</dt><dd lang={lang.clone()}>{ who }</dd> }
                }
                if let Some(c) = &p.conditions { <dt>{ l.t(Msg::Conditions) }</dt><dd lang={lang.clone()}>{ c }</dd> }
            </dl>
            <p class="sm-sources-label">{ l.heading(Msg::Sources, p.sources.len()) }</p>
            <ul class="sm-sources">{ for p.sources.iter().map(|&s| source_item(speech, ds, s, None)) }</ul>
        </>
    }
}

/// One position in a cell's timeline: its date, stance, summary and sources.
fn timeline_item(speech: &Speech, ds: &Dataset, p: &Position, current: bool) -> Html {
    let l = speech.ui;
    html! {
        <li class={classes!("sm-history-item", current.then_some("sm-current"))} data-date={p.date.to_string()} data-stance={p.stance.name()}>
            <p class="sm-detail-stance">
                <time datetime={p.date.to_string()}>{ p.date.words(l) }</time>{ " " }
                <span class={classes!("sm-chip", format!("sm-stance-{}", p.stance.name()))}>
                    <span class="sm-icon" aria-hidden="true">{ stance_icon(p.stance) }</span>{ " " }{ l.t(p.stance.msg()) }
                </span>
                if p.red_line { { " " }<span class="sm-chip sm-red-line">{ l.t(Msg::RedLine) }</span> }
                if current { { " " }<span class="sm-chip sm-current-mark">{ l.t(Msg::Current) }</span> }
            </p>
            <p class="sm-detail-summary" lang={speech.data.clone()}>{ &p.summary }</p>
            <ul class="sm-sources">{ for p.sources.iter().map(|&s| source_item(speech, ds, s, None)) }</ul>
        </li>
    }
}

#[function_component]
pub fn CellDetail(props: &CellDetailProps) -> Html {
    // Every hook before any early return: each render calls the same hooks in the same order.
    let speech = use_speech();
    let ds = &props.data.dataset;
    let (issue, party) = (&ds.issues()[props.issue], &ds.parties()[props.party]);
    let history: Vec<&Position> = ds.history(props.issue, props.party).collect();
    // A later position that only adds to the standing one is in the timeline, not current.
    let (Some(current), Some(&last)) = (ds.current(props.issue, props.party), history.last())
    else {
        return Html::default();
    };
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    let l = speech.ui;
    html! {
        <section class="sm-detail" data-testid="cell-detail" aria-labelledby="sm-detail-title">
            <div class="sm-detail-head">
                <h3 id="sm-detail-title" tabindex="-1">{ with_data(&speech, l.t(Msg::DetailTitle), &[(&party.name, true), (&issue.title, true)]) }</h3>
                <button type="button" class="sm-button sm-close" {onclick} aria-label={l.t(Msg::CloseDetails)}>{ l.t(Msg::Close) }</button>
            </div>
            if let (Some(change), Some(since)) = (props.change, props.since) {
                <p class="sm-detail-change" data-testid="detail-change">
                    <span class="sm-changed-mark" aria-hidden="true">{ "Δ" }</span>
                    { l.f(Msg::ChangedSinceDetail, &[&since.words(l), &change_text(l, &change)]) }
                </p>
            }
            { position_body(&speech, ds, current) }
            if history.len() > 1 {
                <details class="sm-history" open={true} data-testid="timeline">
                    <summary>{ l.n(Msg::Timeline, history.len(), &[&history[0].date.words(l), &last.date.words(l)]) }</summary>
                    <ol class="sm-timeline">
                        { for history.iter().map(|p| timeline_item(&speech, ds, p, std::ptr::eq(*p, current))) }
                    </ol>
                </details>
            }
        </section>
    }
}
