//! Calendar feed queries. `by_token` is the one lookup without a tenant: the token is the
//! credential, and it names its tenant.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::FeedRow;
use crate::db::DbConn;
use crate::db::schema::calendar_feeds;

pub fn insert(conn: &mut DbConn, row: &FeedRow) -> QueryResult<()> {
    diesel::insert_into(calendar_feeds::table).values(row).execute(conn).map(|_| ())
}

pub fn of(conn: &mut DbConn, tenant_id: &str, kind: &str, owner_id: &str) -> QueryResult<Option<FeedRow>> {
    calendar_feeds::table
        .filter(calendar_feeds::tenant_id.eq(tenant_id))
        .filter(calendar_feeds::owner_kind.eq(kind))
        .filter(calendar_feeds::owner_id.eq(owner_id))
        .select(FeedRow::as_select())
        .first(conn)
        .optional()
}

pub fn remove(conn: &mut DbConn, tenant_id: &str, kind: &str, owner_id: &str) -> QueryResult<usize> {
    diesel::delete(
        calendar_feeds::table
            .filter(calendar_feeds::tenant_id.eq(tenant_id))
            .filter(calendar_feeds::owner_kind.eq(kind))
            .filter(calendar_feeds::owner_id.eq(owner_id)),
    )
    .execute(conn)
}

pub fn by_token(conn: &mut DbConn, token_hash: &str) -> QueryResult<Option<FeedRow>> {
    calendar_feeds::table
        .filter(calendar_feeds::token_hash.eq(token_hash))
        .select(FeedRow::as_select())
        .first(conn)
        .optional()
}

pub fn used(conn: &mut DbConn, row: &FeedRow, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        calendar_feeds::table
            .filter(calendar_feeds::tenant_id.eq(&row.tenant_id))
            .filter(calendar_feeds::id.eq(&row.id)),
    )
    .set(calendar_feeds::last_used_at.eq(Some(at)))
    .execute(conn)
}
