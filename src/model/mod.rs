//! The dataset: its types, and `parse`, which turns a `stance-matrix/1` JSON text into a checked
//! `Dataset` or every problem found in it. No Yew or browser types live here.

mod at;
mod dataset;
mod date;
mod decode;
mod definitions;
mod error;
mod events;
pub mod export;
pub(crate) mod fields;
mod ids;
mod key;
mod keys;
pub mod limits;
mod locate;
mod positions;
mod shapes;
mod suggest;
mod syntax;
mod text;
mod types;
pub mod value;

pub use dataset::Dataset;
pub use date::Date;
pub use decode::KNOWN_FIELDS;
pub use error::{DataError, DataErrors, ErrorKind};
pub use locate::locate;
pub use shapes::{is_http_url, is_language_tag};
pub use text::excerpt;
pub use types::{Category, Confidence, Event, Issue, Party, Position, Source, Stance, FORMAT};

/// Parses and validates a dataset, reporting every problem found.
pub fn parse(text: &str) -> Result<Dataset, DataErrors> {
    decode::decode(text).map(Dataset::new)
}

/// Validates a dataset already read into a value tree (a host page's object, see
/// `value::from_serde`), with the same checks and messages as `parse`.
pub fn parse_value(value: &value::Value<'_>) -> Result<Dataset, DataErrors> {
    decode::decode_value(value).map(Dataset::new)
}

/// The dataset compiled into the widget, so it works with no request beyond its own files:
/// `data/ceasefire-2025-04.json`, or the file `STANCE_MATRIX_BUNDLED` names at build time
/// (`build.rs`; a `scripts/build --data` build's host bundle).
pub const BUNDLED: &str = include_str!(env!("STANCE_MATRIX_BUNDLED_PATH"));
