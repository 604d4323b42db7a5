//! The moves on a deliverable, each in the caller's transaction: the conditional status
//! change, its history entry, the project's activity entry and the emails. Staff submit and
//! reopen; the client approves or requests changes.

use serde_json::json;

use super::model::{
    DeliverableEventKind, DeliverableParts, DeliverableRow, DeliverableStatus, EventRow, Party, status_of,
};
use super::store::{self, Viewer};
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::email::{self, ClientEmail};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::i18n::Language;
use crate::mail::templates::{self, Words};
use crate::notifications::kinds::NotificationKind;
use crate::notifications::resolve::{self, Acted};
use crate::outbox;
use crate::projects::access;
use crate::projects::model::ProjectRow;
use crate::staff::store as staff_store;
use crate::tenants::store as tenant_store;
use crate::tr;

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no deliverable '{id}'."))
}

/// A 409 that says where the deliverable stands and what can happen from there.
fn refused(conn: &mut DbConn, tenant_id: &str, id: &str, action: &str) -> ApiError {
    match store::row(conn, tenant_id, id) {
        Ok(Some(row)) => {
            let status = status_of(&row.status);
            ApiError::Conflict(format!(
                "“{}” is {} and cannot be {action}; from here {}.",
                row.title,
                status.phrase(),
                status.next_steps()
            ))
        }
        Ok(None) => not_found(id),
        Err(e) => e.into(),
    }
}

/// A deliverable of the staff member's tenant, with its project.
pub fn staff_deliverable(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
) -> Result<(DeliverableRow, ProjectRow), ApiError> {
    let row = store::row(conn, tenant_id, id)?.ok_or_else(|| not_found(id))?;
    let project = access::staff_project(conn, tenant_id, &row.project_id)?;
    Ok((row, project))
}

/// A deliverable of one of the client's own projects; anything else reads as not found.
pub fn client_deliverable(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    id: &str,
) -> Result<(DeliverableRow, ProjectRow), ApiError> {
    let row = store::row(conn, tenant_id, id)?.ok_or_else(|| not_found(id))?;
    let project = access::client_project(conn, tenant_id, client_id, &row.project_id).map_err(|_| not_found(id))?;
    Ok((row, project))
}

fn event(row: &DeliverableRow, kind: DeliverableEventKind, comment: Option<String>, actor: &Actor) -> EventRow {
    EventRow {
        id: new_id(),
        tenant_id: row.tenant_id.clone(),
        deliverable_id: row.id.clone(),
        status: kind.as_str().to_string(),
        comment,
        actor_kind: actor.kind().to_string(),
        actor_id: actor.id().map(str::to_string),
        at: now(),
    }
}

fn record(
    conn: &mut DbConn,
    actor: &Actor,
    project: &ProjectRow,
    row: &DeliverableRow,
    verb: &str,
    extra: serde_json::Value,
) -> Result<(), ApiError> {
    let mut data = json!({ "name": project.name, "deliverable_id": row.id, "title": row.title });
    if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
        data.extend(extra.clone());
    }
    let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
    events::record(conn, &project.tenant_id, actor, verb, subject, data)?;
    Ok(())
}

/// Emails the staff who answer for the project, with a button to it in the console.
/// `words` writes the notice in each reader's language, given the button's label.
pub fn email_staff(
    conn: &mut DbConn,
    config: &Config,
    project: &ProjectRow,
    words: impl Fn(Language, String) -> Words,
) -> Result<(), ApiError> {
    let tenant = tenant_store::get(conn, &project.tenant_id)?;
    let link = access::console_link(config, &project.id);
    for member in staff_store::to_notify(conn, &project.tenant_id, project.staff_id.as_deref())? {
        let lang = tenant.language_for(member.language.as_deref());
        let words = words(lang, tr!(lang, "button-open-project"));
        let mail = templates::notice(&tenant.brand(), lang, &member.email, &words, &link);
        outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    }
    Ok(())
}

/// Emails the project's client (unless archived), with a button to the project in the portal.
pub fn email_client(
    conn: &mut DbConn,
    config: &Config,
    project: &ProjectRow,
    words: impl Fn(Language) -> Words,
) -> Result<(), ApiError> {
    let client = client_store::get(conn, &project.tenant_id, &project.client_id)?;
    // An archived client has left: the work goes on, but nobody is emailed.
    let Some(client) = client.filter(|c| c.status != ClientStatus::Archived.as_str()) else { return Ok(()) };
    let tenant = tenant_store::get(conn, &project.tenant_id)?;
    let link = access::portal_link(config, &tenant.slug, &project.id);
    let lang = tenant.language_for(client.language.as_deref());
    let mail = templates::notice(&tenant.brand(), lang, &client.email, &words(lang), &link);
    email::send(conn, config, &tenant, &client, ClientEmail::Notice, mail)?;
    Ok(())
}

