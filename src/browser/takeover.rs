//! Taking over a pre-rendered page (`prerender`): the wasm renders the widget into a fresh
//! element off-screen, in slices, a task each (`components::later`), then swaps it for the
//! pre-rendered one whole, in one more task, so the reader sees no flash and the layout does
//! not move. What the reader did meanwhile is carried over: typing in the search box (cursor
//! included), details opened or closed, and focus on a summary, a link or the scrolling table.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// Attributes only the pre-rendered element carries.
const PAGE_ONLY: [&str; 3] = ["data-prerendered", "data-state", "aria-busy"];

/// A detached element like `page_root` (same tag, id and classes) for the wasm to render into.
pub fn fresh_root(page_root: &Element) -> Option<Element> {
    let document = page_root.owner_document()?;
    let fresh = document
        .create_element(&page_root.tag_name().to_ascii_lowercase())
        .ok()?;
    let names = page_root.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        if let (false, Some(value)) = (
            PAGE_ONLY.contains(&name.as_str()),
            page_root.get_attribute(&name),
        ) {
            let _ = fresh.set_attribute(&name, &value);
        }
    }
    crate::browser::host::mark(&fresh, "loading");
    Some(fresh)
}

fn search_box(root: &Element) -> Option<HtmlInputElement> {
    root.query_selector("#sm-q").ok()??.dyn_into().ok()
}

/// What a reader can focus before the wasm runs (besides the search box), as selectors.
const FOCUSABLE: [&str; 3] = ["summary", "a[href]", ".sm-scroll"];

/// The focused element inside `root`, as (selector, index among its matches).
fn focus_of(root: &Element) -> Option<(&'static str, u32)> {
    let active: web_sys::Node = root.owner_document()?.active_element()?.into();
    FOCUSABLE.into_iter().find_map(|selector| {
        let list = root.query_selector_all(selector).ok()?;
        (0..list.length())
            .find(|&i| list.get(i).is_some_and(|n| n == active))
            .map(|i| (selector, i))
    })
}

/// `<details>` the reader opened or closed before the wasm ran (marked by `web/boot.js`) stay
/// so; the others keep what the view (a link's fragment) gives them.
fn carry_details(page_root: &Element, fresh: &Element) {
    let (Ok(old), Ok(new)) = (
        page_root.query_selector_all("details"),
        fresh.query_selector_all("details"),
    ) else {
        return;
    };
    if old.length() != new.length() {
        return;
    }
    for i in 0..old.length() {
        let pair = (
            old.get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok()),
            new.get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok()),
        );
        if let (Some(old), Some(new)) = pair {
            if old.has_attribute("data-reader-toggled") && old.open() != new.open() {
                // The widget hears the toggle and keeps its state in step.
                new.set_open(old.open());
            }
        }
    }
}

/// Swaps `fresh` in (`take_over`) once every part left for later is rendered
/// (`components::later`), checked in a task of its own after each part: the swap, and the
/// layout it brings, is a task of its own too. The app holds it while it loads (the
/// reader's language's messages may take a request): after `QUICK_CHECKS` checks, one every
/// `SLOW_CHECK_MS`. A part that never comes (its component gone before it could ask for its
/// task) holds the swap back for at most the time limit of a request.
pub fn take_over_when_rendered(page_root: Element, fresh: Element) {
    check_then_take_over(page_root, fresh, 0);
}

const QUICK_CHECKS: u32 = 500;
const SLOW_CHECK_MS: u32 = 50;
const MAX_CHECKS: u32 =
    QUICK_CHECKS + crate::state::loading::TIMEOUT_SECONDS * 1000 / SLOW_CHECK_MS + 20;

fn check_then_take_over(page_root: Element, fresh: Element, checks: u32) {
    let delay = if checks < QUICK_CHECKS {
        0
    } else {
        SLOW_CHECK_MS
    };
    gloo::timers::callback::Timeout::new(delay, move || {
        if crate::components::later_pending() > 0 && checks < MAX_CHECKS {
            check_then_take_over(page_root, fresh, checks + 1);
        } else {
            take_over(&page_root, &fresh);
            crate::components::end_takeover();
        }
    })
    .forget();
}

/// Puts `fresh` (rendered) where `page_root` (pre-rendered) is, keeping the reader's typing,
/// opened details and focus.
pub fn take_over(page_root: &Element, fresh: &Element) {
    let focus = focus_of(page_root);
    carry_details(page_root, fresh);
    let typed = search_box(page_root).map(|input| {
        let focused = input
            .owner_document()
            .and_then(|d| d.active_element())
            .is_some_and(|a| a == **input);
        (
            input.value(),
            focused,
            input.selection_start().ok().flatten(),
            input.selection_end().ok().flatten(),
        )
    });
    let _ = page_root.replace_with_with_node_1(fresh);
    if let Some((selector, i)) = focus {
        let target = fresh
            .query_selector_all(selector)
            .ok()
            .and_then(|l| l.get(i))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    }
    let (Some((value, focused, start, end)), Some(input)) = (typed, search_box(fresh)) else {
        return;
    };
    if !value.is_empty() && input.value() != value {
        input.set_value(&value);
        // The widget hears it as typing: the filter applies and the URL follows.
        if let Ok(event) = web_sys::InputEvent::new_with_event_init_dict("input", &{
            let init = web_sys::InputEventInit::new();
            init.set_bubbles(true);
            init
        }) {
            let _ = input.dispatch_event(&event);
        }
    }
    if focused {
        let _ = input.focus();
        if let (Some(start), Some(end)) = (start, end) {
            let _ = input.set_selection_range(start, end);
        }
    }
}
