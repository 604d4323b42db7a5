//! Staff queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{staff, tenants};
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::i18n::Language;
use crate::tenants::model::TenantRow;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = staff)]
pub struct StaffRow {
    pub id: String,
    pub tenant_id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// When they chose the name clients see; `None` until they do (the console asks).
    pub name_chosen_at: Option<NaiveDateTime>,
    /// The language they read the console and their emails in; `None`: the business's.
    pub language: Option<String>,
}

pub fn insert(conn: &mut DbConn, tenant_id: &str, email: &str, name: &str, role: &str) -> QueryResult<StaffRow> {
    let at = now();
    let row = StaffRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        email: email.to_string(),
        name: name.to_string(),
        role: role.to_string(),
        created_at: at,
        updated_at: at,
        name_chosen_at: None,
        language: None,
    };
    diesel::insert_into(staff::table).values(&row).execute(conn)?;
    Ok(row)
}

pub fn list(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<StaffRow>> {
    staff::table
        .filter(staff::tenant_id.eq(tenant_id))
        .order(staff::email.asc())
        .select(StaffRow::as_select())
        .load(conn)
}

/// Every staff membership of this email, with its tenant: one person may work for several.
pub fn accounts_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Vec<(StaffRow, TenantRow)>> {
    staff::table
        .inner_join(tenants::table)
        .filter(staff::email.eq(email))
        .order((tenants::name.asc(), staff::id.asc()))
        .select((StaffRow::as_select(), TenantRow::as_select()))
        .load(conn)
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<StaffRow>> {
    staff::table
        .filter(staff::tenant_id.eq(tenant_id))
        .filter(staff::id.eq(id))
        .select(StaffRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut DbConn, tenant_id: &str, email: &str) -> QueryResult<Option<StaffRow>> {
    staff::table
        .filter(staff::tenant_id.eq(tenant_id))
        .filter(staff::email.eq(email))
        .select(StaffRow::as_select())
        .first(conn)
        .optional()
}

/// The tenant's owners, locked until the transaction ends on PostgreSQL, so two owners
/// demoting each other at once cannot leave none (SQLite writers already take turns).
pub fn count_owners(conn: &mut DbConn, tenant_id: &str) -> QueryResult<i64> {
    let owners = staff::table.filter(staff::tenant_id.eq(tenant_id)).filter(staff::role.eq("owner")).select(staff::id);
    let ids: Vec<String> = match conn {
        DbConn::Pg(c) => owners.for_update().load(c)?,
        DbConn::Sqlite(c) => owners.load(c)?,
    };
    Ok(ids.len() as i64)
}

pub fn update(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    name: Option<&str>,
    role: Option<&str>,
) -> QueryResult<usize> {
    let target = staff::table.filter(staff::tenant_id.eq(tenant_id)).filter(staff::id.eq(id));
    let mut n = 0;
    if let Some(name) = name {
        n = diesel::update(target).set((staff::name.eq(name), staff::updated_at.eq(now()))).execute(conn)?;
    }
    if let Some(role) = role {
        n = diesel::update(target).set((staff::role.eq(role), staff::updated_at.eq(now()))).execute(conn)?;
    }
    Ok(n)
}

/// The staff member chose the name clients see.
pub fn choose_name(conn: &mut DbConn, tenant_id: &str, id: &str, name: &str) -> QueryResult<usize> {
    let at = now();
    diesel::update(staff::table.filter(staff::tenant_id.eq(tenant_id)).filter(staff::id.eq(id)))
        .set((staff::name.eq(name), staff::name_chosen_at.eq(Some(at)), staff::updated_at.eq(at)))
        .execute(conn)
}

/// The language they read the console and their emails in.
pub fn set_language(conn: &mut DbConn, tenant_id: &str, id: &str, language: Language) -> QueryResult<usize> {
    diesel::update(staff::table.filter(staff::tenant_id.eq(tenant_id)).filter(staff::id.eq(id)))
        .set((staff::language.eq(Some(language.as_str())), staff::updated_at.eq(now())))
        .execute(conn)
}

/// Their login email, proved by a code sent to it.
pub fn set_email(conn: &mut DbConn, tenant_id: &str, id: &str, email: &str) -> QueryResult<usize> {
    diesel::update(staff::table.filter(staff::tenant_id.eq(tenant_id)).filter(staff::id.eq(id)))
        .set((staff::email.eq(email), staff::updated_at.eq(now())))
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(staff::table.filter(staff::tenant_id.eq(tenant_id)).filter(staff::id.eq(id))).execute(conn)
}

/// The owners and admins, oldest first: who is told when nobody in particular is.
pub fn owners_and_admins(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<StaffRow>> {
    staff::table
        .filter(staff::tenant_id.eq(tenant_id))
        .filter(staff::role.eq_any(["owner", "admin"]))
        .select(StaffRow::as_select())
        .order(staff::id)
        .load(conn)
}

/// Who hears about a client's move on something staff look after (a decision, a message, a
/// signature): the staff member assigned to it, or the owners and admins when nobody is
/// (or the assignee has left).
pub fn to_notify(conn: &mut DbConn, tenant_id: &str, assigned: Option<&str>) -> QueryResult<Vec<StaffRow>> {
    if let Some(id) = assigned
        && let Some(member) = get(conn, tenant_id, id)?
    {
        return Ok(vec![member]);
    }
    owners_and_admins(conn, tenant_id)
}

/// A `staff_id` in a request body must name one of the tenant's staff: 404 naming the
/// field otherwise (the id may exist in another tenant, which is as unknown here).
pub fn ensure_member(conn: &mut DbConn, tenant_id: &str, staff_id: Option<&str>) -> Result<(), ApiError> {
    match staff_id {
        Some(id) if get(conn, tenant_id, id)?.is_none() => {
            Err(ApiError::reference("staff_id", "is not a staff member of your business"))
        }
        _ => Ok(()),
    }
}

/// Who hears about the business's side, each with the language they read: its owners and
/// admins, else its sender address.
pub fn business_addresses(conn: &mut DbConn, tenant: &TenantRow) -> QueryResult<Vec<(String, Language)>> {
    let mut to: Vec<(String, Language)> = list(conn, &tenant.id)?
        .into_iter()
        .filter(|s| s.role == "owner" || s.role == "admin")
        .map(|s| (s.email, tenant.language_for(s.language.as_deref())))
        .collect();
    if to.is_empty() {
        to.extend(tenant.mail_from.clone().map(|a| (a, tenant.language())));
    }
    Ok(to)
}
