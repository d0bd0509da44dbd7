//! One issue row: its header, one cell per visible party, the status, and (when a cell is open)
//! the details row beneath. Props compare cheaply, so unchanged rows do not re-render.

use super::cell_detail::CellDetail;
use super::later::Later;
use super::marks::change_text;
use super::marks::COMPACT_MAX;
use super::notes::note_numbers;
use super::speech::{use_speech, Speech};
use crate::analysis::history::{CellChange, Changes};
use crate::analysis::IssueAnalysis;
use crate::i18n::Msg;
use crate::model::Position;
use crate::state::loaded::Data;
use crate::state::view_state::{Action, CellRef};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct RowCellsProps {
    /// The loaded dataset.
    pub data: Data,
    /// Index of this row's issue.
    pub issue: usize,
    /// Party indices of the visible columns.
    pub parties: Rc<Vec<usize>>,
    /// This issue's analysis over the visible parties.
    pub analysis: IssueAnalysis,
    /// The party whose cell in this row is open, if any.
    pub open_party: Option<usize>,
    /// The cells changed since the reader's "changed since" date, when one is chosen.
    pub changes: Option<Rc<Changes>>,
}

impl RowCellsProps {
    fn change(&self, party: usize) -> Option<CellChange> {
        self.changes
            .as_ref()
            .and_then(|c| c.cell(self.issue, party))
            .copied()
    }
}

/// With more parties than fit as columns on a phone, each issue becomes a card whose cells
/// name their party (drawn by CSS from this attribute; an empty cell's label ends with the
/// language's colon, `Msg::Labelled`); otherwise no label is needed.
fn card_label(props: &RowCellsProps, party: usize) -> Option<String> {
    (props.parties.len() > COMPACT_MAX)
        .then(|| props.data.dataset.parties()[party].label().to_string())
}

fn stated_cell(props: &RowCellsProps, speech: &Speech, party: usize, p: &Position) -> Html {
    let l = speech.ui;
    let ds = &props.data.dataset;
    let (issue, party_ref) = (&ds.issues()[props.issue], &ds.parties()[party]);
    let open = props.open_party == Some(party);
    let earlier = ds
        .history(props.issue, party)
        .filter(|h| h.date < p.date)
        .count();
    let change = props.change(party);
    // The accessible name starts with exactly the visible words ("Opposes Red line"), so what a
    // sighted reader sees is what a screen reader hears first, then the context. An
    // aria-label rather than visually hidden text: hidden text is still shaped and laid out,
    // which on a long table cost more than all the script of a filter.
    let mut visible = l.t(p.stance.msg()).to_string();
    for (on, word) in [(p.red_line, Msg::RedLine), (change.is_some(), Msg::Changed)] {
        if on {
            visible = visible + " " + l.t(word);
        }
    }
    let mut name = l.f(
        Msg::CellName,
        &[
            &visible,
            &party_ref.name,
            &issue.title,
            l.t(p.confidence.msg()),
        ],
    );
    if earlier > 0 {
        name += &l.n(Msg::EarlierPositions, earlier, &[]);
    }
    if let (Some(c), Some(changes)) = (change, &props.changes) {
        name += &l.f(
            Msg::ChangedSinceName,
            &[&changes.since.words(l), &change_text(l, &c)],
        );
    }
    // Clicks are handled once for the whole table (see `Matrix`): no listener per cell to
    // register and unregister as rows come and go. The sign and the confidence letter are
    // drawn by CSS from the classes, with empty alternative text, to keep the markup small.
    let classes = classes!(
        "sm-cell",
        format!("sm-stance-{}", p.stance.name()),
        format!("sm-conf-{}", p.confidence.name()),
        p.red_line.then_some("sm-has-red-line"),
        change.is_some().then_some("sm-changed")
    );
    html! {
        <td class={classes} data-party={party_ref.id.clone()} data-stance={p.stance.name()} data-red-line={p.red_line.then_some("true")}
            data-label={card_label(props, party)} data-notes={note_numbers(p)}>
            <button type="button" class="sm-cell-button" aria-expanded={open.to_string()} aria-label={name}
                data-cell={CellRef::key_of(&issue.id, &party_ref.id)}>
                <span class="sm-word">{ l.t(p.stance.msg()) }</span>
                if p.red_line { { " " }<span class="sm-red-line">{ l.t(Msg::RedLine) }</span> }
                // Drawn by CSS with empty alternative text: the accessible name says "Changed".
                if change.is_some() { <span class="sm-changed-mark"></span> }
            </button>
        </td>
    }
}

