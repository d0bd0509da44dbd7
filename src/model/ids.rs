//! The ids one list defines (parties, issues, …), for duplicate checks and reference lookups.
//! A sorted vector borrowed from the parsed file: no hashing (wasm has no entropy for SipHash to
//! use), no copy of the ids, one binary search per reference.

use super::error::ErrorKind;
use super::fields::{At, Problems};
use super::keys::{pair_key, pair_of};

/// An element a reference can point at. Eight bytes (a table of 20,000 issues is one of the
/// larger things alive while a file is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Target {
    item: u32,
    value: u32,
}

impl Target {
    const BROKEN: u32 = u32::MAX;

    /// Element `item` of its list as written, decoded as value `value`, or `None` when another
    /// of its fields is broken: it is known (references to it are not "unknown"), but nothing
    /// can be built on it. Counts are capped far below `u32::MAX` by the limits.
    pub fn new(item: usize, value: Option<usize>) -> Target {
        Target {
            item: item as u32,
            value: value.map_or(Self::BROKEN, |v| v as u32),
        }
    }

    /// Its place in the list as written: what "the same element" means for repeats.
    pub fn item(self) -> usize {
        self.item as usize
    }

    /// Its index among the decoded values, unless it is broken.
    pub fn value(self) -> Option<usize> {
        (self.value != Self::BROKEN).then_some(self.value as usize)
    }
}

/// Ids are listed in "unknown …" messages up to this many, so one message never floods the view.
pub const KNOWN_SHOWN: usize = 12;

pub(super) struct IdTable<'v> {
    /// (id, target), sorted by id; duplicates already reported and left out.
    sorted: Vec<(&'v str, Target)>,
    /// The first ids in file order, for "unknown …" messages.
    first: Vec<&'v str>,
}

impl<'v> IdTable<'v> {
    /// The table of `list` from its elements' ids in file order, reporting every id defined
    /// twice at the later element (pointing at the first).
    pub fn new(
        list: &'static str,
        mut defined: Vec<(&'v str, Target)>,
        problems: &mut Problems,
    ) -> IdTable<'v> {
        let mut first: Vec<&str> = Vec::with_capacity(KNOWN_SHOWN);
        for (id, _) in &defined {
            if first.len() == KNOWN_SHOWN {
                break;
            }
            if !first.contains(id) {
                first.push(id);
            }
        }
        // Items are unique, so this order is total, and the first definition leads each id.
        defined.sort_unstable_by(|a, b| a.0.cmp(b.0).then(a.1.item.cmp(&b.1.item)));
        // (later item << 32 | index into `repeated`), sorted back into file order.
        let mut order: Vec<u64> = Vec::new();
        let mut repeated: Vec<(&str, usize)> = Vec::new();
        defined.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                order.push(pair_key(later.1.item(), repeated.len()));
                repeated.push((later.0, earlier.1.item()));
            }
            same
        });
        order.sort_unstable();
        for key in order {
            let (item, k) = pair_of(key);
            let (id, earlier) = repeated[k];
            let kind = ErrorKind::DuplicateId {
                id: id.to_string(),
                first: At::item(list, earlier).path(),
            };
            problems.report(|| At::item(list, item).field("id"), kind);
        }
        IdTable {
            sorted: defined,
            first,
        }
    }

    /// The element `id` names, reporting an unknown one at `path` as a `what` reference.
    pub fn resolve(
        &self,
        what: &'static str,
        id: &str,
        path: impl FnOnce() -> String,
        problems: &mut Problems,
    ) -> Option<Target> {
        match self.sorted.binary_search_by(|(known, _)| (*known).cmp(id)) {
            Ok(i) => Some(self.sorted[i].1),
            Err(_) => {
                problems.report_with(path, || ErrorKind::UnknownRef {
                    what,
                    id: id.to_string(),
                    known: self.first.iter().map(|id| id.to_string()).collect(),
                    defined: self.sorted.len(),
                });
                None
            }
        }
    }
}
