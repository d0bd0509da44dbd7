//! Event rows: a row with an `event` title is a milestone of the talks, with its date and
//! sources in the columns positions use, and its id in `event id` (made from the title when
//! empty).

use super::assemble::Builder;
use super::cells::Cells;
use super::columns::{slug, Col};
use super::error::SheetError;
use serde_json::{Map, Value};

impl Builder {
    /// Reads an event row; `names_a_cell` when the row also names an issue or a party.
    pub(super) fn event(
        &mut self,
        row: usize,
        cells: &Cells,
        names_a_cell: bool,
        sources: Vec<Value>,
        errors: &mut Vec<SheetError>,
    ) {
        if names_a_cell {
            let message = "a row is an event or a position, not both: clear the event, or the issue and party".to_string();
            errors.push(self.error(row, Col::Event, message));
            return;
        }
        let title = cells.get(Col::Event).unwrap_or_default();
        let mut event = Map::new();
        event.insert(
            "id".into(),
            Value::from(
                cells
                    .key(Col::EventId)
                    .map_or_else(|| slug(title, "event"), str::to_string),
            ),
        );
        if let Some(date) = cells.key(Col::Date) {
            event.insert("date".into(), Value::from(date));
        }
        event.insert("title".into(), Value::from(title));
        if !sources.is_empty() {
            event.insert("sources".into(), Value::Array(sources));
        }
        self.events.push((row, event));
    }
}
