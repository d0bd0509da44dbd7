//! A dataset as a sheet (the widget's "Download CSV"): the metadata rows, the header, then one
//! row per position, so that reading it back gives the same dataset. Where the order of first
//! use would not restore the order of parties, issues, categories or sources (or one is never
//! used), rows that only name them come first.

use super::columns::{source_group, Col, ADDS, EVENTS, EXTRA, MAIN};
use super::meta::Meta;
use crate::model::export::csv_field;
use crate::model::{Dataset, Event, Position};

/// The sheet as CSV: comma-separated, RFC 4180 quoting, CRLF line ends, and a byte-order mark,
/// without which Excel reads UTF-8 as another encoding ("Russia–Ukraine" garbled).
pub fn to_sheet(ds: &Dataset) -> String {
    let cited = ds
        .positions()
        .iter()
        .map(|p| p.sources.len())
        .chain(ds.events().iter().map(|e| e.sources.len()));
    let groups = cited.max().unwrap_or(1).max(1);
    let events = if ds.events().is_empty() {
        &[][..]
    } else {
        &EVENTS[..]
    };
    let adds = if ds.positions().iter().any(|p| p.adds) {
        &ADDS[..]
    } else {
        &[][..]
    };
    let header: Vec<Col> = MAIN
        .into_iter()
        .chain((0..groups).flat_map(source_group))
        .chain(EXTRA)
        .chain(adds.iter().copied())
        .chain(events.iter().copied())
        .collect();
    let mut out = String::from('\u{feff}');
    let meta = [
        Some(ds.title().to_string()),
        Some(ds.as_of().to_string()),
        ds.description().map(str::to_string),
        ds.methodology().map(str::to_string),
        ds.language().map(str::to_string),
    ];
    for (m, value) in Meta::ALL.into_iter().zip(meta) {
        if let Some(value) = value {
            push_row(&mut out, [m.name().to_string(), value]);
        }
    }
    out.push_str("\r\n");
    push_row(&mut out, header.iter().map(|c| c.name()));
    let row = |cells: &dyn Fn(Col) -> String| header.iter().map(|&c| cells(c)).collect::<Vec<_>>();
    let cited = ds
        .positions()
        .iter()
        .flat_map(|p| p.sources.iter())
        .chain(ds.events().iter().flat_map(|e| e.sources.iter()));
    if !in_first_use_order(ds.sources().len(), cited.copied()) {
        for s in 0..ds.sources().len() {
            push_row(&mut out, row(&|c| source_cell(ds, c, s, 0)));
        }
    }
    if !in_first_use_order(
        ds.categories().len(),
        ds.issues().iter().filter_map(|i| i.category),
    ) {
        for c in 0..ds.categories().len() {
            push_row(&mut out, row(&|col| category_cell(ds, col, c)));
        }
    }
    if !in_first_use_order(ds.parties().len(), ds.positions().iter().map(|p| p.party)) {
        for p in 0..ds.parties().len() {
            push_row(&mut out, row(&|c| party_cell(ds, c, p)));
        }
    }
    if !in_first_use_order(ds.issues().len(), ds.positions().iter().map(|p| p.issue)) {
        for i in 0..ds.issues().len() {
            push_row(&mut out, row(&|c| issue_cell(ds, c, i)));
        }
    }
    for p in ds.positions() {
        push_row(&mut out, row(&|c| position_cell(ds, p, c)));
    }
    for e in ds.events() {
        push_row(&mut out, row(&|c| event_cell(ds, e, c)));
    }
    out
}

fn event_cell(ds: &Dataset, e: &Event, c: Col) -> String {
    match c {
        Col::Event => e.title.clone(),
        Col::EventId => e.id.clone(),
        Col::Date => e.date.to_string(),
        Col::Source(g)
        | Col::SourceUrl(g)
        | Col::Publisher(g)
        | Col::Published(g)
        | Col::SourceId(g) => e
            .sources
            .get(g)
            .map(|&s| source_cell(ds, c, s, g))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Whether `uses` (indices, in order) first mention every one of `0..n`, in that order.
fn in_first_use_order(n: usize, uses: impl Iterator<Item = usize>) -> bool {
    let mut next = 0;
    for i in uses {
        if i == next {
            next += 1;
        } else if i > next {
            return false;
        }
    }
    next == n
}

fn text(o: &Option<String>) -> String {
    o.clone().unwrap_or_default()
}

fn party_cell(ds: &Dataset, c: Col, p: usize) -> String {
    let party = &ds.parties()[p];
    match c {
        Col::Party => party.name.clone(),
        Col::PartyId => party.id.clone(),
        Col::PartyShort => text(&party.short),
        _ => String::new(),
    }
}

fn category_cell(ds: &Dataset, c: Col, k: usize) -> String {
    let category = &ds.categories()[k];
    match c {
        Col::Category => category.name.clone(),
        Col::CategoryId => category.id.clone(),
        _ => String::new(),
    }
}

fn issue_cell(ds: &Dataset, c: Col, i: usize) -> String {
    let issue = &ds.issues()[i];
    match c {
        Col::Issue => issue.title.clone(),
        Col::IssueId => issue.id.clone(),
        Col::IssueDescription => text(&issue.description),
        Col::Category | Col::CategoryId => issue
            .category
            .map(|k| category_cell(ds, c, k))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Source `s`'s cell for column `c` if `c` is in source group `group`.
fn source_cell(ds: &Dataset, c: Col, s: usize, group: usize) -> String {
    let source = &ds.sources()[s];
    match c {
        Col::Source(g) if g == group => source.title.clone(),
        Col::SourceUrl(g) if g == group => source.url.clone(),
        Col::Publisher(g) if g == group => text(&source.publisher),
        Col::Published(g) if g == group => {
            source.published.map(|d| d.to_string()).unwrap_or_default()
        }
        Col::SourceId(g) if g == group => source.id.clone(),
        _ => String::new(),
    }
}

fn position_cell(ds: &Dataset, p: &Position, c: Col) -> String {
    match c {
        Col::Stance => p.stance.name().to_string(),
        Col::RedLine => if p.red_line { "yes" } else { "no" }.to_string(),
        Col::Adds => if p.adds { "yes" } else { "no" }.to_string(),
        Col::Summary => p.summary.clone(),
        Col::Quote => text(&p.quote),
        Col::Speaker => text(&p.speaker),
        Col::Conditions => text(&p.conditions),
        Col::Date => p.date.to_string(),
        Col::Confidence => p.confidence.name().to_string(),
        Col::Party | Col::PartyId | Col::PartyShort => party_cell(ds, c, p.party),
        Col::Source(g)
        | Col::SourceUrl(g)
        | Col::Publisher(g)
        | Col::Published(g)
        | Col::SourceId(g) => p
            .sources
            .get(g)
            .map(|&s| source_cell(ds, c, s, g))
            .unwrap_or_default(),
        _ => issue_cell(ds, c, p.issue),
    }
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
