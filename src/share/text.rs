//! Text in the images: escaping for XML, breaking into lines, writing lines as `<text>`, and the
//! words both images use ("as of" date). Shared by the reader's image (`svg.rs`) and the social
//! card (`card.rs`), so the two escape and wrap alike.

use crate::i18n::{Lang, Msg};
use crate::model::Dataset;
use std::fmt::Write;

/// Escapes text for XML content and attributes. Characters XML 1.0 cannot carry at all (C0
/// controls other than tab and line breaks) are left out.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` broken into lines of at most about `width` pixels at `size` (an average glyph is
/// taken as 0.6 em: wide for Latin and Cyrillic, so lines rarely overflow, bold ones included), at spaces; a word longer
/// than a line is cut.
pub fn wrap(text: &str, width: u32, size: u32) -> Vec<String> {
    let max = ((width as f32) / (size as f32 * 0.6)).floor().max(4.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Soft hyphens are for the browser's own line breaking: an SVG renderer does none.
    let text = text.replace('\u{ad}', "");
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(max - 1).collect();
            lines.push(format!("{head}-"));
            word = word.chars().skip(max - 1).collect();
        }
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines of text at (`x`, `y` of the first baseline), `line` pixels apart.
pub(super) fn text_lines(
    out: &mut String,
    x: u32,
    y: u32,
    line: u32,
    lines: &[String],
    attributes: &str,
) {
    let _ = write!(out, "<text x=\"{x}\" y=\"{y}\"{attributes}>");
    for (i, text) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, "<tspan x=\"{x}\">{}</tspan>", xml_text(text));
        } else {
            let _ = write!(
                out,
                "<tspan x=\"{x}\" dy=\"{line}\">{}</tspan>",
                xml_text(text)
            );
        }
    }
    out.push_str("</text>");
}

/// "as of 23 April 2025": the date of the dataset's newest position or event, as the matrix's
/// caption says it (" — as of 23 April 2025"), without the dash.
pub(super) fn as_of(ds: &Dataset, lang: Lang) -> String {
    let date = lang.f(
        Msg::AsOfCaption,
        &[&crate::analysis::history::latest(ds).words(lang)],
    );
    date.trim_start_matches(|c: char| matches!(c, '—' | '–' | '-') || c.is_whitespace())
        .to_string()
}
