//! If the widget ever panics, the reader sees a readable message and a reload link in place of
//! the widget, never a frozen page. (Release builds abort after the hook runs.) In a host page
//! every widget mounted there shares the one WebAssembly instance, so every one shows it.

use crate::i18n::{Lang, Msg};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::Element;

thread_local! {
    /// The roots of the widgets mounted into host pages (`mount()`), which a panic stops too.
    static MOUNTED: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// A widget mounted into a host page: a panic shows the message in it too.
pub fn watch(root: &Element) {
    MOUNTED.with(|m| m.borrow_mut().push(root.clone()));
}

/// A widget destroyed: nothing more to show in it.
pub fn unwatch(root: &Element) {
    MOUNTED.with(|m| m.borrow_mut().retain(|r| r != root));
}

/// Installs the hook. Through Yew's setter: a plain `std::panic::set_hook` would be replaced
/// by Yew's default hook when the app renders.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("stance-matrix: {info}").into());
        show();
    }));
}

/// Replaces every widget's content with the message and a reload link: the page's own widget
/// and each one mounted into a host page.
pub fn show() {
    let page = crate::browser::host::page_root().or_else(crate::browser::host::root_element);
    let mounted = MOUNTED.with(|m| m.borrow().clone());
    for root in page.iter().chain(mounted.iter()) {
        show_in(root);
    }
}

/// Replaces `root`'s content with the message and a reload link.
pub fn show_in(root: &Element) {
    let Some(document) = root.owner_document() else {
        return;
    };
    // In the language the widget spoke (its root says which).
    let lang = root
        .query_selector("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    let l = lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::EN);
    root.set_text_content(None);
    crate::browser::host::mark(root, "crashed");
    // A mounted widget's host element says so too (`data-state`), as it says "ready".
    if let Some(shadow) = root
        .parent_node()
        .and_then(|n| n.dyn_into::<web_sys::ShadowRoot>().ok())
    {
        crate::browser::host::mark(&shadow.host(), "crashed");
    }
    let Ok(box_) = document.create_element("div") else {
        return;
    };
    let _ = box_.set_attribute("class", "sm-error sm-crashed");
    let _ = box_.set_attribute("role", "alert");
    let _ = box_.set_attribute("data-testid", "crashed");
    if let Ok(p) = document.create_element("p") {
        p.set_text_content(Some(l.t(Msg::Crashed)));
        let _ = box_.append_child(&p);
    }
    if let Ok(a) = document.create_element("a") {
        // Reloading keeps the fragment, so the reader's view comes back.
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_else(|| "?".into());
        let _ = a.set_attribute("href", &href);
        a.set_text_content(Some(l.t(Msg::Reload)));
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            let reload = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
                |e: web_sys::Event| {
                    e.prevent_default();
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                },
            );
            a.set_onclick(Some(reload.as_ref().unchecked_ref()));
            reload.forget();
        }
        let _ = box_.append_child(&a);
    }
    let _ = root.append_child(&box_);
}
