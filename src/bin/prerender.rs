//! `prerender PAGE [--data FILE] [--embed] [-o OUT]`: writes PAGE (a built `index.html`) with
//! the widget's first view rendered into it, for the bundled dataset or FILE, JSON or a sheet
//! (which the page then carries, as JSON, for the wasm). Exit 1 with the dataset's problems, one per line, if FILE is
//! not valid. Run by `scripts/post-build.mjs`; see the README.

use stance_matrix::prerender::{render_page, PrerenderError};
use stance_matrix::sheet::{is_json, read_sheet};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut page, mut data, mut out, mut embed) = (None, None, None, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = args.next(),
            "-o" => out = args.next(),
            "--embed" => embed = true,
            _ if page.is_none() => page = Some(arg),
            _ => return fail(&format!("unexpected argument {arg}")),
        }
    }
    let Some(page) = page else {
        return fail("usage: prerender PAGE [--data FILE] [--embed] [-o OUT]");
    };
    let text = match std::fs::read_to_string(&page) {
        Ok(text) => text,
        Err(e) => return fail(&format!("{page}: {e}")),
    };
    let data_text = match data.as_deref().map(std::fs::read_to_string).transpose() {
        Ok(d) => d,
        Err(e) => return fail(&format!("{}: {e}", data.as_deref().unwrap_or_default())),
    };
    // A sheet is read into its JSON document first; the page carries the JSON.
    let data_text = match data_text {
        Some(text) if !is_json(&text) => match read_sheet(&text) {
            Ok((_, json)) => Some(json),
            Err(problems) => {
                let file = data.as_deref().unwrap_or_default();
                return fail(
                    &problems
                        .iter()
                        .map(|p| format!("{file}: {p}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
        },
        other => other,
    };
    let rendered = match render_page(&text, data_text.as_deref(), embed) {
        Ok(html) => html,
        Err(PrerenderError::NoRoot) => {
            return fail(&format!(
                "{page}: no <main id=\"stance-matrix\"> to render into"
            ))
        }
        Err(PrerenderError::Data(problems)) => {
            let file = data.as_deref().unwrap_or("bundled dataset");
            return fail(
                &problems
                    .0
                    .iter()
                    .map(|p| format!("{file}: {p}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
    };
    let target = out.unwrap_or(page);
    match std::fs::write(&target, rendered) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{target}: {e}")),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("prerender: {message}");
    ExitCode::FAILURE
}
