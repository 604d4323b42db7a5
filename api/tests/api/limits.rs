//! How a request may arrive: headers capped at 16 KiB (431), a body that stops arriving
//! given up on (408), and HSTS only once the public URL is https.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::both;
use crate::helpers::{TestApp, problem, spawn_app_with};

async fn oversized_headers_are_refused_with_431(app: TestApp) {
    let fine = app.http.get(app.url("/api/v1/clients")).bearer_auth(&app.key).header("x-note", "a".repeat(8 * 1024));
    assert_eq!(fine.send().await.unwrap().status(), 200);
    let big = app.http.get(app.url("/api/v1/clients")).bearer_auth(&app.key).header("x-note", "a".repeat(20 * 1024));
    let body = problem(big.send().await.unwrap(), 431).await;
    assert!(body["detail"].as_str().unwrap().contains("16 KiB"), "{body}");
}

async fn a_body_that_stalls_gets_408_and_creates_nothing(app: TestApp) {
    let app = spawn_app_with(app.backend, &[("PORTICO_BODY_IDLE_SECONDS", "1")]).await;
    let before: serde_json::Value = app.get("/api/v1/clients").await.json().await.unwrap();
    let mut conn = TcpStream::connect(app.address.trim_start_matches("http://")).await.unwrap();
    let head = format!(
        "POST /api/v1/clients HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{{\"name\": \"Slow",
        app.key
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    // …and nothing more. The server answers without waiting for the rest.
    let started = Instant::now();
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(10), conn.read(&mut answer)).await.expect("an answer").unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json") && answer.contains("stopped arriving"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    let after: serde_json::Value = app.get("/api/v1/clients").await.json().await.unwrap();
    assert_eq!(before["items"], after["items"]);
}

async fn hsts_only_when_the_public_url_is_https(app: TestApp) {
    let res = app.get("/api/v1/clients").await;
    assert_eq!(res.headers()["strict-transport-security"], "max-age=31536000");
    let plain = spawn_app_with(app.backend, &[("PORTICO_PUBLIC_URL", "http://localhost:8080")]).await;
    let res = plain.get("/api/v1/clients").await;
    assert!(res.headers().get("strict-transport-security").is_none(), "a plain-http install must stay reachable");
}

both!(
    oversized_headers_are_refused_with_431,
    a_body_that_stalls_gets_408_and_creates_nothing,
    hsts_only_when_the_public_url_is_https,
);
