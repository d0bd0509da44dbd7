//! What a newsroom publishes besides the live widget: the view as an image (`svg.rs`), its
//! text (`text.rs`) and colours (`palette.rs`). Pure: text in, text out, tested natively; the
//! browser turns the SVG into a PNG (`browser::image`).

mod palette;
pub mod svg;
mod text;
