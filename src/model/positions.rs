//! Positions: each resolves its party, issue and sources, and obeys the format's rules (a red
//! line sits on a side; one position per party, issue and date).

use super::date::Date;
use super::error::ErrorKind;
use super::fields::{self, At, Obj, Problems};
use super::ids::{IdTable, Target};
use super::keys::{cell_order, order_item, pair_key, pair_of, same_cell_and_date};
use super::types::{Confidence, Position, Stance};
use super::value::Value;

pub(super) const POSITION: &[&str] = &[
    "party",
    "issue",
    "stance",
    "red_line",
    "adds",
    "summary",
    "quote",
    "speaker",
    "conditions",
    "date",
    "confidence",
    "sources",
];

/// A decoded position and the list items of its party and issue, which tell repeats apart even
/// when a referenced element is broken.
struct Decoded {
    position: Option<Position>,
    party_item: usize,
    issue_item: usize,
    date: Date,
}

pub(super) fn decode_positions(
    items: &[Value],
    parties: &IdTable,
    issues: &IdTable,
    sources: &IdTable,
    problems: &mut Problems,
) -> Vec<Position> {
    let mut out = Vec::with_capacity(items.len());
    // Sorted afterwards to find repeats, with no hashing and no path text per position.
    let mut keys: Vec<u64> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Some(obj) = fields::object(item, At::item("positions", i), POSITION, problems) else {
            continue;
        };
        let Some(decoded) = decode_position(&obj, parties, issues, sources, problems) else {
            continue;
        };
        keys.push(cell_order(
            decoded.issue_item,
            decoded.party_item,
            decoded.date,
            i,
        ));
        out.extend(decoded.position);
    }
    keys.sort_unstable();
    // (later item << 32 | first item): three or more on one key all point at the first.
    let mut repeats: Vec<u64> = Vec::new();
    let mut first = 0;
    for (k, w) in keys.windows(2).enumerate() {
        if !same_cell_and_date(w[0], w[1]) {
            continue;
        }
        if k == 0 || !same_cell_and_date(keys[k - 1], w[0]) {
            first = order_item(w[0]);
        }
        repeats.push(pair_key(order_item(w[1]), first));
    }
    repeats.sort_unstable();
    for repeat in repeats {
        let (item, first) = pair_of(repeat);
        let text = |key| match items[item].get(key) {
            Some(Value::String(s)) => s.to_string(),
            _ => String::new(),
        };
        let kind = ErrorKind::DuplicatePosition {
            party: text("party"),
            issue: text("issue"),
            date: text("date"),
            first: At::item("positions", first).path(),
        };
        problems.report(|| At::item("positions", item).path(), kind);
    }
    out
}

/// A position's fields, each checked; `None` only when its party, issue or date is unusable
/// (then it cannot be compared with others either).
fn decode_position(
    o: &Obj,
    parties: &IdTable,
    issues: &IdTable,
    sources: &IdTable,
    p: &mut Problems,
) -> Option<Decoded> {
    let party = o
        .id("party", p)
        .and_then(|id| parties.resolve("party", id, || o.path_of("party"), p));
    let issue = o
        .id("issue", p)
        .and_then(|id| issues.resolve("issue", id, || o.path_of("issue"), p));
    let stance = o.choice("stance", Stance::NAMES, p).map(|i| Stance::ALL[i]);
    let red_line = o.boolean("red_line", p).unwrap_or(false);
    if let (true, Some(s @ (Stance::Open | Stance::Ambivalent | Stance::Sceptical))) =
        (red_line, stance)
    {
        p.report(
            || o.path_of("red_line"),
            ErrorKind::RedLineOffSide { stance: s.name() },
        );
    }
    let adds = o.boolean("adds", p).unwrap_or(false);
    let summary = o.text("summary", true, p);
    let quote = o.text("quote", false, p);
    let speaker = o.text("speaker", false, p);
    let conditions = o.text("conditions", false, p);
    let date = o.date("date", true, p);
    let confidence = o
        .choice("confidence", Confidence::NAMES, p)
        .map(|i| Confidence::ALL[i]);
    let source_refs = source_refs(o, sources, true, p);
    let (party, issue, date) = (party?, issue?, date?);
    let position = (|| {
        Some(Position {
            party: party.value()?,
            issue: issue.value()?,
            stance: stance?,
            red_line,
            adds,
            summary: summary?,
            quote,
            speaker,
            conditions,
            date,
            confidence: confidence?,
            sources: source_refs?,
        })
    })();
    Some(Decoded {
        position,
        party_item: party.item(),
        issue_item: issue.item(),
        date,
    })
}

/// An element's `sources`: at least one where given, each a known source id, none repeated.
/// Absent and not `required`, none. Repeats are found by sorting, so a long list costs
/// n log n, not n².
pub(super) fn source_refs(
    o: &Obj,
    sources: &IdTable,
    required: bool,
    p: &mut Problems,
) -> Option<Vec<usize>> {
    if !required && o.field("sources", false, p).is_none() {
        return Some(Vec::new());
    }
    let items = o.array("sources", required, p)?;
    let item_path = |i: usize| format!("{}[{i}]", o.path_of("sources"));
    if items.is_empty() {
        p.report(
            || o.path_of("sources"),
            ErrorKind::EmptyList { what: "source" },
        );
        return None;
    }
    let mut found: Vec<(Target, usize)> = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let Value::String(id) = item else {
            p.report(
                || item_path(i),
                ErrorKind::WrongType {
                    expected: "a source id",
                    found: item.kind(),
                },
            );
            ok = false;
            continue;
        };
        match sources.resolve("source", id, || item_path(i), p) {
            Some(target) => found.push((target, i)),
            None => ok = false,
        }
    }
    // (source item << 32 | place in this list), sorted: repeats are neighbours.
    let mut by_source: Vec<u64> = found.iter().map(|(t, i)| pair_key(t.item(), *i)).collect();
    by_source.sort_unstable();
    // Kept as u64, like every other sort key here: a sort of another type is another copy of
    // the sorting code in the wasm.
    let mut repeats: Vec<u64> = by_source
        .windows(2)
        .filter(|w| pair_of(w[0]).0 == pair_of(w[1]).0)
        .map(|w| pair_of(w[1]).1 as u64)
        .collect();
    repeats.sort_unstable();
    for i in repeats.into_iter().map(|i| i as usize) {
        let Value::String(id) = &items[i] else {
            continue;
        };
        p.report(
            || item_path(i),
            ErrorKind::RepeatedRef { id: id.to_string() },
        );
        ok = false;
    }
    let values: Option<Vec<usize>> = found.iter().map(|(t, _)| t.value()).collect();
    ok.then_some(values).flatten()
}
