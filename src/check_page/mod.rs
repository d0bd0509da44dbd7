//! The check page (`check.html`, its own wasm bundle built with feature `sheet`): an editor
//! pastes or drops a dataset, JSON or a sheet, and sees every problem or a live preview of the
//! matrix as readers will see it; then downloads the JSON and copies the embed code.

mod embed_code;
mod lists;
mod page;

pub use page::CheckPage;

/// The id of the element the check page mounts into (see `web/check.html`).
pub const CHECK_ROOT_ID: &str = "stance-matrix-check";

/// Mounts the check page.
pub fn start() {
    crate::browser::panic_view::install();
    let Some(root) = crate::browser::host::document().get_element_by_id(CHECK_ROOT_ID) else {
        return;
    };
    root.set_text_content(None);
    crate::browser::host::mark(&root, "ready");
    crate::browser::host::set_root(root.clone());
    yew::Renderer::<CheckPage>::with_root(root).render();
}
