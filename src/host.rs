//! The browser side of host-page integration: location and history, height reports to a
//! parent frame, fetching a newsroom's dataset, downloads and focus. Kept apart from the pure
//! modules; every call here degrades quietly when the browser refuses (sandboxed frames,
//! blocked storage), because the widget must never blank over a host quirk.

use crate::embed::{is_pym_width_message, pym_height_message, HEIGHT_MESSAGE_TYPE};
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("the widget runs in a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a window has a document")
}

pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page URL without query or fragment, for building embed links.
pub fn page_without_query() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
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
    let url = format!("{}{}#{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default(), fragment);
    if let Ok(history) = win.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Reports the widget's height to the parent frame whenever it changes, in our format, AMP's
/// and (when opened by pym.js) pym's. Dropping it stops the reports.
pub struct HeightReporter {
    _observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
    _pym_listener: Option<EventListener>,
}

fn post_height(element: &web_sys::Element, pym_child: Option<&str>) {
    let Ok(Some(parent)) = window().parent() else { return };
    let height = element.get_bounding_client_rect().height().ceil().max(0.0) as u32;
    let message = |fields: &[(&str, JsValue)]| {
        let object = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        let _ = parent.post_message(&object, "*");
    };
    message(&[("type", HEIGHT_MESSAGE_TYPE.into()), ("height", height.into())]);
    message(&[("sentinel", "amp".into()), ("type", "embed-size".into()), ("height", height.into())]);
    if let Some(id) = pym_child {
        let _ = parent.post_message(&pym_height_message(id, height).into(), "*");
    }
}

impl HeightReporter {
    pub fn start(element: web_sys::Element, pym_child: Option<String>) -> HeightReporter {
        post_height(&element, pym_child.as_deref());
        let (observed, child) = (element.clone(), pym_child.clone());
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| post_height(&observed, child.as_deref()));
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(&element);
        }
        // pym.js's parent sends our width on load and on resize; it expects a height back.
        let pym_listener = pym_child.map(|id| {
            EventListener::new(&window(), "message", move |event| {
                let Some(message) = event.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()) else { return };
                if is_pym_width_message(&id, &message) {
                    post_height(&element, Some(&id));
                }
            })
        });
        HeightReporter { _observer: observer, _on_resize: on_resize, _pym_listener: pym_listener }
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        if let Some(observer) = &self._observer {
            observer.disconnect();
        }
    }
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(anchor) = document().create_element("a") {
        let _ = anchor.set_attribute("href", &url);
        let _ = anchor.set_attribute("download", file_name);
        if let Some(a) = anchor.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Moves keyboard focus to the first element matching `selector`, if any.
pub fn focus(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector) {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// The answer to the request `web/boot.js` started for `url` while the wasm loaded, if it did:
/// `Ok(response)`, or `Err(error name)`. Taken once. Its 15-second limit (an abort signal)
/// still covers reading the body.
async fn prefetched(url: &str) -> Option<Result<web_sys::Response, String>> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined());
    let slot = get(&window(), "stanceMatrixPrefetch")?;
    if get(&slot, "url")?.as_string()? != url {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window(), &JsValue::from_str("stanceMatrixPrefetch"));
    let answer = wasm_bindgen_futures::JsFuture::from(get(&slot, "answer")?.dyn_into::<js_sys::Promise>().ok()?).await.ok()?;
    match get(&answer, "response") {
        Some(response) => Some(response.dyn_into::<web_sys::Response>().map_err(|_| String::new())),
        None => Some(Err(get(&answer, "error").and_then(|e| e.as_string()).unwrap_or_default())),
    }
}

/// A failed request: an abort is our time limit running out, anything else the network.
fn request_failed(name: &str) -> crate::loading::LoadError {
    if name == "AbortError" {
        crate::loading::LoadError::Timeout
    } else {
        crate::loading::LoadError::Network
    }
}

/// The same, from the exception a browser API threw.
fn js_failed(error: JsValue) -> crate::loading::LoadError {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    request_failed(&name.unwrap_or_default())
}

/// Fetches a dataset's text from `url` (relative to the page, or absolute http(s)), giving up
/// after `TIMEOUT_SECONDS`, refusing a body announced over the size limit. Uses the request
/// `boot.js` already started for it, if any. The browser's `fetch` directly: an HTTP client
/// crate would add bytes to the wasm for one GET.
pub async fn fetch_text(url: &str) -> Result<String, crate::loading::LoadError> {
    use crate::loading::{LoadError, TIMEOUT_SECONDS};
    use wasm_bindgen_futures::JsFuture;
    let base = window().location().href().unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| LoadError::BadUrl)?;
    if !matches!(resolved.protocol().as_str(), "http:" | "https:") {
        return Err(LoadError::BadUrl);
    }
    // Held until the body is read: dropping the timer would lift the time limit.
    let mut _timer = None;
    let response = match prefetched(url).await {
        Some(Ok(response)) => response,
        Some(Err(name)) => return Err(request_failed(&name)),
        None => {
            let controller = web_sys::AbortController::new().map_err(|_| LoadError::Network)?;
            let abort = controller.clone();
            _timer = Some(gloo::timers::callback::Timeout::new(TIMEOUT_SECONDS * 1000, move || abort.abort()));
            let init = web_sys::RequestInit::new();
            init.set_signal(Some(&controller.signal()));
            let answer = JsFuture::from(window().fetch_with_str_and_init(&resolved.href(), &init)).await.map_err(js_failed)?;
            answer.dyn_into::<web_sys::Response>().map_err(|_| LoadError::Network)?
        }
    };
    if !response.ok() {
        return Err(LoadError::Status { code: response.status(), text: response.status_text() });
    }
    let announced = response.headers().get("content-length").ok().flatten().and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(bytes) = announced.filter(|&b| b > crate::model::limits::MAX_BYTES as u64) {
        return Err(LoadError::TooLarge { bytes });
    }
    let body = JsFuture::from(response.text().map_err(js_failed)?).await.map_err(js_failed)?;
    body.as_string().ok_or(LoadError::Network)
}
