//! Service orders: staff create and move them, numbers come from the per-tenant counter,
//! the client is emailed and sees them in the portal, and nobody else sees them at all.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem, refused_status};

const ORDERS: &str = "/api/v1/service-orders";
const PORTAL_ORDERS: &str = "/api/v1/portal/service-orders";

async fn create(app: &TestApp, client_id: &str, title: &str) -> Value {
    let res = app.post(ORDERS, &json!({ "client_id": client_id, "title": title })).await;
    assert_eq!(res.status(), 201, "create {title}");
    res.json().await.unwrap()
}

async fn set_status(app: &TestApp, id: &str, status: &str, note: Option<&str>) -> reqwest::Response {
    app.post(&format!("{ORDERS}/{id}/status"), &json!({ "status": status, "note": note })).await
}

async fn get_json(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.req_as(token, Method::GET, path).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    res.json().await.unwrap()
}

async fn an_order_with_lines_is_totalled_by_the_server(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let body = json!({
        "client_id": maria["id"],
        "title": "  Print run: 200 brochures ",
        "description": "A5, four pages",
        "lines": [
            { "description": "Brochure print", "quantity": 200, "unit_price_minor": 150 },
            { "description": "Design proof", "quantity": 1, "unit_price_minor": 4500 },
        ],
        "estimated_completion": "2026-12-01",
    });
    let res = app.post(ORDERS, &body).await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let order: Value = res.json().await.unwrap();
    assert_eq!(location, format!("{ORDERS}/{}", order["id"].as_str().unwrap()));
    assert_eq!(order["number"], 1);
    assert_eq!(order["reference"], "SO-0001");
    assert_eq!(order["title"], "Print run: 200 brochures");
    assert_eq!(order["client_name"], "Maria Lopez");
    assert_eq!(order["status"], "received");
    assert_eq!(order["currency"], "EUR");
    assert_eq!(order["estimated_completion"], "2026-12-01");
    assert_eq!(order["lines"][0]["total_minor"], 30000);
    assert_eq!(order["lines"][1]["total_minor"], 4500);
    assert_eq!(order["total_minor"], 34500);
    assert_eq!(order["history"].as_array().unwrap().len(), 1);
    assert_eq!(order["history"][0]["status"], "received");
    assert_eq!(app.get(&location).await.json::<Value>().await.unwrap(), order);

    // PATCH: lines are replaced, `null` clears, what is left out stays.
    let id = order["id"].as_str().unwrap();
    let change = json!({ "lines": [{ "description": "Reprint", "quantity": 3, "unit_price_minor": 1000 }], "description": null });
    let res = app.patch(&format!("{ORDERS}/{id}"), &change).await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["total_minor"], 3000);
    assert_eq!(changed["lines"].as_array().unwrap().len(), 1);
    assert_eq!(changed["description"], Value::Null);
    assert_eq!(changed["title"], "Print run: 200 brochures");
    assert_eq!(changed["estimated_completion"], "2026-12-01");

    let list: Value = app.get(&format!("{ORDERS}?q=so-0001")).await.json().await.unwrap();
    assert_eq!(list["items"][0]["id"], id);
    let list: Value = app.get(&format!("{ORDERS}?q=brochures&status=received")).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let list: Value = app.get(&format!("{ORDERS}?status=ready")).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));
    problem(app.get(&format!("{ORDERS}?status=lost")).await, 400).await;
}

