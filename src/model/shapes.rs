//! The shapes a few text fields must have: a BCP 47 language tag, a web address.

/// Whether `tag` has the shape of a BCP 47 language tag: `de`, `de-AT`, `zh-Hant-TW` (a
/// primary subtag of 2–3 letters (ISO 639), then subtags of 1–8 letters or digits).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether `url` is `http://` or `https://` followed by a host, with no spaces: the only links
/// the widget will ever make.
pub fn is_http_url(url: &str) -> bool {
    let starts = |prefix: &str| {
        url.len() >= prefix.len()
            && url.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    // The prefixes are ASCII, so the slices below start on character boundaries.
    let rest = if starts("https://") {
        &url[8..]
    } else if starts("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}
