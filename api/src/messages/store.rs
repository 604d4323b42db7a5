//! Thread, message and read-mark queries. Every function takes the tenant id first.
//! `with_internal: false` is the client's view: internal notes are filtered in SQL, so no
//! caller can forget it.

use std::collections::HashMap;

use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use super::model::{MessageRow, ThreadRow};
use crate::db::DbConn;
use crate::db::schema::{clients, files, messages, staff, thread_reads, threads};
use crate::files::model::FileRow;
use crate::projects::model::ProjectRow;

/// Who reads a thread: `("staff", staff id)`, `("api_key", key id)` or `("client", client id)`.
pub struct Reader<'a> {
    pub kind: &'a str,
    pub id: &'a str,
}

pub fn insert_thread(conn: &mut DbConn, row: &ThreadRow) -> QueryResult<()> {
    diesel::insert_into(threads::table).values(row).execute(conn).map(|_| ())
}

pub fn insert_message(conn: &mut DbConn, row: &MessageRow) -> QueryResult<()> {
    diesel::insert_into(messages::table).values(row).execute(conn).map(|_| ())
}

pub fn touch_thread(conn: &mut DbConn, tenant_id: &str, id: &str, at: chrono::NaiveDateTime) -> QueryResult<usize> {
    diesel::update(threads::table.filter(threads::tenant_id.eq(tenant_id)).filter(threads::id.eq(id)))
        .set(threads::last_message_at.eq(at))
        .execute(conn)
}

pub fn get_thread(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<ThreadRow>> {
    threads::table
        .filter(threads::tenant_id.eq(tenant_id))
        .filter(threads::id.eq(id))
        .select(ThreadRow::as_select())
        .first(conn)
        .optional()
}

/// A project's threads, newest activity first.
pub fn threads_of(conn: &mut DbConn, tenant_id: &str, project_id: &str) -> QueryResult<Vec<ThreadRow>> {
    threads::table
        .filter(threads::tenant_id.eq(tenant_id))
        .filter(threads::project_id.eq(project_id))
        .order((threads::last_message_at.desc(), threads::id.desc()))
        .select(ThreadRow::as_select())
        .load(conn)
}

/// Per thread: how many messages and the newest one's id, in one grouped query.
pub fn counts(
    conn: &mut DbConn,
    tenant_id: &str,
    thread_ids: &[String],
    with_internal: bool,
) -> QueryResult<HashMap<String, (i64, String)>> {
    let kinds = if with_internal { vec![false, true] } else { vec![false] };
    let rows: Vec<(String, i64, Option<String>)> = messages::table
        .filter(messages::tenant_id.eq(tenant_id))
        .filter(messages::thread_id.eq_any(thread_ids))
        .filter(messages::internal.eq_any(kinds))
        .group_by(messages::thread_id)
        .select((messages::thread_id, count_star(), max(messages::id)))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(|(t, n, last)| last.map(|l| (t, (n, l)))).collect())
}

pub fn messages_by_id(conn: &mut DbConn, tenant_id: &str, ids: &[String]) -> QueryResult<Vec<MessageRow>> {
    messages::table
        .filter(messages::tenant_id.eq(tenant_id))
        .filter(messages::id.eq_any(ids))
        .select(MessageRow::as_select())
        .load(conn)
}

