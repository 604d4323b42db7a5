//! Probes and request ids.

use crate::both;
use crate::helpers::TestApp;

async fn probes_answer_and_every_response_has_a_request_id(app: TestApp) {
    let live = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(live.status(), 200);
    let first_id = live.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(live.json::<serde_json::Value>().await.unwrap()["status"], "ok");

    let ready = app.http.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let second_id = ready.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_ne!(first_id, second_id, "each request gets its own id");

    let missing = app.http.get(app.url("/no/such/thing")).send().await.unwrap();
    assert!(missing.headers().contains_key("x-request-id"), "errors carry the id too");
}

both!(probes_answer_and_every_response_has_a_request_id);