fn reload(conn: &mut DbConn, tenant_id: &str, id: &str, viewer: Viewer) -> Result<DeliverableParts, ApiError> {
    store::get(conn, tenant_id, id, viewer)?.ok_or_else(|| not_found(id))
}

/// Staff hand the work to the client for review: a new round, and an email to the client.
pub fn submit(
    conn: &mut DbConn,
    config: &Config,
    tenant_id: &str,
    actor: &Actor,
    id: &str,
    note: Option<String>,
) -> Result<DeliverableParts, ApiError> {
    let (row, project) = staff_deliverable(conn, tenant_id, id)?;
    let from = DeliverableStatus::sources(DeliverableStatus::Submitted, Party::Staff);
    if store::submit(conn, tenant_id, id, from, now())? == 0 {
        return Err(refused(conn, tenant_id, id, "submitted"));
    }
    let round = row.round + 1;
    store::insert_event(conn, &event(&row, DeliverableEventKind::Submitted, note.clone(), actor))?;
    record(conn, actor, &project, &row, "deliverable_submitted", json!({ "round": round, "note": note }))?;
    email_client(conn, config, &project, |lang| {
        let (title, project) = (row.title.as_str(), project.name.as_str());
        let mut lines = vec![tr!(lang, "deliverable-ready-line", title = title, project = project)];
        lines.push(if round > 1 {
            tr!(lang, "deliverable-ready-round", round = round)
        } else {
            tr!(lang, "deliverable-ready-first")
        });
        lines.extend(note.clone());
        Words {
            heading: tr!(lang, "deliverable-ready-heading", title = title),
            lines,
            button: tr!(lang, "deliverable-ready-button"),
        }
    })?;
    reload(conn, tenant_id, id, Viewer::Staff)
}

/// Staff take the work back (to change an approved piece, or withdraw a submission).
pub fn reopen(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    id: &str,
    note: Option<String>,
) -> Result<DeliverableParts, ApiError> {
    let (row, project) = staff_deliverable(conn, tenant_id, id)?;
    let to = DeliverableStatus::InProgress;
    if store::decide_or_reopen(conn, tenant_id, id, DeliverableStatus::sources(to, Party::Staff), to, now())? == 0 {
        return Err(refused(conn, tenant_id, id, "reopened"));
    }
    store::insert_event(conn, &event(&row, DeliverableEventKind::Reopened, note.clone(), actor))?;
    record(conn, actor, &project, &row, "deliverable_reopened", json!({ "note": note }))?;
    reload(conn, tenant_id, id, Viewer::Staff)
}

/// The client approves submitted work (`comment` is `None`) or sends it back with a comment.
/// Exactly one decision per round wins: the UPDATE only matches a submitted deliverable.
pub fn decide(
    conn: &mut DbConn,
    config: &Config,
    tenant_id: &str,
    client_id: &str,
    id: &str,
    comment: Option<String>,
) -> Result<DeliverableParts, ApiError> {
    let (row, project) = client_deliverable(conn, tenant_id, client_id, id)?;
    let (to, kind, verb, action) = match comment {
        None => (DeliverableStatus::Approved, DeliverableEventKind::Approved, "deliverable_approved", "approved"),
        Some(_) => (
            DeliverableStatus::ChangesRequested,
            DeliverableEventKind::ChangesRequested,
            "deliverable_changes_requested",
            "sent back with changes",
        ),
    };
    let from = DeliverableStatus::sources(to, Party::Client);
    if store::decide_or_reopen(conn, tenant_id, id, from, to, now())? == 0 {
        return Err(refused(conn, tenant_id, id, action));
    }
    let actor = Actor::Client { id: client_id.to_string() };
    store::insert_event(conn, &event(&row, kind, comment.clone(), &actor))?;
    record(conn, &actor, &project, &row, verb, json!({ "comment": comment, "round": row.round }))?;
    let this_one = |data: &serde_json::Value| data["deliverable_id"] == row.id.as_str();
    let answered = Acted {
        subject_type: "project",
        subject_id: &project.id,
        kinds: &[NotificationKind::DeliverableSubmitted],
        about: &this_one,
    };
    resolve::acted(conn, tenant_id, client_id, answered)?;
    let who = client_store::get(conn, tenant_id, client_id)?.map(|c| c.name).unwrap_or_default();
    email_staff(conn, config, &project, |lang, button| {
        let title = row.title.as_str();
        let heading = match to {
            DeliverableStatus::Approved => tr!(lang, "deliverable-approved-heading", client = &who, title = title),
            _ => tr!(lang, "deliverable-changes-heading", client = &who, title = title),
        };
        let mut lines = vec![tr!(lang, "deliverable-context", project = &project.name, round = row.round)];
        lines.extend(comment.as_deref().map(|c| tr!(lang, "quoted", text = c)));
        Words { heading, lines, button }
    })?;
    reload(conn, tenant_id, id, Viewer::Client)
}
