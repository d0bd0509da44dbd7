//! The optional `events`: milestones of the talks, each with an id, a date, a title and
//! optional sources. They are stops on the "as of" timeline; they change no position.

use super::fields::{Obj, Problems};
use super::ids::IdTable;
use super::positions::source_refs;
use super::types::Event;

pub(super) const EVENT: &[&str] = &["id", "date", "title", "sources"];

pub(super) fn decode_event(
    o: &Obj,
    id: Option<&str>,
    sources: &IdTable,
    p: &mut Problems,
) -> Option<Event> {
    let date = o.date("date", true, p);
    let title = o.text("title", true, p);
    let sources = source_refs(o, sources, false, p);
    Some(Event {
        id: id?.to_string(),
        date: date?,
        title: title?,
        sources: sources?,
    })
}
