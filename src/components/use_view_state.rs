//! The view state, owned by one reducer and linked to the outside: on its own page (and in an
//! iframe) it lives in the URL fragment, where changes arrive a moment later and back, forward
//! and edited links bring a state back; mounted in a host page by JavaScript it starts from the
//! host's view, reports every change, and takes views the host sets.

use crate::browser::host;
use crate::state::fragment;
use crate::state::loaded::Data;
use crate::state::view_state::{Action, ViewState};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long the URL waits behind the view (see `use_view_state`).
const URL_DELAY_MS: u32 = 250;

/// Where the reader's view lives besides the widget.
#[derive(Clone, PartialEq)]
pub enum ViewLink {
    /// The page URL's fragment; embedded, changes never add history entries.
    Url { embed: bool },
    /// A host page's script (`mount()`, `<stance-matrix>`): the view starts as `initial`, every
    /// change goes to `on_change`, and `slot` receives views the host sets. Only in the host
    /// bundle (feature `host-api`): the standalone page does not carry it.
    #[cfg(feature = "host-api")]
    Host {
        initial: Box<ViewState>,
        on_change: Callback<ViewState>,
        slot: ViewSlot,
    },
}

/// Where the widget leaves a way for its host to set the view. A view set before the widget
/// is ready (its dataset still loading) waits here and is applied once it is; the last one set
/// wins.
#[derive(Clone, Default)]
pub struct ViewSlot(Rc<std::cell::RefCell<SlotState>>);

#[derive(Default)]
struct SlotState {
    set: Option<Callback<ViewState>>,
    pending: Option<ViewState>,
}

impl ViewSlot {
    /// Sets the view now, or as soon as the widget is ready.
    pub fn set_view(&self, view: ViewState) {
        let set = {
            let mut slot = self.0.borrow_mut();
            match slot.set.clone() {
                Some(set) => set,
                None => {
                    slot.pending = Some(view);
                    return;
                }
            }
        };
        set.emit(view);
    }

    /// The widget is ready: `set` sets its view; a view that was waiting is set now.
    #[cfg(feature = "host-api")]
    fn connect(&self, set: Callback<ViewState>) {
        let pending = {
            let mut slot = self.0.borrow_mut();
            slot.set = Some(set.clone());
            slot.pending.take()
        };
        if let Some(view) = pending {
            set.emit(view);
        }
    }

    #[cfg(feature = "host-api")]
    fn disconnect(&self) {
        self.0.borrow_mut().set = None;
    }
}

impl PartialEq for ViewSlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A view from a host, kept only where it fits the dataset: the same forgiving rules as a
/// link, part by part.
#[cfg(feature = "host-api")]
fn fitted(view: &ViewState, data: &Data) -> ViewState {
    fragment::decode(&fragment::encode(view), &data.dataset)
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

/// A host hears of every change the reader makes, and can set the view.
#[cfg(feature = "host-api")]
#[hook]
fn use_host_link(view: &UseReducerHandle<View>, link: &ViewLink, data: &Data) {
    {
        let link = link.clone();
        use_effect_with((view.state.clone(), view.write), move |(state, write)| {
            if let (ViewLink::Host { on_change, .. }, Some(_)) = (&link, write) {
                on_change.emit(state.clone());
            }
        });
    }
    let (dispatch, data) = (view.dispatcher(), data.clone());
    use_effect_with(link.clone(), move |link| {
        let slot = match link {
            ViewLink::Host { slot, .. } => Some(slot.clone()),
            ViewLink::Url { .. } => None,
        };
        if let Some(slot) = &slot {
            let set = Callback::from(move |v: ViewState| {
                dispatch.dispatch(Action::Replace(fitted(&v, &data)))
            });
            slot.connect(set);
        }
        move || {
            if let Some(slot) = slot {
                slot.disconnect();
            }
        }
    });
}

/// Without the host API there is no host to hear from or tell.
#[cfg(not(feature = "host-api"))]
#[hook]
fn use_host_link(_view: &UseReducerHandle<View>, _link: &ViewLink, _data: &Data) {}

/// The reader's view of `data`, linked as `link` says.
#[hook]
pub fn use_view_state(data: Data, link: ViewLink) -> UseReducerHandle<View> {
    let view = {
        let (data, link) = (data.clone(), link.clone());
        use_reducer(move || {
            let state = match &link {
                ViewLink::Url { .. } => fragment::decode(&host::fragment(), &data.dataset),
                #[cfg(feature = "host-api")]
                ViewLink::Host { initial, .. } => fitted(initial, &data),
            };
            View { state, write: None }
        })
    };
    let (url, embed) = match &link {
        ViewLink::Url { embed } => (true, *embed),
        #[cfg(feature = "host-api")]
        ViewLink::Host { .. } => (false, true),
    };
    use_host_link(&view, &link, &data);
    // The URL follows the state, a moment later: writing the URL makes the browser recompute
    // every style at once (the fragment decides `:target`), which on a big table costs more
    // than the filter itself. `pending` holds whether a history entry is owed, and the timer
    // that will write it.
    let pending = use_mut_ref(|| (false, None::<Timeout>));
    {
        let pending = pending.clone();
        use_effect_with((view.state.clone(), view.write), move |(state, write)| {
            if let (true, Some(push)) = (url, write) {
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
        let dispatch = view.dispatcher();
        use_effect_with(url, move |url| {
            let names: &[&str] = if *url {
                &["popstate", "hashchange"]
            } else {
                &[]
            };
            let listeners: Vec<EventListener> = names
                .iter()
                .map(|name| {
                    let (dispatch, data) = (dispatch.clone(), data.clone());
                    let pending = pending.clone();
                    EventListener::new(&host::window(), *name, move |_| {
                        // The URL now leads: a write still waiting would undo the navigation.
                        *pending.borrow_mut() = (false, None);
                        dispatch.dispatch(Action::Replace(fragment::decode(
                            &host::fragment(),
                            &data.dataset,
                        )))
                    })
                })
                .collect();
            move || drop(listeners)
        });
    }
    view
}
