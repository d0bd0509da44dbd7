//! The view the reader is looking at as one SVG image (1200 px wide, light theme): the title and
//! "as of" date, the matrix with stance words, red-line and confidence marks and the status
//! column, a compact legend and a source line. Text stays text (selectable, translatable);
//! the dataset's strings are escaped. Measured in the browser and natively alike, so the same
//! renderer serves the "Download image" button and build-time images.

use crate::analysis::IssueStatus;
use crate::i18n::{Lang, Msg};
use crate::model::{Confidence, Stance};
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
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
/// Body text size and its line height, in pixels.
const SIZE: u32 = 15;
const LINE: u32 = 20;

/// The light theme's colours (`styles/base.css`).
fn stance_colours(stance: Stance) -> (&'static str, &'static str) {
    match stance {
        Stance::Supports => ("#cde4f5", "#0072b2"),
        Stance::Open => ("#e4f2fb", "#3d8fc7"),
        Stance::Ambivalent => ("#e6e6e6", "#6e6e6e"),
        Stance::Sceptical => ("#fbe8c2", "#a86f00"),
        Stance::Opposes => ("#f7d3bf", "#b84f00"),
    }
}

fn status_colours(status: IssueStatus) -> (&'static str, &'static str) {
    match status {
        IssueStatus::RedLineClash => ("#a3200a", "#ffffff"),
        IssueStatus::Conflict => ("#fbe8c2", "#1b1b1b"),
        IssueStatus::Agreement => ("#d2eee4", "#1b1b1b"),
        IssueStatus::Unclear => ("#ececec", "#1b1b1b"),
    }
}

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

