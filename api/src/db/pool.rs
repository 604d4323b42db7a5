//! Our own r2d2 manager: the derived `MultiConnection::establish` tries PostgreSQL and then
//! SQLite with the same URL and drops the real error. We pick the backend by URL scheme.

use std::path::PathBuf;

use diesel::connection::{Connection, SimpleConnection};
use diesel::pg::PgConnection;
use diesel::r2d2::R2D2Connection;
use diesel::sqlite::SqliteConnection;

use super::{Backend, DbConn};

/// Where the database is, parsed from `PORTICO_DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    /// A file path (`sqlite://data/portico.db` → `data/portico.db`), or `:memory:`.
    Sqlite(PathBuf),
    /// A libpq URL, kept as written.
    Postgres(String),
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DbUrlError(String);

impl DbTarget {
    pub fn parse(url: &str) -> Result<DbTarget, DbUrlError> {
        if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            if path.is_empty() {
                return Err(DbUrlError("sqlite URL has no file path (e.g. sqlite://data/portico.db)".into()));
            }
            return Ok(DbTarget::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbTarget::Postgres(url.to_string()));
        }
        Err(DbUrlError(format!("'{url}' is not a database URL: use sqlite://<path> or postgres://user@host/db")))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbTarget::Sqlite(_) => Backend::Sqlite,
            DbTarget::Postgres(_) => Backend::Postgres,
        }
    }
}

pub struct Manager {
    target: DbTarget,
}

impl Manager {
    pub fn new(target: DbTarget) -> Manager {
        Manager { target }
    }

    pub fn connect(&self) -> Result<DbConn, diesel::ConnectionError> {
        match &self.target {
            DbTarget::Postgres(url) => PgConnection::establish(url).map(DbConn::Pg),
            DbTarget::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        diesel::ConnectionError::BadConnection(format!("cannot create {}: {e}", dir.display()))
                    })?;
                }
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
                // WAL lets readers run beside the writer; busy_timeout covers another process
                // (a CLI command) holding the write lock for a moment.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = NORMAL;
                     PRAGMA foreign_keys = ON;
                     PRAGMA busy_timeout = 5000;",
                )
                .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        Manager::connect(self)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.ping().map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        conn.is_broken()
    }
}
