//! Stance Matrix: where the parties to a negotiation stand on each issue.
//!
//! Pure modules (`json`, `model`, `analysis`, `search`, `view_state`, `export`) hold no browser
//! types and are tested natively; `components` and `embed` are the thin browser layer over them.

pub mod json;
pub mod model;
pub mod analysis;
pub mod export;
pub mod fragment;
pub mod search;
pub mod view_state;
pub mod components;
pub mod embed;
pub mod host;
pub mod loading;
pub mod panic_view;

/// The id of the element the widget mounts into (see `index.html`).
pub const ROOT_ID: &str = "stance-matrix";

/// The element the widget mounts into. Never panics (the panic view calls it too).
pub fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(ROOT_ID)
}

/// Sets the root element's `data-state` (`loading`, `ready`, `error`, `crashed`) and
/// `aria-busy`, for hosts and tests.
pub fn mark_root_state(state: &str) {
    if let Some(root) = root_element() {
        let _ = root.set_attribute("data-state", state);
        let _ = root.set_attribute("aria-busy", if state == "loading" { "true" } else { "false" });
    }
}

/// Mounts the widget into `#stance-matrix`, replacing the loading placeholder.
pub fn start() {
    panic_view::install();
    let document = host::document();
    let Some(root) = root_element() else { return };
    let mut config = embed::PageConfig::from_query(&host::query());
    config.embed |= host::is_framed();
    root.set_text_content(None);
    let _ = root.class_list().remove_1("sm-booting");
    let theme = match config.theme {
        embed::Theme::Auto => None,
        embed::Theme::Light => Some("sm-theme-light"),
        embed::Theme::Dark => Some("sm-theme-dark"),
    };
    let body = document.body();
    for class in [theme, config.embed.then_some("sm-embed-root")].into_iter().flatten() {
        let _ = root.class_list().add_1(class);
        if let Some(body) = &body {
            let _ = body.class_list().add_1(class);
        }
    }
    yew::Renderer::<components::App>::with_root_and_props(root, components::AppProps { config }).render();
}
