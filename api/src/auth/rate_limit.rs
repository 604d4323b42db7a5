//! Fixed-window rate limits kept in the database, so every API process on one database
//! shares them. Call inside a write transaction.

use chrono::TimeDelta;
use diesel::QueryResult;

use super::store;
use crate::db::{DbConn, now};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Hits allowed per window.
    pub max: i32,
    pub window: TimeDelta,
    /// Minimum time between two hits, if any.
    pub cooldown: Option<TimeDelta>,
}

/// Counts one hit on `bucket`. `Ok(Err(secs))` when over the limit: retry after `secs`.
/// A refused hit is not counted, so hammering does not push the window further out.
pub fn hit(conn: &mut DbConn, bucket: &str, limit: Limit) -> QueryResult<Result<(), u64>> {
    let at = now();
    // Concurrent processes take turns per bucket.
    let current = store::lock_counter(conn, bucket, at)?;
    let (window_start, hits) =
        if at - current.window_start >= limit.window { (at, 0) } else { (current.window_start, current.hits) };
    if let Some(cooldown) = limit.cooldown {
        let since = at - current.last_hit_at;
        if hits > 0 && since < cooldown {
            return Ok(Err(seconds_up(cooldown - since)));
        }
    }
    if hits >= limit.max {
        return Ok(Err(seconds_up(window_start + limit.window - at)));
    }
    store::count_hit(conn, bucket, window_start, hits + 1, at)?;
    Ok(Ok(()))
}

fn seconds_up(d: TimeDelta) -> u64 {
    let ms = d.num_milliseconds().max(0) as u64;
    ms.div_ceil(1000).max(1)
}
