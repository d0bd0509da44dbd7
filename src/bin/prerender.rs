//! `prerender PAGE [--data FILE] [--embed] [--url URL] [-o OUT]`: writes PAGE (a built
//! `index.html`) with the widget's first view rendered into it, for the bundled dataset or
//! FILE, JSON or a sheet (which the page then carries, as JSON, for the wasm), and the tags of
//! its link preview; with URL, the absolute address the build is published at, they name the
//! social card there. Exit 1 with the dataset's problems, one per line, if FILE is not valid.
//! Run by `scripts/post-build.mjs`; see the README.
//!
//! `prerender --card OUT [--data FILE] [--url URL]`: writes the social card of the dataset's
//! default view as a 1200 × 630 PNG (`share::card`, drawn with resvg and DejaVu Sans: feature
//! `card`), its source line naming URL.
//!
//! `prerender --first-view LANG [--data FILE] [--embed] -o OUT`: writes the root element's
//! content as a reader who asked for LANG first sees it (`prerender::render_language`).
//!
//! `prerender --language LANG -o OUT`: writes LANG's messages as the file the readers' wasm
//! fetches for a reader in that language (`i18n::language_file`; that wasm carries English only).
//!
//! `prerender --embed-code FOLDER --css FILE [--data FILE] -o OUT`: writes the embed code
//! (`state::embed::embed_code`) for the widget published at FOLDER, its `<stance-matrix>`
//! carrying the first view in a declarative shadow root, styled by FOLDER/FILE.

use stance_matrix::i18n::{Lang, Msg};
use stance_matrix::model::BUNDLED;
use stance_matrix::prerender::{
    published_at, render_element, render_language, render_page_at, InvalidData, PrerenderError,
};
use stance_matrix::sheet::{is_json, read_sheet};
use stance_matrix::state::embed::{embed_code, FirstView};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut page, mut data, mut out, mut embed) = (None, None, None, false);
    let (mut folder, mut css, mut first_view) = (None, None, None);
    let (mut card, mut url, mut language) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--embed-code" => folder = args.next(),
            "--css" => css = args.next(),
            "--first-view" => first_view = args.next(),
            "--card" => card = args.next(),
            "--language" => language = args.next(),
            "--url" => url = args.next(),
            "--data" => data = args.next(),
            "-o" => out = args.next(),
            "--embed" => embed = true,
            _ if page.is_none() => page = Some(arg),
            _ => return fail(&format!("unexpected argument {arg}")),
        }
    }
    if let Some(folder) = folder {
        return match (css, out) {
            (Some(css), Some(out)) => write_embed_code(&folder, &css, data.as_deref(), &out),
            _ => fail("usage: prerender --embed-code FOLDER --css FILE [--data FILE] -o OUT"),
        };
    }
    if let Some(code) = language {
        let file = Lang::from_tag(&code).and_then(stance_matrix::i18n::language_file);
        return match (file, out) {
            (Some(file), Some(out)) => match std::fs::write(&out, file) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&format!("{out}: {e}")),
            },
            (None, _) => fail(&format!(
                "--language {code}: not a language the widget speaks"
            )),
            (_, None) => fail("usage: prerender --language LANG -o OUT"),
        };
    }
    if let Some(card) = card {
        return write_card(&card, data.as_deref(), url.as_deref());
    }
    if let Some(lang) = first_view {
        let Some(out) = out else {
            return fail("usage: prerender --first-view LANG [--data FILE] [--embed] -o OUT");
        };
        let data_text = match read_data(data.as_deref()) {
            Ok(text) => text,
            Err(code) => return code,
        };
        return match render_language(data_text.as_deref(), embed, &lang) {
            Ok(html) => match std::fs::write(&out, html) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&format!("{out}: {e}")),
            },
            Err(problems) => invalid(data.as_deref(), &problems),
        };
    }
    let Some(page) = page else {
        return fail("usage: prerender PAGE [--data FILE] [--embed] [--url URL] [-o OUT]");
    };
    // Without an absolute address the preview has no image rather than a wrong one.
    if let Some(given) = url.as_deref().filter(|u| published_at(u).is_none()) {
        eprintln!("prerender: warning: --url {given} is not an absolute http(s) address: no card in the link preview");
    }
    let text = match std::fs::read_to_string(&page) {
        Ok(text) => text,
        Err(e) => return fail(&format!("{page}: {e}")),
    };
    let data_text = match read_data(data.as_deref()) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let rendered = match render_page_at(&text, data_text.as_deref(), embed, url.as_deref()) {
        Ok(html) => html,
        Err(PrerenderError::NoRoot) => {
            return fail(&format!(
                "{page}: no <main id=\"stance-matrix\"> to render into"
            ))
        }
        Err(PrerenderError::Data(problems)) => return invalid(data.as_deref(), &problems),
    };
    let target = out.unwrap_or(page);
    match std::fs::write(&target, rendered) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{target}: {e}")),
    }
}

