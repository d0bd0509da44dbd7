//! Party against party: every pair ranked by agreement (paged, so 500 parties stay quick), a
//! square table of shares when the parties are few, and for a chosen pair the issues where
//! they agree, differ and clash over a red line.

use super::marks::COMPACT_MAX;
use super::speech::{use_speech, Speech};
use crate::analysis::{pair_relation, PairRelation, PairScore, PairTable};
use crate::i18n::Msg;
use crate::model::Dataset;
use crate::state::loaded::Data;
use crate::state::view_state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The loaded dataset and its pair scores.
    pub data: Data,
    /// The chosen pair of party ids.
    pub pair: Option<(String, String)>,
    /// Receives the reader's actions.
    pub on_action: Callback<Action>,
}

/// Pairs listed before "Show more pairs" (500 parties make 124,750 pairs).
const PAIRS_PER_PAGE: usize = 20;

/// Issue titles listed per group for a chosen pair (20,000 issues would be a very long page).
const ISSUES_LISTED: usize = 100;

/// Shading bucket 0–4 for a share, so shading needs no inline style (strict CSP).
fn bucket(share: f64) -> usize {
    ((share * 4.0).round() as usize).min(4)
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let ds = &props.data.dataset;
    let n = ds.parties().len();
    let speech = use_speech();
    let (l, data_lang) = (speech.ui, speech.data.clone());
    let (a, b) = match &props.pair {
        Some((a, b)) => (ds.party_index(a), ds.party_index(b)),
        None => (None, None),
    };
    // Both selects are read on every change, so picking the first party keeps it while the
    // reader picks the second (the state holds a pair only once both are chosen). By
    // reference, not by id: several widgets can share a page.
    let (first, second) = (use_node_ref(), use_node_ref());
    let on_change = {
        let (on, first, second) = (props.on_action.clone(), first.clone(), second.clone());
        Callback::from(move |_: Event| {
            let value = |select: &NodeRef| {
                select
                    .cast::<HtmlSelectElement>()
                    .map(|s| s.value())
                    .unwrap_or_default()
            };
            let (x, y) = (value(&first), value(&second));
            on.emit(Action::Compare(
                (x != y && !x.is_empty() && !y.is_empty()).then_some((x, y)),
            ));
        })
    };
    let select = |id: &str, label: &str, chosen: Option<usize>, node: &NodeRef| {
        html! {
            <div class="sm-field">
                <label for={id.to_string()}>{ label }</label>
                <select id={id.to_string()} ref={node.clone()} onchange={on_change.clone()}>
                    <option value="" selected={chosen.is_none()}>{ l.t(Msg::ChooseParty) }</option>
                    { for ds.parties().iter().enumerate().map(|(i, p)| html! {
                        <option value={p.id.clone()} selected={chosen == Some(i)} lang={data_lang.clone()}>{ &p.name }</option>
                    }) }
                </select>
            </div>
        }
    };
    let lists = match (a, b) {
        (Some(a), Some(b)) => {
            let group = |relation: PairRelation| -> Vec<&str> {
                (0..ds.issues().len())
                    .filter(|&i| pair_relation(ds, i, a, b) == Some(relation))
                    .map(|i| ds.issues()[i].title.as_str())
                    .collect()
            };
            let block = |title: Msg, class: &str, items: Vec<&str>| {
                html! {
                    <div class={classes!("sm-pair-group", class.to_string())}>
                        <p class="sm-legend-head">{ l.f(title, &[&items.len().to_string()]) }</p>
                        if items.is_empty() { <p class="sm-muted">{ l.t(Msg::NoneListed) }</p> }
                        else { <ul>{ for items.iter().take(ISSUES_LISTED).map(|t| html! { <li lang={data_lang.clone()}>{ *t }</li> }) }</ul> }
                        if items.len() > ISSUES_LISTED {
                            <p class="sm-muted">{ l.f(Msg::AndMore, &[&(items.len() - ISSUES_LISTED).to_string()]) }</p>
                        }
                    </div>
                }
            };
            html! {
                <div class="sm-pair" data-testid="pair">
                    { block(Msg::RedLineClashes, "sm-status-red-line-clash", group(PairRelation::Clash)) }
                    { block(Msg::TheyDiffer, "sm-status-conflict", group(PairRelation::Differ)) }
                    { block(Msg::TheyAgree, "sm-status-agreement", group(PairRelation::Agree)) }
                </div>
            }
        }
        _ => Html::default(),
    };
    // Many parties: folded until the reader asks, and only then computed.
    let open = use_state(|| n <= COMPACT_MAX);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    let shown_pairs = use_state(|| PAIRS_PER_PAGE);
    let on_more_pairs = {
        let shown_pairs = shown_pairs.clone();
        Callback::from(move |_: MouseEvent| shown_pairs.set(*shown_pairs + PAIRS_PER_PAGE))
    };
    let body = open.then(|| {
        let pairs = props.data.pairs();
        let waiting = pairs.len().saturating_sub(*shown_pairs);
        html! {
            <>
                if n <= COMPACT_MAX { { square(&speech, ds, pairs) } }
                <ol class="sm-pair-list" data-testid="pair-list" aria-label={l.t(Msg::PairsMostAgreement)}>
                    { for pairs.top(*shown_pairs).into_iter().map(|(a, b, score)| pair_item(&speech, ds, a, b, score)) }
                </ol>
                if waiting > 0 {
                    <p class="sm-more">
                        <button type="button" class="sm-button" data-testid="more-pairs" onclick={on_more_pairs}>
                            { l.n(Msg::ShowMorePairs, waiting.min(PAIRS_PER_PAGE), &[]) }
                        </button>
                        <span class="sm-muted">{ l.f(Msg::NotShownYet, &[&waiting.to_string()]) }</span>
                    </p>
                }
                <div class="sm-pair-pick">
                    { select("sm-pair-a", l.t(Msg::Compare), a, &first) }
                    { select("sm-pair-b", l.t(Msg::With), b, &second) }
                </div>
                { lists }
            </>
        }
    });
    html! {
        <section class="sm-compare" aria-labelledby="sm-compare-title" data-testid="compare">
            <details class="sm-compare-body" open={*open} {ontoggle}>
                <summary><h2 id="sm-compare-title" class="sm-h2">{ l.t(Msg::PartyAgainstParty) }</h2></summary>
                <p class="sm-muted">{ l.t(Msg::ShareExplained) }</p>
                { body.unwrap_or_default() }
            </details>
        </section>
    }
}

