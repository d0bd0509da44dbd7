//! Sort keys packed in one `u64`, so every sort in the crate is one `sort_unstable` of
//! integers (each sort of another key type adds its own copy of the sorting code to the wasm).

use super::date::Date;

/// Bits of `cell_order` that hold the position's index (positions ≤ 200,000 < 2^18).
const ITEM_BITS: u32 = 18;
const ITEM_MASK: u64 = (1 << ITEM_BITS) - 1;

/// A sort key ordering positions by issue, party, date, then index, packed in one `u64` so
/// every such sort in the crate is one `sort_unstable` of integers: each sort of another
/// key type adds its own copy of the sorting code to the wasm (about 2 kB). Fits by the
/// limits: issues < 2^15, parties < 2^9, `Date::ordinal` < 2^22, positions < 2^18.
pub(crate) fn cell_order(issue: usize, party: usize, date: Date, index: usize) -> u64 {
    (issue as u64) << 49
        | (party as u64) << 40
        | u64::from(date.ordinal()) << ITEM_BITS
        | index as u64
}

/// The item index a `cell_order` key carries, and whether two keys are for the same
/// (issue, party, date).
pub(crate) fn order_item(key: u64) -> usize {
    (key & ITEM_MASK) as usize
}

pub(crate) fn same_cell_and_date(a: u64, b: u64) -> bool {
    a >> ITEM_BITS == b >> ITEM_BITS
}

/// Two indices packed in one `u64` sort key, `first` deciding the order: the same single sort
/// of integers as `cell_order`, for pairs.
pub(crate) fn pair_key(first: usize, second: usize) -> u64 {
    (first as u64) << 32 | second as u64
}

/// The indices a `pair_key` holds.
pub(crate) fn pair_of(key: u64) -> (usize, usize) {
    ((key >> 32) as usize, (key & u64::from(u32::MAX)) as usize)
}
