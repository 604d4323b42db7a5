//! A client's appointments in the portal: lists, detail with history, cancelling before
//! the cutoff, and nothing of anyone else's.

use chrono::{SecondsFormat, TimeDelta, Utc};
use reqwest::Method;
use serde_json::{Value, json};

use crate::appointments::{booked, owner_id, service};
use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, problem};

fn in_minutes(m: i64) -> String {
    (Utc::now() + TimeDelta::minutes(m)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

async fn as_client(app: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> reqwest::Response {
    let mut req = app.req_as(token, method, path);
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

async fn a_client_sees_their_upcoming_and_past_appointments(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let james = app.client("James W", "james@w.co.uk").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Design consultation", 60).await;
    let soon = booked(
        &app,
        json!({ "client_id": maria, "service_id": sid, "starts_at": in_minutes(3 * 24 * 60), "notes": "secret" }),
    )
    .await;
    let later = booked(
        &app,
        json!({ "client_id": maria, "service_id": sid, "starts_at": in_minutes(10 * 24 * 60), "status": "pending" }),
    )
    .await;
    let gone =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": in_minutes(5 * 24 * 60) })).await;
    let done =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": in_minutes(-14 * 24 * 60) })).await;
    booked(&app, json!({ "client_id": james, "service_id": sid, "starts_at": in_minutes(4 * 24 * 60) })).await;
    app.post(
        &format!("/api/v1/appointments/{}/status", gone["id"].as_str().unwrap()),
        &json!({ "status": "cancelled", "reason": "Studio closed" }),
    )
    .await;
    app.post(
        &format!("/api/v1/appointments/{}/status", done["id"].as_str().unwrap()),
        &json!({ "status": "completed" }),
    )
    .await;

    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let ids = |v: &Value| v["items"].as_array().unwrap().iter().map(|a| a["id"].clone()).collect::<Vec<_>>();
    let up: Value =
        as_client(&app, &token, Method::GET, "/api/v1/portal/appointments", None).await.json().await.unwrap();
    assert_eq!(ids(&up), [soon["id"].clone(), later["id"].clone()]);
    assert!(!up.to_string().contains("secret"), "no internal notes: {up}");
    let first = &up["items"][0];
    assert_eq!(first["can_cancel"], true);
    assert_eq!(first["duration_minutes"], 60);
    assert_eq!(first["service_name"], "Design consultation");
    let past: Value =
        as_client(&app, &token, Method::GET, "/api/v1/portal/appointments?when=past", None).await.json().await.unwrap();
    assert_eq!(ids(&past), [gone["id"].clone(), done["id"].clone()], "latest first");
    assert_eq!(past["items"][0]["cancel_reason"], "Studio closed");
    assert_eq!(past["items"][0]["can_cancel"], false);

    // The home page counts the two to come and tells what happened, in words.
    let home: Value =
        as_client(&app, &token, Method::GET, "/api/v1/portal/dashboard", None).await.json().await.unwrap();
    assert_eq!(home["upcoming_appointments"], 2, "{home}");
    let lines: Vec<&str> =
        home["recent_activity"].as_array().unwrap().iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert!(lines.contains(&"Cancelled by acme Ltd: Studio closed."), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("Booked for ")), "{lines:?}");

    let paged: Value =
        as_client(&app, &token, Method::GET, "/api/v1/portal/appointments?limit=1", None).await.json().await.unwrap();
    let cursor = paged["next_cursor"].as_str().unwrap();
    let rest: Value =
        as_client(&app, &token, Method::GET, &format!("/api/v1/portal/appointments?limit=1&cursor={cursor}"), None)
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(ids(&rest), [later["id"].clone()]);
    problem(as_client(&app, &token, Method::GET, "/api/v1/portal/appointments?when=soon", None).await, 400).await;

    let detail: Value = as_client(
        &app,
        &token,
        Method::GET,
        &format!("/api/v1/portal/appointments/{}", gone["id"].as_str().unwrap()),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    let texts: Vec<&str> = detail["history"].as_array().unwrap().iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("Booked for "), "{texts:?}");
    assert_eq!(texts[1], "Cancelled by acme Ltd: Studio closed");
}

async fn cancelling_respects_the_cutoff_and_frees_the_time(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Call", 10).await;
    let owner = owner_id(&app).await;
    // Default cutoff: 24 hours. One starts just after the deadline would pass, one just before.
    let ok_at = in_minutes(24 * 60 + 10);
    let ok =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "staff_id": owner, "starts_at": ok_at })).await;
    let late =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": in_minutes(24 * 60 - 10) })).await;
    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let late_id = late["id"].as_str().unwrap();

    let p = problem(
        as_client(
            &app,
            &token,
            Method::POST,
            &format!("/api/v1/portal/appointments/{late_id}/cancel"),
            Some(json!({})),
        )
        .await,
        409,
    )
    .await;
    let detail = p["detail"].as_str().unwrap();
    assert!(detail.starts_with("Appointments can be cancelled up to 24 hours before they start (until "), "{detail}");
    assert!(detail.ends_with("). Please contact acme Ltd."), "{detail}");
    let unchanged: Value = app.get(&format!("/api/v1/appointments/{late_id}")).await.json().await.unwrap();
    assert_eq!(unchanged, late);

    let client_mails = app.smtp.count_to("maria@lopez.es");
    let owner_mails = app.smtp.count_to("owner@acme.example");
    let ok_id = ok["id"].as_str().unwrap();
    let res = as_client(
        &app,
        &token,
        Method::POST,
        &format!("/api/v1/portal/appointments/{ok_id}/cancel"),
        Some(json!({ "reason": "Flu" })),
    )
    .await;
    assert_eq!(res.status(), 200);
    let cancelled: Value = res.json().await.unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancel_reason"], "Flu");
    assert_eq!(cancelled["history"].as_array().unwrap().last().unwrap()["text"], "Cancelled by you: Flu");
    let staff_view: Value = app.get(&format!("/api/v1/appointments/{ok_id}")).await.json().await.unwrap();
    assert_eq!(staff_view["cancelled_by"], "client");

    let to_client = app.smtp.nth_to("maria@lopez.es", client_mails + 1).await;
    assert!(to_client.subject().contains("Appointment cancelled"), "{}", to_client.subject());
    assert!(to_client.decoded().contains("Reason: Flu"));
    let to_owner = app.smtp.nth_to("owner@acme.example", owner_mails + 1).await;
    assert!(to_owner.decoded().contains("Maria Lopez cancelled their Call"), "{}", to_owner.decoded());

    // Twice is a conflict; the time is free again for the same staff member.
    problem(
        as_client(&app, &token, Method::POST, &format!("/api/v1/portal/appointments/{ok_id}/cancel"), Some(json!({})))
            .await,
        409,
    )
    .await;
    booked(&app, json!({ "client_id": maria, "service_id": sid, "staff_id": owner, "starts_at": ok_at })).await;
}

