//! `spawn_app`: the real application over a throwaway database, and the `both!` macro that
//! runs a test once on SQLite and once on PostgreSQL.

use std::collections::HashMap;
use std::path::PathBuf;

use diesel::{Connection, RunQueryDsl, pg::PgConnection};
use portico::config::Config;
use portico::db::{Db, DbTarget};
use portico::provision::{self, NewTenant};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs `async fn $name(app: TestApp)` on both backends, as `$name::sqlite` and `$name::postgres`;
/// `both!(with VARS; $name, …)` starts the app with the extra settings of the slice `VARS`;
/// `both!(backend; $name, …)` hands `async fn $name(backend: Backend)` the backend alone, for
/// tests that start (and kill) servers of their own. The one dual-database wrapper.
#[macro_export]
macro_rules! both {
    (with $vars:ident; $($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let app = $crate::helpers::spawn_app_with($crate::helpers::Backend::Sqlite, super::$vars).await;
                super::$name(app).await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(app) = $crate::helpers::spawn_pg_with(super::$vars).await else { return };
                super::$name(app).await;
            }
        }
    )+};
    (backend; $($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Backend::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::helpers::pg_url().is_none() {
                    return;
                }
                super::$name($crate::helpers::Backend::Postgres).await;
            }
        }
    )+};
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let app = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await;
                super::$name(app).await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(app) = $crate::helpers::spawn_pg().await else { return };
                super::$name(app).await;
            }
        }
    )+};
}

/// A throwaway database, removed when dropped.
pub struct TestDb {
    pub url: String,
    sqlite_dir: Option<PathBuf>,
    pg: Option<(String, String)>,
}

impl TestDb {
    pub fn new(backend: Backend) -> TestDb {
        let tag = uuid::Uuid::new_v4().simple().to_string();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("portico-test-{tag}"));
                std::fs::create_dir_all(&dir).expect("temp dir");
                TestDb {
                    url: format!("sqlite://{}", dir.join("portico.db").display()),
                    sqlite_dir: Some(dir),
                    pg: None,
                }
            }
            Backend::Postgres => {
                let admin = pg_url().expect("PORTICO_TEST_PG_URL");
                let name = format!("portico_test_{tag}");
                let mut conn = PgConnection::establish(&admin).expect("connect to PORTICO_TEST_PG_URL");
                diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                    .execute(&mut conn)
                    .expect("create test database");
                let mut url = url::Url::parse(&admin).expect("PORTICO_TEST_PG_URL is a URL");
                url.set_path(&name);
                TestDb { url: url.to_string(), sqlite_dir: None, pg: Some((admin, name)) }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(dir) = &self.sqlite_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some((admin, name)) = &self.pg
            && let Ok(mut conn) = PgConnection::establish(admin)
        {
            let drop = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            let _ = diesel::sql_query(drop).execute(&mut conn);
        }
    }
}

/// `None` outside CI when no PostgreSQL is configured; in CI a missing URL is a failure.
/// A skipped PostgreSQL half is said once, loudly: straight to the process's stderr, which
/// the test harness does not capture, so a green run cannot hide that half the suite did
/// not run.
pub fn pg_url() -> Option<String> {
    match std::env::var("PORTICO_TEST_PG_URL").ok().filter(|v| !v.is_empty()) {
        Some(url) => Some(url),
        None if std::env::var_os("CI").is_some() => panic!("CI must set PORTICO_TEST_PG_URL"),
        None => {
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "\n*** PORTICO_TEST_PG_URL is not set: every PostgreSQL half of this suite is SKIPPED ***\n"
                );
            });
            None
        }
    }
}

/// Every test ends by holding the activity log to the catalogue the web app writes its
/// sentences from (`activity::catalogue::KINDS`): the whole suite walks the kinds the API
/// records, so a new verb fails here before any timeline shows it as a bare word.
impl Drop for TestApp {
    fn drop(&mut self) {
        use diesel::prelude::*;
        use portico::db::schema::activity::dsl;
        if std::thread::panicking() {
            return;
        }
        let Ok(mut conn) = self.db.conn() else { return };
        let kinds: Vec<(String, String)> = match &mut *conn {
            portico::db::DbConn::Pg(c) => dsl::activity.select((dsl::subject_type, dsl::verb)).distinct().load(c),
            portico::db::DbConn::Sqlite(c) => dsl::activity.select((dsl::subject_type, dsl::verb)).distinct().load(c),
        }
        .unwrap_or_default();
        let unknown: Vec<String> = kinds
            .iter()
            .filter(|(subject, verb)| !portico::activity::catalogue::is_known(subject, verb))
            .map(|(subject, verb)| format!("{subject}.{verb}"))
            .collect();
        assert!(unknown.is_empty(), "activity kinds missing from activity::catalogue::KINDS: {unknown:?}");
    }
}

pub struct TestApp {
    pub backend: Backend,
    pub address: String,
    pub smtp: crate::smtp::SmtpServer,
    pub db: Db,
    /// The API key of the tenant `acme`, with every scope.
    pub key: String,
    pub tenant_id: String,
    pub http: reqwest::Client,
    _db: TestDb,
    _data_dir: TempDir,
}

/// A directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        let dir = std::env::temp_dir().join(format!("portico-data-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub async fn spawn_pg() -> Option<TestApp> {
    spawn_pg_with(&[]).await
}

