//! The view the reader is looking at as one SVG image (1200 px wide, light theme): the title and
//! "as of" date, the matrix with stance words, red-line and confidence marks and the status
//! column, a compact legend and a source line. Text stays text (selectable, translatable);
//! the dataset's strings are escaped. Measured in the browser and natively alike, so the same
//! renderer serves the "Download image" button and build-time images.

use super::palette::{
    colour, confidence_dash, draw_keys, keys, stance_colours, status_colours, FONT, INK, MUTED,
};
use super::text::{as_of, fit, text_lines};
pub use super::text::{wrap, xml_text};
use crate::i18n::{Lang, Msg};
use crate::model::{Confidence, Dataset, Position};
use crate::share::words;
use crate::state::derived::Derived;
use std::fmt::Write;

/// The image's width in CSS pixels.
pub const WIDTH: u32 = 1200;
const MARGIN: u32 = 32;
const ISSUE_COLUMN: u32 = 314;
const STATUS_COLUMN: u32 = 176;
/// The narrowest a party's column gets.
const MIN_PARTY: u32 = 48;
/// Body text size and its line height, in pixels.
const SIZE: u32 = 15;
const LINE: u32 = 20;

/// What the image says besides the matrix: where the live version is.
pub struct Credit<'a> {
    /// The address of the live widget, if known.
    pub live: Option<&'a str>,
}

