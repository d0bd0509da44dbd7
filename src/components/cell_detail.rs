//! A cell's details: who said what, when, how firmly attested, with its sources as links, and
//! the party's earlier positions on the issue. Every dataset string renders as text.

use super::marks::{change_text, stance_icon};
use crate::history::CellChange;
use crate::loaded::Data;
use crate::model::{is_http_url, Dataset, Date, Position};
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
/// because a link is where injection would bite), else as plain text.
fn source_item(ds: &Dataset, index: usize) -> Html {
    let s = &ds.sources()[index];
    let meta: Vec<String> = [s.publisher.clone(), s.published.map(|d| d.long())].into_iter().flatten().collect();
    html! {
        <li>
            if is_http_url(&s.url) {
                <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ &s.title }</a>
            } else {
                <span>{ &s.title }</span>{ " " }<code>{ &s.url }</code>
            }
            if !meta.is_empty() { <span class="sm-source-meta">{ format!(" — {}", meta.join(", ")) }</span> }
        </li>
    }
}

/// One position: stance, red line, confidence, summary, quote, date, conditions and sources.
/// Also the pre-rendered page's list of every position (`prerender`), for readers without script.
pub(crate) fn position_body(ds: &Dataset, p: &Position) -> Html {
    html! {
        <>
            <p class="sm-detail-stance">
                <span class={classes!("sm-chip", format!("sm-stance-{}", p.stance.name()))}>
                    <span class="sm-icon" aria-hidden="true">{ stance_icon(p.stance) }</span>{ " " }{ p.stance.label() }
                </span>
                if p.red_line { <span class="sm-chip sm-red-line">{ "Red line" }</span> }
                <span class={classes!("sm-chip", format!("sm-conf-{}", p.confidence.name()))}>{ p.confidence.label() }</span>
            </p>
            <p class="sm-detail-summary">{ &p.summary }</p>
            if let Some(q) = &p.quote {
                <figure class="sm-quote">
                    <blockquote><p>{ format!("“{q}”") }</p></blockquote>
                    if let Some(who) = &p.speaker { <figcaption>{ format!("— {who}") }</figcaption> }
                </figure>
            }
            <dl class="sm-detail-facts">
                <dt>{ "Date" }</dt><dd><time datetime={p.date.to_string()}>{ p.date.long() }</time></dd>
                if p.quote.is_none() {
                    if let Some(who) = &p.speaker { <dt>{ "Speaker" }</dt><dd>{ who }</dd> }
                }
                if let Some(c) = &p.conditions { <dt>{ "Conditions" }</dt><dd>{ c }</dd> }
            </dl>
            <p class="sm-sources-label">{ if p.sources.len() == 1 { "Source" } else { "Sources" } }</p>
            <ul class="sm-sources">{ for p.sources.iter().map(|&s| source_item(ds, s)) }</ul>
        </>
    }
}

/// One position in a cell's timeline: its date, stance, summary and sources.
fn timeline_item(ds: &Dataset, p: &Position, current: bool) -> Html {
    html! {
        <li class={classes!("sm-history-item", current.then_some("sm-current"))} data-date={p.date.to_string()} data-stance={p.stance.name()}>
            <p class="sm-detail-stance">
                <time datetime={p.date.to_string()}>{ p.date.long() }</time>{ " " }
                <span class={classes!("sm-chip", format!("sm-stance-{}", p.stance.name()))}>
                    <span class="sm-icon" aria-hidden="true">{ stance_icon(p.stance) }</span>{ " " }{ p.stance.label() }
                </span>
                if p.red_line { { " " }<span class="sm-chip sm-red-line">{ "Red line" }</span> }
                if current { { " " }<span class="sm-chip sm-current-mark">{ "Current" }</span> }
            </p>
            <p class="sm-detail-summary">{ &p.summary }</p>
            <ul class="sm-sources">{ for p.sources.iter().map(|&s| source_item(ds, s)) }</ul>
        </li>
    }
}

#[function_component]
pub fn CellDetail(props: &CellDetailProps) -> Html {
    let ds = &props.data.dataset;
    let (issue, party) = (&ds.issues()[props.issue], &ds.parties()[props.party]);
    let history: Vec<&Position> = ds.history(props.issue, props.party).collect();
    let Some(&current) = history.last() else { return Html::default() };
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="sm-detail" data-testid="cell-detail" aria-labelledby="sm-detail-title">
            <div class="sm-detail-head">
                <h3 id="sm-detail-title" tabindex="-1">{ format!("{} on “{}”", party.name, issue.title) }</h3>
                <button type="button" class="sm-button sm-close" {onclick} aria-label="Close details (Escape)">{ "Close" }</button>
            </div>
            if let (Some(change), Some(since)) = (props.change, props.since) {
                <p class="sm-detail-change" data-testid="detail-change">
                    <span class="sm-changed-mark" aria-hidden="true">{ "Δ" }</span>
                    { format!(" Changed since {}: {}", since.long(), change_text(&change)) }
                </p>
            }
            { position_body(ds, current) }
            if history.len() > 1 {
                <details class="sm-history" open={true} data-testid="timeline">
                    <summary>{ format!("Timeline: {} positions, {} to {}", history.len(), history[0].date.long(), current.date.long()) }</summary>
                    <ol class="sm-timeline">
                        { for history.iter().map(|p| timeline_item(ds, p, std::ptr::eq(*p, current))) }
                    </ol>
                </details>
            }
        </section>
    }
}
