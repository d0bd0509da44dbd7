//! The browser side of host-page integration: the root element, location and history,
//! downloads and focus (height reports are in `height.rs`, fetching a dataset in `fetch.rs`).
//! Kept apart from the pure modules; every call here degrades quietly when the browser refuses (sandboxed frames,
//! blocked storage), because the widget must never blank over a host quirk.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element the widget mounts into (see `index.html`).
pub const ROOT_ID: &str = "stance-matrix";

thread_local! {
    /// The element the widget was mounted into, when that is not (yet) the page's
    /// `#stance-matrix`: over a pre-rendered page it renders off-screen first (`start.rs`).
    static MOUNTED: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// The element the widget renders into. Never panics.
pub fn root_element() -> Option<web_sys::Element> {
    MOUNTED.with(|m| m.borrow().clone()).or_else(page_root)
}

/// The page's `#stance-matrix`: what the reader sees, pre-rendered or live. Never panics (the
/// panic view calls it too).
pub fn page_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(ROOT_ID)
}

/// `target[key]`, if it is there (neither undefined nor null).
pub fn property(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Records that the widget renders into `root`.
pub fn set_root(root: web_sys::Element) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(root));
}

/// Sets the root element's `data-state` (`loading`, `ready`, `error`, `crashed`) and
/// `aria-busy`, for hosts and tests.
pub fn mark_root_state(state: &str) {
    if let Some(root) = root_element() {
        mark(&root, state);
    }
}

/// Sets `element`'s `data-state` and `aria-busy`.
pub fn mark(element: &web_sys::Element, state: &str) {
    let _ = element.set_attribute("data-state", state);
    let _ = element.set_attribute(
        "aria-busy",
        if state == "loading" { "true" } else { "false" },
    );
}

/// The reader's languages, most preferred first (`navigator.languages`); none off the browser.
pub fn browser_languages() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let languages = window().navigator().languages();
        return languages.iter().filter_map(|v| v.as_string()).collect();
    }
    #[allow(unreachable_code)]
    Vec::new()
}

pub fn window() -> web_sys::Window {
    web_sys::window().expect("the widget runs in a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a window has a document")
}

/// Sets the page's own language (`<html lang>`), on the widget's own page only.
pub fn set_page_lang(code: &str) {
    if let Some(html) = window().document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", code);
    }
}

pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// The URL fragment; empty when rendering at build time (`prerender`), where there is no page.
pub fn fragment() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    window().location().hash().unwrap_or_default()
}

/// The page URL without query or fragment, for building embed links.
pub fn page_without_query() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Whether we are inside a frame (then we behave as embedded).
pub fn is_framed() -> bool {
    let win = window();
    match win.top() {
        Ok(Some(top)) => top != win,
        _ => true,
    }
}

/// Writes the view state into the URL fragment without reloading: a new history entry when
/// `push`, else replacing the current one. Refused writes (sandboxed frames) are ignored.
pub fn write_fragment(fragment: &str, push: bool) {
    let win = window();
    let location = win.location();
    let current = location.hash().unwrap_or_default();
    if current.trim_start_matches('#') == fragment {
        return;
    }
    let url = format!(
        "{}{}#{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        fragment
    );
    if let Ok(history) = win.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// How long a download's object URL lives after the click.
pub const DOWNLOAD_URL_LIFETIME_MS: u32 = 10_000;

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        download_blob(file_name, &blob);
    }
}

/// Offers `blob` as a file download.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    // Attached while it is clicked (some browsers ignore a detached anchor), and the URL is
    // revoked only after the browser has had time to start the download: revoking at once can
    // cancel it.
    if let (Ok(anchor), Some(body)) = (document().create_element("a"), document().body()) {
        let _ = anchor.set_attribute("href", &url);
        let _ = anchor.set_attribute("download", file_name);
        let _ = anchor.set_attribute("hidden", "");
        if let Some(a) = anchor.dyn_ref::<web_sys::HtmlElement>() {
            let _ = body.append_child(a);
            a.click();
            a.remove();
        }
    }
    gloo::timers::callback::Timeout::new(DOWNLOAD_URL_LIFETIME_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Moves keyboard focus to the first element inside `within` matching `selector`, if any:
/// scoped, so with several widgets on a page focus stays in the reader's.
pub fn focus(within: &web_sys::Element, selector: &str) {
    if let Ok(Some(element)) = within.query_selector(selector) {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
