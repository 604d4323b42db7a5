//! Project and task queries. Every function takes the tenant id first (and, for the
//! portal, the client id): no query on projects without them.

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::db::text::{contains_pattern, lower};

use super::model::{Progress, ProjectChanges, ProjectRow, TaskChanges, TaskRow, task_status_of};
use crate::db::DbConn;
use crate::db::schema::{clients, projects, tasks};

pub struct ListFilter {
    /// Only these statuses; empty means all.
    pub statuses: Vec<&'static str>,
    /// Only this client's projects (always set for the portal).
    pub client_id: Option<String>,
    /// Case-insensitive substring of the project's or the client's name.
    pub q: Option<String>,
    /// The id the page starts after (newest first).
    pub before_id: Option<String>,
    pub limit: i64,
}

/// Projects newest first, with their client's name.
pub fn list(conn: &mut DbConn, tenant_id: &str, f: &ListFilter) -> QueryResult<Vec<(ProjectRow, String)>> {
    let mut query = projects::table
        .inner_join(clients::table)
        .filter(projects::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .select((ProjectRow::as_select(), clients::name))
        .order(projects::id.desc())
        .limit(f.limit)
        .into_boxed();
    if !f.statuses.is_empty() {
        query = query.filter(projects::status.eq_any(f.statuses.clone()));
    }
    if let Some(client_id) = &f.client_id {
        query = query.filter(projects::client_id.eq(client_id.clone()));
    }
    if let Some(before) = &f.before_id {
        query = query.filter(projects::id.lt(before.clone()));
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        query = query.filter(
            lower(projects::name)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(clients::name).like(pattern).escape('\\')),
        );
    }
    query.load(conn)
}

/// One project of this tenant (and of this client, when given), with its client's name.
pub fn get(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: Option<&str>,
    id: &str,
) -> QueryResult<Option<(ProjectRow, String)>> {
    let mut query = projects::table
        .inner_join(clients::table)
        .filter(projects::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(projects::id.eq(id))
        .select((ProjectRow::as_select(), clients::name))
        .into_boxed();
    if let Some(client_id) = client_id {
        query = query.filter(projects::client_id.eq(client_id.to_string()));
    }
    query.first(conn).optional()
}

/// The progress of each project, in one grouped query for the whole page.
pub fn progress(conn: &mut DbConn, tenant_id: &str, ids: &[String]) -> QueryResult<HashMap<String, Progress>> {
    let counts: Vec<(String, String, i64)> = tasks::table
        .filter(tasks::tenant_id.eq(tenant_id))
        .filter(tasks::project_id.eq_any(ids))
        .group_by((tasks::project_id, tasks::status))
        .select((tasks::project_id, tasks::status, count_star()))
        .load(conn)?;
    let mut by_project: HashMap<String, Vec<_>> = HashMap::new();
    for (project_id, status, n) in counts {
        by_project.entry(project_id).or_default().push((task_status_of(&status), n));
    }
    Ok(ids.iter().map(|id| (id.clone(), Progress::of(by_project.remove(id).unwrap_or_default()))).collect())
}

pub fn insert(conn: &mut DbConn, row: &ProjectRow) -> QueryResult<()> {
    diesel::insert_into(projects::table).values(row).execute(conn).map(|_| ())
}

/// Applies `changes`; the number of rows changed (0 when no such project in this tenant).
pub fn update(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &ProjectChanges) -> QueryResult<usize> {
    diesel::update(projects::table.filter(projects::tenant_id.eq(tenant_id)).filter(projects::id.eq(id)))
        .set(changes)
        .execute(conn)
}

/// A project's tasks in board order.
pub fn tasks(conn: &mut DbConn, tenant_id: &str, project_id: &str) -> QueryResult<Vec<TaskRow>> {
    tasks::table
        .filter(tasks::tenant_id.eq(tenant_id))
        .filter(tasks::project_id.eq(project_id))
        .order((tasks::position, tasks::id))
        .select(TaskRow::as_select())
        .load(conn)
}

pub fn get_task(conn: &mut DbConn, tenant_id: &str, project_id: &str, id: &str) -> QueryResult<Option<TaskRow>> {
    tasks::table
        .filter(tasks::tenant_id.eq(tenant_id))
        .filter(tasks::project_id.eq(project_id))
        .filter(tasks::id.eq(id))
        .select(TaskRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_task(conn: &mut DbConn, row: &TaskRow) -> QueryResult<()> {
    diesel::insert_into(tasks::table).values(row).execute(conn).map(|_| ())
}

pub fn update_task(
    conn: &mut DbConn,
    tenant_id: &str,
    project_id: &str,
    id: &str,
    changes: &TaskChanges,
) -> QueryResult<usize> {
    diesel::update(
        tasks::table
            .filter(tasks::tenant_id.eq(tenant_id))
            .filter(tasks::project_id.eq(project_id))
            .filter(tasks::id.eq(id)),
    )
    .set(changes)
    .execute(conn)
}

pub fn delete_task(conn: &mut DbConn, tenant_id: &str, project_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(
        tasks::table
            .filter(tasks::tenant_id.eq(tenant_id))
            .filter(tasks::project_id.eq(project_id))
            .filter(tasks::id.eq(id)),
    )
    .execute(conn)
}
