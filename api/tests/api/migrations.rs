//! Migrations apply on a fresh database, and applying them again is a no-op.

use portico::db::Db;

use crate::both;
use crate::helpers::TestApp;

async fn migrations_apply_twice_without_error(app: TestApp) {
    // `spawn_app` already migrated; open the same database again, as a restart would.
    let again = Db::open(&app.target(), 2).expect("second open migrates cleanly");
    assert_eq!(again.migrate().expect("third run"), 0, "nothing left to apply");
    assert_eq!(app.get("/api/v1/tenant").await.status(), 200, "data and schema intact");
}

both!(migrations_apply_twice_without_error);
