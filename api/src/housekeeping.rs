//! Periodic clean-up of short-lived state: login codes and limit windows, and answers kept
//! for `Idempotency-Key` retries.

use std::time::Duration;

use chrono::TimeDelta;

use crate::auth::store;
use crate::db::{Db, now};
use crate::http::idempotency;

const EVERY: Duration = Duration::from_secs(600);
/// Longer than any code, link, invitation or limit window lives.
const KEEP: TimeDelta = TimeDelta::days(8);

pub async fn run(db: Db) {
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
        tokio::time::sleep(EVERY).await;
    }
}
