//! Why a dataset could not be loaded, in words for the reader and the newsroom developer.
//! Pure: the fetching itself is in `browser/fetch.rs`.

use crate::i18n::{megabytes, Lang, Msg};
use crate::model::limits::MAX_BYTES;
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
    OriginNotAllowed {
        origin: String,
    },
    /// The request failed before an answer: offline, DNS, refused, or blocked by CORS.
    Network,
    Timeout,
    /// The server answered with an error status.
    Status {
        code: u16,
        text: String,
    },
    /// The server announced a body over the size limit.
    TooLarge {
        bytes: u64,
    },
    /// The body arrived but is not a valid dataset.
    Invalid(DataErrors),
    /// A host page's script passed options the widget cannot use (see `options.rs`).
    BadOptions(DataErrors),
}

impl LoadError {
    /// The reason in the reader's language (`Display` writes it in English).
    pub fn describe(&self, lang: Lang) -> String {
        let problems = |m: Msg, errors: &DataErrors| lang.n(m, errors.total(), &[]);
        match self {
            LoadError::BadUrl => lang.t(Msg::LoadBadUrl).to_string(),
            LoadError::MalformedParam => lang.t(Msg::LoadMalformed).to_string(),
            LoadError::OriginNotAllowed { origin } => lang.f(Msg::LoadOrigin, &[origin]),
            LoadError::Network => lang.t(Msg::LoadNetwork).to_string(),
            LoadError::Timeout => lang.f(Msg::LoadTimeout, &[&TIMEOUT_SECONDS.to_string()]),
            LoadError::Status { code, text } => {
                lang.f(Msg::LoadStatus, &[format!("{code} {text}").trim_end()])
            }
            LoadError::TooLarge { bytes } => lang.f(
                Msg::LoadTooLarge,
                &[
                    &megabytes(*bytes, lang),
                    &(MAX_BYTES / 1_000_000).to_string(),
                ],
            ),
            LoadError::BadOptions(errors) => problems(Msg::LoadBadOptions, errors),
            LoadError::Invalid(errors) => problems(Msg::LoadInvalid, errors),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::EN))
    }
}
