//! Webhook queries. Every one takes the tenant id first.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{DeliveryRow, EndpointRow, MessageRow};
use crate::db::DbConn;
use crate::db::schema::{webhook_deliveries, webhook_endpoints, webhook_messages};

/// The tenant's enabled endpoints: the one query a domain change pays for webhooks.
pub fn enabled(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::tenant_id.eq(tenant_id))
        .filter(webhook_endpoints::enabled.eq(true))
        .select(EndpointRow::as_select())
        .order(webhook_endpoints::id.asc())
        .load(conn)
}

pub fn list(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::tenant_id.eq(tenant_id))
        .select(EndpointRow::as_select())
        .order(webhook_endpoints::id.asc())
        .load(conn)
}

pub fn count(conn: &mut DbConn, tenant_id: &str) -> QueryResult<i64> {
    webhook_endpoints::table.filter(webhook_endpoints::tenant_id.eq(tenant_id)).count().get_result(conn)
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::tenant_id.eq(tenant_id))
        .filter(webhook_endpoints::id.eq(id))
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &EndpointRow) -> QueryResult<usize> {
    diesel::insert_into(webhook_endpoints::table).values(row).execute(conn)
}

/// Writes every editable column of `row` (url, description, events, enabled, secret,
/// failing_since, updated_at).
pub fn save(conn: &mut DbConn, row: &EndpointRow) -> QueryResult<usize> {
    diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::tenant_id.eq(&row.tenant_id))
            .filter(webhook_endpoints::id.eq(&row.id)),
    )
    .set((
        webhook_endpoints::url.eq(&row.url),
        webhook_endpoints::description.eq(&row.description),
        webhook_endpoints::events.eq(&row.events),
        webhook_endpoints::enabled.eq(row.enabled),
        webhook_endpoints::secret.eq(&row.secret),
        webhook_endpoints::failing_since.eq(row.failing_since),
        webhook_endpoints::updated_at.eq(row.updated_at),
    ))
    .execute(conn)
}

pub fn delete(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(
        webhook_endpoints::table
            .filter(webhook_endpoints::tenant_id.eq(tenant_id))
            .filter(webhook_endpoints::id.eq(id)),
    )
    .execute(conn)
}

/// After a 2xx: the endpoint is healthy again.
pub fn mark_success(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::tenant_id.eq(tenant_id))
            .filter(webhook_endpoints::id.eq(id)),
    )
    .set((webhook_endpoints::last_success_at.eq(Some(at)), webhook_endpoints::failing_since.eq(None::<NaiveDateTime>)))
    .execute(conn)
}

pub fn mark_failure(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::tenant_id.eq(tenant_id))
            .filter(webhook_endpoints::id.eq(id)),
    )
    .set(webhook_endpoints::last_failure_at.eq(Some(at)))
    .execute(conn)
}

/// A message ran out of retries: the endpoint is failing from now, unless it already was.
/// Returns 1 when it just became failing (so staff are emailed once, not per message).
pub fn mark_failing(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::tenant_id.eq(tenant_id))
            .filter(webhook_endpoints::id.eq(id))
            .filter(webhook_endpoints::failing_since.is_null()),
    )
    .set(webhook_endpoints::failing_since.eq(Some(at)))
    .execute(conn)
}

pub fn insert_message(conn: &mut DbConn, row: &MessageRow) -> QueryResult<usize> {
    diesel::insert_into(webhook_messages::table).values(row).execute(conn)
}

pub fn message(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<MessageRow>> {
    webhook_messages::table
        .filter(webhook_messages::tenant_id.eq(tenant_id))
        .filter(webhook_messages::id.eq(id))
        .select(MessageRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_delivery(conn: &mut DbConn, row: &DeliveryRow) -> QueryResult<usize> {
    diesel::insert_into(webhook_deliveries::table).values(row).execute(conn)
}

pub fn delivery(conn: &mut DbConn, tenant_id: &str, endpoint_id: &str, id: &str) -> QueryResult<Option<DeliveryRow>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::tenant_id.eq(tenant_id))
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .filter(webhook_deliveries::id.eq(id))
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

/// An endpoint's attempts, newest first, `limit` rows after the cursor's id.
pub fn deliveries(
    conn: &mut DbConn,
    tenant_id: &str,
    endpoint_id: &str,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<DeliveryRow>> {
    let mut query = webhook_deliveries::table
        .filter(webhook_deliveries::tenant_id.eq(tenant_id))
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .select(DeliveryRow::as_select())
        .order(webhook_deliveries::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(webhook_deliveries::id.lt(before.to_string()));
    }
    query.load(conn)
}
