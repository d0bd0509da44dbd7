//! Rendering in slices while the widget takes over a pre-rendered page (`browser/takeover.rs`).
//! The widget is then rendered off-screen, and the reader keeps reading the pre-rendered copy:
//! a part wrapped in `Later` is left out of the first render and added in a task of its own,
//! one part per task, so the browser can paint and answer input between them instead of
//! blocking for the whole widget at once. The swap waits until nothing is pending. Outside a
//! takeover (a filter adds rows, a widget renders in place of "Loading", the pre-renderer),
//! `Later` renders its children at once.

use std::cell::Cell;
use yew::prelude::*;

thread_local! {
    /// Takeovers under way: off-screen renders not yet swapped in.
    static TAKEOVERS: Cell<usize> = const { Cell::new(0) };
    /// Parts left out of a first render and not yet added.
    static PENDING: Cell<usize> = const { Cell::new(0) };
}

/// A takeover starts: from now on `Later` parts are added one task at a time.
pub fn begin_takeover() {
    TAKEOVERS.with(|t| t.set(t.get() + 1));
}

/// A takeover is done (swapped in): parts render at once again.
pub fn end_takeover() {
    TAKEOVERS.with(|t| t.set(t.get().saturating_sub(1)));
}

/// One more part to wait for, outside `Later` (the dataset read in a task of its own):
/// `release` ends it.
pub fn hold() {
    PENDING.with(|p| p.set(p.get() + 1));
}

/// Ends a `hold`.
pub fn release() {
    PENDING.with(|p| p.set(p.get().saturating_sub(1)));
}

/// How many parts are still to be added.
pub fn pending() -> usize {
    PENDING.with(Cell::get)
}

/// Whether a takeover is under way (parts wait for tasks of their own).
pub fn deferring() -> bool {
    TAKEOVERS.with(Cell::get) > 0
}

#[derive(Properties, PartialEq)]
pub struct LaterProps {
    pub children: Html,
}

/// Its children, at once or, during a takeover, in a later task (see the module's comment).
#[function_component]
pub fn Later(props: &LaterProps) -> Html {
    let shown = use_state(|| !deferring());
    // Pending from its first render until its children are rendered (an effect runs after
    // the render is in the DOM; Yew may render a state change in a later task than the one
    // that set it, seen in tests/browser_takeover.rs), or until it is destroyed.
    let counted = {
        let hidden = !*shown;
        use_mut_ref(move || {
            if hidden {
                hold();
            }
            hidden
        })
    };
    let done = |counted: &std::cell::RefCell<bool>| {
        if std::mem::replace(&mut *counted.borrow_mut(), false) {
            release();
        }
    };
    {
        let (shown, counted) = (shown.clone(), counted.clone());
        use_effect_with((), move |_| {
            if !*shown {
                gloo::timers::callback::Timeout::new(0, move || shown.set(true)).forget();
            }
            move || done(&counted)
        });
    }
    {
        let counted = counted.clone();
        use_effect_with(*shown, move |shown| {
            if *shown {
                done(&counted);
            }
        });
    }
    if *shown {
        props.children.clone()
    } else {
        Html::default()
    }
}
