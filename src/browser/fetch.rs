//! Fetching a newsroom's dataset (`?data=`): the request `web/boot.js` may already have
//! started, a time limit, a size limit, and every failure as a `LoadError`.

use crate::browser::host::window;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The answer to the request `web/boot.js` started for `url` while the wasm loaded, if it did:
/// `Ok(response)`, or `Err(error name)`. Taken once. Its 15-second limit (an abort signal)
/// still covers reading the body.
async fn prefetched(url: &str) -> Option<Result<web_sys::Response, String>> {
    let get = crate::browser::host::property;
    let slot = get(&window(), "stanceMatrixPrefetch")?;
    if get(&slot, "url")?.as_string()? != url {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window(), &JsValue::from_str("stanceMatrixPrefetch"));
    let answer = wasm_bindgen_futures::JsFuture::from(
        get(&slot, "answer")?.dyn_into::<js_sys::Promise>().ok()?,
    )
    .await
    .ok()?;
    match get(&answer, "response") {
        Some(response) => Some(
            response
                .dyn_into::<web_sys::Response>()
                .map_err(|_| String::new()),
        ),
        None => Some(Err(get(&answer, "error")
            .and_then(|e| e.as_string())
            .unwrap_or_default())),
    }
}

/// A failed request: an abort is our time limit running out, anything else the network.
fn request_failed(name: &str) -> crate::state::loading::LoadError {
    if name == "AbortError" {
        crate::state::loading::LoadError::Timeout
    } else {
        crate::state::loading::LoadError::Network
    }
}

/// The same, from the exception a browser API threw.
fn js_failed(error: JsValue) -> crate::state::loading::LoadError {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    request_failed(&name.unwrap_or_default())
}

/// Fetches a dataset's text from `url` (relative to the page, or absolute http(s) on an allowed
/// origin, see `embed::data_origin_allowed`), giving up
/// after `TIMEOUT_SECONDS`, refusing a body announced over the size limit. Uses the request
/// `boot.js` already started for it, if any. The browser's `fetch` directly: an HTTP client
/// crate would add bytes to the wasm for one GET.
///
/// `controller` aborts the request: its owner aborts it when the request is no longer wanted
/// (the widget destroyed, another dataset asked for), and the time limit aborts it too.
/// With `integrity` (a Subresource Integrity hash), a body that does not match is refused.
pub async fn fetch_text(
    url: &str,
    any_origin: bool,
    controller: &web_sys::AbortController,
    integrity: Option<&str>,
) -> Result<String, crate::state::loading::LoadError> {
    use crate::state::loading::{LoadError, TIMEOUT_SECONDS};
    use wasm_bindgen_futures::JsFuture;
    let base = window().location().href().unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| LoadError::BadUrl)?;
    if !matches!(resolved.protocol().as_str(), "http:" | "https:") {
        return Err(LoadError::BadUrl);
    }
    let page_origin = window().location().origin().unwrap_or_default();
    if !any_origin
        && !crate::state::embed::data_origin_allowed(
            &resolved.origin(),
            &page_origin,
            crate::state::embed::ALLOWED_DATA_ORIGINS,
        )
    {
        return Err(LoadError::OriginNotAllowed {
            origin: resolved.origin(),
        });
    }
    // Held until the body is read: dropping the timer would lift the time limit.
    let mut _timer = None;
    let response = match prefetched(url).await {
        Some(Ok(response)) => response,
        Some(Err(name)) => return Err(request_failed(&name)),
        None => {
            let abort = controller.clone();
            _timer = Some(gloo::timers::callback::Timeout::new(
                TIMEOUT_SECONDS * 1000,
                move || abort.abort(),
            ));
            let init = web_sys::RequestInit::new();
            init.set_signal(Some(&controller.signal()));
            if let Some(integrity) = integrity {
                init.set_integrity(integrity);
            }
            let answer = JsFuture::from(window().fetch_with_str_and_init(&resolved.href(), &init))
                .await
                .map_err(js_failed)?;
            answer
                .dyn_into::<web_sys::Response>()
                .map_err(|_| LoadError::Network)?
        }
    };
    if !response.ok() {
        return Err(LoadError::Status {
            code: response.status(),
            text: response.status_text(),
        });
    }
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(bytes) = announced.filter(|&b| b > crate::model::limits::MAX_BYTES as u64) {
        return Err(LoadError::TooLarge { bytes });
    }
    let body = JsFuture::from(response.text().map_err(js_failed)?)
        .await
        .map_err(js_failed)?;
    body.as_string().ok_or(LoadError::Network)
}
