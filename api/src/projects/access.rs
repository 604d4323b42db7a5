//! How the other project folders (deliverables, files, messages, time, feedback) reach a
//! project: always through the caller's tenant, and for a client through their own id, so a
//! project of another tenant or client reads as "not found" everywhere alike.

use super::model::ProjectRow;
use super::store;
use crate::config::Config;
use crate::db::DbConn;
use crate::error::ApiError;

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no project '{id}'."))
}

/// A project of the caller's tenant, or 404.
pub fn staff_project(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<ProjectRow, ApiError> {
    Ok(store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))?.0)
}

/// A project of this client in this tenant, or 404 (never 403: the client cannot tell
/// another client's project from one that does not exist).
pub fn client_project(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str) -> Result<ProjectRow, ApiError> {
    Ok(store::get(conn, tenant_id, Some(client_id), id)?.ok_or_else(|| not_found(id))?.0)
}

/// The project's page in the staff console.
pub fn console_link(config: &Config, project_id: &str) -> String {
    config.public(&format!("/app/projects/{project_id}"))
}

/// The project's page in the client's portal.
pub fn portal_link(config: &Config, tenant_slug: &str, project_id: &str) -> String {
    config.public(&format!("/portal/{tenant_slug}/projects/{project_id}"))
}
