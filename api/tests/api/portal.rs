//! A client logged in to the portal corrects their own details (`PATCH /api/v1/portal/me`):
//! staff see the change, the activity log records it, and nobody else can make it.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem};

const ME: &str = "/api/v1/portal/me";

async fn update_me(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.req_as(token, Method::PATCH, ME).json(body).send().await.unwrap()
}

async fn get_me(app: &TestApp, token: &str) -> Value {
    app.req_as(token, Method::GET, ME).send().await.unwrap().json().await.unwrap()
}

/// The verbs of a client's activity, newest first.
async fn verbs(app: &TestApp, id: &str) -> Vec<String> {
    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    log["items"].as_array().unwrap().iter().map(|a| a["verb"].as_str().unwrap().to_string()).collect()
}

async fn a_client_corrects_their_own_details(app: TestApp) {
    let c = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = c["id"].as_str().unwrap();
    let token = bearer(&client_login(&app, "maria@lopez.es").await);

    let change = json!({ "name": "  María López ", "phone": "+34 612 345 678", "company": "López Diseño SL" });
    let res = update_me(&app, &token, &change).await;
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["name"], "María López", "trimmed: {me}");
    assert_eq!(me["phone"], "+34 612 345 678");
    assert_eq!(me["company"], "López Diseño SL");
    assert_eq!(me["email"], "maria@lopez.es");
    assert_eq!(me["impersonated"], false);
    assert_eq!(get_me(&app, &token).await, me);

    let staff_view: Value = app.get(&format!("/api/v1/clients/{id}")).await.json().await.unwrap();
    assert_eq!(staff_view["name"], "María López");
    assert_eq!(staff_view["phone"], "+34 612 345 678");
    assert_eq!(staff_view["company"], "López Diseño SL");

    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    let entry = &log["items"][0];
    assert_eq!(entry["verb"], "profile_updated");
    assert_eq!(entry["actor_kind"], "client");
    assert_eq!(entry["actor_id"], id);
    assert_eq!(entry["data"]["fields"], json!(["name", "phone", "company"]));

    // `null` clears; what is left out stays.
    let me: Value = update_me(&app, &token, &json!({ "phone": null })).await.json().await.unwrap();
    assert_eq!(me["phone"], Value::Null);
    assert_eq!(me["company"], "López Diseño SL");
    assert_eq!(me["name"], "María López");
    let staff_view: Value = app.get(&format!("/api/v1/clients/{id}")).await.json().await.unwrap();
    assert_eq!(staff_view["phone"], Value::Null);
    let me: Value = update_me(&app, &token, &json!({ "company": null })).await.json().await.unwrap();
    assert_eq!(me["company"], Value::Null);
}

async fn invalid_changes_are_422_and_change_nothing(app: TestApp) {
    let c = app.client("Noah Martin", "noah@cycles.fr").await;
    let id = c["id"].as_str().unwrap();
    let token = bearer(&client_login(&app, "noah@cycles.fr").await);
    let before = get_me(&app, &token).await;
    let history = verbs(&app, id).await;

    for (body, bad) in [
        (json!({ "name": "   " }), vec!["name"]),
        (json!({ "name": "" }), vec!["name"]),
        (json!({ "name": null }), vec!["name"]),
        (json!({ "name": "x".repeat(201) }), vec!["name"]),
        (json!({ "phone": "call me" }), vec!["phone"]),
        (json!({ "company": "x".repeat(201) }), vec!["company"]),
        (json!({ "name": " ", "phone": "12", "company": "Cycles" }), vec!["name", "phone"]),
        // Only staff change the email (the login) and the rest.
        (json!({ "email": "other@cycles.fr" }), vec!["email"]),
        (json!({ "notes": "vip", "name": "Noah" }), vec!["notes"]),
    ] {
        let problem = problem(update_me(&app, &token, &body).await, 422).await;
        assert_eq!(problem["type"], "urn:portico:problem:validation-failed");
        assert_eq!(fields(&problem), bad, "{body}: {problem}");
    }
    assert_eq!(get_me(&app, &token).await, before);
    assert_eq!(verbs(&app, id).await, history, "a refused change leaves no activity");
}

async fn only_the_client_may_change_their_details(app: TestApp) {
    let c = app.client("Aiko Tanaka", "aiko@example.jp").await;
    let id = c["id"].as_str().unwrap();
    let change = json!({ "name": "Someone Else" });

    let anonymous = app.http.patch(app.url(ME)).json(&change).send().await.unwrap();
    let anonymous = problem(anonymous, 401).await;
    assert_eq!(anonymous["type"], "urn:portico:problem:unauthorized");

    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    problem(update_me(&app, &staff, &change).await, 403).await;

    // Staff viewing the portal as the client may look, not change.
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{id}/impersonate")).send().await.unwrap();
    let view = bearer(&res.json().await.unwrap());
    let body = problem(update_me(&app, &view, &change).await, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("read-only"), "{body}");

    let client: Value = app.get(&format!("/api/v1/clients/{id}")).await.json().await.unwrap();
    assert_eq!(client["name"], "Aiko Tanaka");
    assert!(!verbs(&app, id).await.contains(&"profile_updated".to_string()));
}

async fn a_client_changes_only_their_own_row(app: TestApp) {
    let lena = app.client("Lena Vogel", "lena@vogel.de").await;
    let colleague = app.client("Jonas Vogel", "jonas@vogel.de").await;
    // The same person is also a client of another business.
    let (_, beta) = app.other_tenant("beta");
    let res = app
        .req_as(&beta, Method::POST, "/api/v1/clients")
        .json(&json!({ "name": "Lena Vogel", "email": "lena@vogel.de" }))
        .send()
        .await
        .unwrap();
    let elsewhere: Value = res.json().await.unwrap();

    let token = bearer(&client_login(&app, "lena@vogel.de").await);
    let me: Value = update_me(&app, &token, &json!({ "company": "Vogel GmbH" })).await.json().await.unwrap();
    assert_eq!(me["id"], lena["id"]);
    assert_eq!(me["company"], "Vogel GmbH");

    let path = format!("/api/v1/clients/{}", colleague["id"].as_str().unwrap());
    let untouched: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(untouched["company"], Value::Null);
    let path = format!("/api/v1/clients/{}", elsewhere["id"].as_str().unwrap());
    let untouched: Value = app.req_as(&beta, Method::GET, &path).send().await.unwrap().json().await.unwrap();
    assert_eq!(untouched["company"], Value::Null);
}

both!(
    a_client_corrects_their_own_details,
    invalid_changes_are_422_and_change_nothing,
    only_the_client_may_change_their_details,
    a_client_changes_only_their_own_row,
);
