//! The feedback row and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::feedback;
use crate::db::utc;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = feedback)]
pub struct FeedbackRow {
    pub id: String,
    pub tenant_id: String,
    pub project_id: String,
    pub client_id: String,
    pub requested_at: NaiveDateTime,
    pub rating: Option<i32>,
    pub comment: Option<String>,
    pub submitted_at: Option<NaiveDateTime>,
}

/// A project's feedback request and, once given, the client's answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectFeedback {
    pub project_id: String,
    pub requested_at: DateTime<Utc>,
    /// 1–5 stars; `null` until the client answers.
    #[schema(example = 5, minimum = 1, maximum = 5)]
    pub rating: Option<i32>,
    pub comment: Option<String>,
    /// When the client answered; `null` while the request is open.
    pub submitted_at: Option<DateTime<Utc>>,
}

impl From<FeedbackRow> for ProjectFeedback {
    fn from(r: FeedbackRow) -> ProjectFeedback {
        ProjectFeedback {
            project_id: r.project_id,
            requested_at: utc(r.requested_at),
            rating: r.rating,
            comment: r.comment,
            submitted_at: r.submitted_at.map(utc),
        }
    }
}

/// The client's rating of a completed project.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitFeedback {
    /// 1 to 5 stars.
    #[validate(range(min = 1, max = 5, message = "must be a whole number from 1 to 5"))]
    #[schema(example = 5, minimum = 1, maximum = 5)]
    pub rating: i32,
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(example = "Lovely to work with, and on time.")]
    #[schema(max_length = 5000)]
    pub comment: Option<String>,
}
