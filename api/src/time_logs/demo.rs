//! The demo's time on the project under way: billable entries across two months and one
//! non-billable entry the client never sees.

use chrono::Duration;

use super::model::TimeLogRow;
use super::store;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::projects::model::ProjectRow;
use crate::staff::store as staff_store;

/// Demo hourly rate, in cents.
const RATE: i64 = 8000;

/// (days ago, minutes, billable, description); 35 and 3 days apart lie in two months.
const ENTRIES: &[(i64, i32, bool, &str)] = &[
    (35, 90, true, "Kick-off call and brief"),
    (33, 240, true, "Moodboard"),
    (10, 300, true, "Logo concepts"),
    (5, 45, false, "Tidying the project files"),
    (3, 120, true, "Warmer palette and business card mock-up"),
];

pub fn seed(conn: &mut DbConn, project: &ProjectRow) -> Result<(), ApiError> {
    let owner = staff_store::list(conn, &project.tenant_id)?.into_iter().next().map(|s| s.id);
    let at = now();
    for (days, minutes, billable, description) in ENTRIES {
        store::insert(
            conn,
            &TimeLogRow {
                id: new_id(),
                tenant_id: project.tenant_id.clone(),
                project_id: project.id.clone(),
                staff_id: owner.clone(),
                work_date: at.date() - Duration::days(*days),
                minutes: *minutes,
                description: description.to_string(),
                billable: *billable,
                hourly_rate_minor: Some(RATE),
                created_at: at,
                updated_at: at,
            },
        )?;
    }
    Ok(())
}
