//! The demo's deliverables on the project under way: one waiting for Maria's review, one she
//! approved, one still being worked on, so the portal shows each state.

use chrono::Duration;
use serde_json::json;

use super::model::{DeliverableEventKind, DeliverableRow, DeliverableStatus, EventRow};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::projects::demo::DemoProjects;

pub fn seed(conn: &mut DbConn, projects: &DemoProjects) -> Result<(), ApiError> {
    let project = &projects.under_way;
    let maria = Actor::Client { id: project.client_id.clone() };
    let system = Actor::System;
    let at = now();
    let items = [
        ("Moodboard", "Images, textures and references for the new look.", DeliverableStatus::Approved),
        ("Logo concepts", "Three directions for the new logo.", DeliverableStatus::Submitted),
        ("Colour palette", "Primary and accent colours, with print and screen values.", DeliverableStatus::InProgress),
    ];
    for (i, (title, description, status)) in items.into_iter().enumerate() {
        let submitted = (status != DeliverableStatus::InProgress).then(|| at - Duration::days(6 - 2 * i as i64));
        let decided = (status == DeliverableStatus::Approved).then(|| at - Duration::days(5));
        let row = DeliverableRow {
            id: new_id(),
            tenant_id: project.tenant_id.clone(),
            project_id: project.id.clone(),
            title: title.to_string(),
            description: Some(description.to_string()),
            status: status.as_str().to_string(),
            round: i32::from(submitted.is_some()),
            submitted_at: submitted,
            decided_at: decided,
            created_at: at - Duration::days(10),
            updated_at: decided.or(submitted).unwrap_or(at),
        };
        store::insert(conn, &row)?;
        let mut history = vec![];
        if let Some(when) = submitted {
            history.push((DeliverableEventKind::Submitted, &system, when, "deliverable_submitted"));
        }
        if let Some(when) = decided {
            history.push((DeliverableEventKind::Approved, &maria, when, "deliverable_approved"));
        }
        for (kind, actor, when, verb) in history {
            store::insert_event(
                conn,
                &EventRow {
                    id: new_id(),
                    tenant_id: row.tenant_id.clone(),
                    deliverable_id: row.id.clone(),
                    status: kind.as_str().to_string(),
                    comment: None,
                    actor_kind: actor.kind().to_string(),
                    actor_id: actor.id().map(str::to_string),
                    at: when,
                },
            )?;
            let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
            let data = json!({ "name": project.name, "deliverable_id": row.id, "title": row.title, "round": 1 });
            events::record(conn, &project.tenant_id, actor, verb, subject, data)?;
        }
    }
    Ok(())
}