/// `spawn_app_with` on PostgreSQL, or `None` (said once) when no server is configured.
pub async fn spawn_pg_with(extra: &[(&str, &str)]) -> Option<TestApp> {
    match pg_url() {
        Some(_) => Some(spawn_app_with(Backend::Postgres, extra).await),
        None => None,
    }
}

pub fn test_config(db_url: &str, data_dir: &std::path::Path, smtp_port: u16, extra: &[(&str, &str)]) -> Config {
    let smtp = format!("smtp://127.0.0.1:{smtp_port}");
    // The suite must not depend on whether someone built the web app in the working tree.
    let web_dir = data_dir.join("no-web-app").display().to_string();
    let data_dir = data_dir.display().to_string();
    let vars: HashMap<String, String> = [
        ("PORTICO_LISTEN", "127.0.0.1:0"),
        ("PORTICO_DATABASE_URL", db_url),
        ("PORTICO_DATA_DIR", data_dir.as_str()),
        ("PORTICO_PUBLIC_URL", "https://portal.test"),
        ("PORTICO_MAIL_TRANSPORT", "smtp"),
        ("PORTICO_SMTP_URL", smtp.as_str()),
        ("PORTICO_MAIL_FROM", "Portico <no-reply@portal.test>"),
        ("PORTICO_WORKERS", "1"),
        ("PORTICO_DB_POOL_SIZE", "4"),
        ("PORTICO_LOG", "warn"),
        ("PORTICO_WEB_DIR", web_dir.as_str()),
        // The tests' webhook receivers listen on loopback.
        ("PORTICO_WEBHOOKS_ALLOW_PRIVATE", "true"),
    ]
    .into_iter()
    .chain(extra.iter().copied())
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    Config::from_vars(&vars).expect("test config")
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, &[]).await
}

/// `spawn_app` with extra settings, e.g. lower limits.
pub async fn spawn_app_with(backend: Backend, extra: &[(&str, &str)]) -> TestApp {
    let test_db = TestDb::new(backend);
    let data_dir = TempDir::new();
    let smtp = crate::smtp::SmtpServer::start().await;
    let config = test_config(&test_db.url, &data_dir.0, smtp.port, extra);
    let db = Db::open(&config.database, config.db_pool_size).expect("open test database");
    let acme = provision::create_tenant(&db, new_tenant("acme")).expect("create tenant acme");
    let app = portico::Application::with_db(config, db.clone()).expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    TestApp {
        backend,
        address,
        smtp,
        db,
        key: acme.api_key,
        tenant_id: acme.tenant.id,
        http: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("http client"),
        _db: test_db,
        _data_dir: data_dir,
    }
}

pub fn new_tenant(slug: &str) -> NewTenant {
    NewTenant {
        slug: slug.into(),
        name: format!("{slug} Ltd"),
        owner_email: format!("owner@{slug}.example"),
        timezone: "Europe/Paris".into(),
        currency: "EUR".into(),
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A request with the `acme` key.
    pub fn req(&self, method: Method, path: &str) -> RequestBuilder {
        self.req_as(&self.key, method, path)
    }

    pub fn req_as(&self, key: &str, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, self.url(path)).bearer_auth(key)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.req(Method::GET, path).send().await.expect("request")
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.req(Method::POST, path).json(body).send().await.expect("request")
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Response {
        self.req(Method::PATCH, path).json(body).send().await.expect("request")
    }

    /// Another tenant with its own key: (tenant id, key).
    pub fn other_tenant(&self, slug: &str) -> (String, String) {
        let p = provision::create_tenant(&self.db, new_tenant(slug)).expect("create other tenant");
        (p.tenant.id, p.api_key)
    }

    /// Creates a client in `acme`, returns its JSON.
    pub async fn client(&self, name: &str, email: &str) -> Value {
        let res = self.post("/api/v1/clients", &serde_json::json!({ "name": name, "email": email })).await;
        assert_eq!(res.status(), 201, "create client {name}");
        res.json().await.expect("client json")
    }

    /// A second server process over the same database, data directory and mail server,
    /// as a second API node would run. Returns its base URL.
    pub async fn twin(&self, extra: &[(&str, &str)]) -> String {
        let config = test_config(&self._db.url, &self._data_dir.0, self.smtp.port, extra);
        let db = Db::open(&config.database, config.db_pool_size).expect("open the same database");
        let app = portico::Application::with_db(config, db).expect("build twin");
        let address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        address
    }

    pub fn data_dir(&self) -> PathBuf {
        self._data_dir.0.clone()
    }

    pub fn target(&self) -> DbTarget {
        DbTarget::parse(&self._db.url).expect("url")
    }
}

/// Asserts a problem+json answer with this status; returns the body.
pub async fn problem(res: Response, status: u16) -> Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap_or("").to_string()).unwrap_or_default();
    assert_eq!(ct, "application/problem+json", "content type");
    let body: Value = res.json().await.expect("problem body is JSON");
    assert_eq!(body["status"], status);
    assert!(body["type"].as_str().is_some_and(|t| t.starts_with("urn:portico:problem:")), "type: {body}");
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()), "title: {body}");
    assert!(body["detail"].as_str().is_some_and(|d| d.len() > 10), "detail should say something: {body}");
    body
}

/// The fields named in a validation problem.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["field"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// The status a refused body gets: 404 when it names an object that is not there (the
/// tests write such ids as `nobody` or `nope`), 422 for any other invalid field.
pub fn refused_status(body: &Value) -> u16 {
    let names_nobody = body.as_object().is_some_and(|o| o.values().any(|v| v == "nobody" || v == "nope"));
    if names_nobody { 404 } else { 422 }
}
