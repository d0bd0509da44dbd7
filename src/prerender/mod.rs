//! The widget's first view, rendered at build time into the built page (native only, feature
//! `ssr`; run by `scripts/post-build.mjs` through `src/bin/prerender.rs`). A reader's phone
//! shows the matrix as soon as the HTML arrives, before the wasm; a browser without script,
//! a read-later app or a search engine gets the whole dataset, each position with its date
//! and sources. The wasm then renders the same view off-screen and swaps it in (`browser/start.rs`).

mod head;
mod page;
mod positions;

use crate::components::{App, ViewLink};
use crate::i18n::Msg;
use crate::model::{self, BUNDLED};
use crate::share::{card, words};
use crate::state::embed::PageConfig;
use crate::state::loaded::Data;
use crate::state::loading::LoadError;
pub use head::{head_text, meta_description, one_line_cut, published_at, with_head, with_preview};
pub use head::{CardImage, HeadText};
pub use page::{inert, insert};
use yew::prelude::*;
use yew::LocalServerRenderer;

/// The longest `og:description`: a link preview shows two or three lines of it.
const PREVIEW_MAX: usize = 300;

#[derive(Properties, PartialEq)]
struct PageProps {
    given: Result<Data, LoadError>,
    embed: bool,
    /// The language asked for (`?lang=`), where not the dataset's.
    lang: Option<String>,
    /// Every position with its date and sources, for readers without script (a page; an
    /// element in an article keeps to the matrix, which shows every stance and status).
    positions: bool,
}

/// The widget as the wasm first renders it, then every position for readers without script.
#[function_component]
fn Page(props: &PageProps) -> Html {
    let config = PageConfig {
        embed: props.embed,
        lang: props.lang.clone(),
        ..PageConfig::default()
    };
    let (given, embed) = (props.given.clone(), props.embed);
    html! {
        <>
            <App {config} link={ViewLink::Url { embed }} given={Some(given)} />
            if let (Ok(data), true) = (&props.given, props.positions) {
                <noscript>{ positions::plain_words(data) }{ positions::positions(&data.dataset) }</noscript>
            }
        </>
    }
}

/// Why a page could not be pre-rendered: the dataset's problems, one per line.
#[derive(Debug)]
pub struct InvalidData(pub Vec<String>);

/// The root element's content for `data` (the bundled dataset when `None`), controls disabled
/// until the wasm takes over.
pub fn render(data: Option<&str>, embed: bool) -> Result<String, InvalidData> {
    futures::executor::block_on(render_async(data, embed, true, None))
}

/// The root element's content as a reader who asked for `lang` (`?lang=de`) first sees it:
/// written to a file of its own, which `web/boot.js` fetches for that reader and puts in place
/// of the page's own first view until the wasm takes over. No list for readers without
/// script: only a script asks for it.
pub fn render_language(data: Option<&str>, embed: bool, lang: &str) -> Result<String, InvalidData> {
    futures::executor::block_on(render_async(data, embed, false, Some(lang)))
}

/// `render`, awaited (in a browser, the check page's wasm, it cannot block); `positions`: with
/// every position for readers without script.
async fn render_async(
    data: Option<&str>,
    embed: bool,
    positions: bool,
    lang: Option<&str>,
) -> Result<String, InvalidData> {
    let text = data.unwrap_or(BUNDLED).to_string();
    if let Err(errors) = model::parse(&text) {
        return Err(InvalidData(
            errors.iter().map(ToString::to_string).collect(),
        ));
    }
    let renderer = LocalServerRenderer::<Page>::with_props(PageProps {
        given: Data::checked(model::parse(&text), None),
        embed,
        positions,
        lang: lang.map(str::to_string),
    });
    let html = renderer.hydratable(false).render().await;
    Ok(inert(&html))
}

/// The first view of a `<stance-matrix>` element for `data` (the built-in dataset when
/// `None`): the root `embed.js` mounts into, as the wasm renders it, with what readers without
/// script need, for a declarative shadow root (`state::embed::element_snippet`). The wasm
/// renders the same root off-screen and swaps it in (`browser/mount.rs`).
pub async fn render_element(data: Option<&str>) -> Result<String, InvalidData> {
    let content = render_async(data, true, false, None).await?;
    Ok(format!(
        "<div lang=\"en\" class=\"stance-matrix sm-embed-root sm-mounted\" data-prerendered>{content}</div>"
    ))
}

/// `page` (a built `index.html`) with the widget pre-rendered into its root element, and a
/// newsroom's own dataset, if given, carried in the page for the wasm to read and named in
/// its title and description (the bundled dataset's page keeps the ones written for it). No
/// card in its link preview: `render_page_at` names it.
pub fn render_page(page: &str, data: Option<&str>, embed: bool) -> Result<String, PrerenderError> {
    render_page_at(page, data, embed, None)
}

/// `render_page` for a build published at `url` (`scripts/build --url`): when that is an
/// absolute address, the link preview tags name the social card there (`card.png`) and the
/// page's address.
pub fn render_page_at(
    page: &str,
    data: Option<&str>,
    embed: bool,
    url: Option<&str>,
) -> Result<String, PrerenderError> {
    let content = render(data, embed).map_err(PrerenderError::Data)?;
    let newsroom = data.map(model::parse).and_then(Result::ok);
    let text = head_text(page, newsroom.as_ref());
    let page = match newsroom {
        Some(_) => with_head(page, &text.title, &text.description),
        None => page.to_string(),
    };
    let dataset = newsroom.or_else(|| model::parse(BUNDLED).ok());
    let folder = url.and_then(published_at);
    // A link preview says what the matrix shows, in plain words (`share::words`); the card's
    // text alternative too, after what the card is.
    let summary = dataset
        .as_ref()
        .and_then(|ds| Data::checked(Ok(ds.clone()), None).ok())
        .map(|data| words::default_summary(&data))
        .unwrap_or_default();
    let alt = dataset
        .as_ref()
        .map(|ds| {
            let lang = card::language(ds);
            format!("{} {summary}", lang.f(Msg::Labelled, &[&card::alt(ds)]))
        })
        .unwrap_or_default();
    let card = folder
        .as_deref()
        .map(|folder| CardImage { folder, alt: &alt });
    let preview = HeadText {
        title: text.title.clone(),
        description: one_line_cut(&summary, PREVIEW_MAX),
    };
    let page = with_preview(&page, &preview, card.as_ref());
    insert(&page, &content, data, embed).ok_or(PrerenderError::NoRoot)
}

/// Why `render_page` failed.
#[derive(Debug)]
pub enum PrerenderError {
    Data(InvalidData),
    /// The page has no `<main id="stance-matrix">…</main>` to render into.
    NoRoot,
}
