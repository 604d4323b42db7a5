//! The data layer: one connection type over SQLite and PostgreSQL, one pool, embedded
//! migrations, and the two ways handlers reach the database (`read`, `write`).

pub mod counters;
mod migrations;
mod pool;
pub mod schema;
pub mod text;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, DurationRound, NaiveDateTime, TimeDelta, Utc};
use diesel::connection::Connection;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;

use crate::error::ApiError;

pub use pool::{DbTarget, DbUrlError};

/// One connection to whichever database `PORTICO_DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

/// The database backend in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Why the database could not be opened at start-up.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot connect to the database: {0}")]
    Connect(String),
    #[error("cannot apply migrations: {0}")]
    Migrate(String),
}

pub struct PoolState {
    pub open: u32,
    pub idle: u32,
    pub max: u32,
}

/// The pool plus what every caller needs to use it well. Cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: r2d2::Pool<pool::Manager>,
    backend: Backend,
    /// SQLite allows one writer at a time; taking turns here instead of inside SQLite means
    /// a write transaction never fails with SQLITE_BUSY when it upgrades from read to write.
    writer: Option<Arc<Mutex<()>>>,
}

impl Db {
    /// Connects once up front (so a wrong URL or a missing server is reported as such),
    /// builds the pool and applies pending migrations.
    pub fn open(target: &DbTarget, pool_size: u32) -> Result<Db, OpenError> {
        Db::open_with(target, pool_size, 1)
    }

    /// For a one-shot command (`create-tenant`, `migrate`): no idle connection is kept, so
    /// the pool never opens one in the background that the process could exit in the
    /// middle of (exiting while libpq is connecting on another thread can crash it).
    pub fn open_for_command(target: &DbTarget) -> Result<Db, OpenError> {
        Db::open_with(target, 2, 0)
    }

    fn open_with(target: &DbTarget, pool_size: u32, min_idle: u32) -> Result<Db, OpenError> {
        let manager = pool::Manager::new(target.clone());
        let mut first = manager.connect().map_err(|e| OpenError::Connect(e.to_string()))?;
        migrations::run(&mut first).map_err(|e| OpenError::Migrate(e.to_string()))?;
        drop(first);
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .min_idle(Some(min_idle))
            .connection_timeout(Duration::from_secs(10))
            // No `SELECT 1` before every checkout: it doubled the round trips of a typical
            // request. A connection that broke is dropped when a query on it fails
            // (`has_broken`), and the pool opens a new one.
            .test_on_check_out(false)
            .build(manager)
            .map_err(|e| OpenError::Connect(e.to_string()))?;
        let backend = target.backend();
        let writer = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(Db { pool, backend, writer })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Connections open, idle, and the most the pool may open (for `/metrics`).
    pub fn pool_state(&self) -> PoolState {
        let state = self.pool.state();
        PoolState { open: state.connections, idle: state.idle_connections, max: self.pool.max_size() }
    }

    /// A pooled connection, for synchronous callers (the CLI, tests).
    pub fn conn(&self) -> Result<r2d2::PooledConnection<pool::Manager>, ApiError> {
        self.pool.get().map_err(|e| ApiError::Unavailable(format!("database pool: {e}")))
    }

    /// Runs `f` in one transaction with the writer's turn held: all or nothing.
    pub fn write_sync<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError>,
    {
        let mut conn = self.conn()?;
        // A poisoned lock only means another writer panicked; its transaction rolled back.
        let _turn = self.writer.as_ref().map(|lock| lock.lock().unwrap_or_else(|p| p.into_inner()));
        let conn: &mut DbConn = &mut conn;
        conn.transaction(f)
    }

    /// Runs `f` on a pooled connection without a transaction.
    pub fn read_sync<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError>,
    {
        let mut conn = self.conn()?;
        f(&mut conn)
    }

    /// `write_sync` on actix's blocking pool, so async workers never wait on the database.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        actix_web::web::block(move || db.write_sync(f)).await?
    }

    /// `read_sync` on actix's blocking pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        actix_web::web::block(move || db.read_sync(f)).await?
    }

    /// Applies pending migrations; a no-op when there are none.
    pub fn migrate(&self) -> Result<usize, OpenError> {
        let mut conn = self.conn().map_err(|e| OpenError::Connect(e.to_string()))?;
        migrations::run(&mut conn).map_err(|e| OpenError::Migrate(e.to_string()))
    }
}

/// A new time-ordered id (UUIDv7), as stored in every `id` column.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, in UTC, at the microsecond precision both backends keep, so a value reads back equal.
pub fn now() -> NaiveDateTime {
    let now = Utc::now().naive_utc();
    now.duration_trunc(TimeDelta::microseconds(1)).unwrap_or(now)
}

/// A stored timestamp (UTC without an offset, as both backends keep it) as the instant it is.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}
