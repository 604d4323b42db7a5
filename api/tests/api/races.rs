//! Races at higher counts than the domain tests run them (issue 10): many writers at once on
//! one database answer no 5xx (SQLite included), numbering stays gapless, and a refresh
//! token raced against itself never yields two live sessions.

use futures_util::future::join_all;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::client_login;
use crate::helpers::TestApp;
use crate::invoices::{INVOICES, line};

const WRITERS: usize = 100;

async fn a_hundred_writers_at_once_all_succeed(app: TestApp) {
    let creates = (0..WRITERS).map(|i| {
        let app = &app;
        async move {
            app.post(
                "/api/v1/clients",
                &json!({ "name": format!("Writer {i}"), "email": format!("w{i}@race.example") }),
            )
            .await
        }
    });
    let statuses: Vec<u16> = join_all(creates).await.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 201), "every write answered 201: {statuses:?}");
    let page: Value = app.get("/api/v1/clients?q=race.example&limit=100").await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), WRITERS);
}

async fn a_hundred_invoices_at_once_are_numbered_without_gaps(app: TestApp) {
    let client: Value = app.client("Numa Count", "numa@race.example").await;
    let body = json!({ "client_id": client["id"], "title": "Race", "lines": [line("Item", json!(1), 1_000, 0)] });
    let creates = (0..WRITERS).map(|_| {
        let (app, body) = (&app, body.clone());
        async move { app.post(INVOICES, &body).await }
    });
    let mut numbers = Vec::new();
    for res in join_all(creates).await {
        assert_eq!(res.status(), 201);
        let v: Value = res.json().await.unwrap();
        let number = v["number"].as_str().unwrap().to_string();
        numbers.push(number.rsplit('-').next().unwrap().parse::<usize>().unwrap());
    }
    numbers.sort();
    assert_eq!(numbers, (1..=WRITERS).collect::<Vec<_>>());
}

async fn one_refresh_token_raced_twenty_times_leaves_at_most_one_session(app: TestApp) {
    app.client("Rhea Fresh", "rhea@race.example").await;
    let first = client_login(&app, "rhea@race.example").await;
    let token = first["refresh_token"].as_str().unwrap().to_string();
    let tries = (0..20).map(|_| {
        let (app, token) = (&app, token.clone());
        async move {
            app.http
                .post(app.url("/api/v1/auth/refresh"))
                .json(&json!({ "refresh_token": token }))
                .send()
                .await
                .unwrap()
        }
    });
    let mut won = Vec::new();
    for res in join_all(tries).await {
        match res.status().as_u16() {
            200 => won.push(res.json::<Value>().await.unwrap()),
            401 => {}
            other => panic!("a raced refresh answered {other}"),
        }
    }
    assert!(won.len() <= 1, "{} refreshes of one token succeeded", won.len());
    // The token was presented again after it rotated: taken as stolen, the session ended.
    let me =
        app.req_as(first["access_token"].as_str().unwrap(), Method::GET, "/api/v1/portal/me").send().await.unwrap();
    assert_eq!(me.status(), 401);
    for tokens in won {
        let again =
            app.http.post(app.url("/api/v1/auth/refresh")).json(&json!({ "refresh_token": tokens["refresh_token"] }));
        assert_eq!(again.send().await.unwrap().status(), 401);
    }
}

both!(
    a_hundred_writers_at_once_all_succeed,
    a_hundred_invoices_at_once_are_numbered_without_gaps,
    one_refresh_token_raced_twenty_times_leaves_at_most_one_session,
);
