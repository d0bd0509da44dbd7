//! The browser adapters: starting the widget on a page, taking over the pre-render, fetching a
//! dataset or a language's messages, the host page (height, location, downloads) and the panic view. Thin, over `state`.

pub mod fetch;
pub mod height;
pub mod host;
pub mod image;
pub mod languages;
#[cfg(feature = "host-api")]
pub mod mount;
pub mod panic_view;
pub mod start;
pub mod takeover;
