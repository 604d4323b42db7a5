//! PATCH semantics: a field left out is unchanged, `null` clears it, a value sets it.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// Use with `#[serde(default, deserialize_with = "double_option")]` on `Option<Option<T>>`:
/// absent → `None`, `null` → `Some(None)`, value → `Some(Some(v))`.
pub fn double_option<'de, T, D>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}

/// Use with `#[serde(default, deserialize_with = "no_null")]` on `Option<T>` for a field that
/// may be left out but never cleared: `null` is refused (422 naming the field) instead of
/// being read as "left out", which would silently change nothing.
pub fn no_null<'de, T, D>(de: D) -> Result<Option<T>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    match Option::<T>::deserialize(de)? {
        Some(value) => Ok(Some(value)),
        None => Err(D::Error::custom("must not be null; leave the field out to keep its value")),
    }
}
