//! Notification rows and their API shape.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::kinds::{NotificationKind, NotificationTarget};
use crate::db::schema::notification_reads;

/// One notification read by the client after the "all read" mark.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notification_reads)]
pub struct ReadRow {
    pub tenant_id: String,
    pub client_id: String,
    pub activity_id: String,
    pub read_at: NaiveDateTime,
}

/// Something the business did that concerns you.
#[derive(Debug, Serialize, ToSchema)]
pub struct Notification {
    /// The id of the activity entry it comes from.
    pub id: String,
    pub kind: NotificationKind,
    #[schema(example = "New quote Q-2026-0003: Brand refresh")]
    pub title: String,
    /// A second line when there is one: a note from the business, a reason.
    pub detail: Option<String>,
    /// Where it leads in the portal.
    pub target: NotificationTarget,
    pub at: DateTime<Utc>,
    pub read: bool,
}

/// A page of notifications, newest first, with how many are unread in all.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
    /// Unread notifications, counted up to 100 (show "99+" above 99).
    pub unread_count: i64,
}

/// How many notifications you have not read.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    /// Counted up to 100 (show "99+" above 99).
    #[schema(example = 3)]
    pub unread_count: i64,
}
