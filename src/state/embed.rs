//! Host-page integration that is pure logic: reading the page's query (`?embed`, `?data=`,
//! `?theme=`, pym.js's `childId`), the height messages a framed widget posts, and the
//! copy-paste embed snippet. The browser side (posting, observing, fetching) is in `browser/host.rs`.

use crate::state::fragment::unescape;

/// Colour scheme forced by the host, or following the reader's system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// `?data=`: a newsroom's dataset to load instead of the bundled one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataParam {
    /// The address, decoded.
    Url(String),
    /// The value as written, which is not valid percent-encoded UTF-8 (`?data=%ZZ`): an error
    /// the reader sees, never a silent fallback to the bundled data.
    Malformed(String),
}

impl Theme {
    /// The class on the widget's root (and our page's body) that forces it, if any.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("sm-theme-light"),
            Theme::Dark => Some("sm-theme-dark"),
        }
    }
}

/// What the page's query asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageConfig {
    /// No page chrome; report height to the parent. Also set when framed (see `browser/host.rs`).
    pub embed: bool,
    /// The first `data` parameter, if it is not empty.
    pub data: Option<DataParam>,
    pub theme: Theme,
    /// Set by a pym.js `Parent`, which appends `childId` and `initialWidth` to the URL.
    pub pym_child_id: Option<String>,
    /// `?lang=` (or a host's `lang`): the language the page asks the widget to speak.
    pub lang: Option<String>,
}

impl PageConfig {
    /// Reads a query string (`?embed&data=…`); unknown or malformed parts are ignored, but
    /// for `data`. The rule for `data`, which `web/boot.js` follows too: the first `data`
    /// parameter decides; empty means the bundled dataset; a value that does not decode is
    /// `DataParam::Malformed`.
    pub fn from_query(query: &str) -> PageConfig {
        let mut config = PageConfig::default();
        let mut seen_data = false;
        for part in query.trim_start_matches('?').split('&') {
            let (key, raw) = part.split_once('=').unwrap_or((part, ""));
            if key == "data" && !std::mem::replace(&mut seen_data, true) {
                config.data = match unescape(raw) {
                    Some(v) if v.trim().is_empty() => None,
                    Some(v) => Some(DataParam::Url(v.trim().to_string())),
                    None => Some(DataParam::Malformed(raw.to_string())),
                };
                continue;
            }
            let Some(value) = unescape(raw) else { continue };
            match key {
                "embed" => config.embed = !matches!(value.as_str(), "0" | "false"),
                "theme" => {
                    config.theme = match value.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                "lang" if !value.trim().is_empty() => config.lang = Some(value.trim().to_string()),
                "childId" if is_pym_id(&value) => {
                    config.pym_child_id = Some(value);
                    config.embed = true;
                }
                _ => {}
            }
        }
        config
    }
}

impl DataParam {
    /// The parameter as the reader should see it in a message.
    pub fn as_written(&self) -> &str {
        match self {
            DataParam::Url(url) | DataParam::Malformed(url) => url,
        }
    }
}

/// The origins besides the page's own that `?data=` may load from, set when the widget is
/// built: `STANCE_MATRIX_DATA_ORIGINS="https://a.example https://b.example" trunk build`.
/// Without it, only the page's own origin: nobody can show fabricated positions under a
/// newsroom's address by linking to it with `?data=` pointing elsewhere.
pub const ALLOWED_DATA_ORIGINS: &str = match option_env!("STANCE_MATRIX_DATA_ORIGINS") {
    Some(list) => list,
    None => "",
};

/// Whether a dataset at `origin` (e.g. `https://news.example`) may be shown on a page at
/// `page_origin`: the same origin, or one listed in `allowed` (separated by spaces or commas;
/// a trailing `/` is forgiven). An opaque origin (`null`) is never allowed.
pub fn data_origin_allowed(origin: &str, page_origin: &str, allowed: &str) -> bool {
    origin != "null"
        && (origin == page_origin
            || allowed
                .split([' ', ',', '\n'])
                .map(|o| o.trim().trim_end_matches('/'))
                .any(|o| !o.is_empty() && o == origin))
}

/// pym.js child ids are element ids; anything else could forge another child's messages.
fn is_pym_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The pym.js child protocol message announcing our height.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// Whether a message is pym.js's `width` message for this child (the only message we act on).
pub fn is_pym_width_message(child_id: &str, message: &str) -> bool {
    message
        .strip_prefix(&format!("pymxPYMx{child_id}xPYMxwidthxPYMx"))
        .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

/// Our own message type; the snippet listens for exactly this.
pub const HEIGHT_MESSAGE_TYPE: &str = "stance-matrix:height";

/// Heights a host should accept; the snippet refuses anything outside.
pub const MIN_HEIGHT: u32 = 100;
pub const MAX_HEIGHT: u32 = 20_000;
/// The height reserved before the widget reports its own, so the article does not jump much.
pub const RESERVED_HEIGHT: u32 = 720;

/// The copy-paste embed code for `widget_url` (already carrying `?embed` and the view state).
pub fn snippet(widget_url: &str, title: &str) -> String {
    let url = html_attr(widget_url);
    let title = html_attr(title);
    format!(
        r#"<iframe src="{url}" title="{title}" loading="lazy" height="{RESERVED_HEIGHT}" style="width:100%;height:{RESERVED_HEIGHT}px;border:0;display:block" scrolling="no"></iframe>
<script>
(function () {{
  var frame = document.currentScript.previousElementSibling;
  window.addEventListener("message", function (event) {{
    if (event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== "{HEIGHT_MESSAGE_TYPE}") return;
    var height = Number(data.height);
    if (!isFinite(height) || height < {MIN_HEIGHT} || height > {MAX_HEIGHT}) return;
    frame.style.height = Math.ceil(height) + "px";
  }});
}})();
</script>"#
    )
}

/// The folder a page is served from (its URL up to the last `/`): where the widget's files are.
pub fn widget_folder(page_without_query: &str) -> &str {
    match page_without_query.rfind('/') {
        Some(i) => &page_without_query[..=i],
        None => page_without_query,
    }
}

/// A first view for the `<stance-matrix>` embed code: the pre-rendered root (`prerender`) and
/// the address of the widget's stylesheet, linked inside the declarative shadow root.
pub struct FirstView<'a> {
    pub stylesheet: &'a str,
    pub markup: &'a str,
}

/// The `<stance-matrix>` embed code for the widget in `folder` (ending in `/`): the element,
/// with `src` when the dataset is not the one built in and `lang` when one is asked for; the
/// first view in a declarative shadow root, when given, so the article shows the matrix before
/// (and without) JavaScript; a link to the widget's own page, which a reader sees only when
/// neither the first view nor `embed.js` could show the matrix; then the module script.
pub fn element_snippet(
    folder: &str,
    src: Option<&str>,
    lang: Option<&str>,
    title: &str,
    first_view: Option<&FirstView>,
) -> String {
    let mut attributes = String::new();
    if let Some(src) = src {
        attributes.push_str(&format!(" src=\"{}\"", html_attr(src)));
    }
    if let Some(lang) = lang {
        attributes.push_str(&format!(" lang=\"{}\"", html_attr(lang)));
    }
    let template = first_view.map_or(String::new(), |v| {
        format!(
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}\">{}</template>\n",
            html_attr(v.stylesheet),
            v.markup
        )
    });
    let mut page = folder.to_string();
    if let Some(src) = src {
        page.push_str("?data=");
        page.push_str(&crate::state::fragment::escape(src));
    }
    format!(
        "<stance-matrix{attributes}>\n{template}<a href=\"{}\">{}</a>\n</stance-matrix>\n<script type=\"module\" src=\"{}embed.js\"></script>\n",
        html_attr(&page),
        html_attr(title),
        html_attr(folder)
    )
}

