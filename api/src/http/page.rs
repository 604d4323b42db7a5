//! Keyset pagination: `?limit=&cursor=`, answered as `{items, next_cursor}`.
//! A cursor is the sort key of the last row seen, opaque to callers (base64url JSON).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 25;
pub const MAX_LIMIT: i64 = 100;

/// Paging parameters common to every list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1–100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page; omit for the first page.
    #[param(pattern = "^[A-Za-z0-9_-]*$", max_length = 2000)]
    pub cursor: Option<String>,
}

impl PageQuery {
    pub fn limit(&self) -> Result<i64, ApiError> {
        match self.limit.as_deref() {
            None => Ok(DEFAULT_LIMIT),
            Some(raw) => match raw.trim().parse::<i64>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
                _ => Err(ApiError::BadRequest(format!(
                    "'limit' must be a whole number from 1 to {MAX_LIMIT}, not '{raw}'."
                ))),
            },
        }
    }

    pub fn cursor(&self) -> Result<Option<Cursor>, ApiError> {
        self.cursor.as_deref().filter(|c| !c.is_empty()).map(Cursor::decode).transpose()
    }

    /// For lists ordered by id, newest first: the id the next page starts after.
    pub fn after_id(&self) -> Result<Option<String>, ApiError> {
        Ok(match self.cursor()? {
            Some(c) => Some(c.parts(1)?[0].clone()),
            None => None,
        })
    }
}

/// Lists load `limit + 1` rows to learn whether another page follows. This drops the
/// extra row and returns the cursor of the last row kept, or `None` on the last page.
pub fn next_cursor<T>(rows: &mut Vec<T>, limit: i64, key: impl Fn(&T) -> Vec<&str>) -> Option<String> {
    if rows.len() as i64 <= limit {
        return None;
    }
    rows.truncate(limit as usize);
    rows.last().map(|last| Cursor::encode(&key(last)))
}

/// The sort key of the last item of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor(pub Vec<String>);

impl Cursor {
    pub fn encode(parts: &[&str]) -> String {
        let json = serde_json::to_vec(parts).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    /// A cursor outside the alphabet the spec declares (base64url) is a bad request; one in
    /// it that is not a page of this list names a page that does not exist: 404, as for any
    /// other address that names nothing.
    pub fn decode(raw: &str) -> Result<Cursor, ApiError> {
        if !raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(ApiError::BadRequest(
                "'cursor' is not valid: pass the 'next_cursor' of the previous page as it was.".into(),
            ));
        }
        let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| no_such_page())?;
        let parts: Vec<String> = serde_json::from_slice(&bytes).map_err(|_| no_such_page())?;
        Ok(Cursor(parts))
    }

    /// The cursor's parts, checked to be exactly `n` long.
    pub fn parts(&self, n: usize) -> Result<&[String], ApiError> {
        if self.0.len() == n { Ok(&self.0) } else { Err(no_such_page()) }
    }
}

/// A cursor that is not one this list handed out.
pub fn no_such_page() -> ApiError {
    ApiError::NotFound(
        "No page of this list starts at this cursor: pass the 'next_cursor' of the previous page as it was, \
         or start again without it."
            .into(),
    )
}
