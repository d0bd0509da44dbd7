//! Another language than English in the readers' wasm, which carries English only (src/i18n):
//! the language's file, from the request `web/boot.js` started for it while the wasm loaded, or
//! else fetched from the address (and with the integrity hash) the page names on boot.js's
//! script tag, `data-languages`; checked and installed. A language whose file cannot be had
//! is marked failed, and the widget speaks English rather than wait for it again.

use crate::browser::host::{property as get, window};
use crate::i18n::Lang;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The languages whose file could not be had, one bit each.
    static FAILED: Cell<u32> = const { Cell::new(0) };
}

fn bit(lang: Lang) -> u32 {
    1 << Lang::all().position(|l| l == lang).unwrap_or(0)
}

/// Whether `lang`'s file was asked for and could not be had (the widget speaks English).
pub fn failed(lang: Lang) -> bool {
    FAILED.with(|f| f.get() & bit(lang) != 0)
}

/// Makes `lang` available; `false` (and `failed`) if its file cannot be had or is not one.
pub async fn load(lang: Lang) -> bool {
    if lang.available() {
        return true;
    }
    let text = match prefetched(lang).await {
        Some(text) => Some(text),
        None => fetch_named(lang).await,
    };
    let refused = match text.map(|text| lang.install(&text)) {
        Some(Ok(())) => return true,
        Some(Err(problem)) => problem.to_string(),
        None => "not found, or the request failed".to_string(),
    };
    web_sys::console::warn_1(&JsValue::from_str(&format!(
        "stance-matrix: the {} messages: {refused}; showing English",
        lang.code()
    )));
    FAILED.with(|f| f.set(f.get() | bit(lang)));
    false
}

/// The file boot.js requested for `lang` (`window.stanceMatrixLanguage`: `{ code, answer }`,
/// the answer a promise of the text or `null`), taken once.
async fn prefetched(lang: Lang) -> Option<String> {
    let slot = get(&window(), "stanceMatrixLanguage")?;
    if get(&slot, "code")?.as_string()? != lang.code() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window(), &JsValue::from_str("stanceMatrixLanguage"));
    let answer = get(&slot, "answer")?.dyn_into::<js_sys::Promise>().ok()?;
    JsFuture::from(answer).await.ok()?.as_string()
}

/// Fetches `lang`'s file from where the page names it (`data-languages` on boot.js's tag: a
/// JSON object, language → [address, integrity]), with its integrity hash, as a dataset is
/// fetched (`fetch::fetch_text`).
async fn fetch_named(lang: Lang) -> Option<String> {
    let named = window()
        .document()?
        .query_selector("script[data-languages]")
        .ok()??
        .get_attribute("data-languages")?;
    // The browser's JSON parser: serde_json's deserializer alone added 16 kB to the readers'
    // wasm (measured: its number parsing), for one small object the build wrote.
    let file: js_sys::Array = get(&js_sys::JSON::parse(&named).ok()?, lang.code())?
        .dyn_into()
        .ok()?;
    let (url, integrity) = (file.get(0).as_string()?, file.get(1).as_string()?);
    // The dataset's request: its time limit, and the page's origin (the build names files
    // beside the page).
    let controller = web_sys::AbortController::new().ok()?;
    crate::browser::fetch::fetch_text(&url, false, &controller, Some(&integrity))
        .await
        .ok()
}