/// A thread's messages oldest first, `limit` of them after `after_id`.
pub fn messages_of(
    conn: &mut DbConn,
    tenant_id: &str,
    thread_id: &str,
    with_internal: bool,
    after_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<MessageRow>> {
    let mut query = messages::table
        .filter(messages::tenant_id.eq(tenant_id))
        .filter(messages::thread_id.eq(thread_id))
        .order(messages::id.asc())
        .limit(limit)
        .select(MessageRow::as_select())
        .into_boxed();
    if !with_internal {
        query = query.filter(messages::internal.eq(false));
    }
    if let Some(after) = after_id {
        query = query.filter(messages::id.gt(after.to_string()));
    }
    query.load(conn)
}

/// The newest message's id, if there is any.
pub fn newest_id(
    conn: &mut DbConn,
    tenant_id: &str,
    thread_id: &str,
    with_internal: bool,
) -> QueryResult<Option<String>> {
    let mut query = messages::table
        .filter(messages::tenant_id.eq(tenant_id))
        .filter(messages::thread_id.eq(thread_id))
        .select(max(messages::id))
        .into_boxed();
    if !with_internal {
        query = query.filter(messages::internal.eq(false));
    }
    query.first(conn)
}

/// Messages by `author_kind` newer than `after` (all of them when `after` is `None`).
pub fn count_from(
    conn: &mut DbConn,
    tenant_id: &str,
    thread_id: &str,
    author_kind: &str,
    with_internal: bool,
    after: Option<&str>,
) -> QueryResult<i64> {
    let mut query = messages::table
        .filter(messages::tenant_id.eq(tenant_id))
        .filter(messages::thread_id.eq(thread_id))
        .filter(messages::author_kind.eq(author_kind))
        .count()
        .into_boxed();
    if !with_internal {
        query = query.filter(messages::internal.eq(false));
    }
    if let Some(after) = after {
        query = query.filter(messages::id.gt(after.to_string()));
    }
    query.get_result(conn)
}

/// This reader's marks on these threads: thread id → last read message id.
pub fn marks(
    conn: &mut DbConn,
    tenant_id: &str,
    thread_ids: &[String],
    reader: &Reader<'_>,
) -> QueryResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = thread_reads::table
        .filter(thread_reads::tenant_id.eq(tenant_id))
        .filter(thread_reads::thread_id.eq_any(thread_ids))
        .filter(thread_reads::reader_kind.eq(reader.kind))
        .filter(thread_reads::reader_id.eq(reader.id))
        .select((thread_reads::thread_id, thread_reads::last_read_id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Moves the reader's mark forward to `message_id` (never back: a slow request that read
/// less does not undo a newer read).
pub fn mark_read(
    conn: &mut DbConn,
    tenant_id: &str,
    thread_id: &str,
    reader: &Reader<'_>,
    message_id: &str,
) -> QueryResult<()> {
    let fresh = (
        thread_reads::tenant_id.eq(tenant_id),
        thread_reads::thread_id.eq(thread_id),
        thread_reads::reader_kind.eq(reader.kind),
        thread_reads::reader_id.eq(reader.id),
        thread_reads::last_read_id.eq(message_id),
    );
    // No ON CONFLICT on the multi backend: the same statement on each connection.
    match conn {
        DbConn::Pg(c) => diesel::insert_into(thread_reads::table).values(fresh).on_conflict_do_nothing().execute(c)?,
        DbConn::Sqlite(c) => {
            diesel::insert_into(thread_reads::table).values(fresh).on_conflict_do_nothing().execute(c)?
        }
    };
    diesel::update(
        thread_reads::table
            .filter(thread_reads::tenant_id.eq(tenant_id))
            .filter(thread_reads::thread_id.eq(thread_id))
            .filter(thread_reads::reader_kind.eq(reader.kind))
            .filter(thread_reads::reader_id.eq(reader.id))
            .filter(thread_reads::last_read_id.lt(message_id)),
    )
    .set(thread_reads::last_read_id.eq(message_id))
    .execute(conn)
    .map(|_| ())
}

/// Names of the staff members among these ids.
pub fn staff_names(conn: &mut DbConn, tenant_id: &str, ids: &[String]) -> QueryResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = staff::table
        .filter(staff::tenant_id.eq(tenant_id))
        .filter(staff::id.eq_any(ids))
        .select((staff::id, staff::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Names of the clients among these ids.
pub fn client_names(conn: &mut DbConn, tenant_id: &str, ids: &[String]) -> QueryResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = clients::table
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(clients::id.eq_any(ids))
        .select((clients::id, clients::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The uploader's pending uploads on the project among `ids`.
pub fn pending_uploads(
    conn: &mut DbConn,
    project: &ProjectRow,
    uploader_kind: &str,
    uploader_id: &str,
    ids: &[&String],
) -> QueryResult<Vec<FileRow>> {
    files::table
        .filter(files::tenant_id.eq(&project.tenant_id))
        .filter(files::project_id.eq(&project.id))
        .filter(files::pending.eq(true))
        .filter(files::uploaded_by_kind.eq(uploader_kind))
        .filter(files::uploaded_by_id.eq(uploader_id))
        .filter(files::id.eq_any(ids))
        .select(FileRow::as_select())
        .load(conn)
}

/// Pending uploads become the message's files, shown to the client or not.
pub fn send_uploads(
    conn: &mut DbConn,
    tenant_id: &str,
    ids: &[&String],
    message_id: &str,
    client_visible: bool,
) -> QueryResult<usize> {
    diesel::update(files::table.filter(files::tenant_id.eq(tenant_id)).filter(files::id.eq_any(ids)))
        .set((files::pending.eq(false), files::message_id.eq(message_id), files::client_visible.eq(client_visible)))
        .execute(conn)
}

/// The sent files of these messages, oldest first.
pub fn files_of_messages(conn: &mut DbConn, tenant_id: &str, message_ids: &[String]) -> QueryResult<Vec<FileRow>> {
    if message_ids.is_empty() {
        return Ok(Vec::new());
    }
    files::table
        .filter(files::tenant_id.eq(tenant_id))
        .filter(files::message_id.eq_any(message_ids))
        .filter(files::pending.eq(false))
        .select(FileRow::as_select())
        .order(files::id)
        .load(conn)
}

/// Removes the rows of uploads still pending since before `before`, and returns them (their
/// bytes are the caller's to remove).
pub fn take_stale_uploads(conn: &mut DbConn, before: chrono::NaiveDateTime) -> QueryResult<Vec<FileRow>> {
    let rows = files::table
        .filter(files::pending.eq(true))
        .filter(files::created_at.lt(before))
        .select(FileRow::as_select())
        .load(conn)?;
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    diesel::delete(files::table.filter(files::id.eq_any(ids)).filter(files::pending.eq(true))).execute(conn)?;
    Ok(rows)
}
