//! Service queries. Every function takes the tenant id first.

use diesel::prelude::*;

use super::model::{ServiceChanges, ServiceRow};
use crate::db::DbConn;
use crate::db::schema::services;

pub fn list(conn: &mut DbConn, tenant_id: &str, include_inactive: bool) -> QueryResult<Vec<ServiceRow>> {
    let mut query = services::table
        .filter(services::tenant_id.eq(tenant_id))
        .order((services::name.asc(), services::id.asc()))
        .select(ServiceRow::as_select())
        .into_boxed();
    if !include_inactive {
        query = query.filter(services::active.eq(true));
    }
    query.load(conn)
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<ServiceRow>> {
    services::table
        .filter(services::tenant_id.eq(tenant_id))
        .filter(services::id.eq(id))
        .select(ServiceRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &ServiceRow) -> QueryResult<()> {
    diesel::insert_into(services::table).values(row).execute(conn).map(|_| ())
}

/// Applies `changes`; `None` when no such service in this tenant.
pub fn update(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    changes: &ServiceChanges,
) -> QueryResult<Option<ServiceRow>> {
    let n = diesel::update(services::table.filter(services::tenant_id.eq(tenant_id)).filter(services::id.eq(id)))
        .set(changes)
        .execute(conn)?;
    if n == 0 { Ok(None) } else { get(conn, tenant_id, id) }
}
