//! Turning rows into what each side sees: thread summaries (count, newest message, unread)
//! and each message's author's name and files.

use std::collections::HashMap;

use diesel::QueryResult;

use super::model::{
    Attachment, AuthorKind, EXCERPT, Message, MessageRow, PortalMessage, PortalThread, Thread, ThreadRow, excerpt,
};
use super::store::{self, Reader};
use crate::db::DbConn;
use crate::db::utc;
use crate::files::model::FileRow;

/// One thread with what its list entry needs, for one side.
struct Summary {
    row: ThreadRow,
    count: i64,
    last: Option<MessageRow>,
    unread: i64,
}

/// Summaries of these threads as `reader` sees them: staff (`with_internal`) count
/// everything and have the client's messages as unread; the client counts only messages
/// meant for them and has the team's as unread.
fn summaries(
    conn: &mut DbConn,
    tenant_id: &str,
    rows: Vec<ThreadRow>,
    reader: &Reader<'_>,
    with_internal: bool,
) -> QueryResult<Vec<Summary>> {
    let ids: Vec<String> = rows.iter().map(|t| t.id.clone()).collect();
    let mut counts = store::counts(conn, tenant_id, &ids, with_internal)?;
    let last_ids: Vec<String> = counts.values().map(|(_, last)| last.clone()).collect();
    let mut last: HashMap<String, MessageRow> =
        store::messages_by_id(conn, tenant_id, &last_ids)?.into_iter().map(|m| (m.thread_id.clone(), m)).collect();
    let marks = store::marks(conn, tenant_id, &ids, reader)?;
    let from = if with_internal { AuthorKind::Client } else { AuthorKind::Staff };
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let (count, _) = counts.remove(&row.id).unwrap_or((0, String::new()));
        let unread = if count == 0 {
            0
        } else {
            let mark = marks.get(&row.id).map(String::as_str);
            store::count_from(conn, tenant_id, &row.id, from.as_str(), with_internal, mark)?
        };
        out.push(Summary { last: last.remove(&row.id), count, unread, row });
    }
    Ok(out)
}

/// A project's threads as staff see them, newest activity first.
pub fn staff_threads(
    conn: &mut DbConn,
    tenant_id: &str,
    rows: Vec<ThreadRow>,
    reader: &Reader<'_>,
) -> QueryResult<Vec<Thread>> {
    Ok(summaries(conn, tenant_id, rows, reader, true)?
        .into_iter()
        .map(|s| Thread {
            id: s.row.id,
            project_id: s.row.project_id,
            title: s.row.title,
            message_count: s.count,
            last_message_at: utc(s.row.last_message_at),
            last_message: s.last.map(|m| excerpt(&m.body, EXCERPT)),
            unread_count: s.unread,
            created_at: utc(s.row.created_at),
        })
        .collect())
}

/// A project's threads as the client sees them: threads holding only internal notes left
/// out, and dated by the newest message meant for the client; newest activity first.
pub fn portal_threads(
    conn: &mut DbConn,
    tenant_id: &str,
    rows: Vec<ThreadRow>,
    reader: &Reader<'_>,
) -> QueryResult<Vec<PortalThread>> {
    let mut items: Vec<PortalThread> = summaries(conn, tenant_id, rows, reader, false)?
        .into_iter()
        .filter_map(|s| {
            let last = s.last?;
            Some(PortalThread {
                id: s.row.id,
                project_id: s.row.project_id,
                title: s.row.title,
                message_count: s.count,
                last_message_at: utc(last.created_at),
                last_message: Some(excerpt(&last.body, EXCERPT)),
                unread_count: s.unread,
                created_at: utc(s.row.created_at),
            })
        })
        .collect();
    items.sort_by(|a, b| (b.last_message_at, &b.id).cmp(&(a.last_message_at, &a.id)));
    Ok(items)
}

/// What a message shows besides its row: its author's name (a message posted with an API
/// key is signed with the business's name, `team_name`) and the files sent with it.
pub struct Authors {
    names: HashMap<String, String>,
    team_name: String,
    files: Vec<FileRow>,
}

impl Authors {
    pub fn of(conn: &mut DbConn, tenant_id: &str, team_name: &str, rows: &[MessageRow]) -> QueryResult<Authors> {
        let ids = |kind: AuthorKind| -> Vec<String> {
            rows.iter().filter(|m| AuthorKind::of(&m.author_kind) == kind).map(|m| m.author_id.clone()).collect()
        };
        let mut names = store::staff_names(conn, tenant_id, &ids(AuthorKind::Staff))?;
        names.extend(store::client_names(conn, tenant_id, &ids(AuthorKind::Client))?);
        let message_ids: Vec<String> = rows.iter().map(|m| m.id.clone()).collect();
        let files = store::files_of_messages(conn, tenant_id, &message_ids)?;
        Ok(Authors { names, team_name: team_name.to_string(), files })
    }

    /// The message's files; for the client, only those shared with them (staff may have made
    /// one internal since).
    fn attachments(&self, row: &MessageRow, for_client: bool) -> Vec<Attachment> {
        self.files
            .iter()
            .filter(|f| f.message_id.as_deref() == Some(row.id.as_str()) && (f.client_visible || !for_client))
            .map(Attachment::from)
            .collect()
    }

    pub fn name(&self, row: &MessageRow) -> String {
        self.names.get(&row.author_id).cloned().unwrap_or_else(|| self.team_name.clone())
    }

    pub fn message(&self, row: MessageRow) -> Message {
        let name = self.name(&row);
        let files = self.attachments(&row, false);
        Message::of(row, name, files)
    }

    /// Refuses to show an internal note: the caller filtered it out already, this is the
    /// last line.
    pub fn portal_message(&self, row: MessageRow) -> Option<PortalMessage> {
        if row.internal {
            return None;
        }
        let name = self.name(&row);
        let files = self.attachments(&row, true);
        Some(PortalMessage::of(row, name, files))
    }
}
