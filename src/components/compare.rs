//! Party against party: a table of agreement shares, and for a chosen pair the issues where
//! they agree, differ and clash over a red line.

use super::Data;
use crate::analysis::{pair_relation, PairRelation};
use crate::view_state::Action;
use wasm_bindgen::JsCast;
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

/// Shading bucket 0–4 for a share, so shading needs no inline style (strict CSP).
fn bucket(share: f64) -> usize {
    ((share * 4.0).round() as usize).min(4)
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let ds = &props.data.dataset;
    let n = ds.parties.len();
    let (a, b) = match &props.pair {
        Some((a, b)) => (ds.party_index(a), ds.party_index(b)),
        None => (None, None),
    };
    // Both selects are read on every change, so picking the first party keeps it while the
    // reader picks the second (the state holds a pair only once both are chosen).
    let on_change = {
        let on = props.on_action.clone();
        Callback::from(move |_: Event| {
            let value = |id: &str| {
                crate::host::document().get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
            };
            let (x, y) = (value("sm-pair-a"), value("sm-pair-b"));
            on.emit(Action::Compare((x != y && !x.is_empty() && !y.is_empty()).then_some((x, y))));
        })
    };
    let select = |id: &str, label: &str, chosen: Option<usize>| html! {
        <div class="sm-field">
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} onchange={on_change.clone()}>
                <option value="" selected={chosen.is_none()}>{ "Choose a party" }</option>
                { for ds.parties.iter().enumerate().map(|(i, p)| html! {
                    <option value={p.id.clone()} selected={chosen == Some(i)}>{ &p.name }</option>
                }) }
            </select>
        </div>
    };
    let lists = match (a, b) {
        (Some(a), Some(b)) => {
            let group = |relation: PairRelation| -> Vec<&str> {
                (0..ds.issues.len()).filter(|&i| pair_relation(ds, i, a, b) == Some(relation)).map(|i| ds.issues[i].title.as_str()).collect()
            };
            let block = |title: &str, class: &str, items: Vec<&str>| html! {
                <div class={classes!("sm-pair-group", class.to_string())}>
                    <p class="sm-legend-head">{ format!("{title} ({})", items.len()) }</p>
                    if items.is_empty() { <p class="sm-muted">{ "None" }</p> }
                    else { <ul>{ for items.iter().map(|t| html! { <li>{ *t }</li> }) }</ul> }
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
    html! {
        <section class="sm-compare" aria-labelledby="sm-compare-title" data-testid="compare">
            <h2 id="sm-compare-title" class="sm-h2">{ "Party against party" }</h2>
            <p class="sm-muted">{ "Share of the issues both parties have stated on which they stand on the same side, over the whole dataset." }</p>
            <div class="sm-scroll" role="region" aria-label="Agreement between parties" tabindex="0">
                <table class="sm-pairs" data-testid="pairs">
                    <caption>{ "Agreement between parties" }</caption>
                    <thead><tr><th scope="col">{ "Party" }</th>
                        { for ds.parties.iter().map(|p| html! { <th scope="col">{ p.label() }</th> }) }</tr></thead>
                    <tbody>
                        { for (0..n).map(|r| html! {
                            <tr>
                                <th scope="row">{ &ds.parties[r].name }</th>
                                { for (0..n).map(|c| {
                                    let score = props.data.pairs[r][c];
                                    match (r == c, score.share()) {
                                        (true, _) => html! { <td class="sm-share-self"><span class="sm-muted">{ "—" }</span></td> },
                                        (false, None) => html! { <td class="sm-share-none">{ "n/a" }</td> },
                                        (false, Some(s)) => html! {
                                            <td class={format!("sm-share sm-share-{}", bucket(s))}
                                                title={format!("{} of {} jointly stated issues on the same side; {} red-line clash(es)", score.same_side, score.joint, score.red_line_clashes)}>
                                                { format!("{}%", score.percent().unwrap_or_default()) }
                                                <span class="sm-share-of">{ format!(" of {}", score.joint) }</span>
                                                if score.red_line_clashes > 0 { <span class="sm-share-clash">{ format!(" · {} clash", score.red_line_clashes) }</span> }
                                            </td>
                                        },
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="sm-pair-pick">
                { select("sm-pair-a", "Compare", a) }
                { select("sm-pair-b", "with", b) }
            </div>
            { lists }
        </section>
    }
}
