//! The page's `<title>` and `<meta name="description">` for a newsroom's dataset, so search
//! results and link previews describe that story, not the bundled one, and the tags link
//! previews read (Open Graph, `twitter:card`), with the social card when the build knows the
//! address it is published at. Plain text work on Trunk's output, like `page.rs`.

use super::page::Tag;
use crate::model::Dataset;

/// The longest description search engines show in full; a longer one is cut at a word.
const DESCRIPTION_MAX: usize = 160;

/// `text` on one line, cut at a word before `DESCRIPTION_MAX` characters with "…" when longer.
pub fn meta_description(text: &str) -> String {
    one_line_cut(text, DESCRIPTION_MAX)
}

/// `text` on one line, cut at a word before `max` characters with "…" when longer.
pub fn one_line_cut(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let limit = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(at, _)| at);
    let cut = text[..limit].rfind(' ').unwrap_or(limit);
    let kept = text[..cut].trim_end_matches([',', ';', ':', '.', '–', '—', ' ']);
    format!("{kept}…")
}

/// `page` with its `<title>` text replaced by `title`, and its description meta tag (or a new
/// one after the title) saying `description`.
pub fn with_head(page: &str, title: &str, description: &str) -> String {
    let meta = format!(
        "<meta name=\"description\" content=\"{}\">",
        escape(description)
    );
    let mut out = page.to_string();
    let title_tag = format!("<title>{}</title>", escape(title));
    match find_title(&out) {
        Some((from, to)) => out.replace_range(from..to, &title_tag),
        None => {
            if let Some(at) = out.find("</head>") {
                out.insert_str(at, &title_tag);
            }
        }
    }
    match find_description(&out) {
        Some((from, to)) => out.replace_range(from..to, &meta),
        None => {
            if let Some((_, to)) = find_title(&out) {
                out.insert_str(to, &meta);
            }
        }
    }
    out
}

/// Where `<title>…</title>` is, end tag included.
fn find_title(page: &str) -> Option<(usize, usize)> {
    let from = page.find("<title>")?;
    let to = from + page[from..].find("</title>")? + "</title>".len();
    Some((from, to))
}

/// Where the `<meta name=description …>` tag is, with or without quotes.
fn find_description(page: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    while let Some(found) = page[at..].find("<meta") {
        let from = at + found;
        let tag = Tag::read(&page[from..]);
        if tag.attr("name") == Some("description") {
            return Some((from, from + tag.text.len()));
        }
        at = from + tag.text.len().max(1);
    }
    None
}

/// Text safe in an element and in a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page's title and description: for a newsroom's dataset its own (`head_text`), for the
/// bundled one those written into `index.html`. The link preview repeats them.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadText {
    pub title: String,
    pub description: String,
}

/// The title and description of `page` for `newsroom`'s dataset, or, without one, those the
/// page already has. The one place a page's description is decided: the meta description and
/// `og:description` both say it.
pub fn head_text(page: &str, newsroom: Option<&Dataset>) -> HeadText {
    match newsroom {
        Some(ds) => HeadText {
            title: ds.title().to_string(),
            description: meta_description(ds.description().unwrap_or(ds.title())),
        },
        None => HeadText {
            title: find_title(page).map_or_else(String::new, |(from, to)| {
                unescape(&page[from + "<title>".len()..to - "</title>".len()])
            }),
            description: find_description(page)
                .and_then(|(from, _)| Tag::read(&page[from..]).attr("content"))
                .map(unescape)
                .unwrap_or_default(),
        },
    }
}

/// The social card in a link preview: where the build publishes it, and what it shows.
pub struct CardImage<'a> {
    /// The absolute address `dist/` is published at, ending in `/` (`published_at`).
    pub folder: &'a str,
    /// The card's text alternative (`share::card::alt`).
    pub alt: &'a str,
}

/// `url` as the folder the card and pages are published in (with a final `/`), if it is an
/// absolute `http(s)` address; a link preview needs one for its image.
pub fn published_at(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .get(..8)
        .filter(|s| s.eq_ignore_ascii_case("https://"))
        .map(|_| &url[8..])
        .or_else(|| {
            url.get(..7)
                .filter(|s| s.eq_ignore_ascii_case("http://"))
                .map(|_| &url[7..])
        })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty()
        || url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<')
    {
        return None;
    }
    Some(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// `page` with the tags link previews read (Open Graph, and X's `twitter:card`), after its
/// description, replacing any it had: the title and description of `text`, and, when the
/// build knows where it is published (`card`), the card (`card.png`, 1200 × 630, absolute)
/// and the page's address. Without it there is no image tag: a relative one would be wrong.
pub fn with_preview(page: &str, text: &HeadText, card: Option<&CardImage>) -> String {
    let mut tags = vec![
        ("property", "og:type", "website".to_string()),
        ("property", "og:title", text.title.clone()),
        ("property", "og:description", text.description.clone()),
        ("name", "twitter:card", "summary_large_image".to_string()),
    ];
    if let Some(card) = card {
        let image = format!("{}card.png", card.folder);
        tags.extend([
            ("property", "og:url", card.folder.to_string()),
            ("property", "og:image", image.clone()),
            (
                "property",
                "og:image:width",
                crate::share::card::WIDTH.to_string(),
            ),
            (
                "property",
                "og:image:height",
                crate::share::card::HEIGHT.to_string(),
            ),
            ("property", "og:image:alt", card.alt.to_string()),
            ("name", "twitter:image", image),
            ("name", "twitter:image:alt", card.alt.to_string()),
        ]);
    }
    let markup: String = tags
        .iter()
        .map(|(kind, key, value)| format!("<meta {kind}=\"{key}\" content=\"{}\">", escape(value)))
        .collect();
    let mut out = without_preview(page);
    let at = find_description(&out)
        .or_else(|| find_title(&out))
        .map(|(_, to)| to)
        .or_else(|| out.find("</head>"));
    if let Some(at) = at {
        out.insert_str(at, &markup);
    }
    out
}

/// `page` without the link preview tags it had.
fn without_preview(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut at = 0;
    let head_end = page.find("</head>").unwrap_or(page.len());
    while let Some(found) = page[at..head_end].find("<meta") {
        let from = at + found;
        let tag = Tag::read(&page[from..]);
        let key = tag.attr("property").or(tag.attr("name")).unwrap_or("");
        out.push_str(&page[at..from]);
        if !key.starts_with("og:") && !key.starts_with("twitter:") {
            out.push_str(tag.text);
        }
        at = from + tag.text.len().max(1);
    }
    out.push_str(&page[at..]);
    out
}

/// The text of an element or attribute value: the entities `escape` writes, numeric ones, and
/// a few a hand-written head may hold, read back.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &rest[1..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            entity => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
