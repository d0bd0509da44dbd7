//! The document a sheet was read into, and the model's problems with it (JSON paths such as
//! `positions[3].stance`) told as the sheet's cells: the row each part came from, and the
//! column its field is read from.

use super::assemble::Builder;
use super::columns::Col;
use super::error::SheetError;
use super::meta::Meta;
use crate::model::{DataError, ErrorKind};
use serde_json::{Map, Value};

impl Builder {
    /// The `stance-matrix/1` document, as JSON text.
    pub fn document(&self) -> String {
        let mut doc = Map::new();
        doc.insert("format".into(), Value::from(crate::model::FORMAT));
        for (meta, _, value) in &self.meta {
            doc.insert(meta.field().into(), Value::from(value.clone()));
        }
        if !doc.contains_key("as_of") {
            // The latest date of any position: the data is as of then, unless the sheet says.
            // Only real dates count: a date written another way is reported at its own cell,
            // not a second time as the "as of" it would otherwise become.
            let latest = self
                .positions
                .iter()
                .filter_map(|(_, p)| p.get("date").and_then(Value::as_str))
                .filter(|d| crate::model::Date::parse(d).is_some())
                .max();
            if let Some(latest) = latest {
                doc.insert("as_of".into(), Value::from(latest));
            }
        }
        let list = |entities: &[super::entities::Entity]| {
            Value::Array(
                entities
                    .iter()
                    .map(|e| Value::Object(e.fields.clone()))
                    .collect(),
            )
        };
        doc.insert("parties".into(), list(&self.parties));
        doc.insert("categories".into(), list(&self.categories));
        doc.insert("issues".into(), list(&self.issues));
        doc.insert("sources".into(), list(&self.sources));
        doc.insert(
            "positions".into(),
            Value::Array(
                self.positions
                    .iter()
                    .map(|(_, p)| Value::Object(p.clone()))
                    .collect(),
            ),
        );
        if !self.events.is_empty() {
            doc.insert(
                "events".into(),
                Value::Array(
                    self.events
                        .iter()
                        .map(|(_, e)| Value::Object(e.clone()))
                        .collect(),
                ),
            );
        }
        serde_json::to_string(&Value::Object(doc)).unwrap_or_default()
    }

    /// A problem the model found, told by row and column: another part it names (`first at
    /// positions[15]`) by its row, and a date in another form with the date to write.
    pub fn locate(&self, e: &DataError) -> SheetError {
        let kind = match &e.kind {
            ErrorKind::DuplicatePosition {
                party,
                issue,
                date,
                first,
            } => ErrorKind::DuplicatePosition {
                party: party.clone(),
                issue: issue.clone(),
                date: date.clone(),
                first: self.row_of(first),
            },
            ErrorKind::DuplicateId { id, first } => ErrorKind::DuplicateId {
                id: id.clone(),
                first: self.row_of(first),
            },
            other => other.clone(),
        };
        let mut message = kind.to_string();
        if let ErrorKind::BadDate { value } = &kind {
            if let Some(hint) = super::dates::suggestion(value) {
                message = format!("{message}: {hint}");
            }
        }
        self.locate_with(&e.path, &kind, message)
    }

    /// `path` (`positions[15]`) as the row it came from (`row 28`), or as it is.
    pub fn row_of(&self, path: &str) -> String {
        match self.locate_with(path, &ErrorKind::Empty, String::new()).row {
            0 => path.to_string(),
            row => format!("row {row}"),
        }
    }

    /// `message` about the part at `path`, told by row and column.
    pub fn locate_with(&self, path: &str, kind: &ErrorKind, message: String) -> SheetError {
        let e = DataError {
            path: path.to_string(),
            kind: kind.clone(),
        };
        let (list, rest) = match e.path.split_once('[') {
            Some((list, rest)) => (list, rest),
            None if e.path.is_empty() => {
                // A metadata row the document needs: say which row to add.
                let missing = Meta::ALL.into_iter().find(
                    |m| matches!(&e.kind, ErrorKind::Missing { field } if *field == m.field()),
                );
                return SheetError::at(0, None, match missing {
                    Some(m) => format!("no {0}: add a row with \"{0}\" in the first cell and the {0} in the second, above the table", m.name()),
                    None => message,
                });
            }
            None => {
                let meta = Meta::ALL.into_iter().find(|m| m.field() == e.path);
                let row = meta
                    .and_then(|m| self.meta.iter().find(|(x, _, _)| *x == m))
                    .map_or(0, |(_, row, _)| *row);
                let label = meta.map_or(e.path.replace('_', " "), |m| m.name().to_string());
                return SheetError::at(row, None, format!("{label}: {message}"));
            }
        };
        let index: usize = rest
            .split(']')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let field = rest.split_once("].").map_or("", |(_, f)| f);
        // A field that is missing is reported at its object: it belongs in its own column.
        let field = match &e.kind {
            ErrorKind::Missing { field: missing } if field.is_empty() => missing,
            _ => field,
        };
        let (field, sub) = match field.split_once('[') {
            Some((f, n)) => (f, n.trim_end_matches(']').parse::<usize>().unwrap_or(0)),
            None => (field, 0),
        };
        let (row, col) = match list {
            "positions" => (
                self.positions.get(index).map(|(r, _)| *r),
                match field {
                    "party" => Some(Col::Party),
                    "issue" => Some(Col::Issue),
                    "stance" => Some(Col::Stance),
                    "red_line" => Some(Col::RedLine),
                    "adds" => Some(Col::Adds),
                    "summary" => Some(Col::Summary),
                    "quote" => Some(Col::Quote),
                    "speaker" => Some(Col::Speaker),
                    "conditions" => Some(Col::Conditions),
                    "date" => Some(Col::Date),
                    "confidence" => Some(Col::Confidence),
                    "sources" => Some(Col::SourceUrl(sub)),
                    _ => None,
                },
            ),
            "events" => (
                self.events.get(index).map(|(r, _)| *r),
                Some(match field {
                    "id" => Col::EventId,
                    "date" => Col::Date,
                    "sources" => Col::SourceUrl(sub),
                    _ => Col::Event,
                }),
            ),
            "parties" => (
                self.parties.get(index).map(|e| e.row),
                match field {
                    "id" => Some(Col::PartyId),
                    "short" => Some(Col::PartyShort),
                    _ => Some(Col::Party),
                },
            ),
            "issues" => (
                self.issues.get(index).map(|e| e.row),
                match field {
                    "id" => Some(Col::IssueId),
                    "category" => Some(Col::Category),
                    "description" => Some(Col::IssueDescription),
                    _ => Some(Col::Issue),
                },
            ),
            "categories" => (
                self.categories.get(index).map(|e| e.row),
                Some(if field == "id" {
                    Col::CategoryId
                } else {
                    Col::Category
                }),
            ),
            "sources" => {
                let g = self.sources.get(index).map_or(0, |e| e.group);
                (
                    self.sources.get(index).map(|e| e.row),
                    Some(match field {
                        "id" => Col::SourceId(g),
                        "title" => Col::Source(g),
                        "publisher" => Col::Publisher(g),
                        "published" => Col::Published(g),
                        _ => Col::SourceUrl(g),
                    }),
                )
            }
            _ => (None, None),
        };
        let column = col.map(|c| self.column(c).unwrap_or((usize::MAX, c.name())));
        SheetError::at(row.unwrap_or(0), column, message)
    }
}