async fn invalid_orders_are_422_naming_each_field_and_change_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = maria["id"].as_str().unwrap();
    let cases = [
        (json!({ "client_id": id, "title": " " }), vec!["title"]),
        (
            json!({ "client_id": id, "title": "x".repeat(201), "description": "d".repeat(5001) }),
            vec!["description", "title"],
        ),
        (
            json!({ "client_id": id, "title": "Ok", "lines": [
                { "description": "", "quantity": 0, "unit_price_minor": -1 },
                { "description": "fine", "quantity": 100001, "unit_price_minor": 100_000_000_001_i64 },
            ] }),
            vec![
                "lines[0].description",
                "lines[0].quantity",
                "lines[0].unit_price_minor",
                "lines[1].quantity",
                "lines[1].unit_price_minor",
            ],
        ),
        (json!({ "client_id": id, "title": "Ok", "estimated_completion": "2026-13-45" }), vec!["estimated_completion"]),
        (json!({ "client_id": "nobody", "title": "Ok" }), vec!["client_id"]),
        (json!({ "title": "Ok" }), vec!["client_id"]),
    ];
    for (body, bad) in cases {
        let p = problem(app.post(ORDERS, &body).await, refused_status(&body)).await;
        let mut got = fields(&p);
        got.sort();
        assert_eq!(got, bad, "{body}");
    }
    let many: Vec<Value> =
        (0..101).map(|_| json!({ "description": "x", "quantity": 1, "unit_price_minor": 1 })).collect();
    let p = problem(app.post(ORDERS, &json!({ "client_id": id, "title": "Ok", "lines": many })).await, 422).await;
    assert_eq!(fields(&p), vec!["lines"]);
    let list: Value = app.get(ORDERS).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]), "nothing was created");

    // The first valid order still gets number 1: refused requests used no number.
    let order = create(&app, id, "Framed poster set").await;
    assert_eq!(order["number"], 1);
    let oid = order["id"].as_str().unwrap();
    for (body, bad) in [
        (json!({ "title": null }), "title"),
        (json!({ "lines": null }), "lines"),
        (json!({ "lines": [{ "description": "x", "quantity": 0, "unit_price_minor": 1 }] }), "lines[0].quantity"),
        (json!({ "status": "ready" }), "status"),
    ] {
        let p = problem(app.patch(&format!("{ORDERS}/{oid}"), &body).await, 422).await;
        assert_eq!(fields(&p), vec![bad], "{body}");
    }
    let p = problem(set_status(&app, oid, "lost", None).await, 422).await;
    assert_eq!(fields(&p), vec!["status"]);
    assert_eq!(app.get(&format!("{ORDERS}/{oid}")).await.json::<Value>().await.unwrap(), order, "unchanged");
}

async fn status_changes_follow_the_rules_email_the_client_and_are_recorded(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = maria["id"].as_str().unwrap();
    let order = create(&app, cid, "Framed poster set").await;
    let id = order["id"].as_str().unwrap();

    // Refused: skipping a step; the order stays as it was and nothing is sent.
    let p = problem(set_status(&app, id, "ready", None).await, 409).await;
    let detail = p["detail"].as_str().unwrap();
    assert!(detail.contains("received") && detail.contains("ready"), "{detail}");
    assert_eq!(app.get(&format!("{ORDERS}/{id}")).await.json::<Value>().await.unwrap(), order);

    let mails_before = app.smtp.count_to("maria@lopez.es");
    let steps =
        [("in_progress", None, "is in progress"), ("ready", Some("Come by after 10:00"), "is ready for pickup")];
    for (n, (status, note, phrase)) in steps.iter().enumerate() {
        let res = set_status(&app, id, status, *note).await;
        assert_eq!(res.status(), 200, "to {status}");
        let now: Value = res.json().await.unwrap();
        assert_eq!(now["status"], *status);
        let mail = app.smtp.nth_to("maria@lopez.es", mails_before + n + 1).await;
        assert!(mail.subject().contains(&format!("Your order SO-0001 {phrase}")), "{}", mail.subject());
        let text = mail.decoded();
        assert!(text.contains(&format!("/portal/acme/orders/{id}")), "links to the order");
        assert!(text.contains("acme Ltd"), "branded");
        if let Some(note) = note {
            assert!(text.contains(note), "the note is in the email");
        }
    }
    let order: Value = app.get(&format!("{ORDERS}/{id}")).await.json().await.unwrap();
    let history: Vec<&str> =
        order["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    assert_eq!(history, ["received", "in_progress", "ready"]);
    assert_eq!(order["history"][2]["note"], "Come by after 10:00");
    assert_eq!(order["status_changed_at"], order["history"][2]["at"]);

    let log: Value = app.get(&format!("/api/v1/clients/{cid}/activity")).await.json().await.unwrap();
    let changes: Vec<&Value> =
        log["items"].as_array().unwrap().iter().filter(|a| a["verb"] == "status_changed").collect();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0]["subject_type"], "service_order");
    assert_eq!(changes[0]["subject_id"], id);
    assert_eq!(changes[0]["data"]["to"], "ready");

    // Delivered is final: no status change and no edit.
    assert_eq!(set_status(&app, id, "delivered", None).await.status(), 200);
    for status in ["cancelled", "ready", "received"] {
        let p = problem(set_status(&app, id, status, None).await, 409).await;
        assert!(p["detail"].as_str().unwrap().contains("delivered"), "{p}");
    }
    problem(app.patch(&format!("{ORDERS}/{id}"), &json!({ "title": "New" })).await, 409).await;

    // Cancelling works from any open status.
    let other = create(&app, cid, "Second").await;
    let oid = other["id"].as_str().unwrap();
    assert_eq!(set_status(&app, oid, "cancelled", Some("Client called")).await.status(), 200);
    problem(set_status(&app, oid, "in_progress", None).await, 409).await;
}

