//! Feedback queries. Every function takes the tenant id first. Answering is one conditional
//! UPDATE (`submitted_at IS NULL`), so of two answers racing only one is saved.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::FeedbackRow;
use crate::db::DbConn;
use crate::db::schema::feedback;

/// The feedback of one project (for a client, only if the project is theirs).
pub fn get(conn: &mut DbConn, tenant_id: &str, project_id: &str) -> QueryResult<Option<FeedbackRow>> {
    feedback::table
        .filter(feedback::tenant_id.eq(tenant_id))
        .filter(feedback::project_id.eq(project_id))
        .select(FeedbackRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &FeedbackRow) -> QueryResult<()> {
    diesel::insert_into(feedback::table).values(row).execute(conn).map(|_| ())
}

/// Saves the client's answer unless one is already saved; rows changed.
pub fn answer(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    project_id: &str,
    rating: i32,
    comment: Option<String>,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        feedback::table
            .filter(feedback::tenant_id.eq(tenant_id))
            .filter(feedback::client_id.eq(client_id))
            .filter(feedback::project_id.eq(project_id))
            .filter(feedback::submitted_at.is_null()),
    )
    .set((feedback::rating.eq(Some(rating)), feedback::comment.eq(comment), feedback::submitted_at.eq(Some(at))))
    .execute(conn)
}
