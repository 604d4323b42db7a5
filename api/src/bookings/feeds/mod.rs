//! Private calendar feeds: one subscription URL per staff member (their appointments) and
//! per client (theirs), served as `text/calendar` for the calendar they already use. The URL
//! holds a random token; only its hash is kept, so the URL is shown once, when made, and
//! making a new one revokes the old.

pub mod model;
pub mod portal;
pub mod public;
pub mod routes;
pub mod store;

use chrono::TimeDelta;

use self::model::{CalendarFeed, FeedRow};
use crate::auth::otp::{new_link_token, sha256_hex};
use crate::config::Config;
use crate::db::{DbConn, new_id, now, utc};
use crate::error::ApiError;

/// A feed shows appointments from this long ago…
pub const PAST: TimeDelta = TimeDelta::days(60);
/// …to this far ahead.
pub const AHEAD: TimeDelta = TimeDelta::days(400);

/// The feed's URL for `token`.
pub fn url(config: &Config, token: &str) -> String {
    config.public(&format!("/api/v1/calendar/{token}.ics"))
}

/// Makes a new feed for the owner, revoking any earlier one; returns it with its URL.
pub fn make(
    conn: &mut DbConn,
    config: &Config,
    tenant_id: &str,
    kind: &str,
    owner_id: &str,
) -> Result<CalendarFeed, ApiError> {
    let token = new_link_token();
    let row = FeedRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        owner_kind: kind.to_string(),
        owner_id: owner_id.to_string(),
        token_hash: sha256_hex(&token),
        created_at: now(),
        last_used_at: None,
    };
    store::remove(conn, tenant_id, kind, owner_id)?;
    store::insert(conn, &row)?;
    Ok(CalendarFeed {
        active: true,
        url: Some(url(config, &token)),
        created_at: Some(utc(row.created_at)),
        last_used_at: None,
    })
}

/// Whether the owner has a feed (its URL is not kept, so not shown again).
pub fn status(conn: &mut DbConn, tenant_id: &str, kind: &str, owner_id: &str) -> Result<CalendarFeed, ApiError> {
    Ok(match store::of(conn, tenant_id, kind, owner_id)? {
        Some(row) => CalendarFeed {
            active: true,
            url: None,
            created_at: Some(utc(row.created_at)),
            last_used_at: row.last_used_at.map(utc),
        },
        None => CalendarFeed { active: false, url: None, created_at: None, last_used_at: None },
    })
}
