//! PATCH semantics: a field left out is unchanged, `null` clears it, a value sets it.

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
