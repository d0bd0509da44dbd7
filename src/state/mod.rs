//! The reader's view as plain data: filters and selection, the URL fragment, search, what a
//! host page or a query asks for, and a loaded dataset. Pure: no Yew or browser types.

pub mod derived;
pub mod embed;
pub mod fragment;
pub mod loaded;
pub mod loading;
pub mod options;
pub mod search;
pub mod search_examples;
pub mod view_state;
pub mod visible;
