//! `Idempotency-Key`: a retried create or action gets the first answer again and changes
//! nothing more; the key is the caller's own, bound to one request, and freed by a failure.

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login};
use crate::helpers::TestApp;

const CLIENTS: &str = "/api/v1/clients";

fn with_key(app: &TestApp, credential: &str, path: &str, key: &str, body: &Value) -> reqwest::RequestBuilder {
    app.req_as(credential, Method::POST, path).header("Idempotency-Key", key).json(body)
}

fn clients_named(app: &TestApp, name: &str) -> i64 {
    use portico::db::schema::clients::dsl;
    let mut conn = app.db.conn().unwrap();
    dsl::clients.filter(dsl::name.eq(name)).count().get_result(&mut conn).unwrap()
}

async fn a_retried_create_answers_the_same_and_creates_once(app: TestApp) {
    let body = json!({ "name": "Retry Ltd", "email": "ops@retry.example" });
    let first = with_key(&app, &app.key, CLIENTS, "create-retry-1", &body).send().await.unwrap();
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotency-replayed").is_none());
    let location = first.headers()["location"].clone();
    let first: Value = first.json().await.unwrap();

    let again = with_key(&app, &app.key, CLIENTS, "create-retry-1", &body).send().await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotency-replayed"], "true");
    assert_eq!(again.headers()["location"], location);
    assert_eq!(again.json::<Value>().await.unwrap(), first, "the very same answer");
    assert_eq!(clients_named(&app, "Retry Ltd"), 1);

    // Another caller's key of the same name is theirs: it creates in their own tenant.
    let (_, other_key) = app.other_tenant("globex");
    let theirs = with_key(&app, &other_key, CLIENTS, "create-retry-1", &body).send().await.unwrap();
    assert_eq!(theirs.status(), 201);
    assert!(theirs.headers().get("idempotency-replayed").is_none());
    assert_ne!(theirs.json::<Value>().await.unwrap()["id"], first["id"]);
    assert_eq!(clients_named(&app, "Retry Ltd"), 2);
}

async fn a_key_is_bound_to_one_request_and_a_failure_frees_it(app: TestApp) {
    let body = json!({ "name": "Bound Ltd", "email": "ops@bound.example" });
    assert_eq!(with_key(&app, &app.key, CLIENTS, "k-bound", &body).send().await.unwrap().status(), 201);
    let other = json!({ "name": "Other Ltd", "email": "ops@other.example" });
    let res = with_key(&app, &app.key, CLIENTS, "k-bound", &other).send().await.unwrap();
    assert_eq!(res.status(), 409);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let p: Value = res.json().await.unwrap();
    assert!(p["detail"].as_str().unwrap().contains("Idempotency-Key was already used"), "{p}");
    assert_eq!(clients_named(&app, "Other Ltd"), 0, "nothing created");

    // A refused request does not bind its key: the corrected retry runs.
    let bad = json!({ "name": "Fixed Ltd", "email": "not an email" });
    assert_eq!(with_key(&app, &app.key, CLIENTS, "k-fix", &bad).send().await.unwrap().status(), 422);
    let fixed = json!({ "name": "Fixed Ltd", "email": "ops@fixed.example" });
    let res = with_key(&app, &app.key, CLIENTS, "k-fix", &fixed).send().await.unwrap();
    assert_eq!(res.status(), 201);
    assert!(res.headers().get("idempotency-replayed").is_none());

    // Malformed keys are refused before anything runs.
    for key in ["", &"x".repeat(256), "has space"] {
        let res = with_key(&app, &app.key, CLIENTS, key, &json!({ "name": "Nope", "email": "n@o.example" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "key {key:?}");
    }
    assert_eq!(clients_named(&app, "Nope"), 0);
}

async fn concurrent_retries_create_exactly_once(app: TestApp) {
    let body = json!({ "name": "Burst Ltd", "email": "ops@burst.example" });
    let sends = (0..10).map(|_| with_key(&app, &app.key, CLIENTS, "burst", &body).send());
    let statuses: Vec<u16> =
        futures_util::future::join_all(sends).await.into_iter().map(|r| r.unwrap().status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 201 || *s == 409), "{statuses:?}");
    assert!(statuses.contains(&201));
    assert_eq!(clients_named(&app, "Burst Ltd"), 1, "{statuses:?}");
    // Once the first finished, every retry replays it.
    let res = with_key(&app, &app.key, CLIENTS, "burst", &body).send().await.unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["idempotency-replayed"], "true");
}

