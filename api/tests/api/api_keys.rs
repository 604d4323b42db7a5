//! API keys: created with a secret shown once, stored hashed, scoped, revocable.

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};

async fn create_key(app: &TestApp, name: &str, scopes: &[&str]) -> Value {
    let res = app.post("/api/v1/api-keys", &json!({ "name": name, "scopes": scopes })).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn a_key_is_shown_once_and_stored_hashed(app: TestApp) {
    let created = create_key(&app, "Zapier", &["clients:read"]).await;
    let secret = created["secret"].as_str().unwrap().to_string();
    assert!(secret.starts_with("pk_live_") && secret.len() == 52, "{secret}");
    assert!(secret.starts_with(created["prefix"].as_str().unwrap()));
    assert_eq!(created["scopes"], json!(["clients:read"]));

    let list: Value = app.get("/api/v1/api-keys").await.json().await.unwrap();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "the owner key and the new one");
    assert_eq!(items[0]["name"], "Zapier", "newest first");
    let listed = serde_json::to_string(&list).unwrap();
    assert!(!listed.contains(&secret) && !listed.contains("hash") && !listed.contains("secret"));

    use portico::db::schema::api_keys::dsl;
    let mut conn = app.db.conn().unwrap();
    let stored: Vec<(String, String)> = dsl::api_keys.select((dsl::prefix, dsl::hash)).load(&mut *conn).unwrap();
    for (prefix, hash) in stored {
        assert!(!secret.contains(&hash) && !hash.contains(&secret[8..]), "only a hash is stored");
        assert_eq!(hash.len(), 64);
        assert_eq!(prefix.len(), 12);
    }
}

async fn scopes_limit_what_a_key_may_do(app: TestApp) {
    let reader = create_key(&app, "Reporting", &["clients:read"]).await["secret"].as_str().unwrap().to_string();
    assert_eq!(app.req_as(&reader, Method::GET, "/api/v1/clients").send().await.unwrap().status(), 200);
    let res = app
        .req_as(&reader, Method::POST, "/api/v1/clients")
        .json(&json!({ "name": "X", "email": "x@x.io" }))
        .send()
        .await
        .unwrap();
    let body = problem(res, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("clients:write"));
    problem(app.req_as(&reader, Method::GET, "/api/v1/tenant").send().await.unwrap(), 403).await;
    problem(app.req_as(&reader, Method::GET, "/api/v1/api-keys").send().await.unwrap(), 403).await;

    // `clients:write` implies reading.
    let writer = create_key(&app, "Sync", &["clients:write"]).await["secret"].as_str().unwrap().to_string();
    assert_eq!(app.req_as(&writer, Method::GET, "/api/v1/clients").send().await.unwrap().status(), 200);

    // A key cannot mint a key stronger than itself.
    let manager =
        create_key(&app, "Ops", &["api_keys:manage", "clients:read"]).await["secret"].as_str().unwrap().to_string();
    let res = app
        .req_as(&manager, Method::POST, "/api/v1/api-keys")
        .json(&json!({ "name": "Escalate", "scopes": ["clients:write"] }))
        .send()
        .await
        .unwrap();
    let body = problem(res, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("clients:write"));
    let ok = app
        .req_as(&manager, Method::POST, "/api/v1/api-keys")
        .json(&json!({ "name": "Narrow", "scopes": ["clients:read"] }));
    assert_eq!(ok.send().await.unwrap().status(), 201);
}

async fn bad_key_requests_are_422(app: TestApp) {
    let body = problem(app.post("/api/v1/api-keys", &json!({ "name": "", "scopes": [] })).await, 422).await;
    assert_eq!(fields(&body), ["name", "scopes"]);
    let body = problem(app.post("/api/v1/api-keys", &json!({ "name": "x", "scopes": ["root"] })).await, 422).await;
    assert_eq!(fields(&body), ["scopes[0]"]);
}

async fn revoked_keys_stop_working_at_once(app: TestApp) {
    let created = create_key(&app, "Old integration", &["clients:read"]).await;
    let secret = created["secret"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    assert_eq!(app.req_as(secret, Method::GET, "/api/v1/clients").send().await.unwrap().status(), 200);

    let used: Value = app.get("/api/v1/api-keys").await.json().await.unwrap();
    assert!(used["items"][0]["last_used_at"].is_string(), "use is recorded");

    let revoked: Value = app.post(&format!("/api/v1/api-keys/{id}/revoke"), &json!({})).await.json().await.unwrap();
    let at = revoked["revoked_at"].as_str().unwrap().to_string();
    let body = problem(app.req_as(secret, Method::GET, "/api/v1/clients").send().await.unwrap(), 401).await;
    assert!(body["detail"].as_str().unwrap().contains("revoked"));

    let again: Value = app.post(&format!("/api/v1/api-keys/{id}/revoke"), &json!({})).await.json().await.unwrap();
    assert_eq!(again["revoked_at"], at.as_str(), "revoking again keeps the first time");
    problem(app.post("/api/v1/api-keys/nope/revoke", &json!({})).await, 404).await;
}

both!(
    a_key_is_shown_once_and_stored_hashed,
    scopes_limit_what_a_key_may_do,
    bad_key_requests_are_422,
    revoked_keys_stop_working_at_once,
);
