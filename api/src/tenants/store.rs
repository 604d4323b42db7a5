//! Tenant queries.

use diesel::prelude::*;

use super::model::{TenantChanges, TenantRow};
use crate::db::DbConn;
use crate::db::schema::tenants;
use crate::error::ApiError;

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<TenantRow>> {
    tenants::table.filter(tenants::slug.eq(slug)).select(TenantRow::as_select()).first(conn).optional()
}

pub fn find_by_domain(conn: &mut DbConn, host: &str) -> QueryResult<Option<TenantRow>> {
    tenants::table.filter(tenants::custom_domain.eq(host)).select(TenantRow::as_select()).first(conn).optional()
}

pub fn get(conn: &mut DbConn, tenant_id: &str) -> QueryResult<TenantRow> {
    tenants::table.find(tenant_id).select(TenantRow::as_select()).first(conn)
}

pub fn insert(conn: &mut DbConn, row: &TenantRow) -> QueryResult<()> {
    diesel::insert_into(tenants::table).values(row).execute(conn).map(|_| ())
}

pub fn update(conn: &mut DbConn, tenant_id: &str, changes: &TenantChanges) -> QueryResult<TenantRow> {
    diesel::update(tenants::table.find(tenant_id)).set(changes).execute(conn)?;
    get(conn, tenant_id)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    tenants::table.count().get_result(conn)
}

/// Unique violations of `tenants`, in words: which value is taken.
pub fn conflict(err: diesel::result::Error) -> ApiError {
    use diesel::result::{DatabaseErrorKind, Error};
    if let Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) = &err {
        let what = format!("{} {}", info.message(), info.constraint_name().unwrap_or(""));
        if what.contains("custom_domain") {
            return ApiError::Conflict("This custom domain is already used by another portal.".into());
        }
        if what.contains("slug") {
            return ApiError::Conflict("This slug is already taken; choose another.".into());
        }
    }
    err.into()
}
