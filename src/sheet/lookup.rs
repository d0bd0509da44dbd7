//! Finding or adding the party, category, issue or source a row names (by id, or else by
//! name), and setting its details: a second, different name or value is a problem.

use super::assemble::Builder;
use super::columns::{slug, Col};
use super::entities::{Entities, Entity};
use super::error::SheetError;
use serde_json::{Map, Value};

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
        let entity = which(self).get_mut(index);
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
