//! What project endpoints share with other domains: making a project (a template makes
//! one too) and reading it back as staff see it.

use serde_json::json;

use super::access::not_found;
use super::model::{CreateProject, Project, ProjectDetail, ProjectRow, ProjectStatus, Task, progress_of, tidy};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::staff::store as staff_store;

/// The project with its tasks and progress, as staff see it.
pub fn detail(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<ProjectDetail, ApiError> {
    let (row, client_name) = store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))?;
    let tasks = store::tasks(conn, tenant_id, id)?;
    let progress = progress_of(&tasks);
    Ok(ProjectDetail {
        project: Project::of(row, client_name, progress),
        tasks: tasks.into_iter().map(Task::from).collect(),
    })
}

/// Refuses a due date before the start date, naming the field.
pub fn check_dates(start: Option<chrono::NaiveDate>, due: Option<chrono::NaiveDate>) -> Result<(), ApiError> {
    match (start, due) {
        (Some(s), Some(d)) if d < s => Err(ApiError::validation("due_date", "must not be before start_date")),
        _ => Ok(()),
    }
}

/// Creates a project and its activity entry in the caller's transaction.
pub fn create_in(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    new: CreateProject,
) -> Result<ProjectDetail, ApiError> {
    let client = client_store::get(conn, tenant_id, &new.client_id)?
        .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
    if client.status == ClientStatus::Archived.as_str() {
        return Err(ApiError::Conflict("The client named in 'client_id' is archived; restore them first.".into()));
    }
    staff_store::ensure_member(conn, tenant_id, new.staff_id.as_deref())?;
    let at = now();
    let row = ProjectRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        client_id: client.id.clone(),
        staff_id: new.staff_id,
        name: new.name.trim().to_string(),
        description: tidy(new.description),
        status: new.status.unwrap_or(ProjectStatus::Planned).as_str().to_string(),
        start_date: new.start_date,
        due_date: new.due_date,
        client_uploads: new.client_uploads,
        created_at: at,
        updated_at: at,
    };
    store::insert(conn, &row)?;
    let subject = Subject { kind: "project", id: &row.id, client_id: Some(&row.client_id) };
    events::record(conn, tenant_id, actor, "created", subject, json!({ "name": row.name }))?;
    detail(conn, tenant_id, &row.id)
}
