//! Parties, categories, issues and sources as rows name them: each found by its id or its
//! name through an index (a sheet of 200,000 rows looks each up in constant time, not by
//! scanning every one before it), or added in order of first use with an id of its own.

use super::assemble::Builder;
use super::columns::{slug, Col};
use super::error::SheetError;
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
    fn find(&self, id: Option<&str>, name: Option<&str>) -> Option<usize> {
        match (id, name) {
            (Some(id), _) => self.by_id.get(id).copied(),
            (None, Some(name)) => self.by_name.get(&folded(name)).copied(),
            (None, None) => None,
        }
    }

    /// `base`, or `base-2`, `base-3`… if an entity has it already.
    fn unused_id(&self, base: String) -> String {
        if !base.is_empty() && !self.by_id.contains_key(&base) {
            return base;
        }
        (2..)
            .map(|k| format!("{base}-{k}"))
            .find(|id| !self.by_id.contains_key(id))
            .expect("some suffix is free")
    }

    fn push(&mut self, entity: Entity, name: Option<&str>) -> usize {
        let at = self.list.len();
        self.by_id.insert(entity.id.clone(), at);
        if let Some(name) = name {
            self.by_name.entry(folded(name)).or_insert(at);
        }
        self.list.push(entity);
        at
    }

    fn set_name(&mut self, at: usize, name_field: &str, name: &str) {
        self.list[at]
            .fields
            .insert(name_field.to_string(), Value::from(name));
        self.by_name.entry(folded(name)).or_insert(at);
    }
}

impl Builder {
    /// Finds or adds the entity named by `id` (if given) or `name` in `list`; a second,
    /// different name or field for the same one is a problem.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn entity(
        &mut self,
        which: fn(&mut Builder) -> &mut Entities,
        row: usize,
        id: Option<&str>,
        name: Option<&str>,
        name_field: &str,
        name_col: Col,
        fallback: &str,
        group: usize,
    ) -> Result<Option<usize>, SheetError> {
        if id.is_none() && name.is_none() {
            return Ok(None);
        }
        let list = which(self);
        if let Some(i) = list.find(id, name) {
            let known = list[i]
                .fields
                .get(name_field)
                .and_then(Value::as_str)
                .map(str::to_string);
            let first = list[i].row;
            return match (known, name) {
                (Some(known), Some(name)) if known != name => {
                    let same = if id.is_some() { "the same id" } else { "it" };
                    Err(self.error(
                        row,
                        name_col,
                        format!(
                            "\"{name}\" differs from \"{known}\", the name given to {same} in \
                             row {first}: write it the same way everywhere"
                        ),
                    ))
                }
                (None, Some(name)) => {
                    which(self).set_name(i, name_field, name);
                    Ok(Some(i))
                }
                _ => Ok(Some(i)),
            };
        }
        let n = list.len() + 1;
        // Sources get a short id of their own: an id made from a URL would be long and unreadable.
        let derived = || {
            if name_field == "url" {
                format!("{fallback}-{n}")
            } else {
                slug(name.unwrap_or_default(), &format!("{fallback}-{n}"))
            }
        };
        let id = list.unused_id(id.map(str::to_string).unwrap_or_else(derived));
        let mut fields = Map::new();
        fields.insert("id".into(), Value::from(id.clone()));
        if let Some(name) = name {
            fields.insert(name_field.into(), Value::from(name));
        }
        let entity = Entity {
            id,
            fields,
            row,
            group,
        };
        Ok(Some(list.push(entity, name)))
    }

    /// Sets an optional field of an entity; a different value than a row before gave is a problem.
    pub(super) fn detail(
        &mut self,
        which: fn(&mut Builder) -> &mut Entities,
        index: usize,
        field: &str,
        value: Option<Value>,
        row: usize,
        col: Col,
    ) -> Result<(), SheetError> {
        let Some(value) = value else { return Ok(()) };
        let entity = &mut which(self).list[index];
        match entity.fields.get(field) {
            Some(known) if *known != value => {
                let message = format!(
                    "{value} differs from {known}, given for the same one in row {}",
                    entity.row
                );
                Err(self.error(row, col, message))
            }
            _ => {
                entity.fields.insert(field.to_string(), value);
                Ok(())
            }
        }
    }
}
