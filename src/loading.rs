//! Why a dataset could not be loaded, in words for the reader and the newsroom developer.
//! Pure: the fetching itself is in `host.rs`.

use crate::model::limits::{megabytes, MAX_BYTES};
use crate::model::DataErrors;
use std::fmt;

/// Seconds before a `?data=` request is given up.
pub const TIMEOUT_SECONDS: u32 = 15;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// `?data=` is not an http(s) address (after resolving a relative one).
    BadUrl,
    /// `?data=` is not valid percent-encoding (`%ZZ`), so it names no address at all.
    MalformedParam,
    /// `?data=` points at an origin this build does not load from.
    OriginNotAllowed { origin: String },
    /// The request failed before an answer: offline, DNS, refused, or blocked by CORS.
    Network,
    Timeout,
    /// The server answered with an error status.
    Status { code: u16, text: String },
    /// The server announced a body over the size limit.
    TooLarge { bytes: u64 },
    /// The body arrived but is not a valid dataset.
    Invalid(DataErrors),
    /// A host page's script passed options the widget cannot use (see `options.rs`).
    BadOptions(DataErrors),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::BadUrl => write!(f, "the address is not an http:// or https:// URL"),
            LoadError::MalformedParam => write!(
                f,
                "the address in ?data= is not valid URL encoding (a % must be followed by two hex digits)"
            ),
            LoadError::OriginNotAllowed { origin } => write!(
                f,
                "this widget does not load data from {origin}: only from its own site and the sites its publisher allowed"
            ),
            LoadError::Network => write!(
                f,
                "the request failed: the server could not be reached, or it does not allow this page to read the file (CORS)"
            ),
            LoadError::Timeout => write!(f, "the server did not answer within {TIMEOUT_SECONDS} seconds"),
            LoadError::Status { code, text } if text.is_empty() => write!(f, "the server answered HTTP {code}"),
            LoadError::Status { code, text } => write!(f, "the server answered HTTP {code} {text}"),
            LoadError::TooLarge { bytes } => {
                write!(f, "the file is {}; the limit is {} MB", megabytes(*bytes), MAX_BYTES / 1_000_000)
            }
            LoadError::BadOptions(errors) => {
                let n = errors.total();
                write!(f, "the page that shows this widget passed options it cannot use ({n} problem{})", if n == 1 { "" } else { "s" })
            }
            LoadError::Invalid(errors) => {
                let n = errors.total();
                write!(f, "the file is not a valid stance-matrix/1 dataset ({n} problem{})", if n == 1 { "" } else { "s" })
            }
        }
    }
}
