//! Yew components: thin views over the pure modules, one file per component. Shared pieces live
//! below them (`marks`, `crate::state::loaded`, `crate::state::view_state`), so no component imports another
//! that imports it back (`tests/module_graph.rs` checks).

mod app;
mod cell_detail;
mod compare;
mod error_view;
mod filter_bar;
mod later;
mod legend;
mod marks;
mod matrix;
mod notes;
mod row;
mod speech;
mod summary;
mod text_view;
mod time_bar;
mod toolbar;
mod use_height_reporter;
mod use_view_state;
mod widget;

pub use app::{App, AppProps};
#[cfg(feature = "ssr")]
pub(crate) use cell_detail::position_body;
pub use cell_detail::{CellDetail, CellDetailProps};
pub use error_view::error_view;
pub use later::{begin_takeover, end_takeover, pending as later_pending};
pub use matrix::{Matrix, MatrixProps};
pub use speech::Speech;
pub use text_view::text_view;
pub use use_view_state::{ViewLink, ViewSlot};
pub use widget::{Widget, WidgetProps};
