//! Putting pre-rendered markup into a built page: plain text work on Trunk's output, which
//! may be minified (attribute quotes dropped).

/// The markup with every button, select and checkbox disabled: until the wasm runs, nothing
/// may look as if it worked. The search box stays open, so a reader can start typing (the
/// wasm keeps what was typed, `takeover.rs`), but the filters are a `div` until then, not a
/// `form`: Enter must not submit them as a page load, which would lose the typing and the view.
pub fn inert(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 4096);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let tag = Tag::read(rest);
        match tag.name.as_str() {
            "form" if !tag.closing => {
                out.push_str("<div");
                out.push_str(&tag.text[tag.name_end..]);
            }
            "form" => out.push_str("</div>"),
            "button" | "select" | "input"
                if !tag.closing && !tag.has("disabled") && tag.attr("type") != Some("search") =>
            {
                out.push_str(&tag.text[..tag.name_end]);
                out.push_str(" disabled");
                out.push_str(&tag.text[tag.name_end..]);
            }
            _ => out.push_str(tag.text),
        }
        rest = &rest[tag.text.len()..];
    }
    out.push_str(rest);
    out
}

/// One tag of the markup, read as a browser would: a `>` inside a quoted value does not end
/// it, and an attribute is a name, not a substring (an issue titled "Disabled veterans'
/// pensions" in a label is no `disabled` attribute).
pub(super) struct Tag<'a> {
    /// The whole tag, `<` to `>` (or to the end of the text).
    pub(super) text: &'a str,
    /// The tag's name in lower case, without `/`.
    name: String,
    closing: bool,
    /// Where the name ends in `text`.
    name_end: usize,
    /// Attribute names (lower case) and values (unquoted; `None` when there is no `=`).
    attrs: Vec<(String, Option<&'a str>)>,
}

impl<'a> Tag<'a> {
    pub(super) fn read(text: &'a str) -> Tag<'a> {
        let bytes = text.as_bytes();
        let mut i = 1;
        let closing = bytes.get(1) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
            )
        {
            i += 1;
        }
        let name = text[name_start..i].to_ascii_lowercase();
        let name_end = i;
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr = text[start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = None;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (from, to) = match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let from = i + 1;
                        let to = text[from..]
                            .find(q as char)
                            .map_or(text.len(), |e| from + e);
                        i = (to + 1).min(text.len());
                        (from, to)
                    }
                    _ => {
                        let from = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        (from, i)
                    }
                };
                value = Some(&text[from..to]);
            }
            attrs.push((attr, value));
        }
        let end = (i + 1).min(text.len());
        Tag {
            text: &text[..end],
            name,
            closing,
            name_end,
            attrs,
        }
    }

    fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|(n, _)| n == name)
    }

    pub(super) fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| *v)
    }
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
