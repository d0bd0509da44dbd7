//! Stance Matrix: where the parties to a negotiation stand on each issue.
//!
//! Pure modules (`model`, `analysis`, `history`, `i18n` (but for its use of `Intl`), `search`, `view_state`, `fragment`, `embed`,
//! `loading`, `loaded`, `options`, `export`, `sheet`) hold no browser types and are tested natively; `components`,
//! `host`, `height`, `fetch`, `mount`, `panic_view`, `start` and `takeover` are the thin browser layer over them.

pub mod analysis;
#[cfg(feature = "sheet")]
pub mod check_page;
pub mod components;
pub mod embed;
pub mod export;
pub mod fetch;
pub mod fragment;
pub mod height;
pub mod history;
pub mod host;
pub mod i18n;
pub mod loaded;
pub mod loading;
pub mod model;
#[cfg(feature = "host-api")]
pub mod mount;
pub mod options;
pub mod panic_view;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod search;
pub mod sheet;
pub mod start;
pub mod takeover;
pub mod view_state;

pub use start::start;
