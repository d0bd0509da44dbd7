//! The key to stances, red lines, statuses and confidence.

use super::marks::{confidence_mark, stance_icon, status_sign};
use crate::analysis::IssueStatus;
use crate::model::{Confidence, Stance};
use yew::prelude::*;

fn status_meaning(status: IssueStatus) -> &'static str {
    match status {
        IssueStatus::RedLineClash => "a party's red line is on one side and another party stands on the other",
        IssueStatus::Conflict => "parties stand on both sides; no red line is crossed",
        IssueStatus::Agreement => "at least two parties on one side, none on the other",
        IssueStatus::Unclear => "fewer than two parties on a side, or only ambivalent ones",
    }
}

/// The one-line key to the signs that stand for words in the compact matrix on phones, shown
/// above it (styles/phone.css); the full legend below the matrix explains every term.
pub fn key() -> Html {
    html! {
        <p class="sm-key" data-testid="key">
            { for Stance::ALL.iter().map(|s| html! {
                <span class="sm-key-item"><span class={classes!("sm-chip", format!("sm-stance-{}", s.name()))} aria-hidden="true">{ stance_icon(*s) }</span>{ " " }{ s.label() }</span>
            }) }
            <span class="sm-key-item"><span class="sm-chip sm-not-stated" aria-hidden="true">{ "∅" }</span>{ " Not stated" }</span>
            <span class="sm-key-item"><span class="sm-chip sm-red-line" aria-hidden="true">{ "!" }</span>{ " Red line" }</span>
            { for IssueStatus::ALL.iter().map(|s| html! {
                <span class="sm-key-item"><span class={classes!("sm-chip", "sm-key-status", format!("sm-status-{}", s.name()))} aria-hidden="true">{ status_sign(*s) }</span>{ " " }{ s.label() }</span>
            }) }
        </p>
    }
}

/// A plain view function (static content; a component would add lifecycle code to the wasm).
pub fn legend() -> Html {
    html! {
        <details class="sm-legend" data-testid="legend" open={true}>
            <summary>{ "How to read this" }</summary>
            <div class="sm-legend-grid">
                <div>
                    <p class="sm-legend-head">{ "Stances" }</p>
                    <ul>
                        { for Stance::ALL.iter().map(|s| html! {
                            <li><span class={classes!("sm-chip", format!("sm-stance-{}", s.name()))}>
                                <span class="sm-icon" aria-hidden="true">{ stance_icon(*s) }</span>{ " " }{ s.label() }
                            </span></li>
                        }) }
                        <li><span class="sm-chip sm-not-stated"><span class="sm-icon" aria-hidden="true">{ "∅" }</span>{ " Not stated" }</span>
                            { " — no position on record; never guessed" }</li>
                    </ul>
                </div>
                <div>
                    <p class="sm-legend-head">{ "Red line and confidence" }</p>
                    <ul>
                        <li><span class="sm-chip sm-red-line">{ "Red line" }</span>{ " — the party calls this non-negotiable" }</li>
                        { for Confidence::ALL.iter().map(|c| html! {
                            <li><span class={classes!("sm-chip", format!("sm-conf-{}", c.name()))}>
                                if let Some(m) = confidence_mark(*c) { <span class="sm-conf-mark" aria-hidden="true">{ m }</span>{ " " } }
                                { c.label() }
                            </span>{ match c {
                                Confidence::OnRecord => " — said publicly by the party",
                                Confidence::Reported => " — reported by media, not confirmed on the record (hatched)",
                                Confidence::Inferred => " — our reading of stated demands (hatched)",
                            } }</li>
                        }) }
                    </ul>
                </div>
                <div>
                    <p class="sm-legend-head">{ "Status of an issue" }</p>
                    <ul>
                        { for IssueStatus::ALL.iter().map(|s| html! {
                            <li><span class={classes!("sm-chip", format!("sm-status-{}", s.name()))}>{ s.label() }</span>
                                { format!(" — {}", status_meaning(*s)) }</li>
                        }) }
                    </ul>
                </div>
            </div>
        </details>
    }
}
