//! The data as a reader can download it: the dataset as a `stance-matrix/1` JSON file written
//! by serde, and the quoting of CSV fields for the sheet (`crate::sheet::to_sheet`, the CSV
//! download).

use crate::model::Dataset;
use serde::Serialize;

/// Whether a spreadsheet could run `text` as a formula once the `'`s before it are gone: it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
pub fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Quotes a field when needed, and defuses text a spreadsheet would run as a formula with a
/// `'` before it (the sheet reader removes exactly one from such text, so it reads back as is).
pub fn csv_field(text: &str) -> String {
    let defused = if formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The dataset as a `stance-matrix/1` JSON file, written by serde: the JSON download, the same
/// whether the data came as a file or as a host's object. Optional fields that are absent stay
/// absent, `red_line` and `adds` appear only when true, so a file written by hand reads back equal.
pub fn to_json(dataset: &Dataset) -> String {
    let ds = dataset;
    let file = FileOut {
        format: crate::model::FORMAT,
        title: ds.title(),
        description: ds.description(),
        as_of: ds.as_of().to_string(),
        methodology: ds.methodology(),
        language: ds.language(),
        parties: ds
            .parties()
            .iter()
            .map(|p| PartyOut {
                id: &p.id,
                name: &p.name,
                short: p.short.as_deref(),
            })
            .collect(),
        categories: ds
            .categories()
            .iter()
            .map(|c| CategoryOut {
                id: &c.id,
                name: &c.name,
            })
            .collect(),
        issues: ds
            .issues()
            .iter()
            .map(|i| IssueOut {
                id: &i.id,
                title: &i.title,
                category: i.category.map(|c| ds.categories()[c].id.as_str()),
                description: i.description.as_deref(),
            })
            .collect(),
        sources: ds
            .sources()
            .iter()
            .map(|s| SourceOut {
                id: &s.id,
                title: &s.title,
                url: &s.url,
                publisher: s.publisher.as_deref(),
                published: s.published.map(|d| d.to_string()),
            })
            .collect(),
        positions: ds
            .positions()
            .iter()
            .map(|p| PositionOut {
                party: &ds.parties()[p.party].id,
                issue: &ds.issues()[p.issue].id,
                stance: p.stance.name(),
                red_line: p.red_line,
                adds: p.adds,
                summary: &p.summary,
                quote: p.quote.as_deref(),
                speaker: p.speaker.as_deref(),
                conditions: p.conditions.as_deref(),
                date: p.date.to_string(),
                confidence: p.confidence.name(),
                sources: p
                    .sources
                    .iter()
                    .map(|&s| ds.sources()[s].id.as_str())
                    .collect(),
            })
            .collect(),
        events: ds
            .events()
            .iter()
            .map(|e| EventOut {
                id: &e.id,
                date: e.date,
                title: &e.title,
                sources: e
                    .sources
                    .iter()
                    .map(|&s| ds.sources()[s].id.as_str())
                    .collect(),
            })
            .collect(),
    };
    // Writing plain structs of strings to a String cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    methodology: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    parties: Vec<PartyOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    categories: Vec<CategoryOut<'a>>,
    issues: Vec<IssueOut<'a>>,
    sources: Vec<SourceOut<'a>>,
    positions: Vec<PositionOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<EventOut<'a>>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    date: crate::model::Date,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct PartyOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short: Option<&'a str>,
}

#[derive(Serialize)]
struct CategoryOut<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct IssueOut<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
}

#[derive(Serialize)]
struct PositionOut<'a> {
    party: &'a str,
    issue: &'a str,
    stance: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    red_line: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    adds: bool,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conditions: Option<&'a str>,
    date: String,
    confidence: &'static str,
    sources: Vec<&'a str>,
}
