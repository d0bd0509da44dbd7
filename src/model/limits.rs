//! Limits refused before slow work, so a hostile or mistaken file cannot freeze a reader's tab.

pub const MAX_BYTES: usize = 10_000_000;
pub const MAX_PARTIES: usize = 500;
pub const MAX_ISSUES: usize = 20_000;
pub const MAX_POSITIONS: usize = 200_000;
pub const MAX_CHARS: usize = 10_000;

/// "12.3 MB", one decimal, in integer arithmetic (no float formatting code in the wasm).
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}
