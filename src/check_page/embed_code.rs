//! The embed code the check page offers for a dataset hosted at an address the editor gives.

use crate::browser::host;
use crate::state::embed::{
    data_origin_allowed, embed_url, html_attr, snippet, ALLOWED_DATA_ORIGINS,
};
use yew::prelude::*;

/// The folder the widget is served from: the check page's own.
fn widget_folder() -> String {
    let page = host::page_without_query();
    match page.rfind('/') {
        Some(i) => page[..=i].to_string(),
        None => page,
    }
}

/// Both ways to embed the widget showing `data_url`: the iframe snippet, and `<stance-matrix>`.
pub fn embed_code(data_url: &str, title: &str) -> String {
    let folder = widget_folder();
    format!(
        "{}\n\n<script type=\"module\" src=\"{}embed.js\"></script>\n<stance-matrix src=\"{}\"></stance-matrix>\n",
        snippet(&embed_url(&folder, Some(data_url), None, ""), &format!("Stance matrix: {title}")),
        html_attr(&folder),
        html_attr(data_url)
    )
}

/// Why the widget will not load `data_url` in an iframe, if it will not.
pub fn origin_warning(data_url: &str) -> Option<Html> {
    let page = web_sys::Url::new(&host::page_without_query()).ok()?;
    let data = web_sys::Url::new_with_base(data_url, &page.href()).ok()?;
    (!data_origin_allowed(&data.origin(), &page.origin(), ALLOWED_DATA_ORIGINS)).then(|| html! {
        <p class="sm-check-warning" role="note">
            { format!("The iframe will refuse this address: this widget loads data only from {} and the sites it was built to allow (STANCE_MATRIX_DATA_ORIGINS, see the README). <stance-matrix> loads it if that site allows CORS.", page.origin()) }
        </p>
    })
}