async fn nobody_else_reaches_a_clients_appointments(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    app.client("James W", "james@w.co.uk").await;
    let sid = service(&app, "Call", 30).await;
    let a = booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": in_minutes(5 * 24 * 60) })).await;
    let id = a["id"].as_str().unwrap();

    let james = bearer(&client_login(&app, "james@w.co.uk").await);
    problem(as_client(&app, &james, Method::GET, &format!("/api/v1/portal/appointments/{id}"), None).await, 404).await;
    problem(
        as_client(&app, &james, Method::POST, &format!("/api/v1/portal/appointments/{id}/cancel"), Some(json!({})))
            .await,
        404,
    )
    .await;
    let list: Value =
        as_client(&app, &james, Method::GET, "/api/v1/portal/appointments", None).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));

    // Viewing as Maria is read-only.
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{maria}/impersonate")).send().await.unwrap();
    let viewer = bearer(&res.json::<Value>().await.unwrap());
    let seen = as_client(&app, &viewer, Method::GET, &format!("/api/v1/portal/appointments/{id}"), None).await;
    assert_eq!(seen.status(), 200);
    problem(
        as_client(&app, &viewer, Method::POST, &format!("/api/v1/portal/appointments/{id}/cancel"), Some(json!({})))
            .await,
        403,
    )
    .await;

    // A staff session is not a client session.
    problem(app.req_as(&staff, Method::GET, "/api/v1/portal/appointments").send().await.unwrap(), 403).await;
    problem(app.http.get(app.url("/api/v1/portal/appointments")).send().await.unwrap(), 401).await;
    let after: Value = app.get(&format!("/api/v1/appointments/{id}")).await.json().await.unwrap();
    assert_eq!(after, a);
}

both!(
    a_client_sees_their_upcoming_and_past_appointments,
    cancelling_respects_the_cutoff_and_frees_the_time,
    nobody_else_reaches_a_clients_appointments,
);
