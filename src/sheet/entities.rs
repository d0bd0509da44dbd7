//! Parties, categories, issues and sources as rows name them, indexed by id and by name: a
//! sheet of 200,000 rows looks each up in constant time, not by scanning every one before it.

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::ops::Deref;

/// A party, category, issue or source: its fields so far and the row that first named it.
pub(super) struct Entity {
    pub(super) id: String,
    pub(super) fields: Map<String, Value>,
    pub(super) row: usize,
    /// The source group a source was first read from (which columns name its fields).
    pub(super) group: usize,
}

/// The entities of one kind in order of first use, indexed by id and by name.
#[derive(Default)]
pub(super) struct Entities {
    list: Vec<Entity>,
    by_id: HashMap<String, usize>,
    /// By the name field as compared: trimmed, in lower case; the first to use a name keeps it.
    by_name: HashMap<String, usize>,
}

impl Deref for Entities {
    type Target = [Entity];
    fn deref(&self) -> &[Entity] {
        &self.list
    }
}

/// A name as rows are compared by: `Russia ` and `russia` name the same party.
fn folded(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Entities {
    /// The entity `id` names, or else the one `name` names.
    pub(super) fn find(&self, id: Option<&str>, name: Option<&str>) -> Option<usize> {
        match (id, name) {
            (Some(id), _) => self.by_id.get(id).copied(),
            (None, Some(name)) => self.by_name.get(&folded(name)).copied(),
            (None, None) => None,
        }
    }

    /// `base`, or `base-2`, `base-3`… if an entity has it already.
    pub(super) fn unused_id(&self, base: String) -> String {
        if !base.is_empty() && !self.by_id.contains_key(&base) {
            return base;
        }
        (2..)
            .map(|k| format!("{base}-{k}"))
            .find(|id| !self.by_id.contains_key(id))
            .expect("some suffix is free")
    }

    pub(super) fn push(&mut self, entity: Entity, name: Option<&str>) -> usize {
        let at = self.list.len();
        self.by_id.insert(entity.id.clone(), at);
        if let Some(name) = name {
            self.by_name.entry(folded(name)).or_insert(at);
        }
        self.list.push(entity);
        at
    }

    pub(super) fn set_name(&mut self, at: usize, name_field: &str, name: &str) {
        self.list[at]
            .fields
            .insert(name_field.to_string(), Value::from(name));
        self.by_name.entry(folded(name)).or_insert(at);
    }

    pub(super) fn get_mut(&mut self, at: usize) -> &mut Entity {
        &mut self.list[at]
    }
}
