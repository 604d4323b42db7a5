//! Appointment reminders across a crash and several processes: the real `portico` binary
//! schedules them when appointments are booked and is killed with SIGKILL before they are
//! due; two processes then run on the same database. Each reminder reaches the client
//! exactly once, and a reminder whose time had already passed at booking is never sent.

use std::time::Duration;

use chrono::{SecondsFormat, TimeDelta, Utc};
use diesel::prelude::*;
use portico::db::schema::appointment_reminders;
use portico::db::{Db, DbTarget};
use serde_json::{Value, json};
use tokio::task::block_in_place;

use crate::both;
use crate::cli::{portico, serve_with};
use crate::helpers::{Backend, TempDir, TestDb};
use crate::smtp::SmtpServer;

const CLIENT: &str = "rita@example.com";
const SUBJECT: &str = "Your appointment is coming up";

async fn each_reminder_is_sent_once_across_a_kill_and_two_processes(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let db = TestDb::new(backend);
    let data = TempDir::new();
    let out = portico(&db)
        .env("PORTICO_DATA_DIR", &data.0)
        .args(["create-tenant", "--slug", "remind", "--name", "Remind Ltd", "--owner-email", "owner@remind.example"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let key = stdout.split_whitespace().find(|w| w.starts_with("pk_live_")).expect("key printed").to_string();
    let (data_dir, smtp_url) = (data.0.display().to_string(), format!("smtp://127.0.0.1:{}", smtp.port));
    let env = [
        ("PORTICO_DATA_DIR", data_dir.as_str()),
        ("PORTICO_PUBLIC_URL", "https://portal.test"),
        ("PORTICO_MAIL_TRANSPORT", "smtp"),
        ("PORTICO_SMTP_URL", smtp_url.as_str()),
        ("PORTICO_MAIL_FROM", "Portico <no-reply@portal.test>"),
        ("PORTICO_REMINDER_CHECK_SECONDS", "1"),
    ];

    let (mut first, port, _, _, _) = block_in_place(|| serve_with(&db, &env));
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let call = |method: reqwest::Method, path: &str, body: Value| {
        http.request(method, format!("{base}{path}")).bearer_auth(&key).json(&body).send()
    };
    let res = call(
        reqwest::Method::PUT,
        "/booking-settings",
        json!({
            "weekly_hours": [], "closed_days": [], "cancellation_cutoff_hours": 0, "slot_step_minutes": 15,
            "reminder_offsets_minutes": [120, 1440],
        }),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    let client: Value = call(reqwest::Method::POST, "/clients", json!({ "name": "Rita", "email": CLIENT }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let service: Value = call(
        reqwest::Method::POST,
        "/services",
        json!({ "name": "Check-up", "duration_minutes": 15, "price_minor": 0 }),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    // Two appointments, with two staff members, whose 2-hour reminders fall due in a few
    // seconds; their 24-hour reminders had passed before they were booked.
    let staff: Value = http.get(format!("{base}/staff")).bearer_auth(&key).send().await.unwrap().json().await.unwrap();
    let colleague: Value = call(
        reqwest::Method::POST,
        "/staff",
        json!({ "email": "sam@remind.example", "name": "Sam", "role": "member" }),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (seconds, who) in [(8, &staff["items"][0]["id"]), (10, &colleague["id"])] {
        let starts = (Utc::now() + TimeDelta::minutes(120) + TimeDelta::seconds(seconds))
            .to_rfc3339_opts(SecondsFormat::Secs, true);
        let res = call(
            reqwest::Method::POST,
            "/appointments",
            json!({ "client_id": client["id"], "service_id": service["id"], "staff_id": who, "starts_at": starts }),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 201);
        ids.push(res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string());
    }
    // SIGKILL before anything is due: the reminders live only in the database now.
    first.kill().unwrap();
    first.wait().unwrap();
    let store = Db::open(&DbTarget::parse(&db.url).unwrap(), 2).unwrap();
    let scheduled = block_in_place(|| {
        appointment_reminders::table
            .select((appointment_reminders::offset_minutes, appointment_reminders::sent_at.is_null()))
            .load::<(i32, bool)>(&mut *store.conn().unwrap())
            .unwrap()
    });
    assert_eq!(scheduled, [(120, true), (120, true)], "one unsent reminder each, none for the past");

    let (mut second, _, _, _, _) = block_in_place(|| serve_with(&db, &env));
    let (mut third, _, _, _, _) = block_in_place(|| serve_with(&db, &env));
    let reminders = || {
        smtp.delivered_to(CLIENT).into_iter().filter(|m| crate::deliverables::subject_of(m).contains(SUBJECT)).count()
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    while reminders() < 2 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // A few more passes of both schedulers: nothing else may come.
    tokio::time::sleep(Duration::from_secs(4)).await;
    for p in [&mut second, &mut third] {
        p.kill().unwrap();
        p.wait().unwrap();
    }
    let got: Vec<String> = smtp
        .delivered_to(CLIENT)
        .into_iter()
        .filter(|m| crate::deliverables::subject_of(m).contains(SUBJECT))
        .map(|m| m.decoded())
        .collect();
    assert_eq!(got.len(), 2, "each reminder exactly once: {got:#?}");
    for id in &ids {
        assert_eq!(got.iter().filter(|m| m.contains(id.as_str())).count(), 1, "the reminder of {id} once");
    }
    let unsent = block_in_place(|| {
        appointment_reminders::table
            .filter(appointment_reminders::sent_at.is_null())
            .count()
            .get_result::<i64>(&mut *store.conn().unwrap())
            .unwrap()
    });
    assert_eq!(unsent, 0);
}

both!(backend; each_reminder_is_sent_once_across_a_kill_and_two_processes);
