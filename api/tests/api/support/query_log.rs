//! A recorder of the SQL a test's own database receives, for the tests that count queries or
//! read their plans. The tests of this binary run in parallel, each over its own database, so
//! a recording is scoped to one database URL: every connection learns its URL when it
//! connects, and keeps the statements it runs only while a test watches that URL.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, Once, OnceLock};

use diesel::connection::{Connection, Instrumentation, InstrumentationEvent, set_default_instrumentation};
use portico::db::{Db, DbTarget};
use reqwest::Method;

use crate::both;
use crate::helpers::{TempDir, TestApp, TestDb, test_config};

type Sink = Arc<Mutex<Vec<String>>>;

/// The logs being recorded, by the URL their connections were opened with.
fn watched() -> &'static Mutex<HashMap<String, Sink>> {
    static WATCHED: OnceLock<Mutex<HashMap<String, Sink>>> = OnceLock::new();
    WATCHED.get_or_init(Default::default)
}

/// A test that panicked while holding a lock must not fail every other test.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// One connection's recorder.
struct Recorder {
    url: Option<String>,
}

impl Instrumentation for Recorder {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartEstablishConnection { url, .. } => self.url = Some(url.to_string()),
            InstrumentationEvent::StartQuery { query, .. } => {
                let Some(url) = &self.url else { return };
                // Cloned out so the map's lock is not held while formatting the statement.
                let sink = lock(watched()).get(url).cloned();
                if let Some(sink) = sink {
                    let text = query.to_string();
                    // Diesel shows a statement as `<sql> -- binds: [..]`; the values are not wanted.
                    let sql = text.split_once(" -- binds: ").map_or(text.as_str(), |(sql, _)| sql);
                    lock(&sink).push(sql.to_string());
                }
            }
            _ => {}
        }
    }
}

/// Makes every connection the process opens from now on carry a recorder (idle until watched).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        set_default_instrumentation(|| Some(Box::new(Recorder { url: None }))).expect("install the query recorder");
    });
}

/// The URL the pool's connections are opened with (see `db::pool::Manager`).
pub fn url_of(target: &DbTarget) -> String {
    match target {
        DbTarget::Postgres(url) => url.clone(),
        DbTarget::Sqlite(path) => path.to_string_lossy().into_owned(),
    }
}

/// Gives a recorder to the pooled connections opened before `install` (the `both!` macro
/// starts the app before the test body runs); returns how many needed one.
fn adopt(db: &Db, url: &str) -> usize {
    // Holding every connection the pool may have at once reaches each open one exactly once.
    let mut held: Vec<_> = (0..db.pool_state().max).map(|_| db.conn().expect("pooled connection")).collect();
    let mut adopted = 0;
    for conn in &mut held {
        let conn: &mut portico::db::DbConn = conn;
        if conn.instrumentation().downcast_ref::<Recorder>().is_none() {
            conn.set_instrumentation(Recorder { url: Some(url.to_string()) });
            adopted += 1;
        }
    }
    adopted
}

/// The statements one database receives while this value lives.
pub struct QueryLog {
    url: String,
    sink: Sink,
}

impl QueryLog {
    /// Records what `app`'s database receives from now on (from the app, its background
    /// workers, and the test's own `app.db`).
    pub fn watch(app: &TestApp) -> QueryLog {
        QueryLog::watch_db(&app.db, &app.target())
    }

    /// `watch` for a database the test opened itself.
    pub fn watch_db(db: &Db, target: &DbTarget) -> QueryLog {
        install();
        let url = url_of(target);
        adopt(db, &url);
        QueryLog::watch_url(url)
    }

    /// Records what connections opened with `url` (after `install`) run.
    pub fn watch_url(url: String) -> QueryLog {
        install();
        let sink = Sink::default();
        let before = lock(watched()).insert(url.clone(), sink.clone());
        assert!(before.is_none(), "{url} is already watched by another QueryLog");
        QueryLog { url, sink }
    }

    /// The statements recorded since the last `take`, in the order they started (SQL text
    /// without the bound values).
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *lock(&self.sink))
    }
}

impl Drop for QueryLog {
    fn drop(&mut self) {
        lock(watched()).remove(&self.url);
    }
}

/// Whether `sql` names `table` (quoted as PostgreSQL or as SQLite does).
pub fn names(sql: &str, table: &str) -> bool {
    sql.contains(&format!("\"{table}\"")) || sql.contains(&format!("`{table}`"))
}

async fn the_pool_and_requests_are_recorded_and_only_while_watched(app: TestApp) {
    use diesel::RunQueryDsl;

    let log = QueryLog::watch(&app);
    // The test's own pooled connection, most likely opened before the recorder was installed.
    {
        let mut conn = app.db.conn().unwrap();
        diesel::sql_query("SELECT 4242").execute(&mut *conn).unwrap();
    }
    let sqls = log.take();
    assert!(sqls.iter().any(|s| s.contains("SELECT 4242")), "{sqls:?}");

    // A request: the server's pooled connections, on actix's blocking threads.
    let res = app.req(Method::GET, "/api/v1/clients").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let sqls = log.take();
    assert!(sqls.iter().any(|s| names(s, "api_keys")), "the key lookup is recorded: {sqls:?}");
    assert!(sqls.iter().any(|s| names(s, "clients")), "{sqls:?}");
    assert!(sqls.iter().all(|s| !s.contains(" -- binds: ")), "bound values are cut off: {sqls:?}");

    // Once the log is dropped, nothing more is kept.
    drop(log);
    app.req(Method::GET, "/api/v1/clients").send().await.unwrap();
    let log = QueryLog::watch(&app);
    let sqls = log.take();
    assert!(!sqls.iter().any(|s| names(s, "api_keys")), "recorded while nobody watched: {sqls:?}");
}

/// A connection opened after `install` learns its URL from the connection event itself, and
/// another test's database (running at the same time) is not recorded in this one's log.
async fn new_connections_learn_their_url_and_logs_stay_apart(app: TestApp) {
    install();
    let data = TempDir::new();
    let other = TestDb::new(app.backend);
    let config = test_config(&other.url, &data.0, app.smtp.port, &[]);
    let db = Db::open(&config.database, 2).expect("open a second database");
    let mine = QueryLog::watch_url(url_of(&config.database));
    let theirs = QueryLog::watch(&app);
    {
        let mut conn = db.conn().unwrap();
        let conn: &mut portico::db::DbConn = &mut conn;
        assert!(conn.instrumentation().downcast_ref::<Recorder>().is_some(), "opened after install: recorded");
        use diesel::RunQueryDsl;
        diesel::sql_query("SELECT 17").execute(conn).unwrap();
    }
    app.req(Method::GET, "/api/v1/clients").send().await.unwrap();
    let (mine, theirs) = (mine.take(), theirs.take());
    assert!(mine.iter().any(|s| s.contains("SELECT 17")), "{mine:?}");
    assert!(!mine.iter().any(|s| names(s, "api_keys")), "the app's statements stay out: {mine:?}");
    assert!(!theirs.iter().any(|s| s.contains("SELECT 17")), "{theirs:?}");
    assert!(theirs.iter().any(|s| names(s, "api_keys")), "{theirs:?}");
}

both!(the_pool_and_requests_are_recorded_and_only_while_watched, new_connections_learn_their_url_and_logs_stay_apart);
