//! Yew components: thin views over the pure modules. One file per component.

mod app;
mod cell_detail;
mod compare;
mod error_view;
mod filter_bar;
mod legend;
mod matrix;
mod row;
mod summary;
mod toolbar;
mod widget;

pub use app::{App, AppProps};
pub use cell_detail::{CellDetail, CellDetailProps};
pub use error_view::error_view;
pub use matrix::{Matrix, MatrixProps};
pub use widget::{Widget, WidgetProps};

use crate::analysis::{pairwise, PairScore};
use crate::model::Dataset;
use crate::search::SearchIndex;
use std::rc::Rc;

/// A loaded dataset with what is derived from it once: the search index and the
/// party-against-party scores (neither depends on the view).
pub struct Loaded {
    pub dataset: Dataset,
    pub index: SearchIndex,
    pub pairs: Vec<Vec<PairScore>>,
    /// The text as loaded, offered as the JSON download.
    pub text: String,
    /// `?data=` as given, or `None` for the bundled dataset.
    pub data_url: Option<String>,
}

impl Loaded {
    pub fn new(dataset: Dataset, text: String, data_url: Option<String>) -> Loaded {
        Loaded { index: SearchIndex::new(&dataset), pairs: pairwise(&dataset), dataset, text, data_url }
    }
}

/// Shared handle to a `Loaded`, compared by identity so props comparisons stay O(1).
#[derive(Clone)]
pub struct Data(pub Rc<Loaded>);

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Data {
    type Target = Loaded;
    fn deref(&self) -> &Loaded {
        &self.0
    }
}
