//! From sheet rows to a `stance-matrix/1` document: parties, categories, issues and sources in
//! the order of first use, ids derived from names where none is given, and a record of the row
//! and column each part came from, so the model's problems (JSON paths) can be told as cells
//! (`document.rs`).

use super::cells::Cells;
use super::columns::{red_line, slug, Col, Meta};
use super::error::SheetError;
use serde_json::{Map, Value};

/// A party, category, issue or source: its fields so far and the row that first named it.
pub(super) struct Entity {
    pub(super) id: String,
    pub(super) fields: Map<String, Value>,
    pub(super) row: usize,
    /// The source group a source was first read from (which columns name its fields).
    pub(super) group: usize,
}

/// The document being built, with where each part came from.
#[derive(Default)]
pub struct Builder {
    header: Vec<Option<Col>>,
    /// How many source groups the header has (`source`, `source 2`, …).
    groups: usize,
    pub(super) meta: Vec<(Meta, usize, String)>,
    pub(super) parties: Vec<Entity>,
    pub(super) categories: Vec<Entity>,
    pub(super) issues: Vec<Entity>,
    pub(super) sources: Vec<Entity>,
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

    /// Finds or adds the entity named by `id` (if given) or `name` in `list`; a second,
    /// different name or field for the same one is a problem.
    #[allow(clippy::too_many_arguments)]
    fn entity(
        &mut self,
        which: fn(&mut Builder) -> &mut Vec<Entity>,
        row: usize,
        id: Option<&str>,
        name: Option<&str>,
        name_field: &str,
        name_col: Col,
        fallback: &str,
        group: usize,
    ) -> Result<Option<usize>, SheetError> {
        if id.is_none() && name.is_none() {
            return Ok(None);
        }
        let list = which(self);
        let found = match (id, name) {
            (Some(id), _) => list.iter().position(|e| e.id == id),
            (None, Some(name)) => list.iter().position(|e| {
                e.fields
                    .get(name_field)
                    .and_then(Value::as_str)
                    .is_some_and(|n| n.trim().to_lowercase() == name.trim().to_lowercase())
            }),
            (None, None) => None,
        };
        if let Some(i) = found {
            let known = list[i]
                .fields
                .get(name_field)
                .and_then(Value::as_str)
                .map(str::to_string);
            let first = list[i].row;
            return match (known, name) {
                (Some(known), Some(name)) if known != name => {
                    let same = if id.is_some() { "the same id" } else { "it" };
                    Err(self.error(row, name_col, format!("\"{name}\" differs from \"{known}\", the name given to {same} in row {first}: write it the same way everywhere")))
                }
                (None, Some(name)) => {
                    which(self)[i]
                        .fields
                        .insert(name_field.to_string(), Value::from(name));
                    Ok(Some(i))
                }
                _ => Ok(Some(i)),
            };
        }
        let n = list.len() + 1;
        // Sources get a short id of their own: an id made from a URL would be long and unreadable.
        let derived = || {
            if name_field == "url" {
                format!("{fallback}-{n}")
            } else {
                slug(name.unwrap_or_default(), &format!("{fallback}-{n}"))
            }
        };
        let mut id = id.map(str::to_string).unwrap_or_else(derived);
        if id.is_empty() || list.iter().any(|e| e.id == id) {
            let base = id.clone();
            let mut k = 2;
            while list.iter().any(|e| e.id == id) {
                id = format!("{base}-{k}");
                k += 1;
            }
        }
        let mut fields = Map::new();
        fields.insert("id".into(), Value::from(id.clone()));
        if let Some(name) = name {
            fields.insert(name_field.into(), Value::from(name));
        }
        list.push(Entity {
            id,
            fields,
            row,
            group,
        });
        Ok(Some(list.len() - 1))
    }

    /// Sets an optional field of an entity; a different value than a row before gave is a problem.
    fn detail(
        &mut self,
        which: fn(&mut Builder) -> &mut Vec<Entity>,
        index: usize,
        field: &str,
        value: Option<Value>,
        row: usize,
        col: Col,
    ) -> Result<(), SheetError> {
        let Some(value) = value else { return Ok(()) };
        let entity = &mut which(self)[index];
        match entity.fields.get(field) {
            Some(known) if *known != value => {
                let message = format!(
                    "{value} differs from {known}, given for the same one in row {}",
                    entity.row
                );
                Err(self.error(row, col, message))
            }
            _ => {
                entity.fields.insert(field.to_string(), value);
                Ok(())
            }
        }
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
            (Some(i), Some(p)) => {
                let mut position = Map::new();
                position.insert("issue".into(), Value::from(self.issues[i].id.clone()));
                position.insert("party".into(), Value::from(self.parties[p].id.clone()));
                if let Some(stance) = cells.key(Col::Stance) {
                    position.insert("stance".into(), Value::from(stance.to_lowercase()));
                }
                if let Some(confidence) = cells.key(Col::Confidence) {
                    position.insert(
                        "confidence".into(),
                        Value::from(super::columns::normalize(confidence).replace(' ', "_")),
                    );
                }
                for (field, col) in [("red_line", Col::RedLine), ("adds", Col::Adds)] {
                    match cells.key(col).map(red_line) {
                        Some(Some(true)) => {
                            position.insert(field.into(), Value::Bool(true));
                        }
                        Some(None) => errors.push(self.error(
                            row,
                            col,
                            format!(
                                "\"{}\" is not yes or no (leave it empty for no)",
                                cells.key(col).unwrap_or_default()
                            ),
                        )),
                        _ => {}
                    }
                }
                for (field, col) in [
                    ("summary", Col::Summary),
                    ("quote", Col::Quote),
                    ("speaker", Col::Speaker),
                    ("conditions", Col::Conditions),
                ] {
                    if let Some(v) = text(col) {
                        position.insert(field.into(), v);
                    }
                }
                if let Some(date) = cells.key(Col::Date) {
                    position.insert("date".into(), Value::from(date));
                }
                if !sources.is_empty() {
                    position.insert("sources".into(), Value::Array(sources));
                }
                self.positions.push((row, position));
            }
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
