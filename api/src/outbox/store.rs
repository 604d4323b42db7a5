//! Outbox queries.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::dsl::{count_star, min};
use diesel::prelude::*;

use crate::db::schema::outbox;
use crate::db::{DbConn, new_id, now};
use crate::mail::Email;
use crate::sms::Sms;

pub const KIND_EMAIL: &str = "email";
pub const KIND_SMS: &str = "sms";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: String,
    pub tenant_id: Option<String>,
    pub kind: String,
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    /// What a login message was for (`login_code`, `invite`); None for everything else.
    pub purpose: Option<String>,
    /// Whom a login message went to (an email address or an E.164 number).
    pub recipient: Option<String>,
    /// Given up (`dead`) because the receiving server refused it for good.
    pub bounced: bool,
}

/// Marks a message staff may need to trace for someone: a login code, an invitation.
#[derive(Debug, Clone, Copy)]
pub struct Tag<'a> {
    pub purpose: &'a str,
    pub recipient: &'a str,
}

pub const PURPOSE_LOGIN: &str = "login_code";
pub const PURPOSE_INVITE: &str = "invite";

/// Queues an email; call inside the transaction of its cause.
pub fn enqueue_email(conn: &mut DbConn, tenant_id: Option<&str>, email: &Email) -> QueryResult<String> {
    enqueue(conn, tenant_id, KIND_EMAIL, email)
}

/// Queues an email staff can later find by its recipient (see `traced`).
pub fn enqueue_traced_email(
    conn: &mut DbConn,
    tenant_id: Option<&str>,
    email: &Email,
    purpose: &str,
) -> QueryResult<String> {
    insert(conn, tenant_id, KIND_EMAIL, email, Some(Tag { purpose, recipient: &email.to }))
}

/// Queues a text message staff can later find by its number.
pub fn enqueue_traced_sms(conn: &mut DbConn, tenant_id: Option<&str>, sms: &Sms, purpose: &str) -> QueryResult<String> {
    insert(conn, tenant_id, KIND_SMS, sms, Some(Tag { purpose, recipient: &sms.to }))
}

/// The latest traced messages of a tenant to any of `recipients`, newest first.
pub fn traced(conn: &mut DbConn, tenant_id: &str, recipients: &[String], limit: i64) -> QueryResult<Vec<OutboxRow>> {
    outbox::table
        .filter(outbox::tenant_id.eq(tenant_id))
        .filter(outbox::recipient.eq_any(recipients))
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)
}

/// Queues a text message; call inside the transaction of its cause.
pub fn enqueue_sms(conn: &mut DbConn, tenant_id: Option<&str>, sms: &Sms) -> QueryResult<String> {
    enqueue(conn, tenant_id, KIND_SMS, sms)
}

/// Queues a message of a `kind` a `worker::Courier` delivers (webhooks: the outbox itself
/// knows no more of them than their kind); call inside the transaction of its cause.
pub fn enqueue(
    conn: &mut DbConn,
    tenant_id: Option<&str>,
    kind: &str,
    payload: &impl serde::Serialize,
) -> QueryResult<String> {
    insert(conn, tenant_id, kind, payload, None)
}

fn insert(
    conn: &mut DbConn,
    tenant_id: Option<&str>,
    kind: &str,
    payload: &impl serde::Serialize,
    tag: Option<Tag<'_>>,
) -> QueryResult<String> {
    let payload = serde_json::to_string(payload).unwrap_or_default();
    let at = now();
    let row = OutboxRow {
        id: new_id(),
        tenant_id: tenant_id.map(str::to_string),
        kind: kind.into(),
        payload,
        status: "pending".into(),
        attempts: 0,
        next_attempt_at: at,
        locked_until: None,
        last_error: None,
        created_at: at,
        sent_at: None,
        purpose: tag.map(|t| t.purpose.to_string()),
        recipient: tag.map(|t| t.recipient.to_string()),
        bounced: false,
    };
    diesel::insert_into(outbox::table).values(&row).execute(conn)?;
    Ok(row.id)
}

/// Leases up to `limit` due rows for `lease`. A row whose lease ran out (its worker died)
/// is due again, so nothing committed is ever stranded.
pub fn claim_due(conn: &mut DbConn, limit: i64, lease: TimeDelta) -> QueryResult<Vec<OutboxRow>> {
    let at = now();
    let free = outbox::locked_until.is_null().or(outbox::locked_until.lt(at));
    let candidates: Vec<String> = outbox::table
        .filter(outbox::status.eq("pending"))
        .filter(outbox::next_attempt_at.le(at))
        .filter(free)
        .order(outbox::next_attempt_at.asc())
        .limit(limit)
        .select(outbox::id)
        .load(conn)?;
    let mut claimed = Vec::new();
    for id in candidates {
        let free = outbox::locked_until.is_null().or(outbox::locked_until.lt(at));
        let n =
            diesel::update(outbox::table.filter(outbox::id.eq(&id)).filter(outbox::status.eq("pending")).filter(free))
                .set(outbox::locked_until.eq(Some(at + lease)))
                .execute(conn)?;
        if n == 1 {
            claimed.push(outbox::table.find(&id).select(OutboxRow::as_select()).first(conn)?);
        }
    }
    Ok(claimed)
}

pub fn mark_sent(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq("sent"),
            outbox::sent_at.eq(Some(now())),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::attempts.eq(outbox::attempts + 1),
        ))
        .execute(conn)
}

/// Records a failed attempt: retried at `retry_at`, or given up (`dead`) when `None`.
pub fn mark_failed(conn: &mut DbConn, id: &str, error: &str, retry_at: Option<NaiveDateTime>) -> QueryResult<usize> {
    let status = if retry_at.is_some() { "pending" } else { "dead" };
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq(status),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::next_attempt_at.eq(retry_at.unwrap_or_else(now)),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(Some(error.chars().take(1000).collect::<String>())),
        ))
        .execute(conn)
}

/// Records a permanent refusal by the receiving server: dead at once, marked `bounced`.
pub fn mark_bounced(conn: &mut DbConn, id: &str, error: &str) -> QueryResult<usize> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq("dead"),
            outbox::bounced.eq(true),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(Some(error.chars().take(1000).collect::<String>())),
        ))
        .execute(conn)
}

/// What the outbox holds undelivered, for `/metrics`.
pub struct Figures {
    /// (kind, status, count) for pending and dead messages.
    pub counts: Vec<(String, String, i64)>,
    /// Pending messages that failed at least once.
    pub retrying: Vec<(String, i64)>,
    pub oldest_pending: Option<NaiveDateTime>,
}

pub fn figures(conn: &mut DbConn) -> QueryResult<Figures> {
    let counts = outbox::table
        .filter(outbox::status.eq_any(["pending", "dead"]))
        .group_by((outbox::kind, outbox::status))
        .select((outbox::kind, outbox::status, count_star()))
        .load(conn)?;
    let retrying = outbox::table
        .filter(outbox::status.eq("pending"))
        .filter(outbox::attempts.gt(0))
        .group_by(outbox::kind)
        .select((outbox::kind, count_star()))
        .load(conn)?;
    let oldest_pending =
        outbox::table.filter(outbox::status.eq("pending")).select(min(outbox::created_at)).first(conn)?;
    Ok(Figures { counts, retrying, oldest_pending })
}
