//! The widget over a loaded dataset: holds the one view-state reducer (kept in the URL by
//! `use_url_state`), derives analysis and visible rows, and lays out the parts.

use super::compare::Compare;
use super::filter_bar::FilterBar;
use super::later::Later;
use super::legend::{key, legend};
use super::matrix::Matrix;
use super::notes::notes;
use super::speech::Speech;
use super::summary::{changes_line, summary};
use super::text_view::text_view;
use super::time_bar::TimeBar;
use super::toolbar::Toolbar;
use super::use_height_reporter::use_height_reporter;
use super::use_view_state::{use_view_state, ViewLink};
use crate::analysis::history::status_changes;
use crate::analysis::Totals;
use crate::i18n::{Lang, Msg};
use crate::state::derived::Derived;
use crate::state::embed::PageConfig;
use crate::state::loaded::Data;
use crate::state::view_state::{rows_per_page, Action};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The loaded dataset and what is derived from it once.
    pub data: Data,
    /// Page options: embed mode and theme.
    pub config: PageConfig,
    /// Where the reader's view lives besides the widget.
    pub link: ViewLink,
    /// The language the widget speaks.
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let full = props.data.clone();
    let embed = props.config.embed;
    let view = use_view_state(full.clone(), props.link.clone());
    let state = &view.state;
    // Derived, not stored: everything that follows from the dataset and the view state, each
    // part recomputed only when its inputs changed (`Derived` decides which, tested natively).
    let last = use_mut_ref(|| None::<Derived>);
    let derived = {
        let mut last = last.borrow_mut();
        let next = match last.as_ref() {
            Some(prev) => prev.update(&full, state),
            None => Derived::new(&full, state),
        };
        *last = Some(next.clone());
        next
    };
    let view_shown = derived.clone();
    let Derived {
        data,
        mask,
        parties,
        analyses,
        rows,
        order,
        changes,
        before_analyses,
        ..
    } = derived;
    // Only an iframe reports its height to the page around it.
    use_height_reporter(
        matches!(props.link, ViewLink::Url { embed: true }),
        props.config.pym_child_id.clone(),
    );
    let ds = &data.dataset;
    // Long matrices render a page of rows at a time: laying out tens of thousands of cells is
    // what makes a big table slow. "Show more" grants pages for the current filters only, and
    // they survive a move in time.
    let filters = state.filters();
    let more = use_state(|| (filters.clone(), 0usize));
    let pages = if more.0 == filters { more.1 + 1 } else { 1 };
    let on_more = {
        let (more, filters) = (more.clone(), filters.clone());
        Callback::from(move |_: ()| more.set((filters.clone(), pages)))
    };
    let totals = Totals::count(rows.iter().map(|&i| &analyses[i]));

    let on_action = {
        let dispatch = view.dispatcher();
        use_callback((), move |action: Action, _| dispatch.dispatch(action))
    };
    let shown = rows.len();
    let total = ds.issues().len();
    let speech = Speech::new(props.lang, full.dataset.language());
    let l = speech.ui;
    // Over a pre-rendered page, each `Later` part comes in a task of its own.
    html! {
        <ContextProvider<Speech> context={speech.clone()}>
        <div class="sm-widget" data-testid="widget" lang={l.code()} data-dataset-lang={full.dataset.language().map(str::to_string)}>
            if !embed {
                <header class="sm-header">
                    <h1 class="sm-title" lang={speech.data.clone()}>{ ds.title() }</h1>
                    if let Some(d) = ds.description() {
                        // Wide: the description as a paragraph. Phones: folded behind "About this
                        // data", so the matrix starts on the first screen (styles/phone.css).
                        <p class="sm-description" lang={speech.data.clone()}>{ d }</p>
                        <details class="sm-about">
                            <summary>{ l.t(Msg::AboutData) }</summary>
                            <p lang={speech.data.clone()}>{ d }</p>
                        </details>
                    }
                </header>
            }
            <Later><TimeBar data={full.clone()} as_of={state.as_of} since={state.since} on_action={on_action.clone()} /></Later>
            { summary(l, totals, shown) }
            if let (Some(changes), Some(then)) = (changes.as_ref(), before_analyses.as_ref()) {
                { changes_line(&speech, ds, changes, changes.count(&rows, &mask), &status_changes(&rows, then, &analyses)) }
            }
            <Later><FilterBar data={data.clone()} state={state.clone()} on_action={on_action.clone()} /></Later>
            <div class="sm-count-row">
                <p class="sm-count" role="status" aria-live="polite" data-testid="count">
                    { l.n(Msg::ShowingIssues, total, &[&shown.to_string()]) }
                </p>
                <button type="button" class="sm-button sm-read-as-text" aria-pressed={state.as_text.to_string()} data-testid="read-as-text"
                    onclick={on_action.reform({ let on = !state.as_text; move |_| Action::SetAsText(on) })}>{ l.t(Msg::ReadAsText) }</button>
            </div>
            if !state.as_text { <Later>{ key(l) }</Later> }
            if shown == 0 {
                <div class="sm-empty" data-testid="empty">
                    <p>{ l.t(Msg::NoMatch) }</p>
                    <button type="button" class="sm-button" onclick={on_action.reform(|_| Action::Reset)}>{ l.t(Msg::ResetFilters) }</button>
                </div>
            }
            if state.as_text {
                if shown > 0 { { text_view(&speech, &view_shown) } }
            } else {
                <Matrix data={data.clone()} rows={rows.clone()} limit={pages * rows_per_page(ds.parties().len())} order={order.clone()} parties={parties.clone()}
                    analyses={analyses.clone()} changes={changes.clone()} open={state.open.clone()} on_action={on_action.clone()} {on_more} />
            }
            <Later>{ legend(l) }</Later>
            <Later>{ notes(&speech, &view_shown) }</Later>
            <Later><Compare data={data.clone()} pair={state.compare.clone()} on_action={on_action.clone()} /></Later>
            <Later><Toolbar data={full.clone()} state={state.clone()} embed={embed} lang={props.config.lang.clone()} /></Later>
        </div>
        </ContextProvider<Speech>>
    }
}
