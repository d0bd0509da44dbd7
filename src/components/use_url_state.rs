//! The view state, owned by one reducer and kept in the URL fragment: changes reach the URL a
//! moment later, and back, forward and edited links bring a state back.

use crate::fragment;
use crate::host;
use crate::loaded::Data;
use crate::view_state::{Action, ViewState};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long the URL waits behind the view (see `use_url_state`).
const URL_DELAY_MS: u32 = 250;

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

/// The reader's view of `data`, starting from the URL fragment. Embedded, it never adds
/// history entries: the host's back button is the host's.
#[hook]
pub fn use_url_state(data: Data, embed: bool) -> UseReducerHandle<View> {
    let view = {
        let data = data.clone();
        use_reducer(move || View { state: fragment::decode(&host::fragment(), &data.dataset), write: None })
    };
    // The URL follows the state, a moment later: writing the URL makes the browser recompute
    // every style at once (the fragment decides `:target`), which on a big table costs more
    // than the filter itself. `pending` holds whether a history entry is owed, and the timer
    // that will write it.
    let pending = use_mut_ref(|| (false, None::<Timeout>));
    {
        let pending = pending.clone();
        use_effect_with((view.state.clone(), view.write), move |(state, write)| {
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
        let dispatch = view.dispatcher();
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
    view
}
