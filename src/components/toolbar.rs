//! Below the matrix: method and as-of note, downloads (JSON as loaded, CSV one row per
//! position, the view as an SVG or PNG image) and, on the standalone page, the embed snippet for the current view.

use super::speech::use_speech;
use crate::browser::host;
use crate::i18n::Msg;
use crate::model::export::to_json;
use crate::share::svg;
use crate::sheet::to_sheet;
use crate::state::derived::Derived;
use crate::state::embed::{embed_code, widget_folder};
use crate::state::fragment;
use crate::state::loaded::Data;
use crate::state::view_state::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The loaded dataset.
    pub data: Data,
    /// The current view, carried by the embed snippet.
    pub state: ViewState,
    /// Embedded pages get no embed snippet.
    pub embed: bool,
    /// The page's `?lang=`, which the embed snippet keeps.
    #[prop_or_default]
    pub lang: Option<String>,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let ds = &props.data.dataset;
    let speech = use_speech();
    let l = speech.ui;
    let json = {
        let data = props.data.clone();
        Callback::from(move |_: MouseEvent| {
            host::download(
                "stance-matrix.json",
                "application/json",
                &to_json(&data.dataset),
            )
        })
    };
    let csv = {
        let data = props.data.clone();
        Callback::from(move |_: MouseEvent| {
            host::download(
                "stance-matrix.csv",
                "text/csv;charset=utf-8",
                &to_sheet(&data.dataset),
            )
        })
    };
    // The view the reader is looking at, as an image: drawn only when asked for.
    let image = |png: bool| {
        let (data, state) = (props.data.clone(), props.state.clone());
        Callback::from(move |_: MouseEvent| {
            let view = Derived::new(&data, &state);
            let page = host::page_without_query();
            let live = widget_folder(&page);
            let image = svg::render(&view, l, &svg::Credit { live: Some(live) });
            if png {
                crate::browser::image::download_png(&image.svg, image.width, image.height);
            } else {
                crate::browser::image::download_svg(&image.svg);
            }
        })
    };
    // The snippet is built and written into its textarea only while the panel is open: setting
    // a textarea's value makes the browser recompute style at once, on every keystroke.
    let embed_open = use_state(|| false);
    let ontoggle = {
        let embed_open = embed_open.clone();
        Callback::from(move |e: Event| {
            embed_open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    let code = (!props.embed && *embed_open).then(|| {
        let page = host::page_without_query();
        // The dataset's address as the reader's page resolves it: the element fetches it from
        // the article's page, where a relative `?data=` would point elsewhere.
        let data_url = props.data.data_url.as_deref().map(|url| {
            web_sys::Url::new_with_base(url, &page).map_or_else(|_| url.to_string(), |u| u.href())
        });
        embed_code(
            &page,
            data_url.as_deref(),
            props.lang.as_deref(),
            &fragment::encode(&props.state),
            &l.f(Msg::EmbedTitle, &[ds.title()]),
            None,
        )
    });
    html! {
        <footer class="sm-footer">
            if let Some(m) = ds.methodology() { <p class="sm-methodology"><strong>{ l.t(Msg::Method) }</strong><span lang={speech.data.clone()}>{ m }</span></p> }
            <p class="sm-muted">{ l.f(Msg::DataAsOf, &[&ds.as_of().words(l), &l.n(Msg::PositionCount, ds.positions().len(), &[]), &l.n(Msg::SourceCount, ds.sources().len(), &[])]) }</p>
            <div class="sm-actions">
                <button type="button" class="sm-button" onclick={json}>{ l.t(Msg::DownloadJson) }</button>
                <button type="button" class="sm-button" onclick={csv}>{ l.t(Msg::DownloadCsv) }</button>
                <button type="button" class="sm-button" onclick={image(false)} data-testid="download-svg">{ l.t(Msg::DownloadSvg) }</button>
                <button type="button" class="sm-button" onclick={image(true)} data-testid="download-png">{ l.t(Msg::DownloadPng) }</button>
            </div>
            if !props.embed {
                <details class="sm-embed" data-testid="embed" {ontoggle}>
                    <summary class="sm-button">{ l.t(Msg::Embed) }</summary>
                    if let Some(code) = code {
                        <label for="sm-embed-code">{ l.t(Msg::EmbedHelp) }</label>
                        <textarea id="sm-embed-code" readonly={true} rows="8" value={code} data-testid="embed-code" />
                    }
                </details>
            }
        </footer>
    }
}
