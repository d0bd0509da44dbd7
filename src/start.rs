//! Mounting the widget into the page: the one place that ties the browser to the app.

use crate::components;
use crate::embed::PageConfig;
use crate::host;

/// Mounts the widget into `#stance-matrix`, replacing the loading placeholder.
pub fn start() {
    crate::panic_view::install();
    let document = host::document();
    let Some(root) = host::root_element() else { return };
    let mut config = PageConfig::from_query(&host::query());
    config.embed |= host::is_framed();
    root.set_text_content(None);
    let _ = root.class_list().remove_1("sm-booting");
    let body = document.body();
    for class in [config.theme.class(), config.embed.then_some("sm-embed-root")].into_iter().flatten() {
        let _ = root.class_list().add_1(class);
        if let Some(body) = &body {
            let _ = body.class_list().add_1(class);
        }
    }
    let link = components::ViewLink::Url { embed: config.embed };
    let props = components::AppProps { config, link, given: None, any_origin: false, on_state: None };
    yew::Renderer::<components::App>::with_root_and_props(root, props).render();
}
