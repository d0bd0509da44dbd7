//! A loaded dataset and what is derived from it once (the search index, the pair table), shared
//! by the views through a cheap handle. Pure: no Yew or browser types.

use crate::analysis::PairTable;
use crate::model::{DataErrors, Dataset};
use crate::state::loading::LoadError;
use crate::state::search::SearchIndex;
use std::cell::OnceCell;
use std::rc::Rc;

/// A loaded dataset with what is derived from it once: neither the search index nor the
/// party-against-party scores depend on the view.
pub struct Loaded {
    pub dataset: Dataset,
    pub index: SearchIndex,
    /// Built when first asked for: 500 parties make 124,750 pairs, which a reader who never
    /// opens "Party against party" should not pay for.
    pairs: OnceCell<PairTable>,
    /// `?data=` as given, or `None` for the bundled dataset.
    pub data_url: Option<String>,
}

impl Loaded {
    pub fn new(dataset: Dataset, data_url: Option<String>) -> Loaded {
        Loaded {
            index: SearchIndex::new(&dataset),
            pairs: OnceCell::new(),
            dataset,
            data_url,
        }
    }

    /// Party against party over the whole dataset.
    pub fn pairs(&self) -> &PairTable {
        self.pairs.get_or_init(|| PairTable::new(&self.dataset))
    }
}

impl Data {
    /// A checked dataset ready to show, or why it cannot be: the one way from validation to
    /// the views, for a file and for a host's object alike.
    pub fn checked(
        checked: Result<Dataset, DataErrors>,
        data_url: Option<String>,
    ) -> Result<Data, LoadError> {
        checked
            .map(|dataset| Data(Rc::new(Loaded::new(dataset, data_url))))
            .map_err(LoadError::Invalid)
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
