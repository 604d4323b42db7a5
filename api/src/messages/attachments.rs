//! Files sent with messages. A file is uploaded first (`uploads`), as a pending attachment
//! that is listed nowhere; the message that names it in `attachment_ids` takes it, and from
//! then on it is a file of the project whose visibility follows the message's: an internal
//! note's files stay internal. Pending uploads no message took are removed after a day.

use chrono::TimeDelta;

use super::store;
use crate::auth::Actor;
use crate::db::{DbConn, now};
use crate::error::ApiError;
use crate::files::actions::project_file_row;
use crate::files::model::FileRow;
use crate::files::upload::{self, Stored};
use crate::projects::model::ProjectRow;
use crate::storage::Storage;

/// The most files one message carries.
pub const MAX_PER_MESSAGE: usize = 10;
/// How long an upload waits for its message.
pub const PENDING_FOR: TimeDelta = TimeDelta::days(1);

/// The row of a fresh upload waiting for its message: internal until sent.
pub fn pending_row(project: &ProjectRow, actor: &Actor, stored: &Stored) -> FileRow {
    project_file_row(actor, project, stored, None, false, true)
}

/// Gives the caller's pending uploads named in `ids` to the message (each once): no longer
/// pending, shown to the client exactly when the message is. Refuses (and, in the caller's
/// transaction, changes nothing) when an id is not the caller's pending upload on this
/// project.
pub fn attach(
    conn: &mut DbConn,
    project: &ProjectRow,
    actor: &Actor,
    message_id: &str,
    internal: bool,
    ids: &[String],
) -> Result<Vec<FileRow>, ApiError> {
    let ids: Vec<&String> =
        ids.iter().enumerate().filter(|(i, id)| !ids[..*i].contains(id)).map(|(_, id)| id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    if ids.len() > MAX_PER_MESSAGE {
        return Err(ApiError::validation("attachment_ids", "may name at most 10 files"));
    }
    let mine = store::pending_uploads(conn, project, actor.kind(), actor.id().unwrap_or_default(), &ids)?;
    if let Some(missing) = ids.iter().find(|id| !mine.iter().any(|f| &f.id == **id)) {
        return Err(ApiError::reference(
            "attachment_ids",
            &format!("'{missing}' is not a file you uploaded for a message on this project, or it was sent already"),
        ));
    }
    store::send_uploads(conn, &project.tenant_id, &ids, message_id, !internal)?;
    // In the order the sender listed them.
    Ok(ids.iter().filter_map(|id| mine.iter().find(|f| &f.id == *id).cloned()).collect())
}

/// Removes pending uploads older than a day, rows and bytes; how many went.
pub async fn purge_stale(db: &crate::db::Db, storage: &Storage) -> Result<usize, ApiError> {
    let before = now() - PENDING_FOR;
    let stale: Vec<FileRow> = db.write(move |conn| Ok(store::take_stale_uploads(conn, before)?)).await?;
    for row in &stale {
        upload::discard_file(storage, row).await;
    }
    Ok(stale.len())
}
