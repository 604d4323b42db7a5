//! The kept answers. A row is inserted (unfinished) before the request runs, so of two
//! concurrent requests with one key only one runs: the unique (principal, key) decides.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::schema::idempotency_keys;
use crate::db::{DbConn, new_id, now};

/// A first request that has not finished after this long is taken as lost (its process
/// died): a retry may run it again.
const ABANDONED: TimeDelta = TimeDelta::minutes(5);

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys)]
pub struct KeptAnswer {
    pub id: String,
    pub tenant_id: String,
    pub principal: String,
    pub key: String,
    pub fingerprint: String,
    pub status: Option<i32>,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub body: Option<Vec<u8>>,
    pub created_at: NaiveDateTime,
}

pub enum Claim {
    /// This request holds the key now; run it.
    Run { id: String },
    /// The same request already succeeded: answer this.
    Replay(KeptAnswer),
    /// The same key names another request.
    Mismatch,
    /// The first request with this key is still running.
    InProgress,
}

pub fn claim(conn: &mut DbConn, tenant_id: &str, principal: &str, key: &str, fingerprint: &str) -> QueryResult<Claim> {
    // The row that beat our insert can be released (its request failed) before we read it:
    // then the key is free again, and we try once more rather than report it missing.
    for _ in 0..3 {
        if let Some(claim) = try_claim(conn, tenant_id, principal, key, fingerprint)? {
            return Ok(claim);
        }
    }
    Ok(Claim::InProgress)
}

/// One attempt: `None` when the key was taken and freed again while we looked.
fn try_claim(
    conn: &mut DbConn,
    tenant_id: &str,
    principal: &str,
    key: &str,
    fingerprint: &str,
) -> QueryResult<Option<Claim>> {
    let at = now();
    let row = KeptAnswer {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        principal: principal.to_string(),
        key: key.to_string(),
        fingerprint: fingerprint.to_string(),
        status: None,
        content_type: None,
        location: None,
        body: None,
        created_at: at,
    };
    // A nested transaction (a savepoint), so the unique violation does not spoil the outer one
    // on PostgreSQL.
    let inserted = conn.transaction(|conn| diesel::insert_into(idempotency_keys::table).values(&row).execute(conn));
    match inserted {
        Ok(_) => return Ok(Some(Claim::Run { id: row.id })),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
        Err(e) => return Err(e),
    }
    let Some(existing) = idempotency_keys::table
        .filter(idempotency_keys::principal.eq(principal))
        .filter(idempotency_keys::key.eq(key))
        .select(KeptAnswer::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let stale = existing.created_at < at - super::KEEP;
    let lost = existing.status.is_none() && existing.created_at < at - ABANDONED;
    if stale || lost {
        // Take the key over in place: one conditional UPDATE, so of two retries one wins.
        let taken = diesel::update(
            idempotency_keys::table
                .filter(idempotency_keys::id.eq(&existing.id))
                .filter(idempotency_keys::created_at.eq(existing.created_at)),
        )
        .set((
            idempotency_keys::fingerprint.eq(fingerprint),
            idempotency_keys::status.eq(None::<i32>),
            idempotency_keys::content_type.eq(None::<String>),
            idempotency_keys::location.eq(None::<String>),
            idempotency_keys::body.eq(None::<Vec<u8>>),
            idempotency_keys::created_at.eq(at),
        ))
        .execute(conn)?;
        return Ok(Some(if taken == 1 { Claim::Run { id: existing.id } } else { Claim::InProgress }));
    }
    Ok(Some(if existing.fingerprint != fingerprint {
        Claim::Mismatch
    } else if existing.status.is_none() {
        Claim::InProgress
    } else {
        Claim::Replay(existing)
    }))
}

/// Keeps the answer for replay.
pub fn keep(
    conn: &mut DbConn,
    id: &str,
    status: u16,
    content_type: Option<String>,
    location: Option<String>,
    body: Vec<u8>,
) -> QueryResult<usize> {
    diesel::update(idempotency_keys::table.find(id))
        .set((
            idempotency_keys::status.eq(Some(i32::from(status))),
            idempotency_keys::content_type.eq(content_type),
            idempotency_keys::location.eq(location),
            idempotency_keys::body.eq(Some(body)),
        ))
        .execute(conn)
}

/// Frees the key: the request did not succeed, so a corrected retry may use it.
pub fn release(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.find(id)).execute(conn)
}

/// Housekeeping: answers older than `before` are no longer replayed.
pub fn purge_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before))).execute(conn)
}
