//! Client queries. Every function takes the tenant id first: no query on clients without it.

use diesel::prelude::*;

use crate::db::text::{contains_pattern, lower};

use super::model::{ClientChanges, ClientRow, ClientSort};
use crate::db::DbConn;
use crate::db::schema::clients;

diesel::define_sql_function! {
    /// SQL `lower` on nullable text.
    #[sql_name = "lower"]
    fn lower_nullable(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}

pub struct ListFilter {
    /// Case-insensitive substring of name, email or company.
    pub q: Option<String>,
    pub statuses: Vec<&'static str>,
    pub sort: ClientSort,
    /// The sort key of the last row of the previous page: `[name, id]` or `[id]`.
    pub after: Option<Vec<String>>,
    pub limit: i64,
}

pub fn list(conn: &mut DbConn, tenant_id: &str, f: &ListFilter) -> QueryResult<Vec<ClientRow>> {
    let mut query = clients::table
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(clients::status.eq_any(f.statuses.clone()))
        .select(ClientRow::as_select())
        .limit(f.limit)
        .into_boxed();
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        query = query.filter(
            lower(clients::name)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(clients::email).like(pattern.clone()).escape('\\'))
                .or(lower_nullable(clients::company).like(pattern).escape('\\').assume_not_null()),
        );
    }
    match (f.sort, f.after.as_deref()) {
        (ClientSort::Name, after) => {
            if let Some([name, id]) = after {
                query = query.filter(
                    clients::name.gt(name.clone()).or(clients::name.eq(name.clone()).and(clients::id.gt(id.clone()))),
                );
            }
            query = query.order((clients::name.asc(), clients::id.asc()));
        }
        (ClientSort::NewestFirst, after) => {
            if let Some([id]) = after {
                query = query.filter(clients::id.lt(id.clone()));
            }
            query = query.order(clients::id.desc());
        }
    }
    query.load(conn)
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<ClientRow>> {
    clients::table
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(clients::id.eq(id))
        .select(ClientRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &ClientRow) -> QueryResult<()> {
    diesel::insert_into(clients::table).values(row).execute(conn).map(|_| ())
}

/// Applies `changes`; `None` when no such client in this tenant.
pub fn update(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &ClientChanges) -> QueryResult<Option<ClientRow>> {
    let n = diesel::update(clients::table.filter(clients::tenant_id.eq(tenant_id)).filter(clients::id.eq(id)))
        .set(changes)
        .execute(conn)?;
    if n == 0 { Ok(None) } else { get(conn, tenant_id, id) }
}

/// The clients of this tenant who may log in with this email (active, portal enabled).
/// The clients of this tenant with this (lowercased) email, the ones still here first,
/// then the oldest.
pub fn by_email(conn: &mut DbConn, tenant_id: &str, email: &str) -> QueryResult<Vec<ClientRow>> {
    let mut rows: Vec<ClientRow> = clients::table
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(clients::email.eq(email))
        .order(clients::id.asc())
        .select(ClientRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|c| c.status == "archived");
    Ok(rows)
}

pub fn portal_accounts(conn: &mut DbConn, tenant_id: &str, email: &str) -> QueryResult<Vec<ClientRow>> {
    clients::table
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(clients::email.eq(email))
        .filter(clients::status.eq("active"))
        .filter(clients::portal_enabled.eq(true))
        .order((clients::name.asc(), clients::id.asc()))
        .select(ClientRow::as_select())
        .load(conn)
}

pub fn record_login(conn: &mut DbConn, tenant_id: &str, id: &str, at: chrono::NaiveDateTime) -> QueryResult<usize> {
    diesel::update(clients::table.filter(clients::tenant_id.eq(tenant_id)).filter(clients::id.eq(id)))
        .set(clients::last_login_at.eq(Some(at)))
        .execute(conn)
}

pub fn record_invite(conn: &mut DbConn, tenant_id: &str, id: &str, at: chrono::NaiveDateTime) -> QueryResult<usize> {
    diesel::update(clients::table.filter(clients::tenant_id.eq(tenant_id)).filter(clients::id.eq(id)))
        .set(clients::invited_at.eq(Some(at)))
        .execute(conn)
}
