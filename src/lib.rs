//! Stance Matrix: where the parties to a negotiation stand on each issue.
//!
//! Pure modules (`json`, `model`, `analysis`, `search`, `view_state`, `export`) hold no browser
//! types and are tested natively; `components` and `embed` are the thin browser layer over them.

pub mod json;
pub mod model;
pub mod analysis;
pub mod export;
pub mod fragment;
pub mod search;
pub mod view_state;