/// The one embed code, wherever it is offered (the widget's Embed panel, the check page, the
/// build's `embed-code.html`): the iframe, then the `<stance-matrix>` element, both showing the
/// dataset at `data_url` (the built-in one when `None`) in the widget at `page_without_query`.
pub fn embed_code(
    page_without_query: &str,
    data_url: Option<&str>,
    lang: Option<&str>,
    fragment: &str,
    title: &str,
    first_view: Option<&FirstView>,
) -> String {
    let frame = snippet(
        &embed_url(page_without_query, data_url, lang, fragment),
        title,
    );
    let element = element_snippet(
        widget_folder(page_without_query),
        data_url,
        lang,
        title,
        first_view,
    );
    format!("{frame}\n\n{element}")
}

/// Escapes text for a double-quoted HTML attribute.
pub fn html_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The URL to embed: `embed.html` beside the page (the same page pre-rendered without the page
/// header, so nothing moves when the wasm takes over), `?embed`, the dataset if it is not the
/// bundled one, and the view state. A page not named `index.html` or `/` keeps its own name.
/// `lang`: the page's own `?lang=`, kept so the embed speaks what the page asked for.
pub fn embed_url(
    page_without_query: &str,
    data_url: Option<&str>,
    lang: Option<&str>,
    fragment: &str,
) -> String {
    let folder = page_without_query
        .strip_suffix("index.html")
        .unwrap_or(page_without_query);
    let page = if folder.ends_with('/') {
        format!("{folder}embed.html")
    } else {
        folder.to_string()
    };
    let mut url = format!("{page}?embed");
    if let Some(data) = data_url {
        url.push_str("&data=");
        url.push_str(&crate::state::fragment::escape(data));
    }
    if let Some(lang) = lang {
        url.push_str("&lang=");
        url.push_str(&crate::state::fragment::escape(lang));
    }
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    url
}
