//! The `portico` binary: create-tenant, config errors, openapi, migrate, and `serve --demo`
//! with JSON logs carrying request ids.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use portico::auth::api_key;
use portico::db::Db;

use crate::helpers::{Backend, TestDb, pg_url};

const BIN: &str = env!("CARGO_BIN_EXE_portico");

pub fn portico(db: &TestDb) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("PORTICO_DATABASE_URL", &db.url)
        .env("PORTICO_DATA_DIR", std::env::temp_dir().join("portico-cli-data"))
        .env("PORTICO_LOG", "warn")
        .current_dir(std::env::temp_dir());
    cmd
}

pub fn backends() -> Vec<Backend> {
    let mut b = vec![Backend::Sqlite];
    if pg_url().is_some() {
        b.push(Backend::Postgres);
    }
    b
}

#[test]
fn create_tenant_prints_a_working_key_once() {
    for backend in backends() {
        let db = TestDb::new(backend);
        let out = portico(&db)
            .args([
                "create-tenant",
                "--slug",
                "studio-anna",
                "--name",
                "Studio Anna",
                "--owner-email",
                "anna@studio.example",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{backend:?}: {}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).unwrap();
        let key = stdout.split_whitespace().find(|w| w.starts_with("pk_live_")).expect("key printed");
        assert!(stdout.contains("/portal/studio-anna"));

        let opened = Db::open(&portico::db::DbTarget::parse(&db.url).unwrap(), 1).unwrap();
        let row = opened
            .read_sync(|c| Ok(portico::auth::store::api_key_by_lookup(c, api_key::lookup_of(key).unwrap())?))
            .unwrap()
            .expect("key stored");
        assert!(api_key::verify(key, &row.hash));

        let dup = portico(&db)
            .args(["create-tenant", "--slug", "studio-anna", "--name", "Again", "--owner-email", "x@y.example"])
            .output()
            .unwrap();
        assert_eq!(dup.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&dup.stderr).contains("already taken"));

        let bad = portico(&db)
            .args(["create-tenant", "--slug", "API", "--name", "", "--owner-email", "nope"])
            .output()
            .unwrap();
        assert_eq!(bad.status.code(), Some(1));
        let err = String::from_utf8_lossy(&bad.stderr);
        for field in ["slug", "name", "owner-email"] {
            assert!(err.contains(field), "{field} named in: {err}");
        }
    }
}

#[test]
fn a_bad_setting_stops_start_up_with_exit_code_2() {
    let db = TestDb::new(Backend::Sqlite);
    for (var, value) in
        [("PORTICO_LISTEN", "everywhere"), ("PORTICO_LOG_FORMAT", "yaml"), ("PORTICO_DATABASE_URL", "mysql://db")]
    {
        let out = portico(&db).env(var, value).arg("serve").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(var) && err.contains(value), "{err}");
    }
}

#[test]
fn openapi_command_prints_the_spec_and_migrate_is_idempotent() {
    let db = TestDb::new(Backend::Sqlite);
    let out = portico(&db).arg("openapi").output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), portico::openapi::spec_json());
    for _ in 0..2 {
        let out = portico(&db).arg("migrate").output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

/// What `serve` hands back: the child, its port, a reader of its log, the banner it printed
/// and the log lines written before it listened.
type Served = (std::process::Child, u16, std::sync::mpsc::Receiver<String>, String, Vec<String>);

/// Starts `portico serve --demo` on a free port, with no web app built.
fn serve(db: &TestDb) -> Served {
    serve_with(db, &[])
}

pub fn serve_with(db: &TestDb, extra: &[(&str, &str)]) -> Served {
    let mut child = portico(db)
        .args(["serve", "--demo"])
        .env("PORTICO_LISTEN", "127.0.0.1:0")
        .env("PORTICO_WEB_DIR", "no-such-web-dir")
        .env("PORTICO_LOG_FORMAT", "json")
        .env("PORTICO_LOG", "info")
        .env("PORTICO_WORKERS", "1")
        .envs(extra.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut port = None;
    let mut startup = Vec::new();
    while port.is_none() && Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            let v: serde_json::Value =
                serde_json::from_str(&line).unwrap_or_else(|_| panic!("log line is JSON: {line}"));
            if v["fields"]["message"] == "portico is listening" {
                port = v["fields"]["port"].as_u64().map(|p| p as u16);
            }
            startup.push(line);
        }
    }
    let port = port.expect("server announced its port");
    // The banner precedes the listening line, so it is complete by now.
    let mut banner = String::new();
    let mut reader = BufReader::new(stdout);
    while !banner.contains("API docs") {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            break;
        }
        banner.push_str(&line);
    }
    let mut rest = String::new();
    let _ = reader.read_line(&mut rest);
    banner.push_str(&rest);
    (child, port, rx, banner, startup)
}

