//! Where an object sits in a dataset, and the JSON paths of its fields, built only when a
//! problem is reported.

/// Where an object sits: the top level, or element `index` of a top-level list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At {
    list: &'static str,
    index: Option<usize>,
}

impl At {
    pub const TOP: At = At {
        list: "",
        index: None,
    };

    /// An object known by name (`options`, `view`): its fields are `name.key`.
    pub fn named(name: &'static str) -> At {
        At {
            list: name,
            index: None,
        }
    }

    pub fn item(list: &'static str, index: usize) -> At {
        At {
            list,
            index: Some(index),
        }
    }

    /// `positions[3]`, `view`, or the empty path for the top level.
    pub fn path(self) -> String {
        match self.index {
            Some(i) => format!("{}[{i}]", self.list),
            None => self.list.to_string(),
        }
    }

    /// `positions[3].party`, `view.sort`, or `title` at the top level.
    pub fn field(self, key: &str) -> String {
        match self.index {
            Some(i) => format!("{}[{i}].{key}", self.list),
            None if self.list.is_empty() => key.to_string(),
            None => format!("{}.{key}", self.list),
        }
    }
}
