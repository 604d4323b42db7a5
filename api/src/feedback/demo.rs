//! The demo's feedback: asked for on Maria's completed project, not answered yet, so the
//! portal shows the rating form.

use serde_json::json;

use super::model::FeedbackRow;
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::projects::demo::DemoProjects;

pub fn seed(conn: &mut DbConn, projects: &DemoProjects) -> Result<(), ApiError> {
    let project = &projects.completed;
    store::insert(
        conn,
        &FeedbackRow {
            id: new_id(),
            tenant_id: project.tenant_id.clone(),
            project_id: project.id.clone(),
            client_id: project.client_id.clone(),
            requested_at: now(),
            rating: None,
            comment: None,
            submitted_at: None,
        },
    )?;
    let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
    events::record(
        conn,
        &project.tenant_id,
        &Actor::System,
        "feedback_requested",
        subject,
        json!({ "name": project.name }),
    )?;
    Ok(())
}
