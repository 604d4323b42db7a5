//! Calendar feed rows and their API shape.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::calendar_feeds;

pub const STAFF: &str = "staff";
pub const CLIENT: &str = "client";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = calendar_feeds)]
pub struct FeedRow {
    pub id: String,
    pub tenant_id: String,
    pub owner_kind: String,
    pub owner_id: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
}

/// Your private calendar subscription.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CalendarFeed {
    /// Whether a subscription URL exists.
    pub active: bool,
    /// The URL to subscribe to (webcal or "add calendar from URL"); only in the answer that
    /// makes it. Anyone with it sees your appointments: keep it private, make a new one
    /// (which stops the old) if it leaked.
    #[schema(example = "https://portal.example.com/api/v1/calendar/3q2…f9.ics")]
    pub url: Option<String>,
    pub created_at: Option<DateTime<Utc>>,
    /// When a calendar last fetched it.
    pub last_used_at: Option<DateTime<Utc>>,
}
