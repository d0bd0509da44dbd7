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
    /// What the app is given besides its options, kept for `update`.
    link: ViewLink,
    on_state: Callback<&'static str>,
    /// The element the app renders into.
    root: web_sys::Element,
    /// The nodes this widget added to the shadow root (its stylesheet link and its root), or
    /// took over there (a pre-rendered first view and its link), and nothing else: the shadow
    /// root may hold other nodes, and another widget's.
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

    /// Applies new options (`src`, `data`, `lang`, `theme`) to the running widget: the same
    /// app, the reader's view kept where it still fits; a new dataset is fetched (the earlier
    /// request aborted). `view` is ignored here: `setView` sets it.
    pub fn update(&mut self, options: JsValue) {
        let Some(app) = self.app.as_mut() else {
            return;
        };
        let (config, _, given) = read(&options);
        let _ = self.root.set_attribute("class", &root_class(&config));
        app.update(AppProps {
            config,
            link: self.link.clone(),
            given,
            any_origin: true,
            on_state: Some(self.on_state.clone()),
        });
    }

    /// Removes the widget and exactly what it added or took over: its app, its listeners, its
    /// nodes in the shadow root (never the root's other nodes, nor a newer widget's).
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

/// The options as the app's page config, the view to start with and a dataset given as an
/// object. Bad options are shown in the widget and named in a console warning.
fn read(options: &JsValue) -> (PageConfig, ViewState, Option<Result<Data, LoadError>>) {
    let tree = if options.is_undefined() {
        Ok(model::value::Value::Null)
    } else {
        from_js(options)
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
    match read.and_then(options::read_options) {
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
    }
}

/// The root element's classes for `config` (its theme).
fn root_class(config: &PageConfig) -> String {
    let theme = config
        .theme
        .class()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    format!("stance-matrix sm-embed-root sm-mounted{theme}")
}

/// The stylesheet link a pre-rendered first view came with (the node before it), when it is
/// the one this build would add: another one (an article's snippet from an older build) stays,
/// and the widget adds its own.
fn prerendered_link(root: &web_sys::Element, stylesheet: &str) -> Option<web_sys::Element> {
    let link = root.previous_element_sibling()?;
    let href = link.get_attribute("href")?;
    let base = root.owner_document()?.base_uri().ok()??;
    let resolved = web_sys::Url::new_with_base(&href, &base).ok()?.href();
    (link.tag_name().eq_ignore_ascii_case("link") && resolved == stylesheet).then_some(link)
}

/// Mounts a widget into `host` (its shadow root), styled by the stylesheet at `stylesheet` (an
/// absolute URL). A first view pre-rendered into a declarative shadow root (`<template
/// shadowrootmode="open">`, written by the build) stays on screen while the widget renders
/// off-screen, and is swapped for it once the dataset is there, so nothing moves.
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
    // A shadow root is no element, so `:scope >` finds nothing in it: its children are read.
    let children = shadow.children();
    let prerendered = (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|e| e.class_list().contains("stance-matrix") && e.has_attribute("data-prerendered"));
    let mut added = Vec::new();
    let link = prerendered
        .as_ref()
        .and_then(|root| prerendered_link(root, &stylesheet));
    let link = match link {
        Some(link) => link,
        None => {
            let link = document.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", &stylesheet)?;
            match &prerendered {
                Some(old) => shadow.insert_before(&link, Some(old))?,
                None => shadow.append_child(&link)?,
            };
            link
        }
    };
    added.push(link);
    let root = match prerendered
        .as_ref()
        .and_then(crate::browser::takeover::fresh_root)
    {
        Some(fresh) => fresh,
        None => {
            let root = document.create_element("div")?;
            root.set_attribute("lang", "en")?;
            shadow.append_child(&root)?;
            root
        }
    };
    let root_is_fresh = prerendered.is_some() && root.parent_node().is_none();
    added.extend(prerendered.iter().cloned());
    added.push(root.clone());
    // A panic stops every widget on the page (they share the instance): each shows a message.
    crate::browser::panic_view::install();
    for node in added.iter().skip(1) {
        crate::browser::panic_view::watch(node);
    }

    let (config, initial, given) = read(&options);
    root.set_attribute("class", &root_class(&config))?;

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
        // The pre-rendered view is swapped for the widget once its dataset is there (or it
        // failed): while a `src` loads, the reader keeps reading the first view.
        let swap = std::cell::RefCell::new(prerendered.map(|old| (old, root.clone())));
        Callback::from(move |state: &'static str| {
            if state != "loading" {
                if let Some((old, fresh)) = swap.borrow_mut().take() {
                    crate::browser::takeover::take_over_when_rendered(old, fresh);
                }
            }
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
        link: link.clone(),
        given,
        any_origin: true,
        on_state: Some(on_state.clone()),
    };
    if root_is_fresh {
        crate::components::begin_takeover();
    }
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Ok(Mounted {
        app: Some(app),
        slot,
        link,
        on_state,
        root,
        added,
    })
}