/// One issue row and, when one of its cells is open, the details row beneath. A filtered-out
/// row stays in the document, hidden, so bringing it back costs an attribute, not a rebuild.
/// A plain function (not a component): its `RowCells` does the memoised work. Returns keyed
/// rows for the table body's keyed list (a wrapping fragment would lose the keys).
pub fn matrix_row(
    cells: RowCellsProps,
    hidden: bool,
    on_action: &Callback<Action>,
) -> impl Iterator<Item = Html> {
    let issue = &cells.data.dataset.issues()[cells.issue];
    // Only a stated cell has details: a link naming an empty cell opens nothing.
    let detail = cells.open_party.filter(|&party| !hidden && cells.data.dataset.current(cells.issue, party).is_some()).map(|party| {
        let on_close = on_action.reform(|_| Action::CloseCell);
        html! {
            <tr key={format!("{}/details", issue.id)} class="sm-detail-row">
                <td colspan={(cells.parties.len() + 2).to_string()}>
                    <CellDetail data={cells.data.clone()} issue={cells.issue} party={party} change={cells.change(party)}
                        since={cells.changes.as_ref().map(|c| c.since)} {on_close} />
                </td>
            </tr>
        }
    });
    let row = html! {
        <tr key={issue.id.clone()} data-issue={issue.id.clone()} class={format!("sm-row-{}", cells.analysis.status.name())} {hidden}>
            <RowCells ..cells />
        </tr>
    };
    std::iter::once(row).chain(detail)
}

/// The header and cells of a row: re-rendered only when what they show changes, not when the
/// row is hidden or shown. Over a pre-rendered page, each row's cells come in a task of their
/// own (`Later`).
#[function_component]
pub fn RowCells(props: &RowCellsProps) -> Html {
    html! { <Later><RowBody ..props.clone() /></Later> }
}

#[function_component]
fn RowBody(props: &RowCellsProps) -> Html {
    let ds = &props.data.dataset;
    let issue = &ds.issues()[props.issue];
    let category = issue.category.map(|c| ds.categories()[c].name.clone());
    let status = props.analysis.status;
    let speech = use_speech();
    let (l, data_lang) = (speech.ui, speech.data.clone());
    html! {
        <>
            <th scope="row" class="sm-issue">
                <span class="sm-issue-title" lang={data_lang.clone()}>{ &issue.title }</span>
                if let Some(c) = category { <span class="sm-issue-category" lang={data_lang.clone()}>{ c }</span> }
            </th>
            { for props.parties.iter().map(|&party| match ds.current(props.issue, party) {
                Some(p) => stated_cell(props, &speech, party, p),
                None => html! {
                    <td class="sm-cell sm-not-stated" data-party={ds.parties()[party].id.clone()} data-stance="not-stated"
                        data-label={card_label(props, party).map(|name| l.f(Msg::Labelled, &[&name]))}>
                        <span class="sm-word">{ l.t(Msg::NotStated) }</span>
                    </td>
                },
            }) }
            <td class={classes!("sm-status", format!("sm-status-{}", status.name()))} data-testid="status" data-status={status.name()}>
                <span class="sm-status-label">{ l.t(status.msg()) }</span>
                if props.analysis.common_ground { <span class="sm-common-ground">{ l.t(Msg::CommonGround) }</span> }
            </td>
        </>
    }
}
