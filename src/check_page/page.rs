//! The check page's one component: paste or drop, problems or preview, then JSON and embed code.

use super::embed_code::EmbedCode;
use crate::browser::host;
use crate::components::{ViewLink, Widget};
use crate::model::export::to_json;
use crate::sheet::{check, is_json, Problem};
use crate::state::embed::PageConfig;
use crate::state::loaded::Data;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the text in the box holds.
#[derive(Clone, PartialEq)]
enum Outcome {
    Empty,
    Problems(Vec<Problem>),
    Valid(Data),
}

fn outcome(text: &str) -> Outcome {
    if text.trim().is_empty() {
        return Outcome::Empty;
    }
    match check(text) {
        Ok(dataset) => match Data::checked(Ok(dataset), None) {
            Ok(data) => Outcome::Valid(data),
            Err(_) => Outcome::Empty,
        },
        Err(problems) => Outcome::Problems(problems),
    }
}

/// Reads `file` into the box and checks it.
fn load_file(file: File, area: NodeRef, text: UseStateHandle<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(value) = JsFuture::from(file.text()).await else {
            return;
        };
        let value = value.as_string().unwrap_or_default();
        if let Some(area) = area.cast::<HtmlTextAreaElement>() {
            area.set_value(&value);
        }
        text.set(value);
    });
}

fn problems_view(problems: &[Problem], json: bool) -> Html {
    html! {
        <section class="sm-check-problems" aria-labelledby="sm-check-problems-title" data-testid="problems">
            <h2 id="sm-check-problems-title" class="sm-h2">
                { format!("{} problem{} to fix", problems.len(), if problems.len() == 1 { "" } else { "s" }) }
            </h2>
            <ol>
                { for problems.iter().map(|p| html! {
                    <li>{ if json { format!("line {}, column {}: {}", p.line, p.column, p.message) } else { p.message.clone() } }</li>
                }) }
            </ol>
        </section>
    }
}

#[function_component]
pub fn CheckPage() -> Html {
    let text = use_state(String::new);
    let area = use_node_ref();
    let address = use_state(String::new);
    let result = use_memo((*text).clone(), |t| outcome(t));
    // A new dataset gets a new preview: the view state of the old one does not carry over.
    let generation = use_memo((*text).clone(), |_| js_sys::Math::random().to_bits());
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            // A new dataset starts from the default view: the last one's filters stay behind.
            host::write_fragment("", false);
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onchange = {
        let (text, area) = (text.clone(), area.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(file, area.clone(), text.clone());
            }
        })
    };
    let ondrop = {
        let (text, area) = (text.clone(), area.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                load_file(file, area.clone(), text.clone());
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_address = {
        let address = address.clone();
        Callback::from(move |e: InputEvent| {
            address.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    // One short line for screen readers; the list or the preview below is not read on every key.
    let status = match &*result {
        Outcome::Empty => String::new(),
        Outcome::Problems(p) => format!(
            "{} problem{} to fix.",
            p.len(),
            if p.len() == 1 { "" } else { "s" }
        ),
        Outcome::Valid(data) => format!(
            "Valid: {} issues, {} parties, {} positions.",
            data.dataset.issues().len(),
            data.dataset.parties().len(),
            data.dataset.positions().len()
        ),
    };
    let body = match &*result {
        Outcome::Empty => {
            html! { <p class="sm-muted" data-testid="empty">{ "Paste a dataset or choose a file: the matrix, or what to fix, appears here." }</p> }
        }
        Outcome::Problems(problems) => problems_view(problems, is_json(&text)),
        Outcome::Valid(data) => {
            let download = {
                let data = data.clone();
                Callback::from(move |_: MouseEvent| {
                    host::download(
                        "stance-matrix.json",
                        "application/json",
                        &to_json(&data.dataset),
                    )
                })
            };
            html! {
                <>
                    <section class="sm-check-publish" aria-labelledby="sm-check-publish-title">
                        <h2 id="sm-check-publish-title" class="sm-h2">{ "Valid: publish it" }</h2>
                        <p data-testid="valid">{ format!("{} issues, {} parties, {} positions.", data.dataset.issues().len(), data.dataset.parties().len(), data.dataset.positions().len()) }</p>
                        <button type="button" class="sm-button" onclick={download}>{ "Download JSON" }</button>
                        <div class="sm-field">
                            <label for="sm-check-address">{ "Address where the JSON file will be hosted" }</label>
                            <input id="sm-check-address" type="url" value={(*address).clone()} oninput={on_address} placeholder="https://graphics.example.org/data/talks.json" />
                        </div>
                        if !address.trim().is_empty() {
                            <EmbedCode data={data.clone()} address={address.trim().to_string()} />
                        }
                    </section>
                    <section class="sm-check-preview" aria-label="Preview, as readers will see it" data-testid="preview">
                        // As the embed code shows it: embedded, so its own Embed panel (which
                        // would offer this page) is not there, and it adds no history entries.
                        <Widget key={generation.to_string()} data={data.clone()} config={PageConfig { embed: true, ..PageConfig::default() }} link={ViewLink::Url { embed: true }} />
                    </section>
                </>
            }
        }
    };
    html! {
        <div class="sm-check-page" {ondrop} {ondragover}>
            <h1 class="sm-title">{ "Check a dataset" }</h1>
            <p>{ "JSON, or a sheet (CSV, TSV, or cells copied from a spreadsheet): see docs/spreadsheet-format.md. Nothing leaves this page." }</p>
            <div class="sm-field">
                <label for="sm-check-text">{ "Paste data" }</label>
                <textarea id="sm-check-text" ref={area} rows="10" spellcheck="false" {oninput} data-testid="paste" />
            </div>
            <div class="sm-field">
                <label for="sm-check-file">{ "Or choose a file (or drop it on this page)" }</label>
                <input id="sm-check-file" type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values" {onchange} />
            </div>
            <p class="sm-check-status" role="status" data-testid="status">{ status }</p>
            { body }
        </div>
    }
}
