//! Payment, provider, checkout-session and webhook-event queries, each scoped by tenant.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{CheckoutRow, PaymentEventRow, ProviderRow};
use crate::db::DbConn;
use crate::db::schema::{checkout_sessions, payment_events, payment_providers};

pub fn providers(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<ProviderRow>> {
    payment_providers::table
        .filter(payment_providers::tenant_id.eq(tenant_id))
        .order(payment_providers::provider)
        .select(ProviderRow::as_select())
        .load(conn)
}

pub fn provider(conn: &mut DbConn, tenant_id: &str, provider: &str) -> QueryResult<Option<ProviderRow>> {
    payment_providers::table
        .filter(payment_providers::tenant_id.eq(tenant_id))
        .filter(payment_providers::provider.eq(provider))
        .select(ProviderRow::as_select())
        .first(conn)
        .optional()
}

/// Inserts or replaces the tenant's row for `row.provider` (callers hold the transaction).
pub fn save_provider(conn: &mut DbConn, row: &ProviderRow) -> QueryResult<()> {
    let n = diesel::update(
        payment_providers::table
            .filter(payment_providers::tenant_id.eq(&row.tenant_id))
            .filter(payment_providers::provider.eq(&row.provider)),
    )
    .set((
        payment_providers::secret_key.eq(&row.secret_key),
        payment_providers::webhook_secret.eq(&row.webhook_secret),
        payment_providers::key_hint.eq(&row.key_hint),
        payment_providers::enabled.eq(row.enabled),
        payment_providers::updated_at.eq(row.updated_at),
    ))
    .execute(conn)?;
    if n == 0 {
        diesel::insert_into(payment_providers::table).values(row).execute(conn)?;
    }
    Ok(())
}

pub fn delete_provider(conn: &mut DbConn, tenant_id: &str, provider: &str) -> QueryResult<usize> {
    diesel::delete(
        payment_providers::table
            .filter(payment_providers::tenant_id.eq(tenant_id))
            .filter(payment_providers::provider.eq(provider)),
    )
    .execute(conn)
}

pub fn insert_checkout(conn: &mut DbConn, row: &CheckoutRow) -> QueryResult<()> {
    diesel::insert_into(checkout_sessions::table).values(row).execute(conn).map(|_| ())
}

/// A checkout session by the provider's reference for it.
pub fn checkout_by_ref(
    conn: &mut DbConn,
    tenant_id: &str,
    provider: &str,
    provider_ref: &str,
) -> QueryResult<Option<CheckoutRow>> {
    checkout_sessions::table
        .filter(checkout_sessions::tenant_id.eq(tenant_id))
        .filter(checkout_sessions::provider.eq(provider))
        .filter(checkout_sessions::provider_ref.eq(provider_ref))
        .select(CheckoutRow::as_select())
        .first(conn)
        .optional()
}

/// open → completed or rejected (a completed one stays completed).
pub fn close_checkout(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    status: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        checkout_sessions::table
            .filter(checkout_sessions::tenant_id.eq(tenant_id))
            .filter(checkout_sessions::id.eq(id))
            .filter(checkout_sessions::status.eq("open")),
    )
    .set((checkout_sessions::status.eq(status), checkout_sessions::completed_at.eq(at)))
    .execute(conn)
}

pub fn insert_event(conn: &mut DbConn, row: &PaymentEventRow) -> QueryResult<()> {
    diesel::insert_into(payment_events::table).values(row).execute(conn).map(|_| ())
}

/// Webhook events newest first.
pub fn events(
    conn: &mut DbConn,
    tenant_id: &str,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<PaymentEventRow>> {
    let mut query = payment_events::table
        .filter(payment_events::tenant_id.eq(tenant_id))
        .order(payment_events::id.desc())
        .limit(limit)
        .select(PaymentEventRow::as_select())
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(payment_events::id.lt(before.to_string()));
    }
    query.load(conn)
}
