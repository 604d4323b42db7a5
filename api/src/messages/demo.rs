//! The demo's "Design feedback" thread on the project under way: messages both ways, one
//! internal note, and the team's newest message still unread for Maria. Written directly,
//! without emails: nobody should be mailed at seeding time.

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use super::model::{MessageRow, ThreadRow};
use super::store::{self, Reader};
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::projects::model::ProjectRow;
use crate::staff::store as staff_store;

/// (from the client?, internal?, hours ago, body)
const MESSAGES: &[(bool, bool, i64, &str)] = &[
    (true, false, 74, "Hi! We love the logo concepts. Could the second one feel a little warmer?"),
    (false, false, 72, "Thanks Maria! We'll try a warmer palette and send it over by Thursday."),
    (false, true, 50, "Internal: Maria prefers terracotta to orange. Check the print proofs before sending."),
    (true, false, 48, "Great. Could we also see it on a business card?"),
    (false, false, 20, "Here is the warmer version on the business card mock-up. Let us know what you think!"),
];

pub fn seed(conn: &mut DbConn, project: &ProjectRow) -> Result<(), ApiError> {
    let tenant_id = &project.tenant_id;
    let Some(owner) = staff_store::list(conn, tenant_id)?.into_iter().next() else { return Ok(()) };
    let at = |hours: i64| -> NaiveDateTime { now() - Duration::hours(hours) };
    let thread = ThreadRow {
        id: new_id(),
        tenant_id: tenant_id.clone(),
        project_id: project.id.clone(),
        title: "Design feedback".into(),
        created_at: at(MESSAGES[0].2),
        last_message_at: at(MESSAGES[MESSAGES.len() - 1].2),
    };
    store::insert_thread(conn, &thread)?;
    let mut ids = Vec::new();
    for (from_client, internal, hours, body) in MESSAGES {
        let (kind, author_id) =
            if *from_client { ("client", project.client_id.clone()) } else { ("staff", owner.id.clone()) };
        let row = MessageRow {
            id: new_id(),
            tenant_id: tenant_id.clone(),
            thread_id: thread.id.clone(),
            author_kind: kind.into(),
            author_id: author_id.clone(),
            body: body.to_string(),
            internal: *internal,
            created_at: at(*hours),
        };
        store::insert_message(conn, &row)?;
        let actor = if *from_client { Actor::Client { id: author_id } } else { Actor::Staff { id: author_id } };
        let data = json!({
            "name": project.name,
            "thread_id": thread.id,
            "thread_title": thread.title,
            "author_kind": kind,
            "internal": internal,
        });
        let client_id = (!internal).then_some(project.client_id.as_str());
        let subject = Subject { kind: "project", id: &project.id, client_id };
        events::record(conn, tenant_id, &actor, "message_posted", subject, data)?;
        ids.push(row.id);
    }
    // Maria has read up to the team's reply; the team has read everything she wrote.
    store::mark_read(conn, tenant_id, &thread.id, &Reader { kind: "client", id: &project.client_id }, &ids[1])?;
    store::mark_read(conn, tenant_id, &thread.id, &Reader { kind: "staff", id: &owner.id }, &ids[ids.len() - 1])?;
    Ok(())
}
