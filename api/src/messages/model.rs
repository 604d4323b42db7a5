//! Thread and message rows, and the DTOs staff and clients see. The portal DTOs have no
//! `internal` field at all: an internal note never reaches them.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::{messages, threads};
use crate::db::utc;
use crate::files::model::FileRow;
use crate::files::preview::{PreviewKind, kind_of};
use crate::rules;

/// Longest message body, in characters.
pub const MAX_BODY: usize = 10_000;
/// Length of the `last_message` excerpt in lists, in characters.
pub const EXCERPT: usize = 140;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = threads)]
pub struct ThreadRow {
    pub id: String,
    pub tenant_id: String,
    pub project_id: String,
    pub title: String,
    pub created_at: NaiveDateTime,
    /// The newest message of any kind, internal notes included (staff order).
    pub last_message_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = messages)]
pub struct MessageRow {
    pub id: String,
    pub tenant_id: String,
    pub thread_id: String,
    pub author_kind: String,
    pub author_id: String,
    pub body: String,
    pub internal: bool,
    pub created_at: NaiveDateTime,
}

/// A file sent with a message (or uploaded for one not sent yet).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Attachment {
    /// The file's id: download it like any file of the project.
    pub id: String,
    #[schema(example = "moodboard.png")]
    pub name: String,
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// How the browser can show it (the download with `disposition=inline`); `null`:
    /// download only.
    pub preview: Option<PreviewKind>,
    /// Whether a small JPEG of it is at `…/files/{id}/thumbnail`.
    pub thumbnail: bool,
}

impl From<&FileRow> for Attachment {
    fn from(r: &FileRow) -> Attachment {
        Attachment {
            id: r.id.clone(),
            name: r.name.clone(),
            content_type: r.content_type.clone(),
            size: r.size,
            preview: kind_of(&r.content_type),
            thumbnail: r.thumbnail_key.is_some(),
        }
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthorKind {
    /// A staff member, or an API key acting for the business.
    Staff,
    Client,
}

impl AuthorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorKind::Staff => "staff",
            AuthorKind::Client => "client",
        }
    }

    pub fn of(s: &str) -> AuthorKind {
        if s == "client" { AuthorKind::Client } else { AuthorKind::Staff }
    }
}

/// A thread as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Thread {
    pub id: String,
    pub project_id: String,
    #[schema(example = "Design feedback")]
    pub title: String,
    /// Messages in the thread, internal notes included.
    pub message_count: i64,
    /// When the newest message (internal notes included) was posted.
    pub last_message_at: DateTime<Utc>,
    /// The start of the newest message, whitespace collapsed, at most 140 characters.
    pub last_message: Option<String>,
    /// Messages from the client you have not read yet.
    pub unread_count: i64,
    pub created_at: DateTime<Utc>,
}

/// A project's threads, newest activity first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ThreadList {
    pub items: Vec<Thread>,
}

/// A message as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Message {
    pub id: String,
    pub thread_id: String,
    pub author_kind: AuthorKind,
    /// The staff member's or client's id (an API key's id for messages posted with a key).
    pub author_id: String,
    #[schema(example = "Maria Lopez")]
    pub author_name: String,
    /// As typed; show it as plain text, never as HTML.
    pub body: String,
    /// A note for staff only: the client never sees it.
    pub internal: bool,
    /// Files sent with it, in the order they were listed.
    pub attachments: Vec<Attachment>,
    pub created_at: DateTime<Utc>,
}

/// A page of a thread's messages, oldest first; `next_cursor` leads to newer ones.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MessagePage {
    pub items: Vec<Message>,
    /// Pass as `cursor` for the next (newer) page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A new thread with its first message.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ThreadStarted {
    #[serde(flatten)]
    pub thread: Thread,
    pub message: Message,
}

/// A thread as its client sees it: internal notes are not counted, excerpted or dated.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalThread {
    pub id: String,
    pub project_id: String,
    #[schema(example = "Design feedback")]
    pub title: String,
    pub message_count: i64,
    pub last_message_at: DateTime<Utc>,
    /// The start of the newest message, whitespace collapsed, at most 140 characters.
    pub last_message: Option<String>,
    /// Messages from the team you have not read yet.
    pub unread_count: i64,
    pub created_at: DateTime<Utc>,
}

