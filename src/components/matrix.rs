//! The stance matrix: a real table (issues as row headers, parties as column headers, a status
//! column) inside its own scroll container, so a phone never scrolls the page sideways.

use super::marks::COMPACT_MAX;
use super::row::{matrix_row, RowCellsProps};
use super::speech::use_speech;
use crate::analysis::history::Changes;
use crate::analysis::IssueAnalysis;
use crate::browser::host;
use crate::i18n::Msg;
use crate::state::loaded::Data;
use crate::state::view_state::{rows_per_page, Action, CellRef};
use std::rc::Rc;
use yew::prelude::*;

/// Above this many rows in the document, cells out of view are not laid out.
const LONG_TABLE_ROWS: usize = 30;

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    /// The loaded dataset.
    pub data: Data,
    /// Issue indices to show, in order.
    pub rows: Rc<Vec<usize>>,
    /// How many of `rows` to show; the rest wait behind "Show more".
    pub limit: usize,
    /// Every issue in the current sort order, filters aside: where hidden rows sit.
    pub order: Rc<Vec<usize>>,
    /// Renders another page of rows.
    pub on_more: Callback<()>,
    /// Party indices of the visible columns, in order.
    pub parties: Rc<Vec<usize>>,
    /// Per issue (all issues), the analysis over the visible parties.
    pub analyses: Rc<Vec<IssueAnalysis>>,
    /// The cells changed since the reader's "changed since" date, when one is chosen.
    #[prop_or_default]
    pub changes: Option<Rc<Changes>>,
    /// The cell whose details are open.
    pub open: Option<CellRef>,
    /// Receives the reader's actions.
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let ds = &props.data.dataset;
    let speech = use_speech();
    let (l, data_lang) = (speech.ui, speech.data.clone());
    // Focus follows the details: into the panel when the reader opens it, back to the cell
    // when it closes. Not on first render, so a shared link does not steal focus or scroll.
    let previous = use_mut_ref(|| None::<Option<CellRef>>);
    let table = use_node_ref();
    {
        let table = table.clone();
        use_effect_with(props.open.clone(), move |open| {
            let before = previous.borrow_mut().replace(open.clone());
            let Some(table) = table.cast::<web_sys::Element>() else {
                return;
            };
            match (before, open) {
                (Some(_), Some(_)) => host::focus(&table, "[data-testid=cell-detail] h3"),
                (Some(Some(cell)), None) => {
                    host::focus(&table, &format!("button[data-cell=\"{}\"]", cell.key()))
                }
                _ => {}
            }
        });
    }
    // One click handler for every cell button (keyboard activation of a button is a click too).
    let onclick = {
        let (on_action, open) = (props.on_action.clone(), props.open.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target_dyn_into::<web_sys::Element>() else {
                return;
            };
            let Some(cell) = target
                .closest("button[data-cell]")
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute("data-cell"))
            else {
                return;
            };
            let Some((issue, party)) = cell.split_once('.') else {
                return;
            };
            let clicked = CellRef {
                issue: issue.to_string(),
                party: party.to_string(),
            };
            on_action.emit(if open.as_ref() == Some(&clicked) {
                Action::CloseCell
            } else {
                Action::OpenCell(clicked)
            });
        })
    };
    let onkeydown = {
        let (on_action, is_open) = (props.on_action.clone(), props.open.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if is_open && e.key() == "Escape" {
                e.prevent_default();
                on_action.emit(Action::CloseCell);
            }
        })
    };
    let waiting = props.rows.len().saturating_sub(props.limit);
    // Rows once shown stay mounted and are hidden when filtered out: narrowing and restoring
    // then flip attributes instead of tearing down and rebuilding hundreds of cells.
    let mounted = use_mut_ref(Vec::<bool>::new);
    let mut shown = vec![false; ds.issues().len()];
    for &issue in props.rows.iter().take(props.limit) {
        shown[issue] = true;
    }
    let rendered: Vec<(usize, bool)> = {
        let mut mounted = mounted.borrow_mut();
        mounted.resize(ds.issues().len(), false);
        props
            .order
            .iter()
            .filter(|&&i| {
                mounted[i] |= shown[i];
                mounted[i]
            })
            .map(|&i| (i, !shown[i]))
            .collect()
    };
    // Up to six parties, phones get every column as a compact sign; more become one card per
    // issue, the parties grouped by stance (see styles/phone.css).
    let layout = if props.parties.len() <= COMPACT_MAX {
        format!("sm-cols-{}", props.parties.len() + 1)
    } else {
        "sm-many".to_string()
    };
    // A long table lets the browser skip cells out of view (styles/matrix.css); a short one,
    // like the pre-rendered first view, is drawn whole, so nothing is guessed and then moves.
    let long = (rendered.len() > LONG_TABLE_ROWS).then_some("sm-long");
    let open_issue = props.open.as_ref().and_then(|c| ds.issue_index(&c.issue));
    let open_party = props
        .open
        .as_ref()
        .and_then(|c| ds.party_index(&c.party))
        .filter(|p| props.parties.contains(p));
    html! {
        <div class="sm-scroll" role="region" aria-label={l.t(Msg::MatrixRegion)} tabindex="0" {onkeydown}>
            <table ref={table} class={classes!("sm-matrix", layout, long)} data-testid="matrix" {onclick}>
                <caption>
                    <span class="sm-caption-title" lang={data_lang.clone()}>{ ds.title() }</span>
                    <span class="sm-caption-date">{ l.f(Msg::AsOfCaption, &[&crate::analysis::history::latest(ds).words(l)]) }</span>
                </caption>
                <colgroup>
                    <col class="sm-col-issue" />
                    { for props.parties.iter().map(|_| html! { <col class="sm-col-party" /> }) }
                    <col class="sm-col-status" />
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col" class="sm-issue-head">{ l.t(Msg::Issue) }</th>
                        { for props.parties.iter().map(|&p| {
                            let party = &ds.parties()[p];
                            // Narrow screens show the short label (or, without one, the name
                            // written vertically, so no word is cut); the header's name is
                            // always the full one.
                            html! {
                                <th scope="col" data-party={party.id.clone()} aria-label={party.name.clone()} lang={data_lang.clone()}
                                    class={classes!(party.short.is_none().then_some("sm-no-short"))}>
                                    <span class="sm-party-name">{ &party.name }</span>
                                    if let Some(short) = &party.short { <span class="sm-party-short">{ short }</span> }
                                </th>
                            }
                        }) }
                        <th scope="col" class="sm-status-head">{ l.t(Msg::Status) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rendered.iter().flat_map(|&(issue, hidden)| {
                        let cells = RowCellsProps {
                            data: props.data.clone(),
                            issue,
                            parties: props.parties.clone(),
                            analysis: props.analyses[issue],
                            changes: props.changes.clone(),
                            open_party: if open_issue == Some(issue) { open_party } else { None },
                        };
                        matrix_row(cells, hidden, &props.on_action)
                    }) }
                </tbody>
            </table>
            if waiting > 0 {
                <p class="sm-more">
                    <button type="button" class="sm-button" data-testid="show-more" onclick={props.on_more.reform(|_| ())}>
                        { l.n(Msg::ShowMoreIssues, waiting.min(rows_per_page(ds.parties().len())), &[]) }
                    </button>
                    <span class="sm-muted">{ l.f(Msg::NotShownYet, &[&waiting.to_string()]) }</span>
                </p>
            }
        </div>
    }
}
