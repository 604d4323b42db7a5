//! Migrations embedded in the binary, one folder per backend with identical names.

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConn;

const SQLITE: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Applies what is pending; returns how many migrations ran.
pub fn run(conn: &mut DbConn) -> Result<usize, Box<dyn std::error::Error + Send + Sync>> {
    let applied = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE)?.len(),
        DbConn::Pg(c) => c.run_pending_migrations(POSTGRES)?.len(),
    };
    Ok(applied)
}
