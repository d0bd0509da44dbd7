//! The images' colours (the light theme of `styles/base.css`), their font list and their keys
//! to the marks: one place, so the reader's image (`svg.rs`) and the social card (`card/`)
//! look alike and a change of colour is made once.

use super::text::text_lines;
use crate::analysis::IssueStatus;
use crate::i18n::{Lang, Msg};
use crate::model::{Confidence, Stance};
use std::fmt::Write;

/// The font list of both images. Browsers take the first they have; the build's PNG renderer
/// (`png.rs`) has DejaVu Sans only, which this list names.
pub(super) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/// The colours with a name, as literals: `concat!` builds an attribute from one at compile
/// time, where a constant in a format string would cost the readers' wasm an argument more.
macro_rules! colour {
    // Body text.
    (ink) => {
        "#1b1b1b"
    };
    // Secondary text: dates, "not stated", the source line.
    (muted) => {
        "#575757"
    };
    // Rules between rows and the edge of a cell with no stated position.
    (rule) => {
        "#c4c4c4"
    };
    // The header row's background.
    (header) => {
        "#f5f5f5"
    };
    // The red-line mark.
    (red) => {
        "#a3200a"
    };
}
pub(super) use colour;

pub(super) const INK: &str = colour!(ink);
pub(super) const MUTED: &str = colour!(muted);
pub(super) const RULE: &str = colour!(rule);
pub(super) const HEADER: &str = colour!(header);
pub(super) const RED: &str = colour!(red);

/// A stance's fill and edge.
pub(super) fn stance_colours(stance: Stance) -> (&'static str, &'static str) {
    match stance {
        Stance::Supports => ("#cde4f5", "#0072b2"),
        Stance::Open => ("#e4f2fb", "#3d8fc7"),
        Stance::Ambivalent => ("#e6e6e6", "#6e6e6e"),
        Stance::Sceptical => ("#fbe8c2", "#a86f00"),
        Stance::Opposes => ("#f7d3bf", "#b84f00"),
    }
}

/// A status's fill and text colour.
pub(super) fn status_colours(status: IssueStatus) -> (&'static str, &'static str) {
    match status {
        IssueStatus::RedLineClash => (RED, "#ffffff"),
        IssueStatus::Conflict => ("#fbe8c2", INK),
        IssueStatus::Agreement => ("#d2eee4", INK),
        IssueStatus::Unclear => ("#ececec", INK),
    }
}

/// The dash of a cell whose position is reported or inferred, not on the record.
pub(super) fn confidence_dash(confidence: Confidence) -> &'static str {
    if confidence == Confidence::OnRecord {
        ""
    } else {
        " stroke-dasharray=\"4 3\""
    }
}

/// One item of a key: a swatch (fill, edge, dash) and its label.
pub(super) struct Key {
    fill: &'static str,
    edge: &'static str,
    dash: &'static str,
    label: String,
}

/// The key's items: with `stances`, each stance and "not stated"; then the marks on a cell,
/// a red line and a position reported rather than on the record.
pub(super) fn keys(lang: Lang, stances: bool) -> Vec<Key> {
    let mut keys: Vec<Key> = if stances {
        Stance::ALL
            .iter()
            .map(|&s| {
                let (fill, edge) = stance_colours(s);
                Key {
                    fill,
                    edge,
                    dash: "",
                    label: lang.t(s.msg()).to_string(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    if stances {
        keys.push(Key {
            fill: "#ffffff",
            edge: RULE,
            dash: "",
            label: lang.t(Msg::NotStated).to_string(),
        });
    }
    keys.push(Key {
        fill: RED,
        edge: RED,
        dash: "",
        label: format!("! {}", lang.t(Msg::RedLine)),
    });
    keys.push(Key {
        fill: "#ffffff",
        edge: MUTED,
        dash: confidence_dash(Confidence::Reported),
        label: lang.t(Confidence::Reported.msg()).to_string(),
    });
    keys
}

/// The width a key item takes at 13 px, gap included.
fn key_width(key: &Key) -> u32 {
    22 + (key.label.chars().count() as f32 * 13.0 * 0.55) as u32 + 18
}

/// The width `keys` take on one line.
pub(super) fn keys_width(keys: &[Key]) -> u32 {
    keys.iter().map(key_width).sum()
}

/// `keys` from (`x`, baseline `y`), on as many lines as they need before `right`, 22 px apart;
/// returns the last line's baseline.
pub(super) fn draw_keys(out: &mut String, keys: &[Key], x: u32, mut y: u32, right: u32) -> u32 {
    let left = x;
    let mut x = x;
    for key in keys {
        let width = key_width(key);
        if x + width > right {
            x = left;
            y += 22;
        }
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{}\" width=\"16\" height=\"14\" rx=\"3\" fill=\"{}\" stroke=\"{}\"{}/>",
            y - 11,
            key.fill,
            key.edge,
            key.dash
        );
        text_lines(out, x + 22, y, 0, std::slice::from_ref(&key.label), "");
        x += width;
    }
    y
}
