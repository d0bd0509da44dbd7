//! The check page's one component: paste or drop, problems or preview, then JSON and embed code.

use super::embed_code::EmbedCode;
use super::lists::{problems_view, warnings_view};
use crate::browser::host;
use crate::components::{ViewLink, Widget};
use crate::model::export::to_json;
use crate::sheet::{check, check_bytes, is_json, Checked, Problem};
use crate::state::embed::PageConfig;
use crate::state::loaded::Data;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the text in the box holds, and the warnings beside it.
#[derive(Clone, PartialEq)]
enum Outcome {
    Empty,
    Problems(Vec<Problem>, Vec<Problem>),
    Valid(Data, Vec<Problem>),
}

/// How the last file chosen or dropped was read: `Ok` with the notice to show (a file read as
/// Windows-1252) when its text is in the box, or the whole result for a file that has no text
/// to show (a workbook, or a file that is not text). Typing in the box clears it.
type Decoded = Option<Result<Option<Problem>, Box<Checked>>>;

fn outcome(text: &str, decoded: &Decoded) -> Outcome {
    let notice = match decoded {
        Some(Err(checked)) => return outcome_of((**checked).clone(), None),
        Some(Ok(notice)) => notice.clone(),
        None => None,
    };
    if text.trim().is_empty() {
        return Outcome::Empty;
    }
    outcome_of(check(text), notice)
}

fn outcome_of(checked: Checked, notice: Option<Problem>) -> Outcome {
    let warnings: Vec<Problem> = notice.into_iter().chain(checked.warnings).collect();
    match checked.result {
        Ok(dataset) => match Data::checked(Ok(dataset), None) {
            Ok(data) => Outcome::Valid(data, warnings),
            Err(_) => Outcome::Empty,
        },
        Err(problems) => Outcome::Problems(problems, warnings),
    }
}

/// Reads `file`'s bytes, decodes them as the command-line tool does (never with replacement
/// characters), and puts the text in the box, or says why it is not text.
fn load_file(
    file: File,
    area: NodeRef,
    text: UseStateHandle<String>,
    decoded: UseStateHandle<Decoded>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
            return;
        };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let (value, result) = match check_bytes(&bytes) {
            (Some(value), checked) => {
                let notice = checked
                    .warnings
                    .into_iter()
                    .next()
                    .filter(|w| w.message.contains("Windows-1252"));
                (value, Ok(notice))
            }
            (None, checked) => (String::new(), Err(Box::new(checked))),
        };
        if let Some(area) = area.cast::<HtmlTextAreaElement>() {
            area.set_value(&value);
        }
        decoded.set(Some(result));
        text.set(value);
    });
}

#[function_component]
pub fn CheckPage() -> Html {
    let text = use_state(String::new);
    let decoded = use_state(|| None as Decoded);
    let area = use_node_ref();
    let address = use_state(String::new);
    let result = use_memo(((*text).clone(), (*decoded).clone()), |(t, d)| {
        outcome(t, d)
    });
    // A new dataset gets a new preview: the view state of the old one does not carry over.
    let generation = use_memo((*text).clone(), |_| js_sys::Math::random().to_bits());
    let oninput = {
        let (text, decoded) = (text.clone(), decoded.clone());
        Callback::from(move |e: InputEvent| {
            decoded.set(None);
            // A new dataset starts from the default view: the last one's filters stay behind.
            host::write_fragment("", false);
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onchange = {
        let (text, area, decoded) = (text.clone(), area.clone(), decoded.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(file, area.clone(), text.clone(), decoded.clone());
            }
        })
    };
    let ondrop = {
        let (text, area, decoded) = (text.clone(), area.clone(), decoded.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                load_file(file, area.clone(), text.clone(), decoded.clone());
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
        Outcome::Problems(p, _) => format!(
            "{} problem{} to fix.",
            p.len(),
            if p.len() == 1 { "" } else { "s" }
        ),
        Outcome::Valid(data, _) => format!(
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
        Outcome::Problems(problems, warnings) => html! {
            <>
                { problems_view(problems, is_json(&text)) }
                { warnings_view(warnings, is_json(&text)) }
            </>
        },
        Outcome::Valid(data, warnings) => {
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
                        { warnings_view(warnings, is_json(&text)) }
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
            <p>{ "JSON, or a sheet (CSV, TSV, an .xlsx or .ods workbook, or cells copied from a spreadsheet): see docs/spreadsheet-format.md. Nothing leaves this page." }</p>
            <div class="sm-field">
                <label for="sm-check-text">{ "Paste data" }</label>
                <textarea id="sm-check-text" ref={area} rows="10" spellcheck="false" {oninput} data-testid="paste" />
            </div>
            <div class="sm-field">
                <label for="sm-check-file">{ "Or choose a file (or drop it on this page)" }</label>
                <input id="sm-check-file" type="file" accept=".json,.csv,.tsv,.txt,.xlsx,.ods,application/json,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" {onchange} />
            </div>
            <p class="sm-check-status" role="status" data-testid="status">{ status }</p>
            { body }
        </div>
    }
}
