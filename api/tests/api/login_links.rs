//! One-click login links for integrators: made for one client through the API, single use,
//! alive at most 15 minutes, opening the portal through the same redeem step as an emailed
//! link, and logged when made and every time used.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};

const REDEEM: &str = "/api/v1/portal/acme/auth/magic-link";

async fn make(app: &TestApp, client: &str, body: Value) -> reqwest::Response {
    app.post(&format!("/api/v1/clients/{client}/login-links"), &body).await
}

/// The token in a link's fragment.
fn token_of(link: &Value) -> String {
    let url = link["url"].as_str().unwrap();
    url.split("#token=").nth(1).unwrap().split('&').next().unwrap().to_string()
}

async fn redeem(app: &TestApp, token: &str) -> reqwest::Response {
    app.http.post(app.url(REDEEM)).json(&json!({ "token": token })).send().await.unwrap()
}

async fn a_link_logs_the_client_in_once_and_is_logged(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = maria["id"].as_str().unwrap().to_string();
    let res = make(&app, &id, json!({})).await;
    assert_eq!(res.status(), 201);
    let link: Value = res.json().await.unwrap();
    let url = link["url"].as_str().unwrap();
    assert!(url.starts_with("http") && url.contains("/portal/acme/login/link#token="), "{url}");
    assert!(url.contains("&email=maria%40lopez%2Ees") || url.contains("&email=maria%40lopez.es"), "{url}");
    let expires = chrono::DateTime::parse_from_rfc3339(link["expires_at"].as_str().unwrap()).unwrap();
    let left = expires.signed_duration_since(chrono::Utc::now()).num_seconds();
    assert!((14 * 60..=15 * 60).contains(&left), "15 minutes by default: {left}s");

    // Used once: a portal session of Maria's.
    let res = redeem(&app, &token_of(&link)).await;
    assert_eq!(res.status(), 200);
    let session: Value = res.json().await.unwrap();
    let me =
        app.req_as(session["access_token"].as_str().unwrap(), Method::GET, "/api/v1/portal/me").send().await.unwrap();
    assert_eq!(me.json::<Value>().await.unwrap()["id"], id.as_str());
    // Twice: refused.
    let again = problem(redeem(&app, &token_of(&link)).await, 401).await;
    assert!(again["detail"].as_str().unwrap().contains("already used"), "{again}");

    // Both the making and the use are in her activity, the use with where it came from.
    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().filter_map(|a| a["verb"].as_str()).collect();
    assert!(verbs.contains(&"login_link_created") && verbs.contains(&"login_link_used"), "{verbs:?}");
    let used = log["items"].as_array().unwrap().iter().find(|a| a["verb"] == "login_link_used").unwrap();
    assert!(used["data"]["ip"].is_string(), "{used}");
    let made = log["items"].as_array().unwrap().iter().find(|a| a["verb"] == "login_link_created").unwrap();
    assert_eq!(made["actor_kind"], "api_key");
}

async fn a_link_expires_and_refuses_what_it_cannot_serve(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = maria["id"].as_str().unwrap().to_string();
    let res = make(&app, &id, json!({ "minutes": 1 })).await;
    assert_eq!(res.status(), 201);
    let link: Value = res.json().await.unwrap();
    let expires = chrono::DateTime::parse_from_rfc3339(link["expires_at"].as_str().unwrap()).unwrap();
    assert!(expires.signed_duration_since(chrono::Utc::now()).num_seconds() <= 60);
    // Its minute has passed.
    app.db
        .write_sync(|conn| {
            use diesel::prelude::*;
            use portico::db::schema::login_codes;
            let past = portico::db::now() - chrono::TimeDelta::seconds(1);
            diesel::update(login_codes::table.filter(login_codes::client_id.is_not_null()))
                .set(login_codes::link_expires_at.eq(past))
                .execute(conn)?;
            Ok(())
        })
        .unwrap();
    problem(redeem(&app, &token_of(&link)).await, 401).await;

    for minutes in [0, 16] {
        let res = make(&app, &id, json!({ "minutes": minutes })).await;
        assert_eq!(fields(&problem(res, 422).await), ["minutes"], "{minutes} minutes");
    }
    problem(make(&app, "no-such-client", json!({})).await, 404).await;
    let res = app.patch(&format!("/api/v1/clients/{id}"), &json!({ "portal_enabled": false })).await;
    assert_eq!(res.status(), 200);
    problem(make(&app, &id, json!({})).await, 409).await;
}

async fn a_key_without_clients_write_cannot_make_one(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = maria["id"].as_str().unwrap();
    let key: Value = app
        .post("/api/v1/api-keys", &json!({ "name": "Reader", "scopes": ["clients:read"] }))
        .await
        .json()
        .await
        .unwrap();
    let res = app
        .req_as(key["secret"].as_str().unwrap(), Method::POST, &format!("/api/v1/clients/{id}/login-links"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;
}

both!(
    a_link_logs_the_client_in_once_and_is_logged,
    a_link_expires_and_refuses_what_it_cannot_serve,
    a_key_without_clients_write_cannot_make_one,
);
