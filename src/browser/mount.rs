//! Mounting the widget into a host page's own element from JavaScript (`embed.js` builds the
//! `<stance-matrix>` element and `mount()` on this): inside a Shadow DOM, so neither page's CSS
//! reaches the other, with the options, the dataset and the view passed as plain objects and
//! converted by serde-wasm-bindgen (no JSON text in between).

use crate::components::{App, AppProps, ViewLink, ViewSlot};
use crate::model;
use crate::state::embed::{DataParam, PageConfig};
use crate::state::loaded::Data;
use crate::state::loading::LoadError;
use crate::state::options;
use crate::state::view_state::ViewState;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

/// A mounted widget, handed to the host's script.
#[wasm_bindgen]
pub struct Mounted {
    app: Option<AppHandle<App>>,
    slot: ViewSlot,
    /// The nodes this widget added to the shadow root (its stylesheet link and its root), and
    /// nothing else: the shadow root may hold other nodes, and another widget's.
    added: Vec<web_sys::Element>,
}

#[wasm_bindgen]
impl Mounted {
    /// Sets the reader's view (a plain object, as in `change` events); parts that do not fit
    /// the dataset are dropped, as in a link.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&self, view: JsValue) -> Result<(), JsValue> {
        let view = from_js(&view).and_then(|v| options::view_from(&v).map_err(|e| listed(&e)));
        let view = view.map_err(|message| {
            warn(&format!("setView: {message}"));
            JsValue::from_str(&format!("stance-matrix: setView: {message}"))
        })?;
        // While the dataset loads, the view waits in the slot and is applied once it is ready.
        self.slot.set_view(view);
        Ok(())
    }

    /// Removes the widget and exactly what it added: its app, its listeners, its two nodes in
    /// the shadow root (never the root's other nodes, nor a newer widget's).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        for node in self.added.drain(..) {
            crate::browser::panic_view::unwatch(&node);
            node.remove();
        }
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("stance-matrix: {message}")));
}

/// A JavaScript value as our value tree. The visitor accepts every value, so serde-wasm-bindgen
/// never formats a type error (see `options.rs`).
fn from_js(value: &JsValue) -> Result<model::value::Value<'static>, String> {
    model::value::from_serde(serde_wasm_bindgen::Deserializer::from(value.clone()))
        .map_err(|e| e.to_string())
}

/// Problems as one line for the console.
fn listed(problems: &model::DataErrors) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Mounts a widget into `host` (its shadow root), styled by the stylesheet at `stylesheet`.
/// Bad options are shown in the widget and named in a console warning, never a blank box.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: web_sys::Element,
    options: JsValue,
    stylesheet: String,
) -> Result<Mounted, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    let document = host
        .owner_document()
        .ok_or("stance-matrix: the element has no document")?;
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &stylesheet)?;
    shadow.append_child(&link)?;
    let root = document.create_element("div")?;
    root.set_attribute("lang", "en")?;
    shadow.append_child(&root)?;
    let added = vec![link, root.clone()];
    // A panic stops every widget on the page (they share the instance): each shows a message.
    crate::browser::panic_view::install();
    crate::browser::panic_view::watch(&root);

    let tree = if options.is_undefined() {
        Ok(model::value::Value::Null)
    } else {
        from_js(&options)
    };
    let read = tree.as_ref().map_err(|e| {
        let mut problems = model::DataErrors::default();
        problems.report(
            || "options".into(),
            model::ErrorKind::WrongType {
                expected: "plain data",
                found: "a function, symbol or binary data",
            },
        );
        warn(e);
        problems
    });
    let (config, initial, given) = match read.and_then(options::read_options) {
        Ok(o) => {
            if let Some(lang) = o
                .lang
                .as_deref()
                .filter(|l| crate::i18n::Lang::from_tag(l).is_none())
            {
                warn(&format!("option lang: {} is not a language this widget speaks (en, de, fr, uk, ru); it chooses another", model::excerpt(lang)));
            }
            let given = o
                .data
                .map(|data| Data::checked(model::parse_value(data), None));
            let data = match (&given, o.src) {
                (None, Some(src)) => Some(DataParam::Url(src.trim().to_string())),
                _ => None,
            };
            (
                PageConfig {
                    embed: true,
                    data,
                    theme: o.theme,
                    pym_child_id: None,
                    lang: o.lang,
                },
                o.view,
                given,
            )
        }
        Err(problems) => {
            warn(&listed(&problems));
            (
                PageConfig {
                    embed: true,
                    ..PageConfig::default()
                },
                ViewState::default(),
                Some(Err(LoadError::BadOptions(problems))),
            )
        }
    };
    let theme = config
        .theme
        .class()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    root.set_attribute(
        "class",
        &format!("stance-matrix sm-embed-root sm-mounted{theme}"),
    )?;

    let slot = ViewSlot::default();
    let on_change = {
        let host = host.clone();
        Callback::from(move |view: ViewState| {
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&serde_wasm_bindgen::to_value(&view).unwrap_or(JsValue::NULL));
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("change", &init) {
                let _ = host.dispatch_event(&event);
            }
        })
    };
    let on_state = {
        let host = host.clone();
        Callback::from(move |state: &'static str| {
            let _ = host.set_attribute("data-state", state);
        })
    };
    let link = ViewLink::Host {
        initial: Box::new(initial),
        on_change,
        slot: slot.clone(),
    };
    let props = AppProps {
        config,
        link,
        given,
        any_origin: true,
        on_state: Some(on_state),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(Mounted {
        app: Some(app),
        slot,
        added,
    })
}
