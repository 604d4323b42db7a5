//! Posting a message, the same for both sides: the row, the thread's date, the poster's own
//! read mark, the project's activity entry and the other side's email, all in the caller's
//! transaction.

use serde_json::json;

use super::attachments;
use super::model::{AuthorKind, MessageRow, ThreadRow, excerpt};
use super::store::{self, Reader};
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::email::{self, ClientEmail};
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::mail::templates::{self, Words};
use crate::notifications::kinds::NotificationKind;
use crate::notifications::resolve::{self, Acted};
use crate::outbox;
use crate::projects::access;
use crate::projects::model::ProjectRow;
use crate::staff::store as staff_store;
use crate::tenants::model::TenantRow;
use crate::tr;

/// How much of a message an email quotes, in characters.
const MAIL_EXCERPT: usize = 500;

pub struct NewMessage<'a> {
    pub tenant: &'a TenantRow,
    pub project: &'a ProjectRow,
    pub thread: &'a ThreadRow,
    pub actor: &'a Actor,
    pub body: String,
    pub internal: bool,
    /// The sender's pending uploads to send with it.
    pub attachment_ids: Vec<String>,
}

/// The reader a caller counts as: the staff member, the API key, or the client.
pub fn reader_of(actor: &Actor) -> Option<Reader<'_>> {
    actor.id().map(|id| Reader { kind: actor.kind(), id })
}

/// The client has read this thread: its message notifications count as read.
pub fn messages_read(conn: &mut DbConn, client_id: &str, thread: &ThreadRow) -> diesel::QueryResult<()> {
    let in_thread = |data: &serde_json::Value| data["thread_id"] == thread.id.as_str();
    let kinds = [NotificationKind::MessagePosted];
    let read = Acted { subject_type: "project", subject_id: &thread.project_id, kinds: &kinds, about: &in_thread };
    resolve::acted(conn, &thread.tenant_id, client_id, read)
}

pub fn post_in(conn: &mut DbConn, config: &Config, new: NewMessage<'_>) -> Result<MessageRow, ApiError> {
    let tenant_id = &new.tenant.id;
    let author = match new.actor {
        Actor::Client { .. } => AuthorKind::Client,
        _ => AuthorKind::Staff,
    };
    // A client never writes an internal note, whatever reached here.
    let internal = new.internal && author == AuthorKind::Staff;
    let row = MessageRow {
        id: new_id(),
        tenant_id: tenant_id.clone(),
        thread_id: new.thread.id.clone(),
        author_kind: author.as_str().to_string(),
        author_id: new.actor.id().unwrap_or_default().to_string(),
        body: new.body,
        internal,
        created_at: now(),
    };
    store::insert_message(conn, &row)?;
    let files = attachments::attach(conn, new.project, new.actor, &row.id, internal, &new.attachment_ids)?;
    let file_names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    store::touch_thread(conn, tenant_id, &new.thread.id, row.created_at)?;
    if let Some(reader) = reader_of(new.actor) {
        store::mark_read(conn, tenant_id, &new.thread.id, &reader, &row.id)?;
    }
    if let Actor::Client { id } = new.actor {
        // A reply is proof of reading.
        messages_read(conn, id, new.thread)?;
    }
    let project = new.project;
    // Internal notes stay out of the client's timeline and dashboard.
    let client_id = (!internal).then_some(project.client_id.as_str());
    let data = json!({
        "name": project.name,
        "message_id": row.id,
        "thread_id": new.thread.id,
        "thread_title": new.thread.title,
        "author_kind": author.as_str(),
        "internal": internal,
        "attachments": file_names,
    });
    let subject = Subject { kind: "project", id: &project.id, client_id };
    events::record(conn, tenant_id, new.actor, "message_posted", subject, data)?;

    let brand = new.tenant.brand();
    let quoted = excerpt(&row.body, MAIL_EXCERPT);
    let thread = new.thread.title.as_str();
    match author {
        AuthorKind::Client => {
            let client = client_store::get(conn, tenant_id, &project.client_id)?;
            let who = client.map(|c| c.name).unwrap_or_default();
            let link = access::console_link(config, &project.id);
            for staff in staff_store::to_notify(conn, &project.tenant_id, project.staff_id.as_deref())? {
                let lang = new.tenant.language_for(staff.language.as_deref());
                let words = Words {
                    heading: tr!(lang, "message-from-client-heading", client = &who, thread = thread),
                    lines: lines(lang, &project.name, &quoted, &file_names),
                    button: tr!(lang, "button-open-project"),
                };
                let mail = templates::notice(&brand, lang, &staff.email, &words, &link);
                outbox::store::enqueue_email(conn, Some(tenant_id), &mail)?;
            }
        }
        AuthorKind::Staff if !internal => {
            if let Some(client) = client_store::get(conn, tenant_id, &project.client_id)? {
                let link = access::portal_link(config, &new.tenant.slug, &project.id);
                let lang = new.tenant.language_for(client.language.as_deref());
                let words = Words {
                    heading: tr!(lang, "message-to-client-heading", thread = thread),
                    lines: lines(lang, &project.name, &quoted, &file_names),
                    button: tr!(lang, "message-to-client-button"),
                };
                let mail = templates::notice(&brand, lang, &client.email, &words, &link);
                email::send(conn, config, new.tenant, &client, ClientEmail::Notice, mail)?;
            }
        }
        AuthorKind::Staff => {}
    }
    Ok(row)
}

/// The lines of a message's email: the project, the quoted text and, when files came with
/// it, their names (the files themselves stay in the portal, behind its login).
fn lines(lang: crate::i18n::Language, project: &str, quoted: &str, files: &[&str]) -> Vec<String> {
    let mut lines = vec![tr!(lang, "file-uploaded-project", project = project), quoted.to_string()];
    if !files.is_empty() {
        lines.push(tr!(lang, "message-attachments", count = files.len() as i64, names = files.join(", ")));
    }
    lines
}

/// Starts a thread on the project; its first message is posted with `post_in`.
#[allow(clippy::too_many_arguments)]
pub fn start_in(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    project: &ProjectRow,
    actor: &Actor,
    title: &str,
    body: String,
    internal: bool,
    attachment_ids: Vec<String>,
) -> Result<(ThreadRow, MessageRow), ApiError> {
    let at = now();
    let thread = ThreadRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        project_id: project.id.clone(),
        title: title.trim().to_string(),
        created_at: at,
        last_message_at: at,
    };
    store::insert_thread(conn, &thread)?;
    let new = NewMessage { tenant, project, thread: &thread, actor, body, internal, attachment_ids };
    let message = post_in(conn, config, new)?;
    let thread = ThreadRow { last_message_at: message.created_at, ..thread };
    Ok((thread, message))
}
