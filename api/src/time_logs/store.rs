//! Time log queries. Every function takes the tenant id first; the portal's take the
//! client id too and load billable entries only.

use std::collections::HashMap;

use diesel::prelude::*;

use super::model::{TimeLogChanges, TimeLogRow};
use crate::db::DbConn;
use crate::db::schema::{projects, staff, time_logs};

pub fn insert(conn: &mut DbConn, row: &TimeLogRow) -> QueryResult<()> {
    diesel::insert_into(time_logs::table).values(row).execute(conn).map(|_| ())
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<TimeLogRow>> {
    time_logs::table
        .filter(time_logs::tenant_id.eq(tenant_id))
        .filter(time_logs::id.eq(id))
        .select(TimeLogRow::as_select())
        .first(conn)
        .optional()
}

pub fn update(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &TimeLogChanges) -> QueryResult<usize> {
    diesel::update(time_logs::table.filter(time_logs::tenant_id.eq(tenant_id)).filter(time_logs::id.eq(id)))
        .set(changes)
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(time_logs::table.filter(time_logs::tenant_id.eq(tenant_id)).filter(time_logs::id.eq(id)))
        .execute(conn)
}

/// A project's entries, newest work date first (`billable_only` for the client).
pub fn of_project(
    conn: &mut DbConn,
    tenant_id: &str,
    project_id: &str,
    billable_only: bool,
) -> QueryResult<Vec<TimeLogRow>> {
    let mut query = time_logs::table
        .filter(time_logs::tenant_id.eq(tenant_id))
        .filter(time_logs::project_id.eq(project_id))
        .order((time_logs::work_date.desc(), time_logs::id.desc()))
        .select(TimeLogRow::as_select())
        .into_boxed();
    if billable_only {
        query = query.filter(time_logs::billable.eq(true));
    }
    query.load(conn)
}

/// The billable entries on all of a client's projects, with each project's name.
pub fn billable_of_client(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
) -> QueryResult<Vec<(TimeLogRow, String)>> {
    time_logs::table
        .inner_join(projects::table)
        .filter(time_logs::tenant_id.eq(tenant_id))
        .filter(projects::tenant_id.eq(tenant_id))
        .filter(projects::client_id.eq(client_id))
        .filter(time_logs::billable.eq(true))
        .order((time_logs::work_date.desc(), time_logs::id.desc()))
        .select((TimeLogRow::as_select(), projects::name))
        .load(conn)
}

/// Names of the staff members among these ids.
pub fn staff_names(conn: &mut DbConn, tenant_id: &str, ids: &[String]) -> QueryResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = staff::table
        .filter(staff::tenant_id.eq(tenant_id))
        .filter(staff::id.eq_any(ids))
        .select((staff::id, staff::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}
