//! The page's `<title>` and `<meta name="description">` for a newsroom's dataset, so search
//! results and social cards describe that story, not the bundled one. Plain text work on
//! Trunk's output, like `page.rs`.

use super::page::Tag;

/// The longest description search engines show in full; a longer one is cut at a word.
const DESCRIPTION_MAX: usize = 160;

/// `text` on one line, cut at a word before `DESCRIPTION_MAX` characters with "…" when longer.
pub fn meta_description(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_MAX {
        return text;
    }
    let limit = text
        .char_indices()
        .nth(DESCRIPTION_MAX - 1)
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
