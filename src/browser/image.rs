//! The "Download image" buttons: the SVG as a file, and the same image drawn on a canvas at 2×
//! as a PNG (1200 px wide at 2×: 2400 device pixels). The SVG goes in as a `data:` URL, which
//! the recommended policy's `img-src 'self' data:` allows and which does not taint the canvas.

use crate::browser::host;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The scale the PNG is drawn at.
pub const PNG_SCALE: u32 = 2;

/// Offers `svg` as `stance-matrix.svg`.
pub fn download_svg(svg: &str) {
    host::download("stance-matrix.svg", "image/svg+xml;charset=utf-8", svg);
}

/// Draws `svg` (`width` × `height` CSS pixels) at 2× and offers it as `stance-matrix.png`.
/// Nothing happens if the browser refuses a step (no canvas, an image it cannot decode).
pub fn download_png(svg: &str, width: u32, height: u32) {
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let Some(canvas) = host::document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(width * PNG_SCALE);
        canvas.set_height(height * PNG_SCALE);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            f64::from(width * PNG_SCALE),
            f64::from(height * PNG_SCALE),
        );
        let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                host::download_blob("stance-matrix.png", &blob);
            }
        });
        let _ = canvas.to_blob_with_type(done.unchecked_ref(), "image/png");
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    );
    image.set_src(&url);
}
