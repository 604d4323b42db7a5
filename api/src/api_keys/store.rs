//! API key queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::Scope;
use crate::auth::api_key::NewKey;
use crate::auth::store::ApiKeyRow;
use crate::db::schema::api_keys;
use crate::db::{DbConn, new_id, now};

pub fn insert(
    conn: &mut DbConn,
    tenant_id: &str,
    name: &str,
    key: &NewKey,
    scopes: &[Scope],
) -> QueryResult<ApiKeyRow> {
    let row = ApiKeyRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        name: name.trim().to_string(),
        prefix: key.lookup.clone(),
        hash: key.hash.clone(),
        scopes: Scope::join(scopes),
        created_at: now(),
        last_used_at: None,
        revoked_at: None,
    };
    diesel::insert_into(api_keys::table).values(&row).execute(conn)?;
    Ok(row)
}

pub fn list(conn: &mut DbConn, tenant_id: &str, before_id: Option<&str>, limit: i64) -> QueryResult<Vec<ApiKeyRow>> {
    let mut query = api_keys::table
        .filter(api_keys::tenant_id.eq(tenant_id))
        .select(ApiKeyRow::as_select())
        .order(api_keys::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(api_keys::id.lt(before.to_string()));
    }
    query.load(conn)
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table
        .filter(api_keys::tenant_id.eq(tenant_id))
        .filter(api_keys::id.eq(id))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()
}

/// Marks the key revoked (once; a second call keeps the first time).
pub fn revoke(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        api_keys::table
            .filter(api_keys::tenant_id.eq(tenant_id))
            .filter(api_keys::id.eq(id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(Some(at)))
    .execute(conn)
}
