//! Notification queries. Every function takes the tenant and the client first: a client
//! reads and marks only their own. Lists are bounded (a page, or at most `UNREAD_CAP` ids
//! for the count) and walk the `activity_notifications` index newest first.

use std::sync::OnceLock;

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::Bool;

use super::kinds;
use super::model::ReadRow;
use crate::activity::model::ActivityRow;
use crate::db::DbConn;
use crate::db::schema::{activity, clients, notification_reads};

/// The unread count stops here: a bell shows "99+" beyond 99, and counting further would
/// walk a neglected client's whole history on every page load.
pub const UNREAD_CAP: i64 = 100;

/// Written as a literal (not a bound parameter) so both databases see that the partial
/// index `activity_notifications` (`WHERE actor_kind <> 'client'`) covers the query.
pub(super) const NOT_BY_THE_CLIENT: &str = "activity.actor_kind <> 'client'";

/// Read one by one after the "all read" mark. Correlated on the outer row, which diesel's
/// DSL cannot express; it names only columns, no input.
const NOT_READ: &str = "NOT EXISTS (SELECT 1 FROM notification_reads r \
     WHERE r.tenant_id = activity.tenant_id AND r.client_id = activity.client_id AND r.activity_id = activity.id)";

fn is_news() -> &'static str {
    static CONDITION: OnceLock<String> = OnceLock::new();
    CONDITION.get_or_init(kinds::sql_condition)
}

/// The client's notifications, newest first, `limit` after the cursor's id.
pub fn page(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<ActivityRow>> {
    let mut query = activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::client_id.eq(client_id))
        .filter(sql::<Bool>(NOT_BY_THE_CLIENT))
        .filter(sql::<Bool>(is_news()))
        .select(ActivityRow::as_select())
        .order(activity::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(activity::id.lt(before.to_string()));
    }
    query.load(conn)
}

/// One notification of this client, or `None` (another client's entry, or one that is not
/// a notification, reads the same).
pub fn get(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str) -> QueryResult<Option<ActivityRow>> {
    activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::client_id.eq(client_id))
        .filter(activity::id.eq(id))
        .filter(sql::<Bool>(NOT_BY_THE_CLIENT))
        .filter(sql::<Bool>(is_news()))
        .select(ActivityRow::as_select())
        .first(conn)
        .optional()
}

/// The newest notification's id, if any.
pub fn newest(conn: &mut DbConn, tenant_id: &str, client_id: &str) -> QueryResult<Option<String>> {
    Ok(page(conn, tenant_id, client_id, None, 1)?.into_iter().next().map(|r| r.id))
}

/// Every notification up to this activity id counts as read.
pub fn read_mark(conn: &mut DbConn, tenant_id: &str, client_id: &str) -> QueryResult<Option<String>> {
    clients::table
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(clients::id.eq(client_id))
        .select(clients::notifications_read_to)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}

/// Which of `ids` the client read one by one.
pub fn read_among(conn: &mut DbConn, tenant_id: &str, client_id: &str, ids: &[String]) -> QueryResult<Vec<String>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    notification_reads::table
        .filter(notification_reads::tenant_id.eq(tenant_id))
        .filter(notification_reads::client_id.eq(client_id))
        .filter(notification_reads::activity_id.eq_any(ids))
        .select(notification_reads::activity_id)
        .load(conn)
}

/// Unread notifications, up to `UNREAD_CAP`.
pub fn unread_count(conn: &mut DbConn, tenant_id: &str, client_id: &str) -> QueryResult<i64> {
    let mark = read_mark(conn, tenant_id, client_id)?;
    let mut query = activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::client_id.eq(client_id))
        .filter(sql::<Bool>(NOT_BY_THE_CLIENT))
        .filter(sql::<Bool>(is_news()))
        .filter(sql::<Bool>(NOT_READ))
        .select(activity::id)
        .order(activity::id.desc())
        .limit(UNREAD_CAP)
        .into_boxed();
    if let Some(mark) = mark {
        query = query.filter(activity::id.gt(mark));
    }
    Ok(query.load::<String>(conn)?.len() as i64)
}

/// Records one notification as read; reading it again changes nothing.
pub fn mark_read(conn: &mut DbConn, row: &ReadRow) -> QueryResult<()> {
    match conn {
        DbConn::Pg(c) => {
            diesel::insert_into(notification_reads::table).values(row).on_conflict_do_nothing().execute(c)?;
        }
        DbConn::Sqlite(c) => {
            diesel::insert_into(notification_reads::table).values(row).on_conflict_do_nothing().execute(c)?;
        }
    }
    Ok(())
}

/// Everything up to `through` is read: the mark moves forward (never back), and the single
/// reads it now covers are dropped.
pub fn mark_all_read(conn: &mut DbConn, tenant_id: &str, client_id: &str, through: &str) -> QueryResult<()> {
    diesel::update(
        clients::table
            .filter(clients::tenant_id.eq(tenant_id))
            .filter(clients::id.eq(client_id))
            .filter(clients::notifications_read_to.is_null().or(clients::notifications_read_to.lt(through))),
    )
    .set(clients::notifications_read_to.eq(Some(through)))
    .execute(conn)?;
    diesel::delete(
        notification_reads::table
            .filter(notification_reads::tenant_id.eq(tenant_id))
            .filter(notification_reads::client_id.eq(client_id))
            .filter(notification_reads::activity_id.le(through)),
    )
    .execute(conn)?;
    Ok(())
}

/// The client's unread entries about one subject with one of `verbs`, not their own doing.
pub fn unread_about(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    subject_type: &str,
    subject_id: &str,
    verbs: &[&str],
    read_mark: Option<String>,
) -> QueryResult<Vec<ActivityRow>> {
    let mut query = activity::table
        .filter(activity::tenant_id.eq(tenant_id))
        .filter(activity::client_id.eq(client_id))
        .filter(activity::subject_type.eq(subject_type))
        .filter(activity::subject_id.eq(subject_id))
        .filter(activity::verb.eq_any(verbs))
        .filter(sql::<Bool>(NOT_BY_THE_CLIENT))
        .select(ActivityRow::as_select())
        .into_boxed();
    if let Some(mark) = read_mark {
        query = query.filter(activity::id.gt(mark));
    }
    query.load(conn)
}
