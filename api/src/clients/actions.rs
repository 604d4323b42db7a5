//! What client use cases share: the one answer for a client out of reach.

use crate::error::ApiError;

pub(super) fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no client '{id}' in your tenant."))
}