/// Lines of text at (`x`, `y` of the first baseline).
fn text_lines(out: &mut String, x: u32, y: u32, lines: &[String], attributes: &str) {
    let _ = write!(out, "<text x=\"{x}\" y=\"{y}\"{attributes}>");
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, "<tspan x=\"{x}\">{}</tspan>", xml_text(line));
        } else {
            let _ = write!(
                out,
                "<tspan x=\"{x}\" dy=\"{LINE}\">{}</tspan>",
                xml_text(line)
            );
        }
    }
    out.push_str("</text>");
}

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
        &title,
        &format!(
            " font-size=\"26\" font-weight=\"700\" xml:lang=\"{}\"",
            xml_text(data_lang)
        ),
    );
    y += (title.len() as u32 - 1) * LINE + 26;
    // As the matrix's caption says it (" — as of 23 April 2025"), without the dash.
    let date = lang.f(
        Msg::AsOfCaption,
        &[&crate::analysis::history::latest(ds).words(lang)],
    );
    let date = date.trim_start_matches(|c: char| matches!(c, '—' | '–' | '-') || c.is_whitespace());
    text_lines(
        &mut body,
        MARGIN,
        y,
        &[date.to_string()],
        " fill=\"#575757\"",
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
        "<rect x=\"{MARGIN}\" y=\"{y}\" width=\"{}\" height=\"{header_height}\" fill=\"#f5f5f5\"/>",
        width - 2 * MARGIN
    );
    let column_x = |i: usize| MARGIN + ISSUE_COLUMN + i as u32 * party_width;
    text_lines(
        &mut body,
        MARGIN + 8,
        y + 22,
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
                    let mut lines = wrap(lang.t(p.stance.msg()), width, SIZE);
                    if p.red_line {
                        lines.extend(wrap(&format!("! {}", lang.t(Msg::RedLine)), width, SIZE));
                    }
                    if p.confidence != Confidence::OnRecord {
                        lines.extend(wrap(lang.t(p.confidence.msg()), width, SIZE));
                    }
                    lines
                }
                None => wrap(lang.t(Msg::NotStated), party_width.saturating_sub(12), SIZE),
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
        let _ = write!(
            body,
            "<line x1=\"{MARGIN}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#c4c4c4\"/>",
            width - MARGIN
        );
        text_lines(
            &mut body,
            MARGIN + 8,
            y + 8 + SIZE,
            &title,
            &format!(" font-weight=\"600\" xml:lang=\"{}\"", xml_text(data_lang)),
        );
        for (i, (&party, lines)) in parties.iter().zip(&cells).enumerate() {
            let x = column_x(i);
            let current = ds.current(issue, party);
            let _ = write!(
                body,
                "<g class=\"cell\" data-party=\"{}\" data-stance=\"{}\">",
                xml_text(&ds.parties()[party].id),
                current.map_or("not-stated", |p| p.stance.name())
            );
            match current {
                Some(p) => {
                    let (fill, edge) = stance_colours(p.stance);
                    let dash = if p.confidence == Confidence::OnRecord {
                        ""
                    } else {
                        " stroke-dasharray=\"4 3\""
                    };
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
                            "<rect x=\"{}\" y=\"{}\" width=\"6\" height=\"{}\" fill=\"#a3200a\"/>",
                            x + 3,
                            y + 4,
                            height - 8
                        );
                    }
                }
                None => {
                    let _ = write!(
                        body,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#c4c4c4\" stroke-dasharray=\"2 3\"/>",
                        x + 3,
                        y + 4,
                        party_width.saturating_sub(6),
                        height - 8
                    );
                }
            }
            let fill = if current.is_some() {
                "#1b1b1b"
            } else {
                "#575757"
            };
            text_lines(
                &mut body,
                x + 12,
                y + 8 + SIZE,
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
            &status,
            &format!(" fill=\"{colour}\" font-weight=\"600\""),
        );
        body.push_str("</g></g>");
        y += height;
    }
    let _ = write!(
        body,
        "<line x1=\"{MARGIN}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#c4c4c4\"/>",
        width - MARGIN
    );
    y += 16;

    // The legend, on as many lines as it needs: a swatch (fill, edge, dash) and a label each.
    let mut items: Vec<(&str, &str, &str, String)> = Stance::ALL
        .iter()
        .map(|&s| {
            let (fill, edge) = stance_colours(s);
            (fill, edge, "", lang.t(s.msg()).to_string())
        })
        .collect();
    items.push(("#ffffff", "#c4c4c4", "", lang.t(Msg::NotStated).to_string()));
    items.push((
        "#a3200a",
        "#a3200a",
        "",
        format!("! {}", lang.t(Msg::RedLine)),
    ));
    items.push((
        "#ffffff",
        "#575757",
        " stroke-dasharray=\"4 3\"",
        lang.t(Confidence::Reported.msg()).to_string(),
    ));
    let mut x = MARGIN;
    y += 14;
    body.push_str("<g class=\"legend\" font-size=\"13\">");
    for (fill, edge, dash, label) in &items {
        let item = 22 + (label.chars().count() as f32 * 13.0 * 0.55) as u32 + 18;
        if x + item > width - MARGIN {
            x = MARGIN;
            y += 22;
        }
        let _ = write!(
            body,
            "<rect x=\"{x}\" y=\"{}\" width=\"16\" height=\"14\" rx=\"3\" fill=\"{fill}\" stroke=\"{edge}\"{dash}/>",
            y - 11
        );
        text_lines(&mut body, x + 22, y, std::slice::from_ref(label), "");
        x += item;
    }
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
        &source,
        " font-size=\"13\" fill=\"#575757\"",
    );
    y += (source.len() as u32 - 1) * LINE + MARGIN;

    // The text alternative: the view in plain words, as "Read as text" gives it.
    let mut desc = words::summary(view, lang);
    for (issue, text) in words::issues(view, lang) {
        let title = lang.f(Msg::Labelled, &[&ds.issues()[issue].title]);
        let _ = write!(desc, " {title} {text}");
    }
    let svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{y}\" viewBox=\"0 0 {width} {y}\" xml:lang=\"{}\" font-family=\"{FONT}\" font-size=\"{SIZE}\" fill=\"#1b1b1b\" role=\"img\" aria-labelledby=\"sm-image-title sm-image-desc\"><title id=\"sm-image-title\">{}</title><desc id=\"sm-image-desc\">{}</desc><rect width=\"{width}\" height=\"{y}\" fill=\"#ffffff\"/>{body}</svg>\n",
        lang.code(),
        xml_text(ds.title()),
        xml_text(&desc)
    );
    Image {
        svg,
        width,
        height: y,
    }
}
