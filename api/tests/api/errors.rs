//! Every error class answers problem+json with the right status, and changes nothing.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};

async fn client_count(app: &TestApp) -> usize {
    let page: serde_json::Value = app.get("/api/v1/clients?status=all&limit=100").await.json().await.unwrap();
    page["items"].as_array().unwrap().len()
}

async fn unknown_routes_are_404_problems(app: TestApp) {
    let body = problem(app.get("/api/v1/nothing-here").await, 404).await;
    assert!(body["detail"].as_str().unwrap().contains("/api/v1/nothing-here"));
    problem(app.http.get(app.url("/")).send().await.unwrap(), 404).await;
}

async fn malformed_json_is_400_and_creates_nothing(app: TestApp) {
    let before = client_count(&app).await;
    let res = app
        .req(Method::POST, "/api/v1/clients")
        .header("content-type", "application/json")
        .body(r#"{"name": "Ann", "email": "ann@example.com""#)
        .send()
        .await
        .unwrap();
    let body = problem(res, 400).await;
    assert_eq!(body["type"], "urn:portico:problem:malformed-json");
    assert!(body["detail"].as_str().unwrap().contains("line 1"), "says where: {body}");

    let empty =
        app.req(Method::POST, "/api/v1/clients").header("content-type", "application/json").send().await.unwrap();
    problem(empty, 400).await;
    assert_eq!(client_count(&app).await, before);
}

async fn wrong_or_missing_content_type_is_415(app: TestApp) {
    let before = client_count(&app).await;
    let res = app
        .req(Method::POST, "/api/v1/clients")
        .header("content-type", "text/plain")
        .body(r#"{"name": "Ann", "email": "ann@example.com"}"#)
        .send()
        .await
        .unwrap();
    let body = problem(res, 415).await;
    assert!(body["detail"].as_str().unwrap().contains("application/json"));
    let res = app
        .req(Method::POST, "/api/v1/clients")
        .body(r#"{"name":"Ann","email":"ann@example.com"}"#)
        .send()
        .await
        .unwrap();
    problem(res, 415).await;
    assert_eq!(client_count(&app).await, before);
}

async fn oversized_body_is_413_and_creates_nothing(app: TestApp) {
    let before = client_count(&app).await;
    let huge = json!({ "name": "Ann", "email": "ann@example.com", "notes": "x".repeat(2 << 20) });
    let body = problem(app.post("/api/v1/clients", &huge).await, 413).await;
    assert!(body["detail"].as_str().unwrap().contains("KiB"));
    assert_eq!(client_count(&app).await, before);
}

async fn validation_lists_every_bad_field(app: TestApp) {
    let before = client_count(&app).await;
    let res = app.post("/api/v1/clients", &json!({ "name": "  ", "email": "not-an-email", "phone": "call me" })).await;
    let body = problem(res, 422).await;
    assert_eq!(body["type"], "urn:portico:problem:validation-failed");
    assert_eq!(fields(&body), ["email", "name", "phone"]);
    for e in body["errors"].as_array().unwrap() {
        assert!(e["message"].as_str().unwrap().len() > 5, "a message a person can act on: {e}");
    }
    assert_eq!(client_count(&app).await, before);
}

async fn wrongly_shaped_json_names_the_field(app: TestApp) {
    let missing = problem(app.post("/api/v1/clients", &json!({ "name": "Ann" })).await, 422).await;
    assert_eq!(fields(&missing), ["email"]);
    assert_eq!(missing["errors"][0]["message"], "is required");

    let wrong_type = problem(app.post("/api/v1/clients", &json!({ "name": 5, "email": "a@b.co" })).await, 422).await;
    assert_eq!(fields(&wrong_type), ["name"]);

    let unknown =
        problem(app.post("/api/v1/clients", &json!({ "name": "A", "email": "a@b.co", "nmae": "x" })).await, 422).await;
    assert_eq!(fields(&unknown), ["nmae"]);

    let not_object = problem(app.post("/api/v1/clients", &json!(["a"])).await, 422).await;
    assert_eq!(fields(&not_object), ["body"]);
}

async fn bad_query_parameters_are_400(app: TestApp) {
    for query in ["limit=abc", "limit=0", "limit=101", "sort=age", "status=gone", "sort=", "cursor=%%%"] {
        let body = problem(app.get(&format!("/api/v1/clients?{query}")).await, 400).await;
        let name = query.split('=').next().unwrap();
        assert!(body["detail"].as_str().unwrap().contains(name), "{query}: {body}");
    }
    // A cursor the spec allows (base64url) that is no page of this list names a page that is
    // not there: 404, which a generated client expects, not a 400 it could not have avoided.
    for cursor in ["WyJhIl0", "zzz", "-_-_"] {
        let body = problem(app.get(&format!("/api/v1/clients?cursor={cursor}")).await, 404).await;
        assert!(body["detail"].as_str().unwrap().contains("cursor"), "{cursor}: {body}");
    }
}

async fn unauthenticated_calls_are_401(app: TestApp) {
    let res = app.http.get(app.url("/api/v1/clients")).send().await.unwrap();
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    let body = problem(res, 401).await;
    assert!(body["detail"].as_str().unwrap().contains("Authorization"));

    let basic = app.http.get(app.url("/api/v1/clients")).basic_auth("u", Some("p")).send().await.unwrap();
    problem(basic, 401).await;
    let malformed = app.req_as("pk_live_nope", Method::GET, "/api/v1/clients").send().await.unwrap();
    problem(malformed, 401).await;
    // Well-formed, unknown.
    let forged = format!("pk_live_{}", "A".repeat(44));
    problem(app.req_as(&forged, Method::GET, "/api/v1/clients").send().await.unwrap(), 401).await;
    // Right prefix, wrong secret.
    let tampered = format!("{}{}", &app.key[..20], "B".repeat(app.key.len() - 20));
    problem(app.req_as(&tampered, Method::GET, "/api/v1/clients").send().await.unwrap(), 401).await;
}

async fn repeated_failed_authentication_is_429(app: TestApp) {
    let forged = format!("pk_live_{}", "C".repeat(44));
    for _ in 0..30 {
        let res = app.req_as(&forged, Method::GET, "/api/v1/tenant").send().await.unwrap();
        assert_eq!(res.status(), 401);
    }
    let res = app.req_as(&forged, Method::GET, "/api/v1/tenant").send().await.unwrap();
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    let body = problem(res, 429).await;
    assert!(body["detail"].as_str().unwrap().contains("retry"));
    // Public endpoints stay open.
    assert_eq!(app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap().status(), 200);
}

both!(
    unknown_routes_are_404_problems,
    malformed_json_is_400_and_creates_nothing,
    wrong_or_missing_content_type_is_415,
    oversized_body_is_413_and_creates_nothing,
    validation_lists_every_bad_field,
    wrongly_shaped_json_names_the_field,
    bad_query_parameters_are_400,
    unauthenticated_calls_are_401,
    repeated_failed_authentication_is_429,
);

async fn nul_characters_are_refused_not_stored(app: TestApp) {
    let before = client_count(&app).await;
    let body =
        problem(app.post("/api/v1/clients", &json!({ "name": "Ann\u{0}", "email": "ann@example.com" })).await, 422)
            .await;
    assert_eq!(fields(&body), ["name"]);
    let body = problem(app.patch("/api/v1/tenant", &json!({ "login_message": "hi\u{0}" })).await, 422).await;
    assert_eq!(fields(&body), ["login_message"]);
    problem(app.get("/api/v1/clients?q=a%00b").await, 400).await;
    problem(app.get("/api/v1/clients/%00").await, 400).await;
    problem(app.http.get(app.url("/api/v1/portal/de%00mo")).send().await.unwrap(), 400).await;
    assert_eq!(client_count(&app).await, before);
}

both!(nul_characters_are_refused_not_stored);

async fn a_known_path_with_another_method_is_405_naming_the_allowed_ones(app: TestApp) {
    for (method, path) in [("TRACE", "/api/v1/api-keys"), ("PUT", "/api/v1/clients"), ("DELETE", "/api/v1/tenant")] {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let res = app.req(method.clone(), path).send().await.unwrap();
        let allow = res.headers().get("allow").map(|v| v.to_str().unwrap().to_string());
        let body = problem(res, 405).await;
        let allow = allow.unwrap_or_else(|| panic!("{method} {path}: no Allow header"));
        assert!(allow.contains("GET") && !allow.contains(method.as_str()), "{method} {path}: {allow}");
        assert!(body["detail"].as_str().unwrap().contains(&allow), "{body}");
    }
    problem(app.req(Method::GET, "/api/v1/nothing-here").send().await.unwrap(), 404).await;
}

async fn a_json_array_is_not_an_object_body(app: TestApp) {
    let client = app.client("Maria Lopez", "maria@example.com").await;
    let id = client["id"].as_str().unwrap();
    for body in [json!([null, null]), json!(["Maria", "maria@example.com"]), json!("text"), json!(7)] {
        let res = app.patch(&format!("/api/v1/clients/{id}"), &body).await;
        assert_eq!(fields(&problem(res, 422).await), ["body"], "{body}");
    }
    let before = client_count(&app).await;
    assert_eq!(
        fields(&problem(app.post("/api/v1/clients", &json!(["Ann", "ann@example.com"])).await, 422).await),
        ["body"]
    );
    assert_eq!(client_count(&app).await, before);
}

/// A body the spec allows can name an object the caller has not got: 404 naming the field,
/// as that object's own address would answer, and nothing is created.
async fn a_body_naming_an_object_that_is_not_yours_is_404(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let body = json!({ "client_id": "019a7b1c-0a2b-7c3d-8e4f-5a6b7c8d9e0f", "name": "Brand refresh" });
    let p = problem(app.post("/api/v1/projects", &body).await, 404).await;
    assert_eq!(p["type"], "urn:portico:problem:reference-not-found", "{p}");
    assert_eq!(fields(&p), ["client_id"]);
    assert!(p["detail"].as_str().unwrap().contains("'client_id'"), "{p}");
    let body = json!({ "client_id": maria["id"], "name": "Brand refresh", "staff_id": "nobody" });
    assert_eq!(fields(&problem(app.post("/api/v1/projects", &body).await, 404).await), ["staff_id"]);
    let projects: Value = app.get("/api/v1/projects").await.json().await.unwrap();
    assert_eq!(projects["items"], json!([]), "nothing created");
}

/// Whole numbers are integers to JSON Schema whether or not written with `.0`.
async fn a_whole_number_written_with_a_fraction_is_taken(app: TestApp) {
    let res = app
        .post("/api/v1/services", &json!({ "name": "Fitting", "duration_minutes": 45.0, "price_minor": 9000.0 }))
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap()["duration_minutes"], 45);
    let res =
        app.post("/api/v1/services", &json!({ "name": "Half", "duration_minutes": 45.5, "price_minor": 1 })).await;
    assert_eq!(fields(&problem(res, 422).await), ["duration_minutes"]);
}

both!(
    a_known_path_with_another_method_is_405_naming_the_allowed_ones,
    a_json_array_is_not_an_object_body,
    a_body_naming_an_object_that_is_not_yours_is_404,
    a_whole_number_written_with_a_fraction_is_taken
);
