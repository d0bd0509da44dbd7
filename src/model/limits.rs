//! Limits refused before slow work, so a hostile or mistaken file cannot freeze a reader's tab.

pub const MAX_BYTES: usize = 10_000_000;
pub const MAX_PARTIES: usize = 500;
pub const MAX_ISSUES: usize = 20_000;
pub const MAX_POSITIONS: usize = 200_000;
pub const MAX_CHARS: usize = 10_000;
