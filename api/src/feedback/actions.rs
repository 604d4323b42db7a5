//! What feedback use cases share: whether a project's feedback was asked for.

use crate::error::ApiError;

pub(super) fn not_requested(project_id: &str) -> ApiError {
    ApiError::NotFound(format!("No feedback has been requested for project '{project_id}'."))
}

pub fn already_requested(at: chrono::NaiveDateTime) -> ApiError {
    ApiError::Conflict(format!(
        "Feedback on this project was already requested on {}; a client is asked only once.",
        at.format("%Y-%m-%d")
    ))
}
