//! The data as a reader can download it: CSV with one row per position. (The JSON download is
//! the dataset text exactly as loaded.)

use crate::model::Dataset;

pub const CSV_HEADER: [&str; 16] = [
    "party_id", "party", "issue_id", "issue", "category", "stance", "red_line", "confidence", "date", "current",
    "summary", "quote", "speaker", "conditions", "source_titles", "source_urls",
];

/// One CSV row per position, in dataset order, RFC 4180 quoting, CRLF line ends.
pub fn to_csv(dataset: &Dataset) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for position in dataset.positions() {
        let party = &dataset.parties()[position.party];
        let issue = &dataset.issues()[position.issue];
        let category = issue.category.map(|c| dataset.categories()[c].name.clone()).unwrap_or_default();
        let current = dataset.current(position.issue, position.party).is_some_and(|c| std::ptr::eq(c, position));
        let sources = position.sources.iter().map(|&s| &dataset.sources()[s]);
        let titles: Vec<&str> = sources.clone().map(|s| s.title.as_str()).collect();
        let urls: Vec<&str> = sources.map(|s| s.url.as_str()).collect();
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        push_row(
            &mut out,
            [
                party.id.clone(),
                party.name.clone(),
                issue.id.clone(),
                issue.title.clone(),
                category,
                position.stance.name().to_string(),
                position.red_line.to_string(),
                position.confidence.name().to_string(),
                position.date.to_string(),
                current.to_string(),
                position.summary.clone(),
                text(&position.quote),
                text(&position.speaker),
                text(&position.conditions),
                titles.join(" | "),
                urls.join(" "),
            ],
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(&field));
    }
    out.push_str("\r\n");
}

/// Quotes a field when needed, and defuses text a spreadsheet would run as a formula.
pub fn csv_field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}