/// An SVG image and its size, in CSS pixels (`WIDTH` wide, or wider for very many parties).
pub struct Image {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// The SVG image of `view` in `lang`.
pub fn render(view: &Derived, lang: Lang, credit: &Credit) -> Image {
    let ds = &view.data.dataset;
    let data_lang = ds.language().unwrap_or("en");
    let parties = &view.parties;
    // Columns share the width; with very many parties (a dataset may have 500) each keeps
    // `MIN_PARTY` pixels and the image grows wider instead.
    let party_width = if parties.is_empty() {
        0
    } else {
        ((WIDTH - 2 * MARGIN - ISSUE_COLUMN - STATUS_COLUMN) / parties.len() as u32).max(MIN_PARTY)
    };
    let width =
        (2 * MARGIN + ISSUE_COLUMN + STATUS_COLUMN + party_width * parties.len() as u32).max(WIDTH);
    let mut body = String::new();
    let mut y = MARGIN;

    // Title and date.
    let title = wrap(ds.title(), width - 2 * MARGIN, 26);
    y += 26;
    text_lines(
        &mut body,
        MARGIN,
        y,
        LINE,
        &title,
        &format!(
            " font-size=\"26\" font-weight=\"700\" xml:lang=\"{}\"",
            xml_text(data_lang)
        ),
    );
    y += (title.len() as u32 - 1) * LINE + 26;
    // As the matrix's caption says it (" — as of 23 April 2025"), without the dash.
    text_lines(
        &mut body,
        MARGIN,
        y,
        LINE,
        &[as_of(ds, lang)],
        concat!(" fill=\"", colour!(muted), "\""),
    );
    y += 24;

    // The header row: the parties' names and "Status".
    let header_lines: Vec<Vec<String>> = parties
        .iter()
        .map(|&p| wrap(&ds.parties()[p].name, party_width.saturating_sub(12), 14))
        .collect();
    let header_height = header_lines.iter().map(Vec::len).max().unwrap_or(1) as u32 * 18 + 12;
    let _ = write!(
        body,
        concat!(
            "<rect x=\"{MARGIN}\" y=\"{y}\" width=\"{}\" height=\"{header_height}\" fill=\"",
            colour!(header),
            "\"/>"
        ),
        width - 2 * MARGIN,
        MARGIN = MARGIN,
        y = y,
        header_height = header_height
    );
    let column_x = |i: usize| MARGIN + ISSUE_COLUMN + i as u32 * party_width;
    text_lines(
        &mut body,
        MARGIN + 8,
        y + 22,
        LINE,
        &[lang.t(Msg::Issue).to_string()],
        " font-size=\"14\" font-weight=\"700\"",
    );
    for (i, lines) in header_lines.iter().enumerate() {
        let _ = write!(
            body,
            "<g class=\"party\" data-party=\"{}\">",
            xml_text(&ds.parties()[parties[i]].id)
        );
        text_lines(
            &mut body,
            column_x(i) + 6,
            y + 22,
            LINE,
            lines,
            &format!(
                " font-size=\"14\" font-weight=\"700\" xml:lang=\"{}\"",
                xml_text(data_lang)
            ),
        );
        body.push_str("</g>");
    }
    let status_x = column_x(parties.len());
    text_lines(
        &mut body,
        status_x + 6,
        y + 22,
        LINE,
        &[lang.t(Msg::Status).to_string()],
        " font-size=\"14\" font-weight=\"700\"",
    );
    y += header_height;

    // One row per visible issue.
    for &issue in view.rows.iter() {
        let item = &ds.issues()[issue];
        let analysis = &view.analyses[issue];
        let title = wrap(&item.title, ISSUE_COLUMN - 16, SIZE);
        let cells: Vec<Vec<String>> = parties
            .iter()
            .map(|&party| match ds.current(issue, party) {
                Some(p) => {
                    let width = party_width.saturating_sub(18);
                    // Measured by their letters (Cyrillic is wider than 0.6 em), so a long
                    // word breaks at its soft hyphens instead of spilling out of the cell.
                    let mut lines = fit(lang.t(p.stance.msg()), width, SIZE, 3, false);
                    if p.red_line {
                        lines.extend(fit(
                            &format!("! {}", lang.t(Msg::RedLine)),
                            width,
                            SIZE,
                            3,
                            false,
                        ));
                    }
                    if p.confidence != Confidence::OnRecord {
                        lines.extend(fit(lang.t(p.confidence.msg()), width, SIZE, 3, false));
                    }
                    lines
                }
                None => fit(
                    lang.t(Msg::NotStated),
                    party_width.saturating_sub(12),
                    SIZE,
                    3,
                    false,
                ),
            })
            .collect();
        let status = wrap(lang.t(analysis.status.msg()), STATUS_COLUMN - 24, SIZE);
        let lines = cells
            .iter()
            .map(Vec::len)
            .chain([title.len(), status.len()])
            .max()
            .unwrap_or(1) as u32;
        let height = lines * LINE + 16;
        let _ = write!(
            body,
            "<g class=\"issue\" data-issue=\"{}\">",
            xml_text(&item.id)
        );
        rule(&mut body, width, y);
        text_lines(
            &mut body,
            MARGIN + 8,
            y + 8 + SIZE,
            LINE,
            &title,
            &format!(" font-weight=\"600\" xml:lang=\"{}\"", xml_text(data_lang)),
        );
        for (i, (&party, lines)) in parties.iter().zip(&cells).enumerate() {
            let x = column_x(i);
            let current = open_cell(&mut body, ds, issue, party);
            match current {
                Some(p) => {
                    let (fill, edge) = stance_colours(p.stance);
                    let dash = confidence_dash(p.confidence);
                    let _ = write!(
                        body,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{fill}\" stroke=\"{edge}\" stroke-width=\"{}\"{dash}/>",
                        x + 3,
                        y + 4,
                        party_width.saturating_sub(6),
                        height - 8,
                        if p.red_line { 3 } else { 1 }
                    );
                    if p.red_line {
                        let _ = write!(
                            body,
                            concat!(
                                "<rect x=\"{}\" y=\"{}\" width=\"6\" height=\"{}\" fill=\"",
                                colour!(red),
                                "\"/>"
                            ),
                            x + 3,
                            y + 4,
                            height - 8
                        );
                    }
                }
                None => {
                    let _ = write!(
                        body,
                        concat!(
                            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#ffffff\" stroke=\"",
                            colour!(rule),
                            "\" stroke-dasharray=\"2 3\"/>"
                        ),
                        x + 3,
                        y + 4,
                        party_width.saturating_sub(6),
                        height - 8
                    );
                }
            }
            let fill = if current.is_some() { INK } else { MUTED };
            text_lines(
                &mut body,
                x + 12,
                y + 8 + SIZE,
                LINE,
                lines,
                &format!(" fill=\"{fill}\""),
            );
            body.push_str("</g>");
        }
        let (fill, colour) = status_colours(analysis.status);
        let _ = write!(
            body,
            "<g class=\"status\" data-status=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{fill}\"/>",
            analysis.status.name(),
            status_x + 3,
            y + 4,
            STATUS_COLUMN - 6,
            height - 8
        );
        text_lines(
            &mut body,
            status_x + 9,
            y + 8 + SIZE,
            LINE,
            &status,
            &format!(" fill=\"{colour}\" font-weight=\"600\""),
        );
        body.push_str("</g></g>");
        y += height;
    }
    rule(&mut body, width, y);
    y += 16;

    // The legend, on as many lines as it needs: a swatch (fill, edge, dash) and a label each.
    let keys = keys(lang, true);
    y += 14;
    body.push_str("<g class=\"legend\" font-size=\"13\">");
    y = draw_keys(&mut body, &keys, MARGIN, y, width - MARGIN);
    body.push_str("</g>");
    y += 30;

    // The source line.
    let mut source = format!(
        "{} · {}",
        ds.title(),
        lang.n(Msg::SourceCount, ds.sources().len(), &[])
    );
    if let Some(live) = credit.live {
        source.push_str(" · ");
        source.push_str(live);
    }
    let source = wrap(&source, width - 2 * MARGIN, 13);
    text_lines(
        &mut body,
        MARGIN,
        y,
        LINE,
        &source,
        concat!(" font-size=\"13\" fill=\"", colour!(muted), "\""),
    );
    y += (source.len() as u32 - 1) * LINE + MARGIN;

    // The text alternative: the view in plain words, as "Read as text" gives it.
    let mut desc = words::summary(view, lang);
    for (issue, text) in words::issues(view, lang) {
        let title = lang.f(Msg::Labelled, &[&ds.issues()[issue].title]);
        let _ = write!(desc, " {title} {text}");
    }
    let svg = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{y}\" viewBox=\"0 0 {width} {y}\" xml:lang=\"{}\" font-family=\"{FONT}\" font-size=\"{SIZE}\" fill=\"",
            colour!(ink),
            "\" role=\"img\" aria-labelledby=\"sm-image-title sm-image-desc\"><title id=\"sm-image-title\">{}</title><desc id=\"sm-image-desc\">{}</desc><rect width=\"{width}\" height=\"{y}\" fill=\"#ffffff\"/>{body}</svg>\n"
        ),
        lang.code(),
        xml_text(ds.title()),
        xml_text(&desc),
        width = width,
        y = y,
        FONT = FONT,
        SIZE = SIZE,
        body = body
    );
    Image {
        svg,
        width,
        height: y,
    }
}

/// A rule across the image at `y`, under a row.
fn rule(body: &mut String, width: u32, y: u32) {
    let _ = write!(
        body,
        concat!(
            "<line x1=\"{MARGIN}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"",
            colour!(rule),
            "\"/>"
        ),
        width - MARGIN,
        MARGIN = MARGIN,
        y = y
    );
}

/// Opens a cell's group, named by its party and stance (the image's and the card's, which
/// tests and readers of the SVG find by these), and gives the cell's current position.
pub(super) fn open_cell<'d>(
    body: &mut String,
    ds: &'d Dataset,
    issue: usize,
    party: usize,
) -> Option<&'d Position> {
    let current = ds.current(issue, party);
    let _ = write!(
        body,
        "<g class=\"cell\" data-party=\"{}\" data-stance=\"{}\">",
        xml_text(&ds.parties()[party].id),
        current.map_or("not-stated", |p| p.stance.name())
    );
    current
}
