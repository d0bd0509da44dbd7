//! Text from a file, as the widget may show it: what could disguise it (controls, direction
//! overrides, invisible characters) is removed or, in messages, written out; text made only of
//! such characters and spaces counts as empty; ids are plain ASCII.

/// Bidirectional controls: embeddings, overrides and isolates, and the marks that flip a
/// neighbour's direction. In a message they could make a value read backwards.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that show nothing: zero-width space, joiners, word joiner, byte-order mark.
/// Kept in text (joiners matter in some scripts and in emoji), but they are not content.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether a character is written out as `\u{…}` when a message quotes a value: controls (but
/// none is allowed unescaped), bidirectional controls and invisible characters.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible(c)
}

/// Whether `text` shows nothing: only spaces, controls, bidirectional controls and invisible
/// characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || needs_escape(c))
}

/// Removes characters that could disguise text: C0/C1 controls (but line breaks and tabs) and
/// the bidirectional controls.
pub(super) fn without_controls(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_bidi_control(c) && (!c.is_control() || c == '\n' || c == '\t'))
        .collect()
}

/// Whether `id` is 1–64 ASCII letters, digits, `-` or `_`, starting with a letter or digit.
pub(super) fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
}

/// Text shown in a message: quoted, with quotes, backslashes and control characters escaped
/// (so a stray line break cannot fake a second message), and cut so a 10,000-character mistake
/// stays readable. Written by hand: `{:?}` would pull Unicode printability tables into the wasm.
pub fn excerpt(value: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::from("\"");
    for c in value.chars().take(MAX) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    if value.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}
