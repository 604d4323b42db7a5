//! What message use cases share: the one answer for a thread out of reach.

use crate::error::ApiError;

pub fn thread_not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no thread '{id}'."))
}