/// The pair's agreement in words: "60% on the same side, of 5 issues both stated · 1 red-line
/// clash", or that they have stated nothing jointly.
fn pair_text(l: crate::i18n::Lang, score: PairScore) -> String {
    let clashes = match score.red_line_clashes {
        0 => String::new(),
        k => l.n(Msg::PairClashes, k, &[]),
    };
    match score.percent() {
        Some(p) => l.n(Msg::PairShare, score.joint, &[&l.percent(p as u32)]) + &clashes,
        None => l.t(Msg::NoJointIssue).to_string(),
    }
}

fn pair_item(speech: &Speech, ds: &Dataset, a: usize, b: usize, score: PairScore) -> Html {
    let bucket = score.share().map(bucket);
    html! {
        <li class={classes!("sm-pair-item", bucket.map(|k| format!("sm-share-{k}")))}>
            <span class="sm-pair-names" lang={speech.data.clone()}>{ format!("{} – {}", ds.parties()[a].name, ds.parties()[b].name) }</span>
            { " " }
            <span class="sm-pair-score">{ pair_text(speech.ui, score) }</span>
        </li>
    }
}

/// The square table of shares, for a handful of parties (wide screens; phones get the list).
fn square(speech: &Speech, ds: &Dataset, pairs: &PairTable) -> Html {
    let n = ds.parties().len();
    let l = speech.ui;
    html! {
        <div class="sm-pairs-box">
            <table class="sm-pairs" data-testid="pairs">
                <caption>{ l.t(Msg::AgreementBetween) }</caption>
                <thead><tr><th scope="col">{ l.t(Msg::Party) }</th>
                    { for ds.parties().iter().map(|p| html! { <th scope="col" lang={speech.data.clone()}>{ p.label() }</th> }) }</tr></thead>
                <tbody>
                    { for (0..n).map(|r| html! {
                        <tr>
                            <th scope="row" lang={speech.data.clone()}>{ &ds.parties()[r].name }</th>
                            { for (0..n).map(|c| match pairs.get(r, c) {
                                None => html! { <td class="sm-share-self"><span class="sm-muted">{ "—" }</span></td> },
                                Some(score) => match score.share() {
                                    None => html! { <td class="sm-share-none">{ l.t(Msg::NotApplicable) }</td> },
                                    Some(s) => html! {
                                        <td class={format!("sm-share sm-share-{}", bucket(s))} title={pair_text(l, score)}>
                                            { l.percent(score.percent().unwrap_or_default() as u32) }
                                            <span class="sm-share-of">{ l.f(Msg::OfJoint, &[&score.joint.to_string()]) }</span>
                                            if score.red_line_clashes > 0 { <span class="sm-share-clash">{ l.n(Msg::Clashes, score.red_line_clashes, &[]) }</span> }
                                        </td>
                                    },
                                },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
