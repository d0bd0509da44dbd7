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
    let count = |pieces: &[&str]| pieces.iter().map(|p| p.chars().count()).sum::<usize>();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        // A soft hyphen marks where the word may break: an SVG renderer breaks no line itself,
        // so the break is made here, with a visible hyphen, and the other soft hyphens go.
        let mut rest: Vec<&str> = word.split('\u{ad}').collect();
        let mut cut: String;
        loop {
            let used = line.chars().count() + usize::from(!line.is_empty());
            if used + count(&rest) <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&rest.concat());
                break;
            }
            // The most syllables that fit before a hyphen, leaving at least one for later.
            if let Some(k) = (1..rest.len())
                .rev()
                .find(|&k| used + count(&rest[..k]) < max)
            {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&rest[..k].concat());
                line.push('-');
                lines.push(std::mem::take(&mut line));
                rest.drain(..k);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // Longer than a line and no soft hyphen to break at: cut it.
            let whole = rest.concat();
            lines.push(format!(
                "{}-",
                whole.chars().take(max - 1).collect::<String>()
            ));
            cut = whole.chars().skip(max - 1).collect();
            rest = vec![cut.as_str()];
        }
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

/// About how wide a character is in DejaVu Sans, in em: the PNG's font, and among the widest
/// a browser picks from the images' font list, so text measured this way fits in both.
fn em(c: char) -> f32 {
    match c {
        ' ' | 'i' | 'j' | 'l' | 'I' | 'J' | 'і' | 'ї' | 'І' | 'Ї' | '.' | ',' | ':' | ';' | '!'
        | '\'' | '’' | '|' => 0.3,
        'f' | 'r' | 't' | '(' | ')' | '-' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' | 'ж' | 'м' | 'ф' | 'ш' | 'щ' | 'ы' | 'ю' | 'Ж' | 'М' | 'Ф' | 'Ш'
        | 'Щ' | 'Ы' | 'Ю' | '—' | '…' => 0.9,
        '\u{ad}' => 0.0,
        c if c.is_uppercase() || c.is_ascii_digit() => 0.7,
        _ => 0.62,
    }
}

/// About how wide `text` is at `size` pixels; bold is a tenth wider.
pub(super) fn text_width(text: &str, size: u32, bold: bool) -> u32 {
    let em: f32 = text.chars().map(em).sum();
    (em * size as f32 * if bold { 1.1 } else { 1.0 }).ceil() as u32
}

/// `text` in at most `max_lines` lines of `width` pixels at `size`, the last one ending in "…"
/// when there was more. The lines are `wrap`'s, given the room that many characters of this
/// text take (it counts characters at 0.6 em: too few for "mmm", too many for "iii"), less a
/// twentieth for the lines that hold more wide letters than the average.
pub(super) fn fit(text: &str, width: u32, size: u32, max_lines: usize, bold: bool) -> Vec<String> {
    let chars = text.chars().filter(|&c| c != '\u{ad}').count().max(1) as f32;
    let per_char = (text_width(text, size, bold) as f32 / chars).max(1.0);
    let room = (width as f32 * 0.95 * size as f32 * 0.6 / per_char) as u32;
    let mut lines = wrap(text, room, size);
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        let max = ((room as f32) / (size as f32 * 0.6)).floor() as usize;
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(max.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end_matches([' ', '-', ',', ';', ':']));
        }
    }
    lines
}

/// Whether `lines` hold all of `text`, no word cut or left out.
pub(super) fn whole(text: &str, lines: &[String]) -> bool {
    let text = text.replace('\u{ad}', "");
    lines.join(" ") == text.split_whitespace().collect::<Vec<_>>().join(" ")
}
