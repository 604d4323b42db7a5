//! Periodic clean-up of short-lived state: login codes and limit windows, answers kept for
//! `Idempotency-Key` retries, and uploads for messages never sent; and, on SQLite, fresh
//! statistics for the query planner.

use std::time::Duration;

use chrono::TimeDelta;

use crate::auth::store;
use diesel::connection::SimpleConnection;

use crate::db::{Backend, Db, now};
use crate::idempotency;

const EVERY: Duration = Duration::from_secs(600);
/// Longer than any code, link, invitation or limit window lives.
const KEEP: TimeDelta = TimeDelta::days(8);

pub async fn run(db: Db, storage: crate::storage::Storage) {
    loop {
        let before = now() - KEEP;
        match db.write(move |conn| Ok(store::purge_stale(conn, before)?)).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rows = n, "housekeeping: removed stale login codes and limit windows"),
            Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
        }
        let before = now() - idempotency::KEEP;
        if let Err(e) = db.write(move |conn| Ok(idempotency::purge_before(conn, before)?)).await {
            tracing::warn!(error = %e, "housekeeping: cannot remove old idempotency keys");
        }
        if let Err(e) = db.write(|conn| Ok(crate::passkeys::store::purge_ceremonies(conn, now())?)).await {
            tracing::warn!(error = %e, "housekeeping: cannot remove unfinished passkey ceremonies");
        }
        match crate::messages::attachments::purge_stale(&db, &storage).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(files = n, "housekeeping: removed uploads no message took"),
            Err(e) => tracing::warn!(error = %e, "housekeeping: cannot remove stale message uploads"),
        }
        if db.backend() == Backend::Sqlite {
            // SQLite has no autovacuum to gather statistics: without them it picked the
            // tenant's date index over the client's for a client's appointments, and read a
            // thousand rows for twenty (docs/PERFORMANCE.md). `optimize` analyses only the
            // tables that need it, each on a bounded sample, so it is cheap when nothing changed.
            let analysed =
                db.write(|conn| Ok(conn.batch_execute("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;")?));
            if let Err(e) = analysed.await {
                tracing::warn!(error = %e, "housekeeping: cannot refresh SQLite's statistics");
            }
        }
        tokio::time::sleep(EVERY).await;
    }
}
