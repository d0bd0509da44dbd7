//! Embedded, the widget reports its height to the parent frame whenever it changes, in our
//! format, AMP's and (when opened by pym.js) pym's.

use crate::browser::host::window;
use crate::state::embed::{is_pym_width_message, pym_height_message, HEIGHT_MESSAGE_TYPE};
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reports the widget's height to the parent frame whenever it changes, in our format, AMP's
/// and (when opened by pym.js) pym's. Dropping it stops the reports.
pub struct HeightReporter {
    _observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
    _pym_listener: Option<EventListener>,
}

fn post_height(element: &web_sys::Element, pym_child: Option<&str>) {
    // Rendered off-screen over a pre-rendered page (`takeover.rs`), the element has no height
    // yet: the parent hears once it is in the page (the observer fires then).
    if !element.is_connected() {
        return;
    }
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let height = element.get_bounding_client_rect().height().ceil().max(0.0) as u32;
    let message = |fields: &[(&str, JsValue)]| {
        let object = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        let _ = parent.post_message(&object, "*");
    };
    message(&[
        ("type", HEIGHT_MESSAGE_TYPE.into()),
        ("height", height.into()),
    ]);
    message(&[
        ("sentinel", "amp".into()),
        ("type", "embed-size".into()),
        ("height", height.into()),
    ]);
    if let Some(id) = pym_child {
        let _ = parent.post_message(&pym_height_message(id, height).into(), "*");
    }
}

impl HeightReporter {
    pub fn start(element: web_sys::Element, pym_child: Option<String>) -> HeightReporter {
        post_height(&element, pym_child.as_deref());
        let (observed, child) = (element.clone(), pym_child.clone());
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| {
            post_height(&observed, child.as_deref())
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(&element);
        }
        // pym.js's parent sends our width on load and on resize; it expects a height back.
        let pym_listener = pym_child.map(|id| {
            EventListener::new(&window(), "message", move |event| {
                let Some(message) = event
                    .dyn_ref::<web_sys::MessageEvent>()
                    .and_then(|m| m.data().as_string())
                else {
                    return;
                };
                if is_pym_width_message(&id, &message) {
                    post_height(&element, Some(&id));
                }
            })
        });
        HeightReporter {
            _observer: observer,
            _on_resize: on_resize,
            _pym_listener: pym_listener,
        }
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        if let Some(observer) = &self._observer {
            observer.disconnect();
        }
    }
}
