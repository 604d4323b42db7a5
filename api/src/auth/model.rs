//! Session DTOs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::store::SessionRow;
use crate::db::utc;

/// One login session.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SessionInfo {
    pub id: String,
    /// `client` or `staff`.
    pub kind: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    /// The session making this request.
    pub current: bool,
    /// A staff member viewing the portal as this client.
    pub impersonated: bool,
}

impl SessionInfo {
    /// `current` is the id of the session making the request, if any.
    pub fn of(row: SessionRow, current: Option<&str>) -> SessionInfo {
        SessionInfo {
            current: current == Some(row.id.as_str()),
            impersonated: row.impersonated_by.is_some(),
            id: row.id,
            kind: row.kind,
            created_at: utc(row.created_at),
            last_seen_at: utc(row.last_seen_at),
            expires_at: utc(row.expires_at),
            user_agent: row.user_agent,
            ip: row.ip,
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SessionList {
    pub items: Vec<SessionInfo>,
}
