//! Putting pre-rendered markup into a built page: plain text work on Trunk's output, which
//! may be minified (attribute quotes dropped).

/// The markup with every button, select and checkbox disabled: until the wasm runs, nothing
/// may look as if it worked. The search box stays open, so a reader can start typing (the
/// wasm keeps what was typed, `takeover.rs`), but belongs to no form: Enter must not submit
/// the filters as a page load, which would lose the typing and the view.
pub fn inert(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 4096);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        let name_end = tag.find([' ', '>']).unwrap_or(tag.len());
        let control = matches!(&tag[..name_end], "<button" | "<select" | "<input");
        if tag.starts_with("<input") && tag.contains("type=\"search\"") {
            out.push_str(&tag[..name_end]);
            out.push_str(" form=\"sm-no-form\"");
            out.push_str(&tag[name_end..]);
        } else if control && !tag.contains(" disabled") {
            out.push_str(&tag[..name_end]);
            out.push_str(" disabled");
            out.push_str(&tag[name_end..]);
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The id attribute of the widget's root, as Trunk may write it.
const ROOT_IDS: [&str; 2] = ["id=\"stance-matrix\"", "id=stance-matrix"];

/// `page` with the root element's content replaced by `content`, the root marked as
/// pre-rendered (and embedded), and `data`, when given, carried after it as a JSON data block
/// (`<` escaped, so the text cannot close the element). `None` when the page has no root.
pub fn insert(page: &str, content: &str, data: Option<&str>, embed: bool) -> Option<String> {
    let id_at = ROOT_IDS.iter().find_map(|id| page.find(id))?;
    let open = page[..id_at].rfind("<main")?;
    let close = id_at + page[id_at..].find("</main>")?;
    let embed_class = if embed { " sm-embed-root" } else { "" };
    let mut out =
        String::with_capacity(page.len() + content.len() + data.map_or(0, str::len) + 200);
    out.push_str(&page[..open]);
    out.push_str(&format!(
        "<main id=\"stance-matrix\" class=\"stance-matrix{embed_class}\" data-state=\"prerendered\" data-prerendered{}>",
        if embed { " data-embed" } else { "" }
    ));
    out.push_str(content);
    out.push_str("</main>");
    if let Some(data) = data {
        out.push_str("<script type=\"application/json\" id=\"stance-matrix-data\">");
        out.push_str(&data.replace('<', "\\u003c"));
        out.push_str("</script>");
    }
    out.push_str(&page[close + "</main>".len()..]);
    if embed {
        out = out
            .replacen(
                "<body class=\"sm-page\"",
                "<body class=\"sm-page sm-embed-root\"",
                1,
            )
            .replacen(
                "<body class=sm-page",
                "<body class=\"sm-page sm-embed-root\"",
                1,
            );
    }
    Some(out)
}