/// Your threads on a project, newest activity first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalThreadList {
    pub items: Vec<PortalThread>,
}

/// A message as its client sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalMessage {
    pub id: String,
    pub thread_id: String,
    pub author_kind: AuthorKind,
    #[schema(example = "Anna Schmidt")]
    pub author_name: String,
    /// As typed; show it as plain text, never as HTML.
    pub body: String,
    /// Files sent with it.
    pub attachments: Vec<Attachment>,
    pub created_at: DateTime<Utc>,
}

/// A page of a thread's messages, oldest first; `next_cursor` leads to newer ones.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalMessagePage {
    pub items: Vec<PortalMessage>,
    /// Pass as `cursor` for the next (newer) page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Your new thread with its first message.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalThreadStarted {
    #[serde(flatten)]
    pub thread: PortalThread,
    pub message: PortalMessage,
}

/// A new thread, started by staff.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateThread {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Design feedback")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// The first message.
    #[validate(
        length(min = 1, max = 10000, message = "must be 1 to 10000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 10000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub body: String,
    /// Make the first message an internal note (the client does not see the thread until a
    /// message meant for them is posted). Default `false`.
    #[serde(default)]
    pub internal: bool,
    /// Files you uploaded for this message (`…/projects/{id}/attachments`), sent with it; a
    /// file named twice goes once.
    #[serde(default)]
    #[validate(length(max = 10, message = "may name at most 10 files"))]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<String>,
}

/// A new message from staff.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "The first draft is in the files tab.", "internal": false}))]
pub struct PostMessage {
    #[validate(
        length(min = 1, max = 10000, message = "must be 1 to 10000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 10000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub body: String,
    /// A note for staff only: the client never sees it and nobody is emailed. Default `false`.
    #[serde(default)]
    pub internal: bool,
    /// Files you uploaded for this message (`…/projects/{id}/attachments`), sent with it; a
    /// file named twice goes once.
    #[serde(default)]
    #[validate(length(max = 10, message = "may name at most 10 files"))]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<String>,
}

/// A new thread, started by the client.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PortalCreateThread {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Question about the logo")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(
        length(min = 1, max = 10000, message = "must be 1 to 10000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 10000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub body: String,
    /// Files you uploaded for this message (`…/projects/{id}/attachments`), sent with it; a
    /// file named twice goes once.
    #[serde(default)]
    #[validate(length(max = 10, message = "may name at most 10 files"))]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<String>,
}

/// A new message from the client.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "Thanks! Could we move the review to Thursday?"}))]
pub struct PortalPostMessage {
    #[validate(
        length(min = 1, max = 10000, message = "must be 1 to 10000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 10000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub body: String,
    /// Files you uploaded for this message (`…/projects/{id}/attachments`), sent with it; a
    /// file named twice goes once.
    #[serde(default)]
    #[validate(length(max = 10, message = "may name at most 10 files"))]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<String>,
}

/// The start of a body for lists and emails: whitespace runs collapsed to one space, cut at
/// `max` characters with an ellipsis.
pub fn excerpt(body: &str, max: usize) -> String {
    let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

impl Message {
    pub fn of(row: MessageRow, author_name: String, attachments: Vec<Attachment>) -> Message {
        Message {
            author_kind: AuthorKind::of(&row.author_kind),
            id: row.id,
            thread_id: row.thread_id,
            author_id: row.author_id,
            author_name,
            body: row.body,
            internal: row.internal,
            attachments,
            created_at: utc(row.created_at),
        }
    }
}

impl PortalMessage {
    pub fn of(row: MessageRow, author_name: String, attachments: Vec<Attachment>) -> PortalMessage {
        PortalMessage {
            author_kind: AuthorKind::of(&row.author_kind),
            id: row.id,
            thread_id: row.thread_id,
            author_name,
            body: row.body,
            attachments,
            created_at: utc(row.created_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_collapse_whitespace_and_cut_with_an_ellipsis() {
        assert_eq!(excerpt("  Hello\n\n  there ", 140), "Hello there");
        assert_eq!(excerpt("abcdef", 4), "abc…");
        assert_eq!(excerpt("abcd", 4), "abcd");
        assert_eq!(excerpt("äöüßé", 3).chars().count(), 3, "counts characters, not bytes");
    }
}