/// The dataset FILE as JSON text (a sheet read into its JSON document), `None` for the bundled
/// one; the exit code when it cannot be read.
fn read_data(data: Option<&str>) -> Result<Option<String>, ExitCode> {
    let data_text = match data.map(std::fs::read_to_string).transpose() {
        Ok(d) => d,
        Err(e) => return Err(fail(&format!("{}: {e}", data.unwrap_or_default()))),
    };
    // A sheet is read into its JSON document first; the page carries the JSON.
    match data_text {
        Some(text) if !is_json(&text) => match read_sheet(&text) {
            Ok((_, json)) => Ok(Some(json)),
            Err(problems) => {
                let file = data.unwrap_or_default();
                Err(fail(
                    &problems
                        .iter()
                        .map(|p| format!("{file}: {p}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ))
            }
        },
        other => Ok(other),
    }
}

/// The dataset's problems, one per line, and exit 1.
fn invalid(data: Option<&str>, problems: &InvalidData) -> ExitCode {
    let file = data.unwrap_or("bundled dataset");
    fail(
        &problems
            .0
            .iter()
            .map(|p| format!("{file}: {p}"))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Writes the embed code for the widget at `folder` to `out`.
fn write_embed_code(folder: &str, css: &str, data: Option<&str>, out: &str) -> ExitCode {
    let data_text = match read_data(data) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let markup = match futures::executor::block_on(render_element(data_text.as_deref())) {
        Ok(markup) => markup,
        Err(problems) => return invalid(data, &problems),
    };
    let text = data_text.as_deref().unwrap_or(BUNDLED);
    let Ok(dataset) = stance_matrix::model::parse(text) else {
        return fail("the dataset was valid a moment ago");
    };
    let lang = Lang::choose(None, dataset.language(), std::iter::empty());
    let stylesheet = format!("{folder}{css}");
    let code = embed_code(
        folder,
        None,
        None,
        "",
        &lang.f(Msg::EmbedTitle, &[dataset.title()]),
        Some(&FirstView {
            stylesheet: &stylesheet,
            markup: &markup,
        }),
    );
    match std::fs::write(out, code) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{out}: {e}")),
    }
}

/// Writes the social card of the dataset (FILE or the bundled one) to `out` as a PNG.
#[cfg(feature = "card")]
fn write_card(out: &str, data: Option<&str>, url: Option<&str>) -> ExitCode {
    use stance_matrix::share::{card, png, svg::Credit};
    use stance_matrix::state::loaded::Data;
    let data_text = match read_data(data) {
        Ok(text) => text.unwrap_or_else(|| BUNDLED.to_string()),
        Err(code) => return code,
    };
    let dataset = match stance_matrix::model::parse(&data_text) {
        Ok(dataset) => dataset,
        Err(errors) => {
            let problems = errors.iter().map(ToString::to_string).collect();
            return invalid(data, &InvalidData(problems));
        }
    };
    let Ok(data_set) = Data::checked(Ok(dataset), None) else {
        return fail("a parsed dataset is always data");
    };
    let image = card::default_view(&data_set, &Credit { live: url });
    let bytes = match png::read_fonts(&png::DEJAVU).and_then(|fonts| png::png(&image.svg, fonts)) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&format!("card: {e}")),
    };
    match std::fs::write(out, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{out}: {e}")),
    }
}

#[cfg(not(feature = "card"))]
fn write_card(_: &str, _: Option<&str>, _: Option<&str>) -> ExitCode {
    fail("built without the social card: cargo build --features ssr,sheet,card --bin prerender")
}

fn fail(message: &str) -> ExitCode {
    eprintln!("prerender: {message}");
    ExitCode::FAILURE
}
