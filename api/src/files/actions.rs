//! What file use cases share: recording a stored upload as a project's file, with its entry
//! in the activity log.

use serde_json::json;

use super::model::FileRow;
use super::store;
use super::upload::Stored;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::projects::model::ProjectRow;

/// Records a stored upload as a file of the project, with its activity entry.
pub fn record_project_file(
    conn: &mut DbConn,
    actor: &Actor,
    project: &ProjectRow,
    stored: &Stored,
    deliverable_id: Option<String>,
    client_visible: bool,
) -> Result<FileRow, ApiError> {
    let row = project_file_row(actor, project, stored, deliverable_id, client_visible, false);
    store::insert(conn, &row)?;
    // An internal file leaves no trace the client could read.
    let client_id = client_visible.then_some(project.client_id.as_str());
    let subject = Subject { kind: "project", id: &project.id, client_id };
    let data = json!({
        "name": project.name,
        "file_id": row.id,
        "file_name": row.name,
        "client_visible": client_visible,
    });
    events::record(conn, &project.tenant_id, actor, "file_uploaded", subject, data)?;
    Ok(row)
}

/// The row of an upload to a project, not inserted yet: its stored bytes, who uploaded it,
/// whether the client sees it, and whether it still waits for its message (`pending`).
pub fn project_file_row(
    actor: &Actor,
    project: &ProjectRow,
    stored: &Stored,
    deliverable_id: Option<String>,
    client_visible: bool,
    pending: bool,
) -> FileRow {
    FileRow {
        id: new_id(),
        tenant_id: project.tenant_id.clone(),
        project_id: Some(project.id.clone()),
        deliverable_id,
        product_id: None,
        storage_key: stored.key.clone(),
        name: stored.name.clone(),
        content_type: stored.content_type.clone(),
        size: stored.size,
        sha256: stored.sha256.clone(),
        client_visible,
        uploaded_by_kind: actor.kind().to_string(),
        uploaded_by_id: actor.id().map(str::to_string),
        created_at: now(),
        thumbnail_key: stored.thumbnail_key.clone(),
        message_id: None,
        pending,
    }
}
