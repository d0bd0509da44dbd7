//! A loaded dataset and what is derived from it once (the search index, the pair table), shared
//! by the views through a cheap handle. Pure: no Yew or browser types.

use crate::analysis::PairTable;
use crate::model::Dataset;
use crate::search::SearchIndex;
use std::rc::Rc;

/// A loaded dataset with what is derived from it once: neither the search index nor the
/// party-against-party scores depend on the view.
pub struct Loaded {
    pub dataset: Dataset,
    pub index: SearchIndex,
    pub pairs: PairTable,
    /// The text as loaded, offered as the JSON download.
    pub text: String,
    /// `?data=` as given, or `None` for the bundled dataset.
    pub data_url: Option<String>,
}

impl Loaded {
    pub fn new(dataset: Dataset, text: String, data_url: Option<String>) -> Loaded {
        Loaded { index: SearchIndex::new(&dataset), pairs: PairTable::new(&dataset), dataset, text, data_url }
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