#[tokio::test]
async fn serve_demo_seeds_once_and_logs_requests_as_json() {
    let db = TestDb::new(Backend::Sqlite);
    let (mut child, port, logs, banner, startup) = serve(&db);
    let unbuilt: Vec<&String> = startup.iter().filter(|l| l.contains("PORTICO_WEB_DIR")).collect();
    assert_eq!(unbuilt.len(), 1, "one warning that the web app is not built: {startup:?}");
    assert!(unbuilt[0].contains("\"WARN\"") && unbuilt[0].contains("npm run build"), "{}", unbuilt[0]);
    let key = banner.split_whitespace().find(|w| w.starts_with("pk_live_")).expect("demo key printed").to_string();
    assert!(banner.contains("/portal/demo") && banner.contains("/docs"), "{banner}");

    let http = reqwest::Client::new();
    let res =
        http.get(format!("http://127.0.0.1:{port}/api/v1/clients?limit=100")).bearer_auth(&key).send().await.unwrap();
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    let page: serde_json::Value = res.json().await.unwrap();
    let clients = page["items"].as_array().unwrap().len();
    assert_eq!(clients, 12, "a dozen realistic clients, leads included");
    let orders: serde_json::Value = http
        .get(format!("http://127.0.0.1:{port}/api/v1/service-orders?limit=100"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let numbers: Vec<i64> = orders["items"].as_array().unwrap().iter().map(|o| o["number"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [5, 4, 3, 2, 1], "demo orders numbered by the counter, newest first");
    let print_run = &orders["items"][0];
    assert_eq!(print_run["title"], "Print run: 200 brochures");
    assert_eq!(print_run["client_name"], "Maria Lopez");
    assert_eq!(print_run["status"], "in_progress");
    assert_eq!(print_run["lines"].as_array().unwrap().len(), 2);

    let deadline = Instant::now() + Duration::from_secs(10);
    let mut logged = None;
    while logged.is_none() && Instant::now() < deadline {
        if let Ok(line) = logs.recv_timeout(Duration::from_millis(200))
            && line.contains(&request_id)
        {
            logged = Some(line);
        }
    }
    let line = logged.expect("the request is logged with its request id");
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["span"]["http.route"], "/api/v1/clients", "{line}");
    child.kill().unwrap();
    child.wait().unwrap();

    // A restart keeps the data and does not print a key again.
    let (mut child, port, _logs, banner, _) = serve(&db);
    assert!(!banner.contains("pk_live_"), "the key is shown once: {banner}");
    let res =
        http.get(format!("http://127.0.0.1:{port}/api/v1/clients?limit=100")).bearer_auth(&key).send().await.unwrap();
    let page: serde_json::Value = res.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), clients);
    child.kill().unwrap();
    child.wait().unwrap();
}

/// A whole login — code, magic link, refresh, use, logout — and an API key's use leave no
/// secret in the log, even at debug level: not the code, the link, a token or the key.
#[tokio::test]
async fn secrets_never_reach_the_log() {
    let db = TestDb::new(Backend::Sqlite);
    let smtp = crate::smtp::SmtpServer::start().await;
    let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
    let (mut child, port, logs, banner, _) = serve_with(
        &db,
        &[
            ("PORTICO_MAIL_TRANSPORT", "smtp"),
            ("PORTICO_SMTP_URL", &smtp_url),
            ("PORTICO_LOG", "debug"),
            ("PORTICO_OTP_COOLDOWN_SECONDS", "1"),
        ],
    );
    let key = banner.split_whitespace().find(|w| w.starts_with("pk_live_")).expect("demo key printed").to_string();
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let http = reqwest::Client::new();
    let email = portico::demo::CLIENT_EMAIL;
    let post = |path: &str, body: serde_json::Value| http.post(format!("{base}{path}")).json(&body).send();

    let asked = post("/portal/demo/auth/otp", serde_json::json!({ "email": email })).await.unwrap();
    assert_eq!(asked.status(), 202);
    let mail = smtp.next_to(email, 0, |m| m.decoded().contains("#token=")).await;
    let code = mail.code();
    let verified = post("/portal/demo/auth/otp/verify", serde_json::json!({ "email": email, "code": code }));
    let first: serde_json::Value = verified.await.unwrap().json().await.unwrap();
    let refreshed = post("/auth/refresh", serde_json::json!({ "refresh_token": first["refresh_token"] }));
    let second: serde_json::Value = refreshed.await.unwrap().json().await.unwrap();
    let access = second["access_token"].as_str().expect("refreshed").to_string();
    let me = http.get(format!("{base}/portal/me")).bearer_auth(&access).send().await.unwrap();
    assert_eq!(me.status(), 200);

    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(post("/portal/demo/auth/otp", serde_json::json!({ "email": email })).await.unwrap().status(), 202);
    let mail = smtp.next_to(email, 1, |m| m.decoded().contains("#token=")).await;
    let link = mail.link_token();
    let linked = post("/portal/demo/auth/magic-link", serde_json::json!({ "token": link })).await.unwrap();
    assert_eq!(linked.status(), 200);
    let third: serde_json::Value = linked.json().await.unwrap();
    let out = http.post(format!("{base}/auth/logout")).bearer_auth(&access).send().await.unwrap();
    assert!(out.status().is_success(), "{}", out.status());
    let clients = http.get(format!("{base}/clients")).bearer_auth(&key).send().await.unwrap();
    assert_eq!(clients.status(), 200);

    tokio::time::sleep(Duration::from_millis(500)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    // Timestamps are left out: their six digits of microseconds could match a code by chance.
    let lines: Vec<String> = logs
        .try_iter()
        .map(|line| {
            let mut v: serde_json::Value = serde_json::from_str(&line).unwrap_or(serde_json::Value::String(line));
            if let Some(o) = v.as_object_mut() {
                o.remove("timestamp");
            }
            v.to_string()
        })
        .collect();
    assert!(lines.iter().any(|l| l.contains("/otp/verify")), "the log holds the requests: {lines:?}");
    let tokens = [&first, &second, &third]
        .map(|t| [t["access_token"].as_str().unwrap().to_string(), t["refresh_token"].as_str().unwrap().to_string()]);
    let mut secrets = vec![("code", code), ("link", link), ("API key", key)];
    for pair in tokens {
        secrets.push(("access token", pair[0].clone()));
        secrets.push(("refresh token", pair[1].clone()));
    }
    for (what, secret) in secrets {
        let leak = lines.iter().find(|l| l.contains(&secret));
        assert!(leak.is_none(), "the {what} is in the log: {}", leak.unwrap());
    }
}
