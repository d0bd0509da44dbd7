//! SVG to PNG at build time, with resvg (feature `card`, native only: no wasm carries it), for
//! the social card (`prerender --card`). Fonts are given, never looked up on the machine, so
//! every build draws the same glyphs: DejaVu Sans from Debian's `fonts-dejavu-core`, which
//! covers Latin, Greek and Cyrillic, and which the images' font list names.
//!
//! `tests/card_png.rs` compiles this file into the test itself (`#[path]`), so `cargo test`
//! checks it without the feature.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};
use std::sync::Arc;

/// Where Debian's `fonts-dejavu-core` puts DejaVu Sans (the regular and bold faces).
pub const DEJAVU: [&str; 2] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

/// The font family every generic name (`sans-serif`, and the fallback) resolves to.
const FAMILY: &str = "DejaVu Sans";

/// `svg` drawn at its own size as a PNG file's bytes, with only the fonts in `fonts` (each a
/// TrueType or OpenType file's bytes; `DEJAVU` read from disk, in the build).
pub fn png(svg: &str, fonts: Vec<Vec<u8>>) -> Result<Vec<u8>, String> {
    let mut db = fontdb::Database::new();
    for font in fonts {
        db.load_font_data(font);
    }
    if db.is_empty() {
        return Err("no font to draw the text with".into());
    }
    db.set_sans_serif_family(FAMILY);
    // usvg falls back to the serif family when no name in the list matches.
    db.set_serif_family(FAMILY);
    let options = Options {
        fontdb: Arc::new(db),
        font_family: FAMILY.into(),
        ..Options::default()
    };
    let tree = Tree::from_str(svg, &options).map_err(|e| format!("the SVG: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("no image of {} × {}", size.width(), size.height()))?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("the PNG: {e}"))
}

/// The fonts at `paths`, read; the message names the file that cannot be read.
pub fn read_fonts(paths: &[&str]) -> Result<Vec<Vec<u8>>, String> {
    paths
        .iter()
        .map(|path| {
            std::fs::read(path).map_err(|e| {
                format!("{path}: {e} (DejaVu Sans: install Debian's fonts-dejavu-core, as scripts/build does)")
            })
        })
        .collect()
}
