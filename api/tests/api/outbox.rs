//! One bad message never stops delivery: names with line breaks are refused at the API, and a
//! message that was queued with one anyway goes out with its headers made safe, while every
//! message after it is delivered.

use diesel::prelude::*;
use portico::db::schema::outbox::dsl;
use portico::mail::Email;
use portico::outbox::store;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL, ask};
use crate::helpers::{TestApp, fields, problem};

async fn a_name_with_a_line_break_is_refused_and_changes_nothing(app: TestApp) {
    let before: Value = app.get("/api/v1/tenant").await.json().await.unwrap();
    for name in ["Lumen\nStudio", "Lumen\r\nBcc: evil@example.com", "Tab\tbed", "Bell\u{7}", "Line\u{2028}sep"] {
        let res = app.patch("/api/v1/tenant", &json!({ "name": name })).await;
        let body = problem(res, 422).await;
        assert_eq!(fields(&body), ["name"], "{name:?}: {body}");
        assert!(body.to_string().contains("one line"), "says what to do: {body}");
    }
    let after: Value = app.get("/api/v1/tenant").await.json().await.unwrap();
    assert_eq!(after["name"], before["name"], "unchanged");

    // The same rule for the other names that become senders and subjects.
    let res = app.post("/api/v1/clients", &json!({ "name": "Maria\nLopez", "email": "m@example.com" })).await;
    assert_eq!(fields(&problem(res, 422).await), ["name"]);
    let client = app.client("Maria Lopez", "maria@example.com").await;
    let path = format!("/api/v1/clients/{}", client["id"].as_str().unwrap());
    let res = app.patch(&path, &json!({ "company": "Lopez\r\nDesign" })).await;
    assert_eq!(fields(&problem(res, 422).await), ["company"]);
    let res = app.post("/api/v1/projects", &json!({ "client_id": client["id"], "name": "Brand\nrefresh" })).await;
    assert_eq!(fields(&problem(res, 422).await), ["name"]);
    // A name in one line with other characters (accents, punctuation, emoji) is fine.
    let res = app.patch("/api/v1/tenant", &json!({ "name": "Lumen « Studio » — Café ☕" })).await;
    assert_eq!(res.status(), 200);
}

fn poisoned(to: &str) -> Email {
    Email {
        to: to.into(),
        from_name: Some("Lumen\nStudio".into()),
        from_address: None,
        subject: "Your invoice\r\nBcc: evil@example.com".into(),
        text: "Hello".into(),
        html: "<p>Hello</p>".into(),
        attachments: Vec::new(),
    }
}

async fn a_message_queued_with_a_broken_header_neither_stops_nor_injects(app: TestApp) {
    // Queued with a name the API would refuse today (an older row, another path).
    {
        let mut conn = app.db.conn().unwrap();
        store::enqueue_email(&mut conn, Some(&app.tenant_id), &poisoned("first@example.com")).unwrap();
    }
    // Then someone else's login code, behind it in the queue.
    let client = app.client("Ivy", "ivy@example.com").await;
    assert!(client["id"].is_string());
    assert_eq!(ask(&app, &format!("{PORTAL}/otp"), "ivy@example.com").await.status(), 202);

    let login = app.smtp.nth_to("ivy@example.com", 1).await;
    assert!(login.subject().contains("is your"), "the login code arrives: {}", login.subject());
    let bad = app.smtp.nth_to("first@example.com", 1).await;
    let headers = &bad.data[..bad.data.find("\r\n\r\n").expect("a header block")];
    assert!(!headers.lines().any(|l| l.to_ascii_lowercase().starts_with("bcc:")), "no injected header: {headers}");
    assert!(headers.contains("From: \"Lumen Studio\" <no-reply@portal.test>"), "{headers}");
    assert!(headers.contains("Subject: Your invoice Bcc: evil@example.com"), "{headers}");
    assert_eq!(bad.to, ["first@example.com"], "to its recipient only");

    // Nothing is left waiting or failed (the worker marks a row sent just after the
    // SMTP server has it, so the queue is given a moment to settle).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let stuck: Vec<(String, Option<String>)> = {
            let mut conn = app.db.conn().unwrap();
            dsl::outbox
                .filter(dsl::status.ne("sent"))
                .filter(dsl::kind.eq("email"))
                .select((dsl::status, dsl::last_error))
                .load(&mut *conn)
                .unwrap()
        };
        if stuck.is_empty() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{stuck:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn an_undeliverable_message_fails_alone_and_is_counted(app: TestApp) {
    // A recipient no SMTP server can take: every attempt fails, and the queue moves on.
    {
        let mut conn = app.db.conn().unwrap();
        let mut broken = poisoned("not an address");
        broken.subject = "Broken".into();
        store::enqueue_email(&mut conn, Some(&app.tenant_id), &broken).unwrap();
    }
    app.client("Ivy", "ivy@example.com").await;
    assert_eq!(ask(&app, &format!("{PORTAL}/otp"), "ivy@example.com").await.status(), 202);
    app.smtp.nth_to("ivy@example.com", 1).await;

    let mut conn = app.db.conn().unwrap();
    let failed: (String, i32, Option<String>) = dsl::outbox
        .filter(dsl::payload.like("%not an address%"))
        .select((dsl::status, dsl::attempts, dsl::last_error))
        .first(&mut *conn)
        .unwrap();
    assert_eq!((failed.0.as_str(), failed.1), ("pending", 1), "retried later: {failed:?}");
    assert!(failed.2.as_deref().is_some_and(|e| e.contains("not an address")), "the reason is kept: {failed:?}");
}

both!(
    a_name_with_a_line_break_is_refused_and_changes_nothing,
    a_message_queued_with_a_broken_header_neither_stops_nor_injects,
    an_undeliverable_message_fails_alone_and_is_counted,
);
