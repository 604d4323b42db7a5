//! `portico seed-bench` and `portico bench-sessions`, the two commands `make bench` drives: the
//! dataset is the same for the same seed and day, consistent, refused on a filled database,
//! and the sessions open the pages the benchmark loads.

use std::collections::HashMap;
use std::process::Output;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use portico::db::schema::{appointments, counters, invoices};
use portico::db::{Db, DbTarget};
use reqwest::StatusCode;
use serde_json::Value;

use crate::cli::{backends, portico};
use crate::helpers::{TempDir, TestDb, test_config};
use crate::smtp::SmtpServer;

/// Small, but with every kind of row and a few tenants of different sizes.
const SIZES: [&str; 16] = [
    "--tenants",
    "4",
    "--clients",
    "300",
    "--appointments",
    "3000",
    "--projects",
    "60",
    "--tasks",
    "500",
    "--invoices",
    "400",
    "--messages",
    "200",
    "--anchor",
    "2026-11-30",
];

fn seed(db: &TestDb, data: &TempDir, seed: &str) -> Output {
    portico(db).env("PORTICO_DATA_DIR", &data.0).args(["seed-bench", "--seed", seed]).args(SIZES).output().unwrap()
}

fn open(db: &TestDb) -> Db {
    Db::open(&DbTarget::parse(&db.url).unwrap(), 2).unwrap()
}

type Appointment = (String, String, NaiveDateTime, String);

fn appointments_of(db: &Db) -> Vec<Appointment> {
    db.read_sync(|c| {
        Ok(appointments::table
            .select((appointments::id, appointments::client_id, appointments::starts_at, appointments::status))
            .order(appointments::id)
            .load(c)?)
    })
    .unwrap()
}

#[test]
fn the_dataset_is_the_same_for_a_seed_and_day_and_consistent() {
    for backend in backends() {
        let data = TempDir::new();
        let (first_db, second_db, other_db) = (TestDb::new(backend), TestDb::new(backend), TestDb::new(backend));
        let out = seed(&first_db, &data, "42");
        assert!(out.status.success(), "{backend:?}: {}", String::from_utf8_lossy(&out.stderr));
        let report = String::from_utf8_lossy(&out.stdout);
        for (table, rows) in
            [("tenants", 4), ("clients", 300), ("appointments", 3000), ("tasks", 500), ("invoices", 400)]
        {
            let line = report.lines().find(|l| l.split_whitespace().next() == Some(table)).unwrap_or_default();
            assert_eq!(line.split_whitespace().nth(1), Some(rows.to_string().as_str()), "{backend:?}: {report}");
        }
        assert!(report.contains("rows/s"), "{report}");
        assert!(seed(&second_db, &data, "42").status.success());
        assert!(seed(&other_db, &data, "7").status.success());

        let (first, second, other) = (open(&first_db), open(&second_db), open(&other_db));
        let rows = appointments_of(&first);
        assert_eq!(rows.len(), 3000);
        assert_eq!(rows, appointments_of(&second), "{backend:?}: same seed, same rows");
        assert_ne!(rows, appointments_of(&other), "{backend:?}: another seed, other rows");

        // The application can go on from the data: invoice numbers are unique per tenant and
        // each counter stands at the last number given, so the next invoice gets a new one.
        let numbers: Vec<(String, String)> =
            first.read_sync(|c| Ok(invoices::table.select((invoices::tenant_id, invoices::number)).load(c)?)).unwrap();
        let mut highest: HashMap<(String, String), i64> = HashMap::new();
        for (tenant, number) in &numbers {
            let mut parts = number.rsplitn(3, '-');
            let (n, year) = (parts.next().unwrap().parse::<i64>().unwrap(), parts.next().unwrap());
            let top = highest.entry((tenant.clone(), format!("invoice-{year}"))).or_default();
            *top = (*top).max(n);
        }
        let unique: std::collections::HashSet<_> = numbers.iter().collect();
        assert_eq!(unique.len(), numbers.len(), "{backend:?}: duplicate invoice numbers");
        let counted: Vec<(String, String, i64)> = first
            .read_sync(|c| {
                Ok(counters::table
                    .filter(counters::kind.like("invoice-%"))
                    .select((counters::tenant_id, counters::kind, counters::value))
                    .load(c)?)
            })
            .unwrap();
        assert_eq!(counted.len(), highest.len(), "{backend:?}");
        for (tenant, kind, value) in counted {
            assert_eq!(highest[&(tenant, kind)], value, "{backend:?}: a counter behind its numbers");
        }

        // A benchmark compares like with like: a filled database is refused, and left as it was.
        let refused = seed(&first_db, &data, "42");
        assert_eq!(refused.status.code(), Some(1), "{backend:?}");
        let why = String::from_utf8_lossy(&refused.stderr);
        assert!(why.contains("already holds 4 tenant"), "{backend:?}: {why}");
        assert_eq!(appointments_of(&first).len(), 3000);
    }
}

