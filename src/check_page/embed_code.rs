//! The embed code the check page offers for a dataset hosted at an address the editor gives:
//! the same code as the widget's Embed panel and the build's `embed-code.html`
//! (`state::embed::embed_code`), its `<stance-matrix>` carrying the checked dataset's first
//! view, pre-rendered here in the check page's wasm, so an editor without a Rust toolchain gets
//! it too.

use crate::browser::host;
use crate::model::export::to_json;
use crate::state::embed::{
    data_origin_allowed, embed_code, widget_folder, FirstView, ALLOWED_DATA_ORIGINS,
};
use crate::state::loaded::Data;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedCodeProps {
    pub data: Data,
    /// Where the editor will host the JSON file.
    pub address: String,
}

/// The widget's stylesheet, as this page links it (`check.html` links the same file).
fn stylesheet() -> Option<String> {
    let links = host::document()
        .query_selector_all("link[rel=stylesheet]")
        .ok()?;
    (0..links.length())
        .filter_map(|i| links.get(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .filter_map(|l| l.get_attribute("href"))
        .find(|href| href.contains("stance-matrix-") && href.ends_with(".css"))
        .map(|href| href.trim_start_matches("./").to_string())
}

/// The embed code, its warnings and a copy button.
#[function_component]
pub fn EmbedCode(props: &EmbedCodeProps) -> Html {
    // The first view is rendered once per dataset, off the typing path.
    let first_view = use_state(|| None::<String>);
    {
        let first_view = first_view.clone();
        use_effect_with(props.data.clone(), move |data| {
            first_view.set(None);
            let json = to_json(&data.dataset);
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(markup) = crate::prerender::render_element(Some(&json)).await {
                    first_view.set(Some(markup));
                }
            });
        });
    }
    let page = host::page_without_query();
    let folder = widget_folder(&page).to_string();
    let stylesheet = stylesheet().map(|css| format!("{folder}{css}"));
    let view = match (&*first_view, &stylesheet) {
        (Some(markup), Some(stylesheet)) => Some(FirstView { stylesheet, markup }),
        _ => None,
    };
    // The widget's folder, not this page: its iframe page is embed.html there.
    let code = embed_code(
        &folder,
        Some(&props.address),
        None,
        "",
        &format!("Stance matrix: {}", props.data.dataset.title()),
        view.as_ref(),
    );
    let copy = {
        let code = code.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = host::window().navigator().clipboard().write_text(&code);
        })
    };
    html! {
        <>
            { origin_notes(&props.address) }
            <label for="sm-check-code">{ "Embed code" }</label>
            <textarea id="sm-check-code" data-testid="embed-code" data-first-view={view.is_some().to_string()} readonly={true} rows="8" value={code} />
            <button type="button" class="sm-button" onclick={copy}>{ "Copy embed code" }</button>
        </>
    }
}

/// What the editor must know about where the data is hosted: the iframe loads data only from
/// its own site and the ones the widget was built to allow; `<stance-matrix>` fetches it from
/// the article's page, so another site must allow that with CORS.
fn origin_notes(data_url: &str) -> Html {
    let Ok(page) = web_sys::Url::new(&host::page_without_query()) else {
        return Html::default();
    };
    let Ok(data) = web_sys::Url::new_with_base(data_url, &page.href()) else {
        return Html::default();
    };
    let origin = data.origin();
    let iframe = (!data_origin_allowed(&origin, &page.origin(), ALLOWED_DATA_ORIGINS)).then(|| html! {
        <p class="sm-check-warning" role="note" data-testid="origin-warning">
            { format!("The iframe will refuse this address: this widget loads data only from {} and the sites it was built to allow (STANCE_MATRIX_DATA_ORIGINS, see the README).", page.origin()) }
        </p>
    });
    let cors = (origin != page.origin()).then(|| html! {
        <p class="sm-check-warning" role="note" data-testid="cors-note">
            { format!("<stance-matrix> reads the file from {origin} from inside the article, so that site must allow it: its answer needs the header \"Access-Control-Allow-Origin: *\" (or your article's site). Without it the element shows the link to the widget instead of the matrix. To try it on your computer, serve the file with scripts/static-server.mjs --cors.") }
        </p>
    });
    html! { <>{ iframe }{ cors }</> }
}
