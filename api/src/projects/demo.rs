//! The demo tenant's projects: one under way with a full board, one completed, one planned
//! for another client. Deliverables, files, threads, time and feedback are added to these
//! by their own folders' demo seeds.

use chrono::{Duration, NaiveDate};
use serde_json::json;

use super::model::{ProjectRow, ProjectStatus, TaskRow, TaskStatus};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::tenants::model::TenantRow;

/// The projects the other demo seeds build on.
pub struct DemoProjects {
    /// Maria's active project, with tasks in every column.
    pub under_way: ProjectRow,
    /// Maria's completed project.
    pub completed: ProjectRow,
}

const UNDER_WAY_TASKS: &[(&str, TaskStatus)] = &[
    ("Kick-off call", TaskStatus::Done),
    ("Moodboard", TaskStatus::Done),
    ("Logo concepts", TaskStatus::Done),
    ("Colour palette", TaskStatus::Review),
    ("Typography", TaskStatus::InProgress),
    ("Confirm print sizes with Maria", TaskStatus::Query),
    ("Stationery set", TaskStatus::Todo),
    ("Brand guidelines PDF", TaskStatus::Todo),
    ("Business cards in letterpress", TaskStatus::Cancelled),
];

const COMPLETED_TASKS: &[(&str, TaskStatus)] = &[
    ("Sitemap", TaskStatus::Done),
    ("Wireframes", TaskStatus::Done),
    ("Visual design", TaskStatus::Done),
    ("Build and launch", TaskStatus::Done),
];

#[allow(clippy::too_many_arguments)]
fn project(
    conn: &mut DbConn,
    tenant: &TenantRow,
    client_id: &str,
    name: &str,
    description: &str,
    status: ProjectStatus,
    dates: (NaiveDate, NaiveDate),
    tasks: &[(&str, TaskStatus)],
) -> Result<ProjectRow, ApiError> {
    let at = now();
    let row = ProjectRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        client_id: client_id.to_string(),
        staff_id: None,
        name: name.to_string(),
        description: Some(description.to_string()),
        status: status.as_str().to_string(),
        start_date: Some(dates.0),
        due_date: Some(dates.1),
        client_uploads: status != ProjectStatus::Completed,
        created_at: at,
        updated_at: at,
    };
    store::insert(conn, &row)?;
    for (i, (title, status)) in tasks.iter().enumerate() {
        store::insert_task(
            conn,
            &TaskRow {
                id: new_id(),
                tenant_id: tenant.id.clone(),
                project_id: row.id.clone(),
                title: title.to_string(),
                status: status.as_str().to_string(),
                position: i as i32,
                due_date: None,
                created_at: at,
                updated_at: at,
            },
        )?;
    }
    let subject = Subject { kind: "project", id: &row.id, client_id: Some(client_id) };
    events::record(conn, &tenant.id, &Actor::System, "created", subject, json!({ "name": name }))?;
    Ok(row)
}

/// `maria` is the demo client who logs in; `other` another active client.
pub fn seed(conn: &mut DbConn, tenant: &TenantRow, maria: &str, other: &str) -> Result<DemoProjects, ApiError> {
    let today = now().date();
    let under_way = project(
        conn,
        tenant,
        maria,
        "Brand refresh",
        "A new identity for Lopez Interiors: logo, colours, type and stationery.",
        ProjectStatus::Active,
        (today - Duration::days(21), today + Duration::days(30)),
        UNDER_WAY_TASKS,
    )?;
    let completed = project(
        conn,
        tenant,
        maria,
        "Website relaunch",
        "The studio's portfolio site, redesigned and rebuilt.",
        ProjectStatus::Completed,
        (today - Duration::days(120), today - Duration::days(40)),
        COMPLETED_TASKS,
    )?;
    project(
        conn,
        tenant,
        other,
        "Shop signage",
        "Signage for the new shop front.",
        ProjectStatus::Planned,
        (today + Duration::days(14), today + Duration::days(60)),
        &[("Site visit", TaskStatus::Todo)],
    )?;
    Ok(DemoProjects { under_way, completed })
}
