//! Reviews: only of completed appointments, once; moderation decides what is public.

use reqwest::Method;
use serde_json::{Value, json};

use crate::appointments::{booked, service};
use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem};

async fn review(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.req_as(token, Method::POST, &format!("/api/v1/portal/appointments/{id}/review"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn clients_review_completed_appointments_once_and_staff_moderate(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Design consultation", 60).await;
    let done =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": "2026-01-05T09:00:00Z" })).await;
    let open =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": "2030-01-07T09:00:00Z" })).await;
    let done_id = done["id"].as_str().unwrap();
    app.post(&format!("/api/v1/appointments/{done_id}/status"), &json!({ "status": "completed" })).await;
    let token = bearer(&client_login(&app, "maria@lopez.es").await);

    let p = problem(review(&app, &token, open["id"].as_str().unwrap(), json!({ "rating": 5 })).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("only completed"), "{p}");
    let p = problem(review(&app, &token, done_id, json!({ "rating": 6, "text": "x".repeat(2001) })).await, 422).await;
    assert_eq!(fields(&p), ["rating", "text"]);

    let before: Value = app
        .req_as(&token, Method::GET, &format!("/api/v1/portal/appointments/{done_id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(before["can_review"], true);
    let res = review(&app, &token, done_id, json!({ "rating": 5, "text": "Wonderful ideas" })).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["status"], "pending");
    assert_eq!(created["client_name"], "Maria Lopez");
    assert_eq!(created["service_name"], "Design consultation");
    let p = problem(review(&app, &token, done_id, json!({ "rating": 4 })).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("already reviewed"));
    let after: Value = app
        .req_as(&token, Method::GET, &format!("/api/v1/portal/appointments/{done_id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(after["can_review"], false);
    assert_eq!(after["review"], json!({ "rating": 5, "text": "Wonderful ideas", "status": "pending" }));

    // Pending: not public.
    let public: Value =
        app.http.get(app.url("/api/v1/portal/acme/reviews")).send().await.unwrap().json().await.unwrap();
    assert_eq!(public, json!({ "average_rating": null, "count": 0, "items": [] }));
    let pending: Value = app.get("/api/v1/reviews").await.json().await.unwrap();
    let rid = pending["items"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(created["id"], rid.as_str());

    let approved: Value = app.post(&format!("/api/v1/reviews/{rid}/approve"), &json!({})).await.json().await.unwrap();
    assert_eq!(approved["status"], "approved");
    assert!(approved["moderated_at"].is_string());
    problem(app.post(&format!("/api/v1/reviews/{rid}/approve"), &json!({})).await, 409).await;
    let public: Value =
        app.http.get(app.url("/api/v1/portal/acme/reviews")).send().await.unwrap().json().await.unwrap();
    assert_eq!(public["count"], 1);
    assert_eq!(public["average_rating"], 5.0);
    assert_eq!(public["items"][0]["author"], "Maria L.");
    assert_eq!(public["items"][0]["text"], "Wonderful ideas");
    assert!(!public.to_string().contains("lopez.es") && !public.to_string().contains("Lopez"), "{public}");
    let listed: Value = app.get("/api/v1/reviews?status=approved").await.json().await.unwrap();
    assert_eq!(listed["items"][0]["id"], rid.as_str());

    app.post(&format!("/api/v1/reviews/{rid}/reject"), &json!({})).await;
    let public: Value =
        app.http.get(app.url("/api/v1/portal/acme/reviews")).send().await.unwrap().json().await.unwrap();
    assert_eq!(public["count"], 0);
    problem(app.get("/api/v1/reviews?status=maybe").await, 400).await;
    problem(app.http.get(app.url("/api/v1/portal/nosuch/reviews")).send().await.unwrap(), 404).await;

    let log: Value = app.get(&format!("/api/v1/clients/{maria}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|e| e["verb"].as_str().unwrap()).collect();
    for verb in ["reviewed", "approved", "rejected"] {
        assert!(verbs.contains(&verb), "{verb} in {verbs:?}");
    }
}

async fn nobody_else_reviews_a_clients_appointment(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    app.client("James W", "james@w.co.uk").await;
    let sid = service(&app, "Call", 30).await;
    let done =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": "2026-01-05T09:00:00Z" })).await;
    let id = done["id"].as_str().unwrap();
    app.post(&format!("/api/v1/appointments/{id}/status"), &json!({ "status": "completed" })).await;

    let james = bearer(&client_login(&app, "james@w.co.uk").await);
    problem(review(&app, &james, id, json!({ "rating": 1 })).await, 404).await;
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{maria}/impersonate")).send().await.unwrap();
    let viewer = bearer(&res.json::<Value>().await.unwrap());
    problem(review(&app, &viewer, id, json!({ "rating": 1 })).await, 403).await;
    let pending: Value = app.get("/api/v1/reviews").await.json().await.unwrap();
    assert_eq!(pending["items"], json!([]));

    let maria_token = bearer(&client_login(&app, "maria@lopez.es").await);
    let created: Value = review(&app, &maria_token, id, json!({ "rating": 4 })).await.json().await.unwrap();
    let rid = created["id"].as_str().unwrap();
    let (_, intruder) = app.other_tenant("beta");
    problem(app.req_as(&intruder, Method::POST, &format!("/api/v1/reviews/{rid}/approve")).send().await.unwrap(), 404)
        .await;
    let theirs: Value =
        app.req_as(&intruder, Method::GET, "/api/v1/reviews").send().await.unwrap().json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));
}

async fn mine(app: &TestApp, token: &str) -> Value {
    let res = app.req_as(token, Method::GET, "/api/v1/portal/reviews").send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// "My reviews": a client sees each of their reviews with where it stands, and only theirs.
async fn a_client_follows_their_reviews_from_waiting_to_published(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let james = app.client("James W", "james@w.co.uk").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Design consultation", 60).await;
    let mut done = Vec::new();
    for (client, at) in [(&maria, "2026-01-05T09:00:00Z"), (&james, "2026-01-06T09:00:00Z")] {
        let a = booked(&app, json!({ "client_id": client, "service_id": sid, "starts_at": at })).await;
        let id = a["id"].as_str().unwrap().to_string();
        app.post(&format!("/api/v1/appointments/{id}/status"), &json!({ "status": "completed" })).await;
        done.push(id);
    }
    let maria_token = bearer(&client_login(&app, "maria@lopez.es").await);
    let james_token = bearer(&client_login(&app, "james@w.co.uk").await);
    assert_eq!(mine(&app, &maria_token).await, json!({ "items": [] }));
    review(&app, &maria_token, &done[0], json!({ "rating": 5, "text": "Wonderful ideas" })).await;
    review(&app, &james_token, &done[1], json!({ "rating": 2 })).await;

    let list = mine(&app, &maria_token).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "only her own: {list}");
    assert_eq!(items[0]["status"], "pending");
    assert_eq!(items[0]["service_name"], "Design consultation");
    assert_eq!(items[0]["appointment_starts_at"], "2026-01-05T09:00:00Z");
    assert_eq!(items[0]["text"], "Wonderful ideas");

    let rid = items[0]["id"].as_str().unwrap();
    app.post(&format!("/api/v1/reviews/{rid}/approve"), &json!({})).await;
    assert_eq!(mine(&app, &maria_token).await["items"][0]["status"], "approved");
    let public: Value =
        app.http.get(app.url("/api/v1/portal/acme/reviews")).send().await.unwrap().json().await.unwrap();
    assert_eq!(public["items"][0]["text"], "Wonderful ideas");
    assert_eq!(mine(&app, &james_token).await["items"][0]["status"], "pending");

    // Staff and other businesses' clients have no "my reviews" here.
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    problem(app.req_as(&staff, Method::GET, "/api/v1/portal/reviews").send().await.unwrap(), 403).await;
    problem(app.http.get(app.url("/api/v1/portal/reviews")).send().await.unwrap(), 401).await;
}

both!(
    clients_review_completed_appointments_once_and_staff_moderate,
    nobody_else_reviews_a_clients_appointment,
    a_client_follows_their_reviews_from_waiting_to_published
);