/// Failed requests free their key at once, so a racing request can lose the insert to a
/// row that is gone by the time it looks: it must claim again, never answer "not found".
async fn a_key_raced_by_failing_requests_is_never_missing(app: TestApp) {
    let invalid = json!({ "name": "", "email": "not an email" });
    for round in 0..20 {
        let key = format!("flaky-{round}");
        let sends = (0..50).map(|_| with_key(&app, &app.key, CLIENTS, &key, &invalid).send());
        let statuses: Vec<u16> =
            futures_util::future::join_all(sends).await.into_iter().map(|r| r.unwrap().status().as_u16()).collect();
        assert!(statuses.iter().all(|s| *s == 422 || *s == 409), "round {round}: {statuses:?}");
    }
    assert_eq!(clients_named(&app, ""), 0);
}

async fn a_client_action_retried_is_not_refused_as_done(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let token = bearer(&client_login(&app, "maria@example.com").await);
    let id = crate::quotes::sent(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;

    let accept = format!("/api/v1/portal/quotes/{id}/accept");
    let first = with_key(&app, &token, &accept, "accept-once", &json!({})).send().await.unwrap();
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    // The answer was lost on the way: the retry gets it, not "already accepted".
    let again = with_key(&app, &token, &accept, "accept-once", &json!({})).send().await.unwrap();
    assert_eq!(again.status(), 200);
    assert_eq!(again.json::<Value>().await.unwrap(), first);
    // Without the key, a second accept is the conflict it is.
    assert_eq!(app.req_as(&token, Method::POST, &accept).json(&json!({})).send().await.unwrap().status(), 409);
    use portico::db::schema::projects::dsl;
    let mut conn = app.db.conn().unwrap();
    let projects: i64 =
        dsl::projects.filter(dsl::client_id.eq(maria["id"].as_str().unwrap())).count().get_result(&mut conn).unwrap();
    assert_eq!(projects, 1);
}

async fn an_ended_session_or_a_read_only_view_gets_no_replay(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let id = maria["id"].as_str().unwrap();
    let token = bearer(&client_login(&app, "maria@example.com").await);
    let quote_id = crate::quotes::sent(&app, id, "Brand refresh").await;
    let accept = format!("/api/v1/portal/quotes/{quote_id}/accept");
    let body = json!({});
    let first = with_key(&app, &token, &accept, "accept-once", &body).send().await.unwrap();
    assert_eq!(first.status(), 200);

    // Staff view her portal (read-only): the same request and key is refused, not replayed.
    let staff = bearer(&crate::flows::staff_login(&app, "owner@acme.example").await);
    let view = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{id}/impersonate")).send().await.unwrap();
    let viewer = bearer(&view.json().await.unwrap());
    let res = with_key(&app, &viewer, &accept, "accept-once", &body).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.headers().get("idempotency-replayed").is_none());

    // Logged out: her old access token gets 401, not the kept 201.
    let out = app.req_as(&token, Method::POST, "/api/v1/auth/logout").send().await.unwrap();
    assert!(out.status().is_success());
    let res = with_key(&app, &token, &accept, "accept-once", &body).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(res.headers().get("idempotency-replayed").is_none());
}

async fn answers_are_kept_a_day(app: TestApp) {
    let body = json!({ "name": "Daily Ltd", "email": "ops@daily.example" });
    assert_eq!(with_key(&app, &app.key, CLIENTS, "daily", &body).send().await.unwrap().status(), 201);
    {
        use portico::db::schema::idempotency_keys::dsl;
        let mut conn = app.db.conn().unwrap();
        let old = portico::db::now() - chrono::TimeDelta::hours(25);
        diesel::update(dsl::idempotency_keys.filter(dsl::key.eq("daily")))
            .set(dsl::created_at.eq(old))
            .execute(&mut conn)
            .unwrap();
    }
    // A day later the key is new again: this is a new request.
    let res = with_key(&app, &app.key, CLIENTS, "daily", &body).send().await.unwrap();
    assert_eq!(res.status(), 201);
    assert!(res.headers().get("idempotency-replayed").is_none());
    assert_eq!(clients_named(&app, "Daily Ltd"), 2);
}

both!(
    an_ended_session_or_a_read_only_view_gets_no_replay,
    a_retried_create_answers_the_same_and_creates_once,
    a_key_is_bound_to_one_request_and_a_failure_frees_it,
    concurrent_retries_create_exactly_once,
    a_key_raced_by_failing_requests_is_never_missing,
    a_client_action_retried_is_not_refused_as_done,
    answers_are_kept_a_day,
);