async fn numbers_have_no_gaps_or_duplicates_under_concurrency(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = maria["id"].as_str().unwrap().to_string();
    let creates = (0..40).map(|i| {
        let req = app.req(Method::POST, ORDERS).json(&json!({ "client_id": cid, "title": format!("Job {i}") }));
        async move { req.send().await.unwrap() }
    });
    let answers = futures_util::future::join_all(creates).await;
    let mut numbers = Vec::new();
    for res in answers {
        assert_eq!(res.status(), 201);
        numbers.push(res.json::<Value>().await.unwrap()["number"].as_i64().unwrap());
    }
    numbers.sort();
    assert_eq!(numbers, (1..=40).collect::<Vec<i64>>());

    // Another tenant starts its own sequence at 1.
    let (_, beta) = app.other_tenant("beta");
    let client: Value = app
        .req_as(&beta, Method::POST, "/api/v1/clients")
        .json(&json!({ "name": "Beta client", "email": "c@beta.example" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let res = app.req_as(&beta, Method::POST, ORDERS).json(&json!({ "client_id": client["id"], "title": "First" }));
    let first: Value = res.send().await.unwrap().json().await.unwrap();
    assert_eq!(first["number"], 1);
    assert_eq!(first["reference"], "SO-0001");

    // Paging newest first, no order twice.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("{ORDERS}?limit=15&cursor={c}"),
            None => format!("{ORDERS}?limit=15"),
        };
        let page: Value = app.get(&path).await.json().await.unwrap();
        seen.extend(page["items"].as_array().unwrap().iter().map(|o| o["number"].as_i64().unwrap()));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 40);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 40);
}

async fn other_clients_and_tenants_get_404_and_change_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let noah = app.client("Noah Martin", "noah@cycles.fr").await;
    let order = create(&app, maria["id"].as_str().unwrap(), "Framed poster set").await;
    let id = order["id"].as_str().unwrap();

    let noah_token = bearer(&client_login(&app, "noah@cycles.fr").await);
    let p = problem(app.req_as(&noah_token, Method::GET, &format!("{PORTAL_ORDERS}/{id}")).send().await.unwrap(), 404)
        .await;
    assert!(!p.to_string().contains("poster"));
    let list = get_json(&app, &noah_token, PORTAL_ORDERS).await;
    assert_eq!(list["items"], json!([]));
    let _ = noah;

    let (_, intruder) = app.other_tenant("beta");
    let attempts = [
        (Method::GET, format!("{ORDERS}/{id}"), None),
        (Method::PATCH, format!("{ORDERS}/{id}"), Some(json!({ "title": "Pwned" }))),
        (Method::POST, format!("{ORDERS}/{id}/status"), Some(json!({ "status": "in_progress" }))),
    ];
    for (method, path, body) in attempts {
        let mut req = app.req_as(&intruder, method.clone(), &path);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let p = problem(req.send().await.unwrap(), 404).await;
        assert!(!p.to_string().contains("poster"), "{method} {path}: {p}");
    }
    let theirs: Value = app.req_as(&intruder, Method::GET, ORDERS).send().await.unwrap().json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));
    // Beta cannot file an order against acme's client either.
    let res = app.req_as(&intruder, Method::POST, ORDERS).json(&json!({ "client_id": maria["id"], "title": "x" }));
    assert_eq!(fields(&problem(res.send().await.unwrap(), 404).await), vec!["client_id"]);
    assert_eq!(app.get(&format!("{ORDERS}/{id}")).await.json::<Value>().await.unwrap(), order, "unchanged");

    // Clients cannot use the staff endpoints; keys cannot use the portal ones.
    problem(app.req_as(&noah_token, Method::GET, ORDERS).send().await.unwrap(), 403).await;
    problem(app.get(PORTAL_ORDERS).await, 403).await;
    problem(app.http.get(app.url(ORDERS)).send().await.unwrap(), 401).await;
}

