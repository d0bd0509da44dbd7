//! The widget over a loaded dataset: owns the one view-state reducer, keeps it in the URL
//! fragment, derives analysis and visible rows, and lays out the parts.

use super::compare::Compare;
use super::filter_bar::FilterBar;
use super::legend::legend;
use super::summary::summary;
use super::toolbar::Toolbar;
use super::{Data, Matrix};
use crate::analysis::{analyse, Totals};
use crate::embed::PageConfig;
use crate::fragment;
use crate::host;
use crate::view_state::{party_mask, Action, ViewState};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long the URL waits behind the view (see the effect that writes it).
const URL_DELAY_MS: u32 = 250;

/// Rows rendered before "Show more": enough for any real negotiation, few enough to lay out fast.
pub const ROWS_PER_PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The loaded dataset and what is derived from it once.
    pub data: Data,
    /// Page options: embed mode and theme.
    pub config: PageConfig,
}

/// The view state plus how the last change should reach the URL.
#[derive(PartialEq)]
pub struct View {
    pub state: ViewState,
    /// `Some(true)`: a new history entry; `Some(false)`: replace it; `None`: the change came
    /// from the URL, leave it alone.
    write: Option<bool>,
}

impl Reducible for View {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Typing replaces the entry (back should not undo letters); a change from the URL is
        // already there.
        let write = match &action {
            Action::Replace(_) => None,
            Action::SetQuery(_) => Some(false),
            _ => Some(true),
        };
        let state = self.state.apply(action);
        if state == self.state {
            return self;
        }
        Rc::new(View { state, write })
    }
}

#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let data = props.data.clone();
    let embed = props.config.embed;
    let view = {
        let data = data.clone();
        use_reducer(move || View { state: fragment::decode(&host::fragment(), &data.dataset), write: None })
    };
    let state = &view.state;

    // The URL follows the state, a moment later: writing the URL makes the browser recompute
    // every style at once (the fragment decides `:target`), which on a big table costs more
    // than the filter itself. Embedded, never push: the host's back button is the host's.
    // `pending` holds whether a history entry is owed, and the timer that will write it.
    let pending = use_mut_ref(|| (false, None::<Timeout>));
    {
        let pending = pending.clone();
        use_effect_with((state.clone(), view.write), move |(state, write)| {
            if let Some(push) = write {
                let fragment = fragment::encode(state);
                let mut slot = pending.borrow_mut();
                slot.0 |= *push && !embed;
                let (push, owed) = (slot.0, pending.clone());
                slot.1 = Some(Timeout::new(URL_DELAY_MS, move || {
                    host::write_fragment(&fragment, push);
                    owed.borrow_mut().0 = false;
                }));
            }
        });
    }
    // Back, forward and edited links bring the state back from the URL.
    {
        let (dispatch, data) = (view.dispatcher(), data.clone());
        use_effect_with((), move |_| {
            let listeners: Vec<EventListener> = ["popstate", "hashchange"]
                .into_iter()
                .map(|name| {
                    let (dispatch, data) = (dispatch.clone(), data.clone());
                    let pending = pending.clone();
                    EventListener::new(&host::window(), name, move |_| {
                        // The URL now leads: a write still waiting would undo the navigation.
                        *pending.borrow_mut() = (false, None);
                        dispatch.dispatch(Action::Replace(fragment::decode(&host::fragment(), &data.dataset)))
                    })
                })
                .collect();
            move || drop(listeners)
        });
    }
    // Embedded: report our height to the parent whenever it changes.
    {
        let pym = props.config.pym_child_id.clone();
        use_effect_with(embed, move |embed| {
            let reporter = embed.then(crate::root_element).flatten().map(|root| host::HeightReporter::start(root, pym));
            move || drop(reporter)
        });
    }

    // Derived, not stored: analysis per party visibility, rows per filter.
    let ds = &data.dataset;
    let mask = use_memo(state.hidden.clone(), {
        let data = data.clone();
        move |hidden: &Vec<String>| party_mask(&data.dataset, hidden)
    });
    let analyses = use_memo(mask.clone(), {
        let data = data.clone();
        move |mask| Rc::new(analyse(&data.dataset, mask))
    });
    let filters = ViewState { open: None, compare: None, ..state.clone() };
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
        move |(filters, analyses)| Rc::new(filters.visible_issues(&data.dataset, &data.index, analyses))
    });
    // Every issue in the chosen order, filters aside: the order hidden rows keep their place in.
    let order = use_memo((state.sort, analyses.clone()), {
        let data = data.clone();
        move |(sort, analyses)| Rc::new(ViewState { sort: *sort, ..ViewState::default() }.visible_issues(&data.dataset, &data.index, analyses))
    });
    let parties: Rc<Vec<usize>> = use_memo(mask.clone(), |mask| (0..mask.len()).filter(|&p| mask[p]).collect());
    let totals = Totals::count(rows.iter().map(|&i| &analyses[i]));

    let on_action = {
        let dispatch = view.dispatcher();
        use_callback((), move |action: Action, _| dispatch.dispatch(action))
    };
    let shown = rows.len();
    let total = ds.issues.len();
    html! {
        <div class="sm-widget" data-testid="widget">
            if !embed {
                <header class="sm-header">
                    <h1 class="sm-title">{ &ds.title }</h1>
                    if let Some(d) = &ds.description { <p class="sm-description">{ d }</p> }
                </header>
            }
            { summary(totals, shown) }
            <FilterBar data={data.clone()} state={state.clone()} on_action={on_action.clone()} />
            <p class="sm-count" role="status" aria-live="polite" data-testid="count">
                { format!("Showing {shown} of {total} issues") }
            </p>
            if shown == 0 {
                <div class="sm-empty" data-testid="empty">
                    <p>{ "No issue matches these filters." }</p>
                    <button type="button" class="sm-button" onclick={on_action.reform(|_| Action::Reset)}>{ "Reset filters" }</button>
                </div>
            }
            <Matrix data={data.clone()} rows={(*rows).clone()} limit={pages * ROWS_PER_PAGE} order={(*order).clone()} parties={parties.clone()}
                analyses={(*analyses).clone()} open={state.open.clone()} on_action={on_action.clone()} {on_more} />
            { legend() }
            <Compare data={data.clone()} pair={state.compare.clone()} on_action={on_action.clone()} />
            <Toolbar data={data.clone()} state={state.clone()} embed={embed} />
        </div>
    }
}
