//! Deliverable queries. Every function takes the tenant id first. Status changes are single
//! conditional UPDATEs that name the statuses they may start from and report how many rows
//! they changed: 0 means the deliverable was not (or no longer) in one of those statuses,
//! which is how a decision racing another one loses, on SQLite and PostgreSQL alike.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{DeliverableChanges, DeliverableParts, DeliverableRow, DeliverableStatus, EventRow, FileRow};
use crate::db::DbConn;
use crate::db::schema::{deliverable_events, deliverables, files};

/// Which files a reader sees: staff see all, the client only those shared with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    Staff,
    Client,
}

/// A project's deliverables, oldest first, with files and history.
pub fn list(
    conn: &mut DbConn,
    tenant_id: &str,
    project_id: &str,
    viewer: Viewer,
) -> QueryResult<Vec<DeliverableParts>> {
    let rows: Vec<DeliverableRow> = deliverables::table
        .filter(deliverables::tenant_id.eq(tenant_id))
        .filter(deliverables::project_id.eq(project_id))
        .order(deliverables::id.asc())
        .select(DeliverableRow::as_select())
        .load(conn)?;
    with_parts(conn, tenant_id, rows, viewer)
}

/// The bare row of one deliverable of this tenant.
pub fn row(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<DeliverableRow>> {
    deliverables::table
        .filter(deliverables::tenant_id.eq(tenant_id))
        .filter(deliverables::id.eq(id))
        .select(DeliverableRow::as_select())
        .first(conn)
        .optional()
}

/// One deliverable of this tenant with files and history.
pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str, viewer: Viewer) -> QueryResult<Option<DeliverableParts>> {
    let rows: Vec<DeliverableRow> = row(conn, tenant_id, id)?.into_iter().collect();
    Ok(with_parts(conn, tenant_id, rows, viewer)?.pop())
}

/// Adds the files and history of each deliverable, in two queries for the whole list.
fn with_parts(
    conn: &mut DbConn,
    tenant_id: &str,
    rows: Vec<DeliverableRow>,
    viewer: Viewer,
) -> QueryResult<Vec<DeliverableParts>> {
    let ids: Vec<String> = rows.iter().map(|d| d.id.clone()).collect();
    let mut query = files::table
        .filter(files::tenant_id.eq(tenant_id))
        .filter(files::deliverable_id.eq_any(ids.clone()))
        .order(files::id.asc())
        .select(FileRow::as_select())
        .into_boxed();
    if viewer == Viewer::Client {
        query = query.filter(files::client_visible.eq(true));
    }
    let mut attached: Vec<FileRow> = query.load(conn)?;
    let mut events: Vec<EventRow> = deliverable_events::table
        .filter(deliverable_events::tenant_id.eq(tenant_id))
        .filter(deliverable_events::deliverable_id.eq_any(ids))
        .order(deliverable_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                attached.drain(..).partition(|f| f.deliverable_id.as_deref() == Some(row.id.as_str()));
            attached = rest;
            let (history, rest): (Vec<_>, Vec<_>) = events.drain(..).partition(|e| e.deliverable_id == row.id);
            events = rest;
            DeliverableParts { row, files: mine, events: history }
        })
        .collect())
}

pub fn insert(conn: &mut DbConn, row: &DeliverableRow) -> QueryResult<()> {
    diesel::insert_into(deliverables::table).values(row).execute(conn).map(|_| ())
}

pub fn insert_event(conn: &mut DbConn, row: &EventRow) -> QueryResult<()> {
    diesel::insert_into(deliverable_events::table).values(row).execute(conn).map(|_| ())
}

/// Edits title and description unless the deliverable is approved; rows changed.
pub fn update(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &DeliverableChanges) -> QueryResult<usize> {
    diesel::update(
        deliverables::table
            .filter(deliverables::tenant_id.eq(tenant_id))
            .filter(deliverables::id.eq(id))
            .filter(deliverables::status.ne(DeliverableStatus::Approved.as_str())),
    )
    .set(changes)
    .execute(conn)
}

/// Submits it (a new round) if it is in one of `from`; rows changed.
pub fn submit(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    from: Vec<&'static str>,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        deliverables::table
            .filter(deliverables::tenant_id.eq(tenant_id))
            .filter(deliverables::id.eq(id))
            .filter(deliverables::status.eq_any(from)),
    )
    .set((
        deliverables::status.eq(DeliverableStatus::Submitted.as_str()),
        deliverables::round.eq(deliverables::round + 1),
        deliverables::submitted_at.eq(Some(at)),
        deliverables::updated_at.eq(at),
    ))
    .execute(conn)
}

/// Moves it to `to` if it is in one of `from`; a client's decision also stamps `decided_at`.
/// Rows changed.
pub fn decide_or_reopen(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    from: Vec<&'static str>,
    to: DeliverableStatus,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let target = deliverables::table
        .filter(deliverables::tenant_id.eq(tenant_id))
        .filter(deliverables::id.eq(id))
        .filter(deliverables::status.eq_any(from));
    if to == DeliverableStatus::InProgress {
        diesel::update(target)
            .set((deliverables::status.eq(to.as_str()), deliverables::updated_at.eq(at)))
            .execute(conn)
    } else {
        diesel::update(target)
            .set((
                deliverables::status.eq(to.as_str()),
                deliverables::decided_at.eq(Some(at)),
                deliverables::updated_at.eq(at),
            ))
            .execute(conn)
    }
}
