//! Fixed-window rate limits kept in the database, so every API process on one database
//! shares them. Call inside a write transaction.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use crate::db::schema::rate_limits;
use crate::db::{DbConn, now};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Hits allowed per window.
    pub max: i32,
    pub window: TimeDelta,
    /// Minimum time between two hits, if any.
    pub cooldown: Option<TimeDelta>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rate_limits)]
struct Counter {
    bucket: String,
    window_start: NaiveDateTime,
    hits: i32,
    last_hit_at: NaiveDateTime,
}

/// Counts one hit on `bucket`. `Ok(Err(secs))` when over the limit: retry after `secs`.
/// A refused hit is not counted, so hammering does not push the window further out.
pub fn hit(conn: &mut DbConn, bucket: &str, limit: Limit) -> QueryResult<Result<(), u64>> {
    let at = now();
    let fresh = Counter { bucket: bucket.to_string(), window_start: at, hits: 0, last_hit_at: at };
    // Create the row if missing, then lock it: concurrent processes take turns per bucket.
    let current: Counter = match conn {
        DbConn::Pg(c) => {
            diesel::insert_into(rate_limits::table).values(&fresh).on_conflict_do_nothing().execute(c)?;
            rate_limits::table.find(bucket).for_update().select(Counter::as_select()).first(c)?
        }
        DbConn::Sqlite(c) => {
            // SQLite write transactions are already serialised.
            diesel::insert_into(rate_limits::table).values(&fresh).on_conflict_do_nothing().execute(c)?;
            rate_limits::table.find(bucket).select(Counter::as_select()).first(c)?
        }
    };
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
    diesel::update(rate_limits::table.find(bucket))
        .set((
            rate_limits::window_start.eq(window_start),
            rate_limits::hits.eq(hits + 1),
            rate_limits::last_hit_at.eq(at),
        ))
        .execute(conn)?;
    Ok(Ok(()))
}

fn seconds_up(d: TimeDelta) -> u64 {
    let ms = d.num_milliseconds().max(0) as u64;
    ms.div_ceil(1000).max(1)
}
