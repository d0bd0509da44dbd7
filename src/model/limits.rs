//! Limits refused before slow work, so a hostile or mistaken file cannot freeze a reader's tab.

use crate::i18n::{Lang, Msg};

pub const MAX_BYTES: usize = 10_000_000;
pub const MAX_PARTIES: usize = 500;
pub const MAX_ISSUES: usize = 20_000;
pub const MAX_POSITIONS: usize = 200_000;
pub const MAX_CHARS: usize = 10_000;

/// A file size in the reader's language, one decimal: "12.3 MB", "12,3 MB", "12,3 Mo",
/// "12,3 МБ". The separator and unit are the language's (`Msg::Megabytes`); the arithmetic is
/// integer (no float formatting code in the wasm) and needs no browser.
pub fn megabytes(bytes: u64, lang: Lang) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    lang.f(
        Msg::Megabytes,
        &[&(tenths / 10).to_string(), &(tenths % 10).to_string()],
    )
}
