//! Activity queries. `insert` runs inside the transaction of the change it describes; a
//! domain change goes through `events::record`, which also queues the webhooks it stands for.

use diesel::prelude::*;

use super::model::ActivityRow;
use crate::auth::Actor;
use crate::db::schema::activity;
use crate::db::{DbConn, new_id, now};

/// What one log entry is about.
pub struct Subject<'a> {
    pub kind: &'a str,
    pub id: &'a str,
    pub client_id: Option<&'a str>,
}

/// Writes one entry. Only what no webhook event is about (staff, the tenant, API keys,
/// sessions, webhook endpoints) is recorded straight here; the rest through `events::record`.
pub fn insert(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    verb: &str,
    subject: Subject<'_>,
    data: serde_json::Value,
) -> QueryResult<ActivityRow> {
    let row = ActivityRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        client_id: subject.client_id.map(str::to_string),
        actor_kind: actor.kind().to_string(),
        actor_id: actor.id().map(str::to_string),
        verb: verb.to_string(),
        subject_type: subject.kind.to_string(),
        subject_id: subject.id.to_string(),
        data: data.to_string(),
        at: now(),
    };
    diesel::insert_into(activity::table).values(&row).execute(conn)?;
    Ok(row)
}

/// A client's timeline, newest first, `limit` rows after the cursor's id.
pub fn list_for_client(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ActivityRow>> {
    let mut query = activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::client_id.eq(client_id))
        .select(ActivityRow::as_select())
        .order(activity::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(activity::id.lt(before.to_string()));
    }
    query.load(conn)
}

/// A client's latest entries about objects of these kinds, newest first.
pub fn recent_for_client(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    kinds: &[&str],
    limit: i64,
) -> QueryResult<Vec<ActivityRow>> {
    activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::client_id.eq(client_id))
        .filter(activity::subject_type.eq_any(kinds.iter().map(|k| k.to_string()).collect::<Vec<_>>()))
        .select(ActivityRow::as_select())
        .order(activity::id.desc())
        .limit(limit)
        .load(conn)
}

/// The log of one object, oldest first; for a client, only entries about them.
pub fn list_for_subject(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    kind: &str,
    id: &str,
) -> QueryResult<Vec<ActivityRow>> {
    activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::client_id.eq(client_id))
        .filter(activity::subject_type.eq(kind))
        .filter(activity::subject_id.eq(id))
        .select(ActivityRow::as_select())
        .order(activity::id.asc())
        .load(conn)
}

/// A project's log, newest first, `limit` rows after the cursor's id. Everything that
/// happens within a project (deliverable decisions, uploads, feedback) is recorded with the
/// project as its subject and the detail in `verb` and `data`.
pub fn list_for_project(
    conn: &mut DbConn,
    tenant_id: &str,
    project_id: &str,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ActivityRow>> {
    let mut query = activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::subject_type.eq("project"))
        .filter(activity::subject_id.eq(project_id))
        .select(ActivityRow::as_select())
        .order(activity::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(activity::id.lt(before.to_string()));
    }
    query.load(conn)
}
