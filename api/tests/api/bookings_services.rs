//! Services and booking settings: staff define what can be booked and when.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};

/// A key of the `acme` tenant holding only these scopes.
pub async fn key_with(app: &TestApp, scopes: &[&str]) -> String {
    let res = app.post("/api/v1/api-keys", &json!({ "name": "narrow", "scopes": scopes })).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    body["secret"].as_str().unwrap().to_string()
}

async fn staff_create_list_and_change_services(app: TestApp) {
    let res = app
        .post(
            "/api/v1/services",
            &json!({ "name": " Design consultation ", "duration_minutes": 60, "price_minor": 9000, "description": "An hour" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert!(res.headers().get("location").is_some());
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["name"], "Design consultation");
    assert_eq!(created["currency"], "EUR", "the tenant's currency");
    assert_eq!(created["active"], true);
    let id = created["id"].as_str().unwrap();

    let res = app.patch(&format!("/api/v1/services/{id}"), &json!({ "active": false, "description": null })).await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["active"], false);
    assert_eq!(changed["description"], Value::Null);
    assert_eq!(changed["duration_minutes"], 60);

    let list: Value = app.get("/api/v1/services").await.json().await.unwrap();
    assert_eq!(list["items"], json!([]), "inactive services are hidden by default");
    let list: Value = app.get("/api/v1/services?include_inactive=true").await.json().await.unwrap();
    assert_eq!(list["items"][0]["id"], id);

    let (_, other) = app.other_tenant("beta");
    let res = app.req_as(&other, Method::PATCH, &format!("/api/v1/services/{id}")).json(&json!({ "name": "X" }));
    problem(res.send().await.unwrap(), 404).await;
    let theirs: Value = app
        .req_as(&other, Method::GET, "/api/v1/services?include_inactive=true")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["items"], json!([]));
}

async fn invalid_services_are_422_listing_fields(app: TestApp) {
    let body = json!({ "name": " ", "duration_minutes": 3, "price_minor": -1 });
    let p = problem(app.post("/api/v1/services", &body).await, 422).await;
    assert_eq!(fields(&p), ["duration_minutes", "name", "price_minor"]);
    let p = problem(
        app.post("/api/v1/services", &json!({ "name": "X", "duration_minutes": 721, "price_minor": 0 })).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), ["duration_minutes"]);
    let created: Value = app
        .post("/api/v1/services", &json!({ "name": "X", "duration_minutes": 30, "price_minor": 0 }))
        .await
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let p = problem(app.patch(&format!("/api/v1/services/{id}"), &json!({ "name": null })).await, 422).await;
    assert_eq!(fields(&p), ["name"]);
}

async fn service_writes_need_tenant_write(app: TestApp) {
    let reader = key_with(&app, &["tenant:read", "clients:write"]).await;
    let res = app.req_as(&reader, Method::GET, "/api/v1/services").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let res = app
        .req_as(&reader, Method::POST, "/api/v1/services")
        .json(&json!({ "name": "X", "duration_minutes": 30, "price_minor": 0 }));
    problem(res.send().await.unwrap(), 403).await;
    let settings = json!({ "weekly_hours": [], "closed_days": [], "cancellation_cutoff_hours": 1, "slot_step_minutes": 15, "location": null });
    let res = app.req_as(&reader, Method::PUT, "/api/v1/booking-settings").json(&settings);
    problem(res.send().await.unwrap(), 403).await;
    problem(app.http.get(app.url("/api/v1/services")).send().await.unwrap(), 401).await;
}

async fn booking_settings_default_then_saved(app: TestApp) {
    let s: Value = app.get("/api/v1/booking-settings").await.json().await.unwrap();
    assert_eq!(s["timezone"], "Europe/Paris");
    assert_eq!(s["cancellation_cutoff_hours"], 24);
    assert_eq!(s["slot_step_minutes"], 15);
    assert_eq!(s["weekly_hours"].as_array().unwrap().len(), 5);
    assert_eq!(s["weekly_hours"][0], json!({ "weekday": 1, "opens": "09:00", "closes": "17:00" }));

    let wanted = json!({
        "weekly_hours": [
            { "weekday": 2, "opens": "14:00", "closes": "18:00" },
            { "weekday": 2, "opens": "09:00", "closes": "12:30" },
        ],
        "closed_days": ["2026-12-25"],
        "cancellation_cutoff_hours": 48,
        "slot_step_minutes": 30,
        "location": "Studio, 3rd floor",
    });
    let res = app.req(Method::PUT, "/api/v1/booking-settings").json(&wanted).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let saved: Value = app.get("/api/v1/booking-settings").await.json().await.unwrap();
    assert_eq!(saved["weekly_hours"][0]["opens"], "09:00", "sorted");
    assert_eq!(saved["closed_days"], json!(["2026-12-25"]));
    assert_eq!(saved["cancellation_cutoff_hours"], 48);
    assert_eq!(saved["location"], "Studio, 3rd floor");

    let bad = json!({
        "weekly_hours": [
            { "weekday": 1, "opens": "09:00", "closes": "12:00" },
            { "weekday": 1, "opens": "11:00", "closes": "13:00" },
        ],
        "closed_days": [],
        "cancellation_cutoff_hours": 721,
        "slot_step_minutes": 4,
        "location": null,
    });
    let res = app.req(Method::PUT, "/api/v1/booking-settings").json(&bad).send().await.unwrap();
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), ["cancellation_cutoff_hours", "slot_step_minutes", "weekly_hours"]);
    for interval in [
        json!({ "weekday": 8, "opens": "09:00", "closes": "10:00" }),
        json!({ "weekday": 1, "opens": "10:00", "closes": "09:00" }),
        json!({ "weekday": 1, "opens": "9am", "closes": "10:00" }),
    ] {
        let body = json!({ "weekly_hours": [interval], "closed_days": [], "cancellation_cutoff_hours": 1, "slot_step_minutes": 15, "location": null });
        let res = app.req(Method::PUT, "/api/v1/booking-settings").json(&body).send().await.unwrap();
        assert_eq!(fields(&problem(res, 422).await), ["weekly_hours"]);
    }
    let after: Value = app.get("/api/v1/booking-settings").await.json().await.unwrap();
    assert_eq!(after, saved, "refused writes change nothing");
}

both!(
    staff_create_list_and_change_services,
    invalid_services_are_422_listing_fields,
    service_writes_need_tenant_write,
    booking_settings_default_then_saved,
);
