//! A position row: the issue and party it names (found or added already), its stance, marks,
//! text and sources, as a `positions[]` object of the document.

use super::assemble::Builder;
use super::cells::Cells;
use super::columns::{normalize, red_line, Col};
use super::error::SheetError;
use serde_json::{Map, Value};

impl Builder {
    /// Adds the position of `row` for `(issue, party)`, with the sources its row names.
    pub(super) fn position(
        &mut self,
        row: usize,
        cells: &Cells,
        (i, p): (usize, usize),
        sources: Vec<Value>,
        errors: &mut Vec<SheetError>,
    ) {
        let text = |c: Col| cells.get(c).map(Value::from);
        let mut position = Map::new();
        position.insert("issue".into(), Value::from(self.issues[i].id.clone()));
        position.insert("party".into(), Value::from(self.parties[p].id.clone()));
        if let Some(stance) = cells.key(Col::Stance) {
            position.insert("stance".into(), Value::from(stance.to_lowercase()));
        }
        if let Some(confidence) = cells.key(Col::Confidence) {
            position.insert(
                "confidence".into(),
                Value::from(normalize(confidence).replace(' ', "_")),
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
}
