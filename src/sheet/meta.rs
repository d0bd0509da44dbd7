//! The metadata rows above a sheet's header (`title`, `as of`, …): their names as written
//! and as read, and the dataset field each holds.

use super::columns::normalize;

/// The metadata rows above the header: `title`, `as of`, `description`, `methodology`, `language`, each
/// with its value in the next cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meta {
    Title,
    AsOf,
    Description,
    Methodology,
    Language,
}

impl Meta {
    pub const ALL: [Meta; 5] = [
        Meta::Title,
        Meta::AsOf,
        Meta::Description,
        Meta::Methodology,
        Meta::Language,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Meta::Title => "title",
            Meta::AsOf => "as of",
            Meta::Description => "description",
            Meta::Methodology => "methodology",
            Meta::Language => "language",
        }
    }

    /// The dataset field it fills.
    pub fn field(self) -> &'static str {
        match self {
            Meta::Title => "title",
            Meta::AsOf => "as_of",
            Meta::Description => "description",
            Meta::Methodology => "methodology",
            Meta::Language => "language",
        }
    }

    pub fn parse(cell: &str) -> Option<Meta> {
        let name = normalize(cell);
        Meta::ALL.into_iter().find(|m| m.name() == name)
    }
}
