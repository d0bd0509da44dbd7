//! Party against party: every pair ranked by agreement (paged, so 500 parties stay quick), a
//! square table of shares when the parties are few, and for a chosen pair the issues where
//! they agree, differ and clash over a red line.

use super::marks::COMPACT_MAX;
use crate::analysis::{pair_relation, PairRelation, PairScore, PairTable};
use crate::loaded::Data;
use crate::model::Dataset;
use crate::view_state::Action;
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
            let value = |select: &NodeRef| select.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            let (x, y) = (value(&first), value(&second));
            on.emit(Action::Compare((x != y && !x.is_empty() && !y.is_empty()).then_some((x, y))));
        })
    };
    let select = |id: &str, label: &str, chosen: Option<usize>, node: &NodeRef| html! {
        <div class="sm-field">
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} ref={node.clone()} onchange={on_change.clone()}>
                <option value="" selected={chosen.is_none()}>{ "Choose a party" }</option>
                { for ds.parties().iter().enumerate().map(|(i, p)| html! {
                    <option value={p.id.clone()} selected={chosen == Some(i)}>{ &p.name }</option>
                }) }
            </select>
        </div>
    };
    let lists = match (a, b) {
        (Some(a), Some(b)) => {
            let group = |relation: PairRelation| -> Vec<&str> {
                (0..ds.issues().len()).filter(|&i| pair_relation(ds, i, a, b) == Some(relation)).map(|i| ds.issues()[i].title.as_str()).collect()
            };
            let block = |title: &str, class: &str, items: Vec<&str>| html! {
                <div class={classes!("sm-pair-group", class.to_string())}>
                    <p class="sm-legend-head">{ format!("{title} ({})", items.len()) }</p>
                    if items.is_empty() { <p class="sm-muted">{ "None" }</p> }
                    else { <ul>{ for items.iter().take(ISSUES_LISTED).map(|t| html! { <li>{ *t }</li> }) }</ul> }
                    if items.len() > ISSUES_LISTED {
                        <p class="sm-muted">{ format!("… and {} more", items.len() - ISSUES_LISTED) }</p>
                    }
                </div>
            };
            html! {
                <div class="sm-pair" data-testid="pair">
                    { block("Red-line clashes", "sm-status-red-line-clash", group(PairRelation::Clash)) }
                    { block("They differ", "sm-status-conflict", group(PairRelation::Differ)) }
                    { block("They agree", "sm-status-agreement", group(PairRelation::Agree)) }
                </div>
            }
        }
        _ => Html::default(),
    };
    // Many parties: folded until the reader asks, and only then computed.
    let open = use_state(|| n <= COMPACT_MAX);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open()))
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
                if n <= COMPACT_MAX { { square(ds, pairs) } }
                <ol class="sm-pair-list" data-testid="pair-list" aria-label="Pairs of parties, most agreement first">
                    { for pairs.top(*shown_pairs).into_iter().map(|(a, b, score)| pair_item(ds, a, b, score)) }
                </ol>
                if waiting > 0 {
                    <p class="sm-more">
                        <button type="button" class="sm-button" data-testid="more-pairs" onclick={on_more_pairs}>
                            { format!("Show {} more pairs", waiting.min(PAIRS_PER_PAGE)) }
                        </button>
                        <span class="sm-muted">{ format!(" ({waiting} not shown yet)") }</span>
                    </p>
                }
                <div class="sm-pair-pick">
                    { select("sm-pair-a", "Compare", a, &first) }
                    { select("sm-pair-b", "with", b, &second) }
                </div>
                { lists }
            </>
        }
    });
    html! {
        <section class="sm-compare" aria-labelledby="sm-compare-title" data-testid="compare">
            <details class="sm-compare-body" open={*open} {ontoggle}>
                <summary><h2 id="sm-compare-title" class="sm-h2">{ "Party against party" }</h2></summary>
                <p class="sm-muted">{ "Share of the issues both parties have stated on which they stand on the same side, over the whole dataset." }</p>
                { body.unwrap_or_default() }
            </details>
        </section>
    }
}

/// The pair's agreement in words: "60% on the same side, of 5 issues both stated · 1 red-line
/// clash", or that they have stated nothing jointly.
fn pair_text(score: PairScore) -> String {
    let clashes = match score.red_line_clashes {
        0 => String::new(),
        1 => " · 1 red-line clash".to_string(),
        k => format!(" · {k} red-line clashes"),
    };
    match score.percent() {
        Some(p) => format!("{p}% on the same side, of {} stated by both{clashes}", score.joint),
        None => "no issue stated by both".to_string(),
    }
}

fn pair_item(ds: &Dataset, a: usize, b: usize, score: PairScore) -> Html {
    let bucket = score.share().map(bucket);
    html! {
        <li class={classes!("sm-pair-item", bucket.map(|k| format!("sm-share-{k}")))}>
            <span class="sm-pair-names">{ format!("{} – {}", ds.parties()[a].name, ds.parties()[b].name) }</span>
            { " " }
            <span class="sm-pair-score">{ pair_text(score) }</span>
        </li>
    }
}

/// The square table of shares, for a handful of parties (wide screens; phones get the list).
fn square(ds: &Dataset, pairs: &PairTable) -> Html {
    let n = ds.parties().len();
    html! {
        <div class="sm-pairs-box">
            <table class="sm-pairs" data-testid="pairs">
                <caption>{ "Agreement between parties" }</caption>
                <thead><tr><th scope="col">{ "Party" }</th>
                    { for ds.parties().iter().map(|p| html! { <th scope="col">{ p.label() }</th> }) }</tr></thead>
                <tbody>
                    { for (0..n).map(|r| html! {
                        <tr>
                            <th scope="row">{ &ds.parties()[r].name }</th>
                            { for (0..n).map(|c| match pairs.get(r, c) {
                                None => html! { <td class="sm-share-self"><span class="sm-muted">{ "—" }</span></td> },
                                Some(score) => match score.share() {
                                    None => html! { <td class="sm-share-none">{ "n/a" }</td> },
                                    Some(s) => html! {
                                        <td class={format!("sm-share sm-share-{}", bucket(s))} title={pair_text(score)}>
                                            { format!("{}%", score.percent().unwrap_or_default()) }
                                            <span class="sm-share-of">{ format!(" of {}", score.joint) }</span>
                                            if score.red_line_clashes > 0 { <span class="sm-share-clash">{ format!(" · {} clash", score.red_line_clashes) }</span> }
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