async fn the_portal_splits_open_and_completed_and_counts_on_the_dashboard(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = maria["id"].as_str().unwrap();
    let a = create(&app, cid, "In progress job").await;
    let b = create(&app, cid, "Ready job").await;
    let c = create(&app, cid, "Delivered job").await;
    let d = create(&app, cid, "Just started").await;
    let (a, b, c) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap(), c["id"].as_str().unwrap());
    set_status(&app, d["id"].as_str().unwrap(), "in_progress", None).await;
    set_status(&app, a, "in_progress", None).await;
    set_status(&app, b, "in_progress", None).await;
    set_status(&app, b, "ready", Some("Shelf 3")).await;
    for s in ["in_progress", "ready", "delivered"] {
        assert_eq!(set_status(&app, c, s, None).await.status(), 200);
    }

    // The 7 status emails first, so the login code is the next message.
    app.smtp.nth_to("maria@lopez.es", 7).await;
    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let open = get_json(&app, &token, &format!("{PORTAL_ORDERS}?state=open")).await;
    let titles: Vec<&str> = open["items"].as_array().unwrap().iter().map(|o| o["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Just started", "Ready job", "In progress job"], "newest first");
    assert!(open["items"][0].get("client_id").is_none() && open["items"][0].get("client_name").is_none());
    let done = get_json(&app, &token, &format!("{PORTAL_ORDERS}?state=completed")).await;
    assert_eq!(done["items"].as_array().unwrap().len(), 1);
    assert_eq!(done["items"][0]["status"], "delivered");
    let all = get_json(&app, &token, &format!("{PORTAL_ORDERS}?limit=3")).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 3);
    assert!(all["next_cursor"].is_string());
    problem(app.req_as(&token, Method::GET, &format!("{PORTAL_ORDERS}?state=lost")).send().await.unwrap(), 400).await;

    let one = get_json(&app, &token, &format!("{PORTAL_ORDERS}/{b}")).await;
    assert_eq!(one["history"][2]["note"], "Shelf 3");
    assert_eq!(one["reference"], "SO-0002");

    let dash = get_json(&app, &token, "/api/v1/portal/dashboard").await;
    assert_eq!(dash["open_service_orders"], 3);
    assert_eq!(dash["ready_service_orders"], 1);
    let recent = dash["recent_activity"].as_array().unwrap();
    assert_eq!(recent.len(), 10, "the last 10 of 11 entries: {dash}");
    assert_eq!(recent[0]["text"], "Your order SO-0003 has been delivered.");
    assert_eq!(recent[0]["kind"], "service_order");

    // Staff viewing the portal as Maria can read it.
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{cid}/impersonate")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let viewer = bearer(&res.json().await.unwrap());
    assert_eq!(get_json(&app, &viewer, &format!("{PORTAL_ORDERS}/{b}")).await, one);
    assert_eq!(get_json(&app, &viewer, "/api/v1/portal/dashboard").await["open_service_orders"], 3);
}

both!(
    an_order_with_lines_is_totalled_by_the_server,
    invalid_orders_are_422_naming_each_field_and_change_nothing,
    status_changes_follow_the_rules_email_the_client_and_are_recorded,
    numbers_have_no_gaps_or_duplicates_under_concurrency,
    other_clients_and_tenants_get_404_and_change_nothing,
    the_portal_splits_open_and_completed_and_counts_on_the_dashboard,
);
