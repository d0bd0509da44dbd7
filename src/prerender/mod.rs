//! The widget's first view, rendered at build time into the built page (native only, feature
//! `ssr`; run by `scripts/post-build.mjs` through `src/bin/prerender.rs`). A reader's phone
//! shows the matrix as soon as the HTML arrives, before the wasm; a browser without script,
//! a read-later app or a search engine gets the whole dataset, each position with its date
//! and sources. The wasm then renders the same view off-screen and swaps it in (`browser/start.rs`).

mod head;
mod page;
mod positions;

use crate::components::{App, ViewLink};
use crate::model::{self, BUNDLED};
use crate::state::embed::PageConfig;
use crate::state::loaded::Data;
use crate::state::loading::LoadError;
pub use head::{meta_description, with_head};
pub use page::{inert, insert};
use yew::prelude::*;
use yew::ServerRenderer;

#[derive(Properties, PartialEq)]
struct PageProps {
    given: Result<Data, LoadError>,
    embed: bool,
}

/// The widget as the wasm first renders it, then every position for readers without script.
#[function_component]
fn Page(props: &PageProps) -> Html {
    let config = PageConfig {
        embed: props.embed,
        ..PageConfig::default()
    };
    let (given, embed) = (props.given.clone(), props.embed);
    html! {
        <>
            <App {config} link={ViewLink::Url { embed }} given={Some(given)} />
            if let Ok(data) = &props.given { <noscript>{ positions::positions(&data.dataset) }</noscript> }
        </>
    }
}

/// Why a page could not be pre-rendered: the dataset's problems, one per line.
#[derive(Debug)]
pub struct InvalidData(pub Vec<String>);

/// The root element's content for `data` (the bundled dataset when `None`), controls disabled
/// until the wasm takes over.
pub fn render(data: Option<&str>, embed: bool) -> Result<String, InvalidData> {
    let text = data.unwrap_or(BUNDLED).to_string();
    if let Err(errors) = model::parse(&text) {
        return Err(InvalidData(
            errors.iter().map(ToString::to_string).collect(),
        ));
    }
    let renderer = ServerRenderer::<Page>::with_props(move || PageProps {
        given: Data::checked(model::parse(&text), None),
        embed,
    });
    let html = futures::executor::block_on(renderer.hydratable(false).render());
    Ok(inert(&html))
}

/// `page` (a built `index.html`) with the widget pre-rendered into its root element, and a
/// newsroom's own dataset, if given, carried in the page for the wasm to read and named in
/// its title and description (the bundled dataset's page keeps the ones written for it).
pub fn render_page(page: &str, data: Option<&str>, embed: bool) -> Result<String, PrerenderError> {
    let content = render(data, embed).map_err(PrerenderError::Data)?;
    let page = match data.map(model::parse) {
        Some(Ok(dataset)) => with_head(
            page,
            dataset.title(),
            &meta_description(dataset.description().unwrap_or(dataset.title())),
        ),
        _ => page.to_string(),
    };
    insert(&page, &content, data, embed).ok_or(PrerenderError::NoRoot)
}

/// Why `render_page` failed.
#[derive(Debug)]
pub enum PrerenderError {
    Data(InvalidData),
    /// The page has no `<main id="stance-matrix">…</main>` to render into.
    NoRoot,
}
