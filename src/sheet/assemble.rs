//! From sheet rows to a `stance-matrix/1` document: parties, categories, issues and sources in
//! the order of first use, ids derived from names where none is given, and a record of the row
//! and column each part came from, so the model's problems (JSON paths) can be told as cells
//! (`document.rs`).

use super::cells::Cells;
use super::columns::Col;
use super::entities::Entities;
use super::error::SheetError;
use super::meta::Meta;
use serde_json::{Map, Value};

/// The document being built, with where each part came from.
#[derive(Default)]
pub struct Builder {
    header: Vec<Option<Col>>,
    /// How many source groups the header has (`source`, `source 2`, …).
    groups: usize,
    pub(super) meta: Vec<(Meta, usize, String)>,
    pub(super) parties: Entities,
    pub(super) categories: Entities,
    pub(super) issues: Entities,
    pub(super) sources: Entities,
    pub(super) positions: Vec<(usize, Map<String, Value>)>,
    /// Event rows: the row and the event object.
    pub(super) events: Vec<(usize, Map<String, Value>)>,
}

impl Builder {
    pub fn set_header(&mut self, cols: &[Option<Col>]) {
        if self.header.is_empty() {
            self.header = cols.to_vec();
            self.groups = cols
                .iter()
                .flatten()
                .filter_map(Col::group)
                .max()
                .map_or(0, |g| g + 1);
        }
    }

    pub fn meta(&mut self, meta: Meta, row: usize, value: &str) {
        self.meta.retain(|(m, _, _)| *m != meta);
        self.meta.push((meta, row, value.to_string()));
    }

    pub(super) fn column(&self, col: Col) -> Option<(usize, String)> {
        self.header
            .iter()
            .position(|c| *c == Some(col))
            .map(|i| (i, col.name()))
    }

    pub(super) fn error(&self, row: usize, col: Col, message: String) -> SheetError {
        SheetError::at(row, self.column(col), message)
    }

    /// Reads one row: a position, or a row that only names a party, issue, category or source.
    pub fn row(&mut self, row: usize, cells: &Cells) -> Vec<SheetError> {
        let mut errors = Vec::new();
        let note = |r: Result<(), SheetError>, errors: &mut Vec<SheetError>| {
            if let Err(e) = r {
                errors.push(e);
            }
        };
        let text = |c: Col| cells.get(c).map(Value::from);
        // Category, issue, party and sources: each found, or added in order of first use.
        let category = self.entity(
            |b| &mut b.categories,
            row,
            cells.key(Col::CategoryId),
            cells.get(Col::Category),
            "name",
            Col::Category,
            "category",
            0,
        );
        let category = category.unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let issue = self.entity(
            |b| &mut b.issues,
            row,
            cells.key(Col::IssueId),
            cells.get(Col::Issue),
            "title",
            Col::Issue,
            "issue",
            0,
        );
        let issue = issue.unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if let Some(i) = issue {
            let category_id = category.map(|c| Value::from(self.categories[c].id.clone()));
            note(
                self.detail(
                    |b| &mut b.issues,
                    i,
                    "category",
                    category_id,
                    row,
                    Col::Category,
                ),
                &mut errors,
            );
            note(
                self.detail(
                    |b| &mut b.issues,
                    i,
                    "description",
                    text(Col::IssueDescription),
                    row,
                    Col::IssueDescription,
                ),
                &mut errors,
            );
        }
        let party = self.entity(
            |b| &mut b.parties,
            row,
            cells.key(Col::PartyId),
            cells.get(Col::Party),
            "name",
            Col::Party,
            "party",
            0,
        );
        let party = party.unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if let Some(p) = party {
            note(
                self.detail(
                    |b| &mut b.parties,
                    p,
                    "short",
                    text(Col::PartyShort),
                    row,
                    Col::PartyShort,
                ),
                &mut errors,
            );
        }
        let mut sources = Vec::new();
        for g in 0..self.groups {
            let (id, url) = (cells.key(Col::SourceId(g)), cells.key(Col::SourceUrl(g)));
            if id.is_none() && url.is_none() {
                if let Some(title) = cells.get(Col::Source(g)) {
                    errors.push(self.error(
                        row,
                        Col::SourceUrl(g),
                        format!("the source \"{title}\" needs its URL"),
                    ));
                }
                continue;
            }
            // Known by its id, or else by its URL.
            let s = match self.entity(
                |b| &mut b.sources,
                row,
                id,
                url,
                "url",
                Col::SourceUrl(g),
                "source",
                g,
            ) {
                Ok(Some(s)) => s,
                Ok(None) => continue,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            for (field, col) in [("title", Col::Source(g)), ("publisher", Col::Publisher(g))] {
                note(
                    self.detail(|b| &mut b.sources, s, field, text(col), row, col),
                    &mut errors,
                );
            }
            let published = cells.key(Col::Published(g)).map(Value::from);
            note(
                self.detail(
                    |b| &mut b.sources,
                    s,
                    "published",
                    published,
                    row,
                    Col::Published(g),
                ),
                &mut errors,
            );
            sources.push(Value::from(self.sources[s].id.clone()));
        }
        if cells.get(Col::Event).is_some() {
            self.event(
                row,
                cells,
                issue.is_some() || party.is_some(),
                sources,
                &mut errors,
            );
            return errors;
        }
        let stated = [
            Col::Stance,
            Col::Summary,
            Col::Date,
            Col::Confidence,
            Col::Quote,
            Col::Speaker,
            Col::Conditions,
        ]
        .iter()
        .any(|&c| cells.get(c).is_some());
        match (issue, party) {
            (Some(i), Some(p)) => self.position(row, cells, (i, p), sources, &mut errors),
            // A name that could not be read is reported already; an empty one is reported here.
            _ if stated
                && (issue.is_some()
                    || cells.get(Col::Issue).is_none() && cells.key(Col::IssueId).is_none())
                && (party.is_some()
                    || cells.get(Col::Party).is_none() && cells.key(Col::PartyId).is_none()) =>
            {
                let missing = if issue.is_none() {
                    Col::Issue
                } else {
                    Col::Party
                };
                errors.push(self.error(
                    row,
                    missing,
                    format!("a position needs its {}", missing.name()),
                ));
            }
            _ => {}
        }
        errors
    }
}
