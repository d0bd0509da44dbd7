//! What a newsroom publishes besides the live widget: the view as an image (`svg.rs`), in
//! plain words (`words.rs`) and as the social card (`card/`), the images with their text
//! (`text.rs`) and colours (`palette.rs`). Pure: text in, text out, tested natively; the
//! browser turns the image's SVG into a PNG (`browser::image`), the build the card's
//! (`png.rs`, feature `card`, native only).

pub mod card;
mod palette;
#[cfg(all(feature = "card", not(target_arch = "wasm32")))]
pub mod png;
pub mod svg;
mod text;
pub mod words;
