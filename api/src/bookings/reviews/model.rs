//! Review rows and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::schema::reviews;
use crate::db::utc;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = reviews)]
pub struct ReviewRow {
    pub id: String,
    pub tenant_id: String,
    pub appointment_id: String,
    pub client_id: String,
    pub rating: i32,
    pub text: Option<String>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub moderated_at: Option<NaiveDateTime>,
}

crate::text_enum! {
    /// Where a review stands with the business.
    pub enum ReviewStatus {
        /// Waiting for staff; not public.
        Pending = "pending",
        /// Public on the portal.
        Approved = "approved",
        /// Kept, never public.
        Rejected = "rejected",
    }
}

/// A review as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Review {
    pub id: String,
    pub appointment_id: String,
    pub client_id: String,
    pub client_name: String,
    pub service_name: String,
    /// 1 to 5 stars.
    #[schema(example = 5)]
    pub rating: i32,
    pub text: Option<String>,
    pub status: ReviewStatus,
    pub created_at: DateTime<Utc>,
    pub moderated_at: Option<DateTime<Utc>>,
}

impl Review {
    pub fn of(r: ReviewRow, client_name: String, service_name: String) -> Review {
        Review {
            status: ReviewStatus::stored_or(&r.status, ReviewStatus::Pending),
            id: r.id,
            appointment_id: r.appointment_id,
            client_id: r.client_id,
            client_name,
            service_name,
            rating: r.rating,
            text: r.text,
            created_at: utc(r.created_at),
            moderated_at: r.moderated_at.map(utc),
        }
    }
}

/// A client's own review, as the portal shows it on the appointment.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OwnReview {
    pub rating: i32,
    pub text: Option<String>,
    pub status: ReviewStatus,
}

impl From<&ReviewRow> for OwnReview {
    fn from(r: &ReviewRow) -> OwnReview {
        OwnReview {
            rating: r.rating,
            text: r.text.clone(),
            status: ReviewStatus::stored_or(&r.status, ReviewStatus::Pending),
        }
    }
}

/// One of the client's own reviews, as "My reviews" lists it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalReview {
    pub id: String,
    pub appointment_id: String,
    pub service_name: String,
    pub appointment_starts_at: DateTime<Utc>,
    /// 1 to 5 stars.
    #[schema(example = 5)]
    pub rating: i32,
    pub text: Option<String>,
    /// `pending` until the business looks at it; `approved` ones show on its portal page.
    pub status: ReviewStatus,
    pub created_at: DateTime<Utc>,
}

impl PortalReview {
    pub fn of(r: ReviewRow, service_name: String, starts_at: NaiveDateTime) -> PortalReview {
        PortalReview {
            status: ReviewStatus::stored_or(&r.status, ReviewStatus::Pending),
            id: r.id,
            appointment_id: r.appointment_id,
            service_name,
            appointment_starts_at: utc(starts_at),
            rating: r.rating,
            text: r.text,
            created_at: utc(r.created_at),
        }
    }
}

/// The client's reviews, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalReviewList {
    pub items: Vec<PortalReview>,
}

/// A page of reviews, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReviewPage {
    pub items: Vec<Review>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Filters of the review list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewListQuery {
    /// `pending` (default), `approved` or `rejected`.
    #[param(value_type = Option<String>, pattern = "^(?:pending|approved|rejected)$")]
    pub status: Option<String>,
}

/// A client's review of a completed appointment.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateReview {
    #[validate(range(min = 1, max = 5, message = "must be 1 to 5"))]
    #[schema(example = 5)]
    #[schema(minimum = 1, maximum = 5)]
    pub rating: i32,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub text: Option<String>,
}

/// An approved review as anyone may read it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PublicReview {
    pub rating: i32,
    pub text: Option<String>,
    /// First name and initial only.
    #[schema(example = "Maria L.")]
    pub author: String,
    pub service_name: String,
    pub created_at: DateTime<Utc>,
}

/// A tenant's approved reviews, newest first (at most 50), with the average of all.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PublicReviews {
    /// `null` when there are none.
    #[schema(example = 4.5)]
    pub average_rating: Option<f64>,
    /// How many approved reviews there are in all.
    pub count: i64,
    pub items: Vec<PublicReview>,
}

/// "Maria Lopez" → "Maria L."; a single name stays as it is.
pub fn author(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("A client").to_string();
    match words.last().and_then(|w| w.chars().next()) {
        Some(initial) => format!("{first} {initial}."),
        None => first,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn authors_are_a_first_name_and_an_initial() {
        assert_eq!(super::author("Maria Lopez"), "Maria L.");
        assert_eq!(super::author(" Chloé  van  Dubois "), "Chloé D.");
        assert_eq!(super::author("Aiko"), "Aiko");
    }
}
