//! The social card: the dataset's default view as a 1200 × 630 SVG, the size link previews
//! show (`og:image`). The title and "as of" date, a compact matrix (a coloured cell with the
//! stance word per party, red lines marked, the status column), a key to the marks and a
//! source line. Always 630 px tall: a big dataset shows its first issues and parties and says
//! how many more there are. Pure, like `svg.rs`, whose colours, escaping and wrapping it uses;
//! `png.rs` turns it into the PNG at build time. `layout.rs` places things, `rows.rs` draws
//! the matrix.

mod layout;
mod rows;

use crate::i18n::{Lang, Msg};
use crate::model::Dataset;
use crate::share::palette::{draw_keys, keys, keys_width, FONT, INK, MUTED, RULE};
use crate::share::svg::{Credit, Image};
use crate::share::text::{as_of, fit, text_lines, xml_text};
use crate::state::derived::Derived;
use crate::state::loaded::Data;
use crate::state::view_state::ViewState;
use layout::{Layout, FOOTER, MARGIN, RIGHT};
pub use layout::{HEIGHT, WIDTH};
use std::fmt::Write;

/// The language a dataset's card speaks: its own (`language`), else English, as the widget
/// would for a reader whose browser says nothing.
pub fn language(ds: &Dataset) -> Lang {
    Lang::choose(None, ds.language(), std::iter::empty())
}

/// What the card shows, in words (its `<title>`, and `og:image:alt`): "Stance matrix: Title —
/// as of 23 April 2025".
pub fn alt(ds: &Dataset) -> String {
    let lang = language(ds);
    format!(
        "{}{}",
        lang.f(Msg::EmbedTitle, &[ds.title()]),
        lang.f(
            Msg::AsOfCaption,
            &[&crate::analysis::history::latest(ds).words(lang)]
        )
    )
}

/// The card of `data`'s default view (every issue and party, in the dataset's order), in the
/// dataset's language.
pub fn default_view(data: &Data, credit: &Credit) -> Image {
    render(
        &Derived::new(data, &ViewState::default()),
        language(&data.dataset),
        credit,
    )
}

/// The card of `view` in `lang`: `WIDTH` × `HEIGHT`, whatever the dataset's size.
pub fn render(view: &Derived, lang: Lang, credit: &Credit) -> Image {
    let ds = &view.data.dataset;
    let data_lang = xml_text(ds.language().unwrap_or("en"));
    // Statuses on two lines where rows are tall enough; in short rows, on one line in a wider
    // column rather than cut.
    let layout = match Layout::of(view, lang, 2) {
        l if l.lines == 2 => l,
        _ => Layout::of(view, lang, 1),
    };
    let mut body = String::new();

    // Title and date.
    let (title, size, line) = &layout.title;
    text_lines(
        &mut body,
        MARGIN,
        56,
        *line,
        title,
        &format!(" font-size=\"{size}\" font-weight=\"700\" xml:lang=\"{data_lang}\""),
    );
    text_lines(
        &mut body,
        MARGIN,
        layout.date_y,
        0,
        &[as_of(ds, lang)],
        &format!(" font-size=\"18\" fill=\"{MUTED}\""),
    );

    rows::header(&mut body, view, lang, &layout);
    let y = rows::rows(&mut body, view, lang, &layout);
    let _ = write!(
        body,
        "<line x1=\"{MARGIN}\" x2=\"{RIGHT}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{RULE}\"/>"
    );
    let total = view.rows.len();
    if layout.rows < total {
        text_lines(
            &mut body,
            MARGIN + 8,
            y + 18,
            0,
            &[lang.n(Msg::ShowingIssues, total, &[&layout.rows.to_string()])],
            &format!(" class=\"more-issues\" font-size=\"14\" fill=\"{MUTED}\""),
        );
    }

    // The key to the marks (the cells carry their stance words) and the source line.
    let keys = keys(lang, false);
    body.push_str("<g class=\"legend\" font-size=\"13\">");
    draw_keys(&mut body, &keys, MARGIN, FOOTER, RIGHT);
    body.push_str("</g>");
    let mut source = format!(
        "{} · {}",
        lang.n(Msg::PositionCount, ds.positions().len(), &[]),
        lang.n(Msg::SourceCount, ds.sources().len(), &[])
    );
    if let Some(live) = credit.live {
        source.push_str(" · ");
        source.push_str(live);
    }
    let source = fit(
        &source,
        RIGHT - MARGIN - keys_width(&keys) - 16,
        13,
        1,
        false,
    );
    text_lines(
        &mut body,
        RIGHT,
        FOOTER,
        0,
        &source,
        &format!(" class=\"source\" font-size=\"13\" text-anchor=\"end\" fill=\"{MUTED}\""),
    );

    let svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" xml:lang=\"{}\" font-family=\"{FONT}\" font-size=\"15\" fill=\"{INK}\"><title>{}</title><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>{body}</svg>\n",
        lang.code(),
        xml_text(&alt(ds))
    );
    Image {
        svg,
        width: WIDTH,
        height: HEIGHT,
    }
}
