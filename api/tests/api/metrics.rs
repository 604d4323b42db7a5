//! `GET /metrics`: off by default, guarded by its token on the main address, open on its own
//! address; counts requests per route pattern and reports the outbox's backlog and failures.

use reqwest::Method;

use crate::both;
use crate::helpers::{TestApp, spawn_app_with};

const TOKEN: &str = "metrics-token-for-the-tests";

fn value_of(text: &str, series: &str) -> f64 {
    let line = text
        .lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .unwrap_or_else(|| panic!("no series {series} in:\n{text}"));
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

async fn scrape(app: &TestApp) -> String {
    let res = app.http.get(app.url("/metrics")).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let kind = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    res.text().await.unwrap()
}

async fn off_unless_configured_and_guarded_by_the_token(app: TestApp) {
    let res = app.http.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), 404, "off by default");
    assert!(res.text().await.unwrap().contains("PORTICO_METRICS_TOKEN"));

    let app = spawn_app_with(app.backend, &[("PORTICO_METRICS_TOKEN", TOKEN)]).await;
    assert_eq!(app.http.get(app.url("/metrics")).send().await.unwrap().status(), 401);
    let wrong = app.http.get(app.url("/metrics")).bearer_auth("metrics-token-for-the-tests!").send().await.unwrap();
    assert_eq!(wrong.status(), 401);
    // An API key is not the metrics token.
    assert_eq!(app.req(Method::GET, "/metrics").send().await.unwrap().status(), 401);
    assert!(scrape(&app).await.contains("# TYPE portico_http_requests_total counter"));
}

async fn requests_are_counted_per_route_pattern(app: TestApp) {
    let app = spawn_app_with(app.backend, &[("PORTICO_METRICS_TOKEN", TOKEN)]).await;
    for id in ["a", "b", "c"] {
        assert_eq!(app.get(&format!("/api/v1/clients/{id}")).await.status(), 404);
    }
    assert_eq!(app.get("/api/v1/clients").await.status(), 200);
    let text = scrape(&app).await;
    let route = r#"method="GET",route="/api/v1/clients/{id}""#;
    assert_eq!(value_of(&text, &format!(r#"portico_http_requests_total{{{route},status="404"}}"#)), 3.0);
    assert_eq!(value_of(&text, &format!("portico_http_request_duration_seconds_count{{{route}}}")), 3.0);
    assert_eq!(value_of(&text, &format!(r#"portico_http_request_duration_seconds_bucket{{{route},le="+Inf"}}"#)), 3.0);
    assert!(!text.contains("/api/v1/clients/a"), "concrete paths never become series");
    assert_eq!(
        value_of(&text, r#"portico_http_requests_total{method="GET",route="/api/v1/clients",status="200"}"#),
        1.0
    );
    assert!(value_of(&text, r#"portico_db_pool_max_connections"#) >= 1.0);
    assert!(value_of(&text, "portico_process_resident_memory_bytes") > 1_000_000.0);
}

async fn the_outbox_backlog_and_failures_show(app: TestApp) {
    let app = spawn_app_with(app.backend, &[("PORTICO_METRICS_TOKEN", TOKEN)]).await;
    {
        use portico::outbox::store;
        let mut conn = app.db.conn().unwrap();
        let email = portico::mail::Email {
            to: "nobody@example.com".into(),
            from_name: None,
            from_address: None,
            subject: "Undeliverable".into(),
            text: "Body".into(),
            html: "<p>Body</p>".into(),
            attachments: Vec::new(),
        };
        let dead = store::enqueue_email(&mut conn, None, &email).unwrap();
        store::mark_failed(&mut conn, &dead, "550 no such user", None).unwrap();
        // Waiting for its next try, an hour from now.
        let later = store::enqueue_email(&mut conn, None, &email).unwrap();
        store::mark_failed(&mut conn, &later, "421 try later", Some(portico::db::now() + chrono::TimeDelta::hours(1)))
            .unwrap();
    }
    let text = scrape(&app).await;
    assert_eq!(value_of(&text, r#"portico_outbox_messages{kind="email",status="dead"}"#), 1.0);
    assert_eq!(value_of(&text, r#"portico_outbox_messages{kind="email",status="pending"}"#), 1.0);
    assert_eq!(value_of(&text, r#"portico_outbox_retrying{kind="email"}"#), 1.0);
    assert!(value_of(&text, "portico_outbox_oldest_pending_seconds") >= 0.0);
}

async fn a_separate_address_serves_metrics_without_a_token(app: TestApp) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = format!("127.0.0.1:{port}");
    let app = spawn_app_with(app.backend, &[("PORTICO_METRICS_LISTEN", listen.as_str())]).await;
    assert_eq!(app.get("/api/v1/clients").await.status(), 200);
    let text = app.http.get(format!("http://{listen}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(text.contains(r#"route="/api/v1/clients""#), "{text}");
    // The main address keeps it off without a token setting.
    assert_eq!(app.http.get(app.url("/metrics")).send().await.unwrap().status(), 404);
    // Only /metrics lives there.
    assert_eq!(app.http.get(format!("http://{listen}/api/v1/clients")).send().await.unwrap().status(), 404);
}

both!(
    off_unless_configured_and_guarded_by_the_token,
    requests_are_counted_per_route_pattern,
    the_outbox_backlog_and_failures_show,
    a_separate_address_serves_metrics_without_a_token,
);
