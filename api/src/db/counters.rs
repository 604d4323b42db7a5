//! Per-tenant document numbers (service orders now; invoices and quotes later).
//!
//! One `counters` row per (tenant, kind), bumped inside the transaction that creates the
//! document: if that transaction rolls back, so does the bump, so numbers have no gaps; and
//! the row lock (PostgreSQL) or the single writer (SQLite) makes concurrent creators take
//! turns, so numbers have no duplicates.

use diesel::prelude::*;
use diesel::upsert::excluded;

use super::DbConn;
use super::schema::counters;

/// The next number of `kind` for this tenant: 1 on first use, then one more each call.
/// Call inside the transaction that creates the numbered document.
pub fn next(conn: &mut DbConn, tenant_id: &str, kind: &str) -> QueryResult<i64> {
    // One upsert instead of UPDATE-then-INSERT: two first uses at once would both find no
    // row and one INSERT would fail; `ON CONFLICT` turns the second into the UPDATE.
    // The escape hatch: `MultiConnection` carries no upserts, so the same statement is built
    // once per backend.
    macro_rules! bump {
        ($c:expr) => {
            diesel::insert_into(counters::table)
                .values((counters::tenant_id.eq(tenant_id), counters::kind.eq(kind), counters::value.eq(1i64)))
                .on_conflict((counters::tenant_id, counters::kind))
                .do_update()
                .set(counters::value.eq(counters::value + excluded(counters::value)))
                .returning(counters::value)
                .get_result($c)
        };
    }
    match conn {
        DbConn::Pg(c) => bump!(c),
        DbConn::Sqlite(c) => bump!(c),
    }
}
