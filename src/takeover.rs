//! Taking over a pre-rendered page (`prerender`): the wasm renders the widget into a fresh
//! element off-screen, then swaps it for the pre-rendered one in the same task, before the
//! browser paints again, so the reader sees no flash and the layout does not move. What the
//! reader typed into the search box meanwhile is carried over, cursor and focus included.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// Attributes only the pre-rendered element carries.
const PAGE_ONLY: [&str; 3] = ["data-prerendered", "data-state", "aria-busy"];

/// A detached element like `page_root` (same tag, id and classes) for the wasm to render into.
pub fn fresh_root(page_root: &Element) -> Option<Element> {
    let document = page_root.owner_document()?;
    let fresh = document.create_element(&page_root.tag_name().to_ascii_lowercase()).ok()?;
    let names = page_root.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        if let (false, Some(value)) = (PAGE_ONLY.contains(&name.as_str()), page_root.get_attribute(&name)) {
            let _ = fresh.set_attribute(&name, &value);
        }
    }
    crate::host::mark(&fresh, "loading");
    Some(fresh)
}

fn search_box(root: &Element) -> Option<HtmlInputElement> {
    root.query_selector("#sm-q").ok()??.dyn_into().ok()
}

/// Puts `fresh` (rendered) where `page_root` (pre-rendered) is, keeping the reader's typing.
pub fn take_over(page_root: &Element, fresh: &Element) {
    let typed = search_box(page_root).map(|input| {
        let focused = input.owner_document().and_then(|d| d.active_element()).is_some_and(|a| a == **input);
        (input.value(), focused, input.selection_start().ok().flatten(), input.selection_end().ok().flatten())
    });
    let _ = page_root.replace_with_with_node_1(fresh);
    let (Some((value, focused, start, end)), Some(input)) = (typed, search_box(fresh)) else { return };
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
