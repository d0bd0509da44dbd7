//! The JSON value tree that validation walks, read by serde_json through a `Deserialize` of our
//! own: every key of an object in file order, duplicates included (so they can be reported),
//! strings borrowed from the text wherever they need no unescaping (a 20,000-issue file does
//! not become 60,000 small allocations), numbers only as "a number" (validation never reads
//! one), and a nesting bound with our own message. serde_json supplies the grammar, lone
//! surrogates refused, and the line and column of a syntax error.

use super::key::Key;
pub use super::syntax::SyntaxError;
use super::syntax::{error_at, syntax_error};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// A parsed JSON value, borrowing from the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// A number: validation only needs to know that it is one.
    Number,
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Entries in file order, duplicates included.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl Value<'_> {
    /// The JSON type name, as a message to an editor should say it.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The value of the first `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Self> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Deeper nesting than this is refused: no dataset needs it, and it bounds recursion.
pub const MAX_DEPTH: usize = 64;

/// Parses one JSON value filling the whole text (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let start = text.len() - text.trim_start_matches([' ', '\t', '\n', '\r']).len();
    if start == text.len() {
        return Err(error_at(text, text.len(), "the file is empty".into()));
    }
    if text[start..].starts_with('<') {
        return Err(error_at(
            text,
            start,
            "this looks like an HTML page, not JSON".into(),
        ));
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = Seed { depth: 0 }
        .deserialize(&mut reader)
        .and_then(|v| reader.end().map(|()| v));
    value.map_err(|e| syntax_error(text, &e))
}

/// Reads a value from any serde data format that is self-describing, such as a JavaScript
/// object through serde-wasm-bindgen (no JSON text in between). Strings are owned then.
pub fn from_serde<'de, D: de::Deserializer<'de>>(reader: D) -> Result<Value<'de>, D::Error> {
    Seed { depth: 0 }.deserialize(reader)
}

/// Reads one value at nesting `depth`.
#[derive(Clone, Copy)]
struct Seed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Value<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, reader: D) -> Result<Value<'de>, D::Error> {
        reader.deserialize_any(self)
    }
}

impl Seed {
    /// The seed for the items of an array or object at this depth.
    fn inner<E: de::Error>(self) -> Result<Seed, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "nested deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(Seed {
            depth: self.depth + 1,
        })
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Value<'de>, E> {
        Ok(Value::Number)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Value<'de>, E> {
        Ok(Value::Number)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Value<'de>, E> {
        Ok(Value::Number)
    }

    fn visit_i128<E>(self, _: i128) -> Result<Value<'de>, E> {
        Ok(Value::Number)
    }

    fn visit_u128<E>(self, _: u128) -> Result<Value<'de>, E> {
        Ok(Value::Number)
    }

    fn visit_none<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, reader: D) -> Result<Value<'de>, D::Error> {
        reader.deserialize_any(self)
    }

    fn visit_char<E>(self, c: char) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(c.to_string())))
    }

    // Values JSON cannot hold (from a JavaScript object) are refused in words of our own.
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value<'de>, E> {
        Err(E::custom("binary data is not a JSON value"))
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(
        self,
        reader: D,
    ) -> Result<Value<'de>, D::Error> {
        reader.deserialize_any(self)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Value<'de>, A::Error> {
        Err(de::Error::custom("an enum is not a JSON value"))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value<'de>, A::Error> {
        let inner = self.inner()?;
        let mut out = Vec::new();
        while let Some(item) = items.next_element_seed(inner)? {
            out.push(item);
        }
        // A Vec grows to at least four entries: a two-field object would keep room for four
        // (about 60 bytes per issue). Shrinking is in place in the allocator, no copy.
        out.shrink_to_fit();
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value<'de>, A::Error> {
        let inner = self.inner()?;
        let mut out = Vec::new();
        while let Some(key) = entries.next_key_seed(Key)? {
            out.push((key, entries.next_value_seed(inner)?));
        }
        out.shrink_to_fit();
        Ok(Value::Object(out))
    }
}
