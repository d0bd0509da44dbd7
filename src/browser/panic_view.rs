//! If the widget ever panics, the reader sees a readable message and a reload link in place of
//! the widget, never a frozen page. (Release builds abort after the hook runs.)

use crate::i18n::{Lang, Msg};
use wasm_bindgen::JsCast;

/// Installs the hook. Through Yew's setter: a plain `std::panic::set_hook` would be replaced
/// by Yew's default hook when the app renders.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("stance-matrix: {info}").into());
        show();
    }));
}

/// Replaces the widget's content with the message and a reload link.
pub fn show() {
    let Some(root) = crate::browser::host::page_root().or_else(crate::browser::host::root_element)
    else {
        return;
    };
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
    crate::browser::host::mark(&root, "crashed");
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