/// The sessions `bench-sessions` prints open the pages the benchmark loads, with the ids it
/// names, for clients of the largest business and of the long tail.
#[tokio::test]
async fn bench_sessions_open_the_benchmarked_pages() {
    for backend in backends() {
        let (db, data) = (TestDb::new(backend), TempDir::new());
        assert!(seed(&db, &data, "42").status.success());
        let out: Output = portico(&db)
            .env("PORTICO_DATA_DIR", &data.0)
            .args(["bench-sessions", "--clients", "3", "--staff", "2"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{backend:?}: {}", String::from_utf8_lossy(&out.stderr));
        let sessions: Value = serde_json::from_slice(&out.stdout).expect("one JSON document on stdout");
        let (clients, staff) = (sessions["clients"].as_array().unwrap(), sessions["staff"].as_array().unwrap());
        assert_eq!((clients.len(), staff.len()), (3, 2), "{sessions}");
        assert_eq!(clients[0]["tenant_slug"], "bench-0001", "the largest business is sampled");

        // The server, on the same data directory: the same keys verify the tokens.
        let smtp = SmtpServer::start().await;
        let config = test_config(&db.url, &data.0, smtp.port, &[]);
        let app = portico::Application::with_db(config.clone(), open(&db)).unwrap();
        let base = format!("http://127.0.0.1:{}/api/v1", app.port());
        tokio::spawn(app.run_until_stopped());
        let http = reqwest::Client::new();
        let get = |token: &Value, path: String| {
            let req = http.get(format!("{base}{path}")).bearer_auth(token.as_str().unwrap());
            async move {
                let res = req.send().await.unwrap();
                (res.status(), res.bytes().await.unwrap())
            }
        };
        for c in clients {
            let token = &c["access_token"];
            for path in [
                "/portal/me".to_string(),
                "/portal/dashboard".to_string(),
                "/portal/appointments".to_string(),
                format!("/portal/projects/{}", c["project_id"].as_str().unwrap()),
                "/portal/invoices".to_string(),
                format!("/portal/invoices/{}/pdf", c["invoice_id"].as_str().unwrap()),
            ] {
                let (status, body) = get(token, path.clone()).await;
                assert_eq!(status, StatusCode::OK, "{backend:?} {path}: {}", String::from_utf8_lossy(&body));
            }
        }
        for s in staff {
            let token = &s["access_token"];
            let (status, body) = get(token, format!("/clients?q={}", s["search"].as_str().unwrap())).await;
            assert_eq!(status, StatusCode::OK);
            let found: Value = serde_json::from_slice(&body).unwrap();
            assert!(!found["items"].as_array().unwrap().is_empty(), "{backend:?}: the search finds someone: {found}");
            let week = format!(
                "/appointments?from={}&to={}",
                s["week_from"].as_str().unwrap(),
                s["week_to"].as_str().unwrap()
            );
            let (status, body) = get(token, week).await;
            assert_eq!(status, StatusCode::OK);
            let found: Value = serde_json::from_slice(&body).unwrap();
            assert!(!found["items"].as_array().unwrap().is_empty(), "{backend:?}: a busy week: {found}");
        }
    }
}
