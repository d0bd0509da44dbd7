//! What a newsroom publishes besides the live widget: the view as an image (`svg.rs`) and in
//! plain words (`words.rs`). Pure:
//! text in, text out, tested natively; the browser turns the SVG into a PNG
//! (`browser::image`).

pub mod svg;
pub mod words;
