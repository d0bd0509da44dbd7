//! The widget over a loaded dataset: holds the one view-state reducer (kept in the URL by
//! `use_url_state`), derives analysis and visible rows, and lays out the parts.

use super::compare::Compare;
use super::filter_bar::FilterBar;
use super::legend::{key, legend};
use super::matrix::Matrix;
use super::speech::Speech;
use super::summary::{changes_line, summary};
use super::time_bar::TimeBar;
use super::toolbar::Toolbar;
use super::use_height_reporter::use_height_reporter;
use super::use_view_state::{use_view_state, ViewLink};
use crate::analysis::history::{status_changes, Changes};
use crate::analysis::{analyse, IssueAnalysis, Totals};
use crate::i18n::{Lang, Msg};
use crate::model::Dataset;
use crate::state::embed::PageConfig;
use crate::state::loaded::{Data, Loaded};
use crate::state::view_state::{party_mask, rows_per_page, Action, ViewState};
use std::rc::Rc;
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
    // "As of" a date, the widget shows the dataset as it stood then: every view below reads
    // this one, so matrix, statuses, summary and party against party agree.
    let data: Data = (*use_memo((full.clone(), state.as_of), |(full, as_of)| match as_of {
        Some(date) => Data(Rc::new(Loaded::new(
            full.dataset.until(*date),
            full.data_url.clone(),
        ))),
        None => full.clone(),
    }))
    .clone();
    // Only an iframe reports its height to the page around it.
    use_height_reporter(
        matches!(props.link, ViewLink::Url { embed: true }),
        props.config.pym_child_id.clone(),
    );

    // Derived, not stored: analysis per party visibility, rows per filter.
    let ds = &data.dataset;
    let mask = use_memo(state.hidden.clone(), {
        let data = data.clone();
        move |hidden: &Vec<String>| party_mask(&data.dataset, hidden)
    });
    // Keyed on the dataset as well: moving "As of" changes every status.
    let analyses = use_memo((data.clone(), mask.clone()), |(data, mask)| {
        Rc::new(analyse(&data.dataset, mask))
    });
    // The pages granted by "Show more" survive a move in time; the rows follow the analyses.
    let filters = ViewState {
        open: None,
        compare: None,
        as_of: None,
        since: None,
        ..state.clone()
    };
    // Long matrices render a page of rows at a time: laying out tens of thousands of cells is
    // what makes a big table slow. "Show more" grants pages for the current filters only.
    let more = use_state(|| (filters.clone(), 0usize));
    let pages = if more.0 == filters { more.1 + 1 } else { 1 };
    let on_more = {
        let (more, filters) = (more.clone(), filters.clone());
        Callback::from(move |_: ()| more.set((filters.clone(), pages)))
    };
    let rows = use_memo((filters, analyses.clone()), {
        let data = data.clone();
        move |(filters, analyses)| {
            Rc::new(filters.visible_issues(&data.dataset, &data.index, analyses))
        }
    });
    // Every issue in the chosen order, filters aside: the order hidden rows keep their place in.
    let order = use_memo((state.sort, analyses.clone()), {
        let data = data.clone();
        move |(sort, analyses)| {
            Rc::new(
                ViewState {
                    sort: *sort,
                    ..ViewState::default()
                }
                .visible_issues(&data.dataset, &data.index, analyses),
            )
        }
    });
    // "Changed since": the dataset as it stood then, made once per date (no search index: it
    // is only compared); the changed cells against the date shown, and the statuses then (for
    // the issues whose status changed). Keyed on `since` itself, which decides `before`.
    let before: Rc<Option<Dataset>> = use_memo((full.clone(), state.since), |(full, since)| {
        since.map(|date| full.dataset.until(date))
    });
    let changes = use_memo((full.clone(), state.since, data.clone()), {
        let before = before.clone();
        move |(_, _, data)| {
            (*before)
                .as_ref()
                .map(|b| Rc::new(Changes::between(b, &data.dataset)))
        }
    });
    let before_analyses: Rc<Option<Vec<IssueAnalysis>>> =
        use_memo((full.clone(), state.since, mask.clone()), {
            let before = before.clone();
            move |(_, _, mask)| (*before).as_ref().map(|b| analyse(b, mask))
        });
    let parties: Rc<Vec<usize>> = use_memo(mask.clone(), |mask| {
        (0..mask.len()).filter(|&p| mask[p]).collect()
    });
    let totals = Totals::count(rows.iter().map(|&i| &analyses[i]));

    let on_action = {
        let dispatch = view.dispatcher();
        use_callback((), move |action: Action, _| dispatch.dispatch(action))
    };
    let shown = rows.len();
    let total = ds.issues().len();
    let speech = Speech::new(props.lang, full.dataset.language());
    let l = speech.ui;
    html! {
        <ContextProvider<Speech> context={speech.clone()}>
        <div class="sm-widget" data-testid="widget" lang={l.code()} data-dataset-lang={full.dataset.language().map(str::to_string)}>
            if !embed {
                <header class="sm-header">
                    <h1 class="sm-title" lang={speech.data.clone()}>{ ds.title() }</h1>
                    if let Some(d) = ds.description() { <p class="sm-description" lang={speech.data.clone()}>{ d }</p> }
                </header>
            }
            <TimeBar data={full.clone()} as_of={state.as_of} since={state.since} on_action={on_action.clone()} />
            { summary(l, totals, shown) }
            if let (Some(changes), Some(then)) = (changes.as_ref(), before_analyses.as_ref()) {
                { changes_line(&speech, ds, changes, changes.count(&rows, &mask), &status_changes(&rows, then, &analyses)) }
            }
            <FilterBar data={data.clone()} state={state.clone()} on_action={on_action.clone()} />
            <p class="sm-count" role="status" aria-live="polite" data-testid="count">
                { l.n(Msg::ShowingIssues, total, &[&shown.to_string()]) }
            </p>
            { key(l) }
            if shown == 0 {
                <div class="sm-empty" data-testid="empty">
                    <p>{ l.t(Msg::NoMatch) }</p>
                    <button type="button" class="sm-button" onclick={on_action.reform(|_| Action::Reset)}>{ l.t(Msg::ResetFilters) }</button>
                </div>
            }
            <Matrix data={data.clone()} rows={(*rows).clone()} limit={pages * rows_per_page(ds.parties().len())} order={(*order).clone()} parties={parties.clone()}
                analyses={(*analyses).clone()} changes={(*changes).clone()} open={state.open.clone()} on_action={on_action.clone()} {on_more} />
            { legend(l) }
            <Compare data={data.clone()} pair={state.compare.clone()} on_action={on_action.clone()} />
            <Toolbar data={full.clone()} state={state.clone()} embed={embed} lang={props.config.lang.clone()} />
        </div>
        </ContextProvider<Speech>>
    }
}
