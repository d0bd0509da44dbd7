//! Mounting the widget into the page: the one place that ties the browser to the app.

use crate::browser::host;
use crate::browser::takeover;
use crate::components;
use crate::model;
use crate::state::embed::PageConfig;
use crate::state::loaded::Data;

/// The id of the JSON data block a pre-rendered page carries a newsroom's dataset in.
const PAGE_DATA_ID: &str = "stance-matrix-data";

/// Mounts the widget into `#stance-matrix`: in place of the loading placeholder, or, over a
/// pre-rendered page, off-screen first and then swapped in (`takeover.rs`).
pub fn start() {
    crate::browser::panic_view::install();
    let document = host::document();
    let Some(page_root) = host::page_root() else {
        return;
    };
    let mut config = PageConfig::from_query(&host::query());
    config.embed |= host::is_framed() || page_root.has_attribute("data-embed");
    // A dataset pre-rendered into the page comes with it, unless `?data=` asks for another.
    let given = match (
        &config.data,
        document
            .get_element_by_id(PAGE_DATA_ID)
            .and_then(|e| e.text_content()),
    ) {
        (None, Some(text)) => Some(Data::checked(model::parse(&text), None)),
        _ => None,
    };
    let prerendered = page_root.has_attribute("data-prerendered");
    let root = match prerendered
        .then(|| takeover::fresh_root(&page_root))
        .flatten()
    {
        Some(fresh) => fresh,
        None => {
            page_root.set_text_content(None);
            page_root.clone()
        }
    };
    let _ = root.class_list().remove_1("sm-booting");
    let body = document.body();
    for class in [
        config.theme.class(),
        config.embed.then_some("sm-embed-root"),
    ]
    .into_iter()
    .flatten()
    {
        let _ = root.class_list().add_1(class);
        if let Some(body) = &body {
            let _ = body.class_list().add_1(class);
        }
    }
    host::set_root(root.clone());
    let link = components::ViewLink::Url {
        embed: config.embed,
    };
    let props = components::AppProps {
        config,
        link,
        given,
        any_origin: false,
        on_state: None,
    };
    let taking_over = root != page_root;
    if taking_over {
        components::begin_takeover();
    }
    yew::Renderer::<components::App>::with_root_and_props(root.clone(), props).render();
    if taking_over {
        takeover::take_over_when_rendered(page_root, root);
    }
}
