//! Stance Matrix: where the parties to a negotiation stand on each issue.
//!
//! The folders are the layers (see the README's "Architecture"). Pure, no browser types, tested
//! natively: `model` (the dataset), `analysis` (statuses, agreement, time), `state` (the
//! reader's view and what a page asks for), `i18n` (words; `Intl` through js-sys when in a
//! browser), `sheet` (spreadsheets). Browser: `components` (Yew views over the pure layers)
//! and `browser` (adapters: mounting, fetching, the host page). Build-time and tool pages:
//! `prerender`, `check_page`. Imports go from browser to pure, never back.

pub mod analysis;
pub mod browser;
#[cfg(all(feature = "sheet", feature = "ssr"))]
pub mod check_page;
pub mod components;
pub mod i18n;
pub mod model;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod share;
pub mod sheet;
pub mod state;
