//! Object keys as the value tree reads them: borrowed from the text when they need no
//! unescaping.

use serde::de::{self, DeserializeSeed, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Reads an object key, borrowed when it needs no unescaping.
pub(super) struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(self, reader: D) -> Result<Cow<'de, str>, D::Error> {
        reader.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s))
    }

    // Keys are strings in JSON and in JavaScript objects; anything else is refused in words of
    // our own.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Cow<'de, str>, E> {
        Err(E::custom("a field name must be a string"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Cow<'de, str>, E> {
        Err(E::custom("a field name must be a string"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Cow<'de, str>, E> {
        Err(E::custom("a field name must be a string"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Cow<'de, str>, E> {
        Err(E::custom("a field name must be a string"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cow<'de, str>, E> {
        Err(E::custom("a field name must be a string"))
    }
}
