//! What the checker says about a dataset that passed validation: likely mistakes (warnings)
//! and the one rule only the publishing tools enforce (`as of` before the newest position or
//! event, an error). Kept out of `model` so the readers' widget does not carry it; each finding
//! names a JSON path, told as a sheet's row and column where the input was a sheet.

use super::similar::close;
use crate::model::Dataset;

/// One thing to tell the editor, at a JSON path.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub path: String,
    /// The message; `{at}` stands for where `other` is (a row, or a JSON path).
    pub message: String,
    /// A second place the message refers to.
    pub other: Option<String>,
    /// An error stops the dataset; a warning only asks for a look.
    pub error: bool,
}

/// The replacement character: what a decoder writes for bytes it could not read.
const REPLACEMENT: char = '\u{FFFD}';

/// Every finding for `dataset`, the error (there is one kind) first, then the warnings by kind.
pub fn review(dataset: &Dataset) -> Vec<Finding> {
    let mut found = Vec::new();
    as_of(dataset, &mut found);
    parties(dataset, &mut found);
    replacement_characters(dataset, &mut found);
    found
}

/// `as of` before the newest position or event: the page would show two different dates.
fn as_of(dataset: &Dataset, found: &mut Vec<Finding>) {
    let positions = dataset
        .positions()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.date, format!("positions[{i}].date"), "position"));
    let events = dataset
        .events()
        .iter()
        .enumerate()
        .map(|(i, e)| (e.date, format!("events[{i}].date"), "event"));
    let newest = positions.chain(events).max_by_key(|(date, _, _)| *date);
    if let Some((date, path, what)) = newest.filter(|(d, _, _)| *d > dataset.as_of()) {
        found.push(Finding {
            path: "as_of".into(),
            message: format!(
                "{} is before the newest {what} ({date}, {{at}}): set it to {date} or later, \
                 or the page shows two different \"as of\" dates",
                dataset.as_of()
            ),
            other: Some(path),
            error: true,
        });
    }
}

/// A party named in one row only whose name is close to another's, and short labels shared.
fn parties(dataset: &Dataset, found: &mut Vec<Finding>) {
    let parties = dataset.parties();
    let mut rows = vec![0usize; parties.len()];
    for p in dataset.positions() {
        rows[p.party] += 1;
    }
    for (a, party) in parties.iter().enumerate() {
        if rows[a] <= 1 {
            if let Some(b) =
                (0..parties.len()).find(|&b| b != a && close(&party.name, &parties[b].name))
            {
                found.push(Finding {
                    path: format!("parties[{a}].name"),
                    message: format!(
                        "\"{}\" has {} and its name is close to \"{}\" ({{at}}): if they are \
                         one party, write its name the same way everywhere",
                        party.name,
                        if rows[a] == 1 {
                            "one position only"
                        } else {
                            "no position"
                        },
                        parties[b].name
                    ),
                    other: Some(format!("parties[{b}].name")),
                    error: false,
                });
            }
        }
        let Some(short) = party.short.as_deref() else {
            continue;
        };
        let first = parties[..a].iter().position(|p| {
            p.short
                .as_deref()
                .is_some_and(|s| s.trim().to_lowercase() == short.trim().to_lowercase())
        });
        if let Some(b) = first {
            found.push(Finding {
                path: format!("parties[{a}].short"),
                message: format!(
                    "\"{short}\" is also the short label of \"{}\" ({{at}}): on phones the two \
                     columns would look the same",
                    parties[b].name
                ),
                other: Some(format!("parties[{b}].short")),
                error: false,
            });
        }
    }
}

/// Every text field holding U+FFFD, the mark of a character lost in a conversion. A path is
/// built only for a field that holds one.
fn replacement_characters(dataset: &Dataset, found: &mut Vec<Finding>) {
    let mut note = |path: &dyn Fn() -> String, text: Option<&str>| {
        if text.is_some_and(|t| t.contains(REPLACEMENT)) {
            found.push(Finding {
                path: path(),
                message: "holds \u{FFFD}, the mark of a character lost when the file was \
                          saved or converted: type the right letter again"
                    .into(),
                other: None,
                error: false,
            });
        }
    };
    note(&|| "title".into(), Some(dataset.title()));
    note(&|| "description".into(), dataset.description());
    note(&|| "methodology".into(), dataset.methodology());
    for (i, p) in dataset.parties().iter().enumerate() {
        note(&|| format!("parties[{i}].name"), Some(&p.name));
        note(&|| format!("parties[{i}].short"), p.short.as_deref());
    }
    for (i, c) in dataset.categories().iter().enumerate() {
        note(&|| format!("categories[{i}].name"), Some(&c.name));
    }
    for (i, issue) in dataset.issues().iter().enumerate() {
        note(&|| format!("issues[{i}].title"), Some(&issue.title));
        note(
            &|| format!("issues[{i}].description"),
            issue.description.as_deref(),
        );
    }
    for (i, s) in dataset.sources().iter().enumerate() {
        note(&|| format!("sources[{i}].title"), Some(&s.title));
        note(
            &|| format!("sources[{i}].publisher"),
            s.publisher.as_deref(),
        );
        note(&|| format!("sources[{i}].url"), Some(&s.url));
    }
    for (i, p) in dataset.positions().iter().enumerate() {
        note(&|| format!("positions[{i}].summary"), Some(&p.summary));
        note(&|| format!("positions[{i}].quote"), p.quote.as_deref());
        note(&|| format!("positions[{i}].speaker"), p.speaker.as_deref());
        note(
            &|| format!("positions[{i}].conditions"),
            p.conditions.as_deref(),
        );
    }
    for (i, e) in dataset.events().iter().enumerate() {
        note(&|| format!("events[{i}].title"), Some(&e.title));
    }
}
