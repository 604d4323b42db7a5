//! Review queries. Every function takes the tenant id first.

use diesel::prelude::*;

use super::model::ReviewRow;
use crate::db::DbConn;
use crate::db::schema::{appointments, clients, reviews, services};

type Listed = (ReviewRow, String, String);

pub fn insert(conn: &mut DbConn, row: &ReviewRow) -> QueryResult<()> {
    diesel::insert_into(reviews::table).values(row).execute(conn).map(|_| ())
}

/// One review with its client's and service's names.
pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<Listed>> {
    reviews::table
        .inner_join(appointments::table.inner_join(clients::table).inner_join(services::table))
        .filter(reviews::tenant_id.eq(tenant_id))
        .filter(reviews::id.eq(id))
        .select((ReviewRow::as_select(), clients::name, services::name))
        .first(conn)
        .optional()
}

/// Reviews in `status`, newest first, after the cursor's id.
pub fn list(
    conn: &mut DbConn,
    tenant_id: &str,
    status: &str,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Listed>> {
    let mut query = reviews::table
        .inner_join(appointments::table.inner_join(clients::table).inner_join(services::table))
        .filter(reviews::tenant_id.eq(tenant_id))
        .filter(reviews::status.eq(status))
        .select((ReviewRow::as_select(), clients::name, services::name))
        .order(reviews::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(reviews::id.lt(before.to_string()));
    }
    query.load(conn)
}

/// A client's own reviews, newest first, with the service and the appointment's start.
pub fn of_client(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    limit: i64,
) -> QueryResult<Vec<(ReviewRow, String, chrono::NaiveDateTime)>> {
    reviews::table
        .inner_join(appointments::table.inner_join(services::table))
        .filter(reviews::tenant_id.eq(tenant_id))
        .filter(reviews::client_id.eq(client_id))
        .select((ReviewRow::as_select(), services::name, appointments::starts_at))
        .order(reviews::id.desc())
        .limit(limit)
        .load(conn)
}

/// The reviews of these appointments (a client's page of them).
pub fn for_appointments(conn: &mut DbConn, tenant_id: &str, ids: &[String]) -> QueryResult<Vec<ReviewRow>> {
    reviews::table
        .filter(reviews::tenant_id.eq(tenant_id))
        .filter(reviews::appointment_id.eq_any(ids))
        .select(ReviewRow::as_select())
        .load(conn)
}

pub fn set_status(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    status: &str,
    at: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(reviews::table.filter(reviews::tenant_id.eq(tenant_id)).filter(reviews::id.eq(id)))
        .set((reviews::status.eq(status), reviews::moderated_at.eq(Some(at))))
        .execute(conn)
}

/// Every approved rating, for the average and count.
pub fn approved_ratings(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<i32>> {
    reviews::table
        .filter(reviews::tenant_id.eq(tenant_id))
        .filter(reviews::status.eq("approved"))
        .select(reviews::rating)
        .load(conn)
}
