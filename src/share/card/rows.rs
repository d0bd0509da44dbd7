//! The card's matrix: the header row (the parties' names, "+3" for those left out, "Status")
//! and one row per issue (its title, a cell per party, its status).

use super::layout::{centred, party_head, Layout, Setting, MARGIN, RIGHT};
use crate::i18n::{Lang, Msg};
use crate::share::palette::{
    confidence_dash, stance_colours, status_colours, HEADER, INK, MUTED, RED, RULE,
};
use crate::share::svg::open_cell;
use crate::share::text::{fit, text_lines, xml_text};
use crate::state::derived::Derived;
use std::fmt::Write;

/// The header row at `layout.header`.
pub(super) fn header(body: &mut String, view: &Derived, lang: Lang, layout: &Layout) {
    let ds = &view.data.dataset;
    let data_lang = xml_text(ds.language().unwrap_or("en"));
    let (y, header) = layout.header;
    let parties = &view.parties[..layout.parties];
    let more_parties = view.parties.len() - layout.parties;
    let _ = write!(
        body,
        "<rect x=\"{MARGIN}\" y=\"{y}\" width=\"{}\" height=\"{header}\" fill=\"{HEADER}\"/>",
        RIGHT - MARGIN
    );
    let column_x = |i: usize| MARGIN + layout.issue_width + i as u32 * layout.party_width;
    let status_x = RIGHT - layout.status_width;
    let head_y = centred(y, header, 1, 13, 15);
    body.push_str("<g font-size=\"13\" font-weight=\"700\">");
    text_lines(
        body,
        MARGIN + 8,
        head_y,
        0,
        &[lang.t(Msg::Issue).to_string()],
        "",
    );
    for (i, &party) in parties.iter().enumerate() {
        let lines = party_head(&ds.parties()[party], layout.party_width - 12);
        let _ = write!(
            body,
            "<g class=\"party\" data-party=\"{}\">",
            xml_text(&ds.parties()[party].id)
        );
        text_lines(
            body,
            column_x(i) + 6,
            centred(y, header, lines.len(), 13, 15),
            15,
            &lines,
            &format!(" xml:lang=\"{data_lang}\""),
        );
        body.push_str("</g>");
    }
    if more_parties > 0 {
        text_lines(
            body,
            column_x(layout.parties) + 6,
            head_y,
            0,
            &[format!("+{more_parties}")],
            " class=\"more-parties\"",
        );
    }
    text_lines(
        body,
        status_x + 6,
        head_y,
        0,
        &[lang.t(Msg::Status).to_string()],
        "",
    );
    body.push_str("</g>");
}

/// The rows of the first `layout.rows` issues, from the header row's foot; returns where the
/// last one ends.
pub(super) fn rows(body: &mut String, view: &Derived, lang: Lang, layout: &Layout) -> u32 {
    let ds = &view.data.dataset;
    let data_lang = xml_text(ds.language().unwrap_or("en"));
    let (top, header) = layout.header;
    let mut y = top + header;
    let parties = &view.parties[..layout.parties];
    let column_x = |i: usize| MARGIN + layout.issue_width + i as u32 * layout.party_width;
    let status_x = RIGHT - layout.status_width;
    let row = layout.row;
    let (heading, words) = layout.settings();
    for &issue in &view.rows[..layout.rows] {
        let item = &ds.issues()[issue];
        let status = view.analyses[issue].status;
        let _ = write!(
            body,
            "<g class=\"issue\" data-issue=\"{}\"><line x1=\"{MARGIN}\" x2=\"{RIGHT}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{RULE}\"/>",
            xml_text(&item.id)
        );
        let Setting { lines, size, line } = heading;
        let title = fit(&item.title, layout.issue_width - 16, size, lines, true);
        text_lines(
            body,
            MARGIN + 8,
            centred(y, row, title.len(), size, line),
            line,
            &title,
            &format!(" font-size=\"{size}\" font-weight=\"600\" xml:lang=\"{data_lang}\""),
        );
        for (i, &party) in parties.iter().enumerate() {
            let place = (column_x(i), y, layout.party_width, row);
            cell(body, view, lang, (issue, party), place, words);
        }
        let (fill, colour) = status_colours(status);
        let Setting { lines, size, line } = words;
        let status_words = fit(
            lang.t(status.msg()),
            layout.status_width - 18,
            size,
            lines,
            true,
        );
        let _ = write!(
            body,
            "<g class=\"status\" data-status=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{fill}\"/>",
            status.name(),
            status_x + 3,
            y + 3,
            layout.status_width - 6,
            row - 6
        );
        text_lines(
            body,
            status_x + 10,
            centred(y, row, status_words.len(), size, line),
            line,
            &status_words,
            &format!(" font-size=\"{size}\" font-weight=\"600\" fill=\"{colour}\""),
        );
        body.push_str("</g></g>");
        y += row;
    }
    y
}

/// One party's cell on one issue: the stance's colours and word, "!" and a red bar for a red
/// line, a dashed edge for a position reported rather than on the record; "not stated" in grey.
fn cell(
    body: &mut String,
    view: &Derived,
    lang: Lang,
    (issue, party): (usize, usize),
    (x, y, width, height): (u32, u32, u32, u32),
    Setting { lines, size, line }: Setting,
) {
    let ds = &view.data.dataset;
    let current = open_cell(body, ds, issue, party);
    let (box_x, box_y, box_w, box_h) = (x + 3, y + 3, width - 6, height - 6);
    let (word, colour) = match current {
        Some(p) => {
            let (fill, edge) = stance_colours(p.stance);
            let _ = write!(
                body,
                "<rect x=\"{box_x}\" y=\"{box_y}\" width=\"{box_w}\" height=\"{box_h}\" rx=\"4\" fill=\"{fill}\" stroke=\"{edge}\" stroke-width=\"{}\"{}/>",
                if p.red_line { 3 } else { 1 },
                confidence_dash(p.confidence)
            );
            let word = lang.t(p.stance.msg());
            if p.red_line {
                let _ = write!(
                    body,
                    "<rect x=\"{box_x}\" y=\"{box_y}\" width=\"6\" height=\"{box_h}\" fill=\"{RED}\"/>"
                );
                (format!("! {word}"), INK)
            } else {
                (word.to_string(), INK)
            }
        }
        None => {
            let _ = write!(
                body,
                "<rect x=\"{box_x}\" y=\"{box_y}\" width=\"{box_w}\" height=\"{box_h}\" rx=\"4\" fill=\"#ffffff\" stroke=\"{RULE}\" stroke-dasharray=\"2 3\"/>"
            );
            (lang.t(Msg::NotStated).to_string(), MUTED)
        }
    };
    let words = fit(&word, width - 20, size, lines, false);
    text_lines(
        body,
        x + 13,
        centred(y, height, words.len(), size, line),
        line,
        &words,
        &format!(" font-size=\"{size}\" fill=\"{colour}\""),
    );
    body.push_str("</g>");
}
