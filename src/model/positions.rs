//! Positions: each resolves its party, issue and sources, and obeys the format's rules (a red
//! line sits on a side; one position per party, issue and date).

use super::fields::{self, report, IdTable, Obj, Problems};
use super::{Confidence, Date, ErrorKind, Position, Stance};
use crate::json::Value;
use std::collections::HashMap;

pub(super) const POSITION: &[&str] = &[
    "party", "issue", "stance", "red_line", "summary", "quote", "speaker", "conditions", "date", "confidence", "sources",
];

pub(super) fn decode_positions(
    items: &[Value],
    parties: &IdTable,
    issues: &IdTable,
    sources: &IdTable,
    problems: &mut Problems,
) -> Vec<Position> {
    let mut out = Vec::with_capacity(items.len());
    let mut seen: HashMap<(usize, usize, Date), String> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("positions[{i}]");
        let Some(obj) = fields::object(item, &path, POSITION, problems) else { continue };
        let Some(position) = decode_position(&obj, parties, issues, sources, problems) else { continue };
        let key = (position.party, position.issue, position.date);
        if let Some(first) = seen.get(&key) {
            let kind = ErrorKind::DuplicatePosition {
                party: obj_text(item, "party"),
                issue: obj_text(item, "issue"),
                date: position.date.to_string(),
                first: first.clone(),
            };
            report(problems, &path, kind);
        } else {
            seen.insert(key, path);
        }
        out.push(position);
    }
    out
}

fn obj_text(item: &Value, key: &str) -> String {
    match item.get(key) {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn decode_position(o: &Obj, parties: &IdTable, issues: &IdTable, sources: &IdTable, p: &mut Problems) -> Option<Position> {
    let party = o.id("party", p).and_then(|id| parties.resolve("party", &id, &o.path_of("party"), p));
    let issue = o.id("issue", p).and_then(|id| issues.resolve("issue", &id, &o.path_of("issue"), p));
    let stance = o.choice("stance", Stance::NAMES, p).map(|i| Stance::ALL[i]);
    let red_line = o.boolean("red_line", p).unwrap_or(false);
    if let (true, Some(s @ (Stance::Open | Stance::Ambivalent | Stance::Sceptical))) = (red_line, stance) {
        report(p, &o.path_of("red_line"), ErrorKind::RedLineOffSide { stance: s.name() });
    }
    let summary = o.text("summary", true, p);
    let quote = o.text("quote", false, p);
    let speaker = o.text("speaker", false, p);
    let conditions = o.text("conditions", false, p);
    let date = o.date("date", true, p);
    let confidence = o.choice("confidence", Confidence::NAMES, p).map(|i| Confidence::ALL[i]);
    let source_refs = source_refs(o, sources, p);
    Some(Position {
        party: party?,
        issue: issue?,
        stance: stance?,
        red_line,
        summary: summary?,
        quote,
        speaker,
        conditions,
        date: date?,
        confidence: confidence?,
        sources: source_refs?,
    })
}

/// The position's `sources`: at least one, each a known source id, none repeated.
fn source_refs(o: &Obj, sources: &IdTable, p: &mut Problems) -> Option<Vec<usize>> {
    let items = o.array("sources", true, p)?;
    let path = o.path_of("sources");
    if items.is_empty() {
        report(p, &path, ErrorKind::EmptyList { what: "source" });
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let item_path = format!("{path}[{i}]");
        let Value::String(id) = item else {
            report(p, &item_path, ErrorKind::WrongType { expected: "a source id", found: item.kind() });
            ok = false;
            continue;
        };
        match sources.resolve("source", id, &item_path, p) {
            Some(index) if out.contains(&index) => {
                report(p, &item_path, ErrorKind::RepeatedRef { id: id.clone() });
                ok = false;
            }
            Some(index) => out.push(index),
            None => ok = false,
        }
    }
    ok.then_some(out)
}
