//! The key to stances, red lines, statuses and confidence.

use super::marks::{confidence_mark, stance_icon, status_sign};
use crate::analysis::IssueStatus;
use crate::i18n::{Lang, Msg};
use crate::model::{Confidence, Stance};
use yew::prelude::*;

/// The one-line key to the signs that stand for words in the compact matrix on phones, shown
/// above it (styles/phone.css); the full legend below the matrix explains every term.
pub fn key(l: Lang) -> Html {
    html! {
        <p class="sm-key" data-testid="key">
            { for Stance::ALL.iter().map(|s| html! {
                <span class="sm-key-item"><span class={classes!("sm-chip", format!("sm-stance-{}", s.name()))} aria-hidden="true">{ stance_icon(*s) }</span>{ " " }{ l.t(s.msg()) }</span>
            }) }
            <span class="sm-key-item"><span class="sm-chip sm-not-stated" aria-hidden="true">{ "∅" }</span>{ " " }{ l.t(Msg::NotStated) }</span>
            <span class="sm-key-item"><span class="sm-chip sm-red-line" aria-hidden="true">{ "!" }</span>{ " " }{ l.t(Msg::RedLine) }</span>
            { for IssueStatus::ALL.iter().map(|s| html! {
                <span class="sm-key-item"><span class={classes!("sm-chip", "sm-key-status", format!("sm-status-{}", s.name()))} aria-hidden="true">{ status_sign(*s) }</span>{ " " }{ l.t(s.msg()) }</span>
            }) }
        </p>
    }
}

/// A plain view function (static content; a component would add lifecycle code to the wasm).
pub fn legend(l: Lang) -> Html {
    html! {
        <details class="sm-legend" data-testid="legend" open={true}>
            <summary>{ l.t(Msg::HowToRead) }</summary>
            <div class="sm-legend-grid">
                <div>
                    <p class="sm-legend-head">{ l.t(Msg::Stances) }</p>
                    <ul>
                        { for Stance::ALL.iter().map(|s| html! {
                            <li><span class={classes!("sm-chip", format!("sm-stance-{}", s.name()))}>
                                <span class="sm-icon" aria-hidden="true">{ stance_icon(*s) }</span>{ " " }{ l.t(s.msg()) }
                            </span></li>
                        }) }
                        <li><span class="sm-chip sm-not-stated"><span class="sm-icon" aria-hidden="true">{ "∅" }</span>{ " " }{ l.t(Msg::NotStated) }</span>
                            { l.t(Msg::NotStatedMeaning) }</li>
                    </ul>
                </div>
                <div>
                    <p class="sm-legend-head">{ l.t(Msg::RedLineAndConfidence) }</p>
                    <ul>
                        <li><span class="sm-chip sm-red-line">{ l.t(Msg::RedLine) }</span>{ l.t(Msg::RedLineMeaning) }</li>
                        { for Confidence::ALL.iter().map(|c| html! {
                            <li><span class={classes!("sm-chip", format!("sm-conf-{}", c.name()))}>
                                if let Some(m) = confidence_mark(l, *c) { <span class="sm-conf-mark" aria-hidden="true">{ m }</span>{ " " } }
                                { l.t(c.msg()) }
                            </span>{ l.t(match c {
                                Confidence::OnRecord => Msg::OnRecordMeaning,
                                Confidence::Reported => Msg::ReportedMeaning,
                                Confidence::Inferred => Msg::InferredMeaning,
                            }) }</li>
                        }) }
                    </ul>
                </div>
                <div>
                    <p class="sm-legend-head">{ l.t(Msg::StatusOfIssue) }</p>
                    <ul>
                        { for IssueStatus::ALL.iter().map(|s| html! {
                            <li><span class={classes!("sm-chip", format!("sm-status-{}", s.name()))}>{ l.t(s.msg()) }</span>
                                { l.t(Msg::Dash) }{ l.t(s.meaning()) }</li>
                        }) }
                    </ul>
                </div>
            </div>
        </details>
    }
}
