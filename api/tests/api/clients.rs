//! Clients: create, read, list and search with keyset pages, update, archive, restore,
//! and the activity each change leaves.

use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, problem};

fn names(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect()
}

async fn a_client_is_created_and_read_back(app: TestApp) {
    let res = app
        .post(
            "/api/v1/clients",
            &json!({ "name": " Maria Lopez ", "email": "Maria@Lopez-Interiors.ES", "phone": "+34 612 345 678",
                     "company": "Lopez Interiors", "notes": "Prefers calls after 5pm", "status": "lead" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let c: Value = res.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/clients/{}", c["id"].as_str().unwrap()));
    assert_eq!(c["name"], "Maria Lopez");
    assert_eq!(c["email"], "maria@lopez-interiors.es");
    assert_eq!(c["status"], "lead");
    assert_eq!(c["portal_enabled"], true);
    assert!(c["created_at"].as_str().unwrap().ends_with('Z'));

    let again: Value = app.get(&location).await.json().await.unwrap();
    assert_eq!(again, c);
    problem(app.get("/api/v1/clients/01234567-89ab-7def-8123-456789abcdef").await, 404).await;
    problem(app.get("/api/v1/clients/not-even-an-id").await, 404).await;
}

async fn several_clients_may_share_an_email(app: TestApp) {
    app.client("Lukas Becker", "lukas@becker.de").await;
    app.client("Lukas Becker (Café Kiez)", "lukas@becker.de").await;
    let page: Value = app.get("/api/v1/clients?q=lukas@becker.de").await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
}

async fn lists_page_through_every_client_once(app: TestApp) {
    let mut expected = Vec::new();
    for name in ["Gina", "Bob", "Emma", "Alice", "Fred", "Dora", "Carl"] {
        app.client(name, &format!("{}@example.com", name.to_lowercase())).await;
        expected.push(name.to_string());
    }
    expected.sort();
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/clients?limit=3&cursor={c}"),
            None => "/api/v1/clients?limit=3".to_string(),
        };
        let page: Value = app.get(&path).await.json().await.unwrap();
        pages += 1;
        seen.extend(names(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, expected, "A→Z, each once");

    let newest: Value = app.get("/api/v1/clients?sort=-created&limit=2").await.json().await.unwrap();
    assert_eq!(names(&newest), ["Carl", "Dora"]);
    let next = newest["next_cursor"].as_str().unwrap();
    let after: Value =
        app.get(&format!("/api/v1/clients?sort=-created&limit=2&cursor={next}")).await.json().await.unwrap();
    assert_eq!(names(&after), ["Fred", "Alice"]);
}

async fn search_matches_name_email_and_company_ignoring_case(app: TestApp) {
    app.post(
        "/api/v1/clients",
        &json!({ "name": "Sofia Rossi", "email": "sofia@rossi.it", "company": "Rossi & Figli" }),
    )
    .await;
    app.post(
        "/api/v1/clients",
        &json!({ "name": "Noah Martin", "email": "noah@cycles.fr", "company": "Martin Cycles" }),
    )
    .await;
    app.post("/api/v1/clients", &json!({ "name": "100% Juice", "email": "hello@juice.example" })).await;
    let q = |q: &str| {
        let path =
            format!("/api/v1/clients?q={}", url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>());
        let app = &app;
        async move { names(&app.get(&path).await.json::<Value>().await.unwrap()) }
    };
    assert_eq!(q("ROSSI").await, ["Sofia Rossi"]);
    assert_eq!(q("cycles.fr").await, ["Noah Martin"]);
    assert_eq!(q("figli").await, ["Sofia Rossi"]);
    assert_eq!(q("%").await, ["100% Juice"], "% is a character, not a wildcard");
    assert_eq!(q("nobody").await, Vec::<String>::new());
}

async fn updates_change_only_what_is_sent(app: TestApp) {
    let c = app.client("Oliver Brown", "oliver@brownlegal.com").await;
    let path = format!("/api/v1/clients/{}", c["id"].as_str().unwrap());
    app.patch(&path, &json!({ "company": "Brown Legal LLP", "phone": "+1 415 555 0142" })).await;
    let res = app.patch(&path, &json!({ "company": null, "portal_enabled": false, "status": "active" })).await;
    assert_eq!(res.status(), 200);
    let u: Value = res.json().await.unwrap();
    assert_eq!(u["company"], Value::Null);
    assert_eq!(u["phone"], "+1 415 555 0142");
    assert_eq!(u["name"], "Oliver Brown");
    assert_eq!(u["portal_enabled"], false);

    let body = problem(app.patch(&path, &json!({ "status": "archived" })).await, 422).await;
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("archive"));
    problem(app.patch("/api/v1/clients/nope", &json!({ "name": "X" })).await, 404).await;
}

async fn archive_hides_keeps_and_restores(app: TestApp) {
    let c = app.client("Hannah Schmidt", "hannah@alpen.example").await;
    app.client("Aiko Tanaka", "aiko@example.jp").await;
    let id = c["id"].as_str().unwrap();

    let archived: Value = app.post(&format!("/api/v1/clients/{id}/archive"), &json!({})).await.json().await.unwrap();
    assert_eq!(archived["status"], "archived");
    let listed: Value = app.get("/api/v1/clients").await.json().await.unwrap();
    assert_eq!(names(&listed), ["Aiko Tanaka"]);
    let only_archived: Value = app.get("/api/v1/clients?status=archived").await.json().await.unwrap();
    assert_eq!(names(&only_archived), ["Hannah Schmidt"]);
    assert_eq!(app.get(&format!("/api/v1/clients/{id}")).await.status(), 200, "still readable");

    problem(app.post(&format!("/api/v1/clients/{id}/archive"), &json!({})).await, 409).await;
    problem(app.patch(&format!("/api/v1/clients/{id}"), &json!({ "name": "H" })).await, 409).await;

    let restored: Value = app.post(&format!("/api/v1/clients/{id}/restore"), &json!({})).await.json().await.unwrap();
    assert_eq!(restored["status"], "active");
    problem(app.post(&format!("/api/v1/clients/{id}/restore"), &json!({})).await, 409).await;
}

async fn every_change_appends_to_the_activity_log(app: TestApp) {
    let c = app.client("Emma Johansson", "emma@example.se").await;
    let id = c["id"].as_str().unwrap();
    app.patch(&format!("/api/v1/clients/{id}"), &json!({ "phone": "+46 8 123 456" })).await;
    app.post(&format!("/api/v1/clients/{id}/archive"), &json!({})).await;
    app.post(&format!("/api/v1/clients/{id}/restore"), &json!({})).await;

    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|a| a["verb"].as_str().unwrap()).collect();
    assert_eq!(verbs, ["restored", "archived", "updated", "created"]);
    let updated = &log["items"][2];
    assert_eq!(updated["data"]["fields"], json!(["phone"]));
    assert_eq!(updated["actor_kind"], "api_key");
    assert_eq!(updated["subject_type"], "client");

    let first: Value = app.get(&format!("/api/v1/clients/{id}/activity?limit=3")).await.json().await.unwrap();
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest: Value =
        app.get(&format!("/api/v1/clients/{id}/activity?limit=3&cursor={cursor}")).await.json().await.unwrap();
    assert_eq!(rest["items"][0]["verb"], "created");
    assert_eq!(rest["next_cursor"], Value::Null);
}

both!(
    a_client_is_created_and_read_back,
    several_clients_may_share_an_email,
    lists_page_through_every_client_once,
    search_matches_name_email_and_company_ignoring_case,
    updates_change_only_what_is_sent,
    archive_hides_keeps_and_restores,
    every_change_appends_to_the_activity_log,
);

async fn concurrent_writers_all_succeed(app: TestApp) {
    // SQLite has one writer: concurrent creates must queue, never fail with "database is locked".
    let creates = (0..40).map(|i| {
        let app = &app;
        async move {
            let body = json!({ "name": format!("Client {i:02}"), "email": format!("c{i}@example.com") });
            app.post("/api/v1/clients", &body).await.status().as_u16()
        }
    });
    let statuses = futures_util::future::join_all(creates).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let page: Value = app.get("/api/v1/clients?limit=100").await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 40);
}

both!(concurrent_writers_all_succeed);
