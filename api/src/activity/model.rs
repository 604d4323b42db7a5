//! Activity rows and their API shape.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::activity;
use crate::db::utc;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = activity)]
pub struct ActivityRow {
    pub id: String,
    pub tenant_id: String,
    pub client_id: Option<String>,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub verb: String,
    pub subject_type: String,
    pub subject_id: String,
    pub data: String,
    pub at: NaiveDateTime,
}

/// One entry of the activity log.
#[derive(Debug, Serialize, ToSchema)]
pub struct Activity {
    pub id: String,
    /// The client concerned, if any.
    pub client_id: Option<String>,
    /// `api_key`, `staff`, `client` or `system`.
    #[schema(example = "api_key")]
    pub actor_kind: String,
    pub actor_id: Option<String>,
    /// What happened, e.g. `created`, `updated`, `archived`.
    #[schema(example = "updated")]
    pub verb: String,
    /// The kind of object, e.g. `client`.
    #[schema(example = "client")]
    pub subject_type: String,
    /// `subject_type.verb`, one of a fixed list (a new one is a change to the spec).
    #[schema(value_type = super::catalogue::ActivityKind, example = "client.updated")]
    pub kind: String,
    pub subject_id: String,
    /// Details of the change, e.g. the names of the fields that changed.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub at: DateTime<Utc>,
}

/// A page of activity, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityPage {
    pub items: Vec<Activity>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

impl From<ActivityRow> for Activity {
    fn from(r: ActivityRow) -> Activity {
        Activity {
            id: r.id,
            client_id: r.client_id,
            actor_kind: r.actor_kind,
            actor_id: r.actor_id,
            kind: super::catalogue::kind_of(&r.subject_type, &r.verb),
            verb: r.verb,
            subject_type: r.subject_type,
            subject_id: r.subject_id,
            data: serde_json::from_str(&r.data).unwrap_or(serde_json::Value::Null),
            at: utc(r.at),
        }
    }
}
