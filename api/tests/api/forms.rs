//! Intake forms: staff build them (name and email always there), visitors send them without
//! logging in; an unknown email becomes a lead without portal access, a known one is only
//! linked; staff are emailed. Robots are kept out by a honeypot (202, nothing stored) and a
//! per-IP limit (429, nothing stored). Disabled forms and other portals' forms are 404.

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::deliverables::subject_of;
use crate::flows::{ask, client_login};
use crate::helpers::{TestApp, fields, problem, spawn_app_with};

const FORMS: &str = "/api/v1/forms";
const PUBLIC: &str = "/api/v1/portal/acme/forms";
const OWNER: &str = "owner@acme.example";
const MARIA: &str = "maria@lopez.es";

fn definition() -> Value {
    json!({
        "slug": "new-project",
        "title": "Start a project",
        "description": "Tell us what you need.",
        "fields": [
            { "key": "company", "label": "Company", "kind": "text" },
            { "key": "phone", "label": "Phone", "kind": "phone" },
            { "key": "service", "label": "What do you need?", "kind": "select", "required": true,
              "options": ["Logo", "Website"] },
            { "key": "message", "label": "Your project", "kind": "textarea", "required": true,
              "help": "A few lines are enough." },
            { "key": "consent", "label": "You may write to me", "kind": "checkbox", "required": true },
        ],
    })
}

async fn create(app: &TestApp, body: &Value) -> Value {
    let res = app.post(FORMS, body).await;
    assert_eq!(res.status(), 201, "create form");
    res.json().await.unwrap()
}

fn answers(name: &str, email: &str) -> Value {
    json!({ "values": {
        "name": name, "email": email, "company": "Lopez Design", "phone": "+34 612 345 678",
        "service": "Logo", "message": "A new logo for our studio.", "consent": true,
    } })
}

async fn submit(app: &TestApp, slug: &str, body: &Value) -> reqwest::Response {
    app.http.post(app.url(&format!("{PUBLIC}/{slug}/submissions"))).json(body).send().await.unwrap()
}

async fn submit_from(app: &TestApp, ip: &str, body: &Value) -> reqwest::Response {
    let url = app.url(&format!("{PUBLIC}/new-project/submissions"));
    app.http.post(url).header("x-forwarded-for", ip).json(body).send().await.unwrap()
}

async fn submissions(app: &TestApp, form_id: &str) -> Vec<Value> {
    let page: Value = app.get(&format!("{FORMS}/{form_id}/submissions")).await.json().await.unwrap();
    page["items"].as_array().unwrap().clone()
}

/// Rows in a table, counted directly, to prove nothing was written.
fn rows(app: &TestApp, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = app.db.conn().unwrap();
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")).get_result::<N>(&mut *conn).unwrap().n
}

/// Outbox rows addressed to `to`.
fn queued_to(app: &TestApp, to: &str) -> usize {
    use portico::db::schema::outbox::dsl;
    let mut conn = app.db.conn().unwrap();
    let payloads: Vec<String> = dsl::outbox.select(dsl::payload).load(&mut *conn).unwrap();
    payloads.iter().filter_map(|p| serde_json::from_str::<Value>(p).ok()).filter(|m| m["to"] == to).count()
}

async fn key_with(app: &TestApp, scopes: &[&str]) -> String {
    let res = app.post("/api/v1/api-keys", &json!({ "name": "Scoped", "scopes": scopes })).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["secret"].as_str().unwrap().to_string()
}

async fn staff_build_read_change_and_delete_forms(app: TestApp) {
    let form = create(&app, &definition()).await;
    let id = form["id"].as_str().unwrap();
    let keys: Vec<&str> = form["fields"].as_array().unwrap().iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["name", "email", "company", "phone", "service", "message", "consent"], "name and email added");
    assert_eq!(form["fields"][0]["required"], true);
    assert_eq!(form["fields"][1]["kind"], "email");
    assert_eq!(form["enabled"], true);
    assert_eq!(form["notify_staff"], true);
    assert_eq!(form["submission_count"], 0);
    assert_eq!(form["public_url"], "https://portal.test/portal/acme/forms/new-project");
    assert_eq!(app.get(&format!("{FORMS}/{id}")).await.json::<Value>().await.unwrap(), form);

    // The public sees the fields, not the settings.
    let public: Value =
        app.http.get(app.url(&format!("{PUBLIC}/new-project"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(public["title"], "Start a project");
    assert_eq!(public["fields"], form["fields"]);
    assert!(public.get("notify_staff").is_none() && public.get("id").is_none(), "{public}");

    let changed = json!({ "title": "Start a project with us", "description": null, "slug": "start",
        "fields": [{ "key": "email", "label": "Email", "kind": "email" }] });
    let res = app.patch(&format!("{FORMS}/{id}"), &changed).await;
    assert_eq!(res.status(), 200);
    let form: Value = res.json().await.unwrap();
    assert_eq!(form["title"], "Start a project with us");
    assert_eq!(form["description"], json!(null));
    let keys: Vec<&str> = form["fields"].as_array().unwrap().iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["name", "email"]);
    assert_eq!(form["fields"][1]["required"], true, "email is always required");
    assert_eq!(form["public_url"], "https://portal.test/portal/acme/forms/start");
    problem(app.http.get(app.url(&format!("{PUBLIC}/new-project"))).send().await.unwrap(), 404).await;

    // A second form cannot take the slug; the list holds both, newest first.
    let mut other = definition();
    other["slug"] = json!("start");
    let body = problem(app.post(FORMS, &other).await, 409).await;
    assert!(body["detail"].as_str().unwrap().contains("'start' is the address of another"), "{body}");
    other["slug"] = json!("feedback");
    create(&app, &other).await;
    let res = app.patch(&format!("{FORMS}/{id}"), &json!({ "slug": "feedback" })).await;
    problem(res, 409).await;
    let list: Value = app.get(FORMS).await.json().await.unwrap();
    let slugs: Vec<&str> = list["items"].as_array().unwrap().iter().map(|f| f["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["feedback", "start"]);

    // Members and read-only keys see forms; building one takes tenant:write too.
    let reader = key_with(&app, &["clients:read"]).await;
    assert_eq!(app.req_as(&reader, Method::GET, FORMS).send().await.unwrap().status(), 200);
    let writer = key_with(&app, &["clients:write"]).await;
    let res = app.req_as(&writer, Method::POST, FORMS).json(&definition()).send().await.unwrap();
    assert!(problem(res, 403).await["detail"].as_str().unwrap().contains("tenant:write"));
    problem(app.req_as(&reader, Method::DELETE, &format!("{FORMS}/{id}")).send().await.unwrap(), 403).await;

    // Another business sees none of it.
    let (_, other_key) = app.other_tenant("globex");
    problem(app.req_as(&other_key, Method::GET, &format!("{FORMS}/{id}")).send().await.unwrap(), 404).await;
    let path = format!("{FORMS}/{id}");
    problem(app.req_as(&other_key, Method::PATCH, &path).json(&json!({ "title": "x" })).send().await.unwrap(), 404)
        .await;
    problem(app.req_as(&other_key, Method::DELETE, &path).send().await.unwrap(), 404).await;
    let theirs: Value = app.req_as(&other_key, Method::GET, FORMS).send().await.unwrap().json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));

    // A form nobody used can go; one with submissions stays, to be disabled instead.
    assert_eq!(app.req(Method::DELETE, &path).send().await.unwrap().status(), 204);
    problem(app.get(&path).await, 404).await;
    let kept = create(&app, &definition()).await;
    let kept_id = kept["id"].as_str().unwrap();
    assert_eq!(submit(&app, "new-project", &answers("Ana", "ana@example.com")).await.status(), 202);
    let body = problem(app.req(Method::DELETE, &format!("{FORMS}/{kept_id}")).send().await.unwrap(), 409).await;
    assert!(body["detail"].as_str().unwrap().contains("disable"), "{body}");
    assert_eq!(app.get(&format!("{FORMS}/{kept_id}")).await.json::<Value>().await.unwrap()["submission_count"], 1);
}

async fn invalid_definitions_and_answers_are_422_naming_each_field(app: TestApp) {
    let bad = json!({ "slug": "Not a slug", "title": " ", "fields": [
        { "key": "Budget!", "label": "Budget", "kind": "text" },
        { "key": "size", "label": "Size", "kind": "select" },
        { "key": "email", "label": "Email", "kind": "text" },
    ] });
    let body = problem(app.post(FORMS, &bad).await, 422).await;
    assert_eq!(fields(&body), ["slug", "title"], "the body's own fields first");
    let bad = json!({ "slug": "ok", "title": "Ok", "fields": [
        { "key": "Budget!", "label": "Budget", "kind": "text" },
        { "key": "size", "label": "Size", "kind": "select" },
        { "key": "email", "label": "Email", "kind": "text" },
        { "key": "website", "label": "Site", "kind": "text" },
    ] });
    let body = problem(app.post(FORMS, &bad).await, 422).await;
    assert_eq!(fields(&body), ["fields[0].key", "fields[1].options", "fields[2].kind", "fields[3].key"]);
    let body = problem(
        app.post(FORMS, &json!({ "slug": "ok", "title": "Ok", "fields": [{ "key": "x", "kind": "color" }] })).await,
        422,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("fields"), "{body}");
    assert_eq!(rows(&app, "forms"), 0, "nothing created");

    let form = create(&app, &definition()).await;
    let before = (rows(&app, "clients"), rows(&app, "outbox"));
    let wrong = json!({ "values": {
        "name": "", "email": "not-an-email", "phone": "call me", "service": "Painting",
        "message": "x".repeat(5001), "consent": false, "colour": "red",
    } });
    let body = problem(submit(&app, "new-project", &wrong).await, 422).await;
    assert_eq!(
        fields(&body),
        [
            "values.colour",
            "values.name",
            "values.email",
            "values.phone",
            "values.service",
            "values.message",
            "values.consent"
        ]
    );
    let body = problem(submit(&app, "new-project", &json!({ "values": { "email": 7 } })).await, 422).await;
    assert!(fields(&body).contains(&"values.email".to_string()), "{body}");
    let res = app.http.post(app.url(&format!("{PUBLIC}/new-project/submissions"))).body("name=x").send().await.unwrap();
    problem(res, 415).await;
    assert!(submissions(&app, form["id"].as_str().unwrap()).await.is_empty());
    assert_eq!((rows(&app, "clients"), rows(&app, "outbox")), before, "nothing stored, nobody emailed");
}

async fn an_unknown_email_becomes_a_lead_and_staff_are_told(app: TestApp) {
    let form = create(&app, &definition()).await;
    let form_id = form["id"].as_str().unwrap();
    let staff_before = app.smtp.count_to(OWNER);
    let res = app
        .http
        .post(app.url(&format!("{PUBLIC}/new-project/submissions")))
        .header("user-agent", "Mozilla/5.0 (Portico test)")
        .json(&answers("  Ana Ruiz ", "Ana@Example.com"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let received: Value = res.json().await.unwrap();
    assert!(received["message"].as_str().unwrap().starts_with("Thank you"), "{received}");

    // A lead, with what the form told about her, and no portal access.
    let leads: Value = app.get("/api/v1/clients?status=lead").await.json().await.unwrap();
    let lead = &leads["items"][0];
    assert_eq!(lead["email"], "ana@example.com");
    assert_eq!(lead["name"], "Ana Ruiz");
    assert_eq!(lead["company"], "Lopez Design");
    assert_eq!(lead["phone"], "+34 612 345 678");
    assert_eq!(lead["status"], "lead");
    assert_eq!(lead["portal_enabled"], false);
    let lead_id = lead["id"].as_str().unwrap();

    let subs = submissions(&app, form_id).await;
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0]["client"]["id"], lead_id);
    assert_eq!(subs[0]["client"]["status"], "lead");
    assert_eq!(subs[0]["created_lead"], true);
    assert_eq!(subs[0]["data"]["email"], "ana@example.com");
    assert_eq!(subs[0]["data"]["consent"], true);
    assert_eq!(subs[0]["user_agent"], "Mozilla/5.0 (Portico test)");
    assert_eq!(subs[0]["ip"], "127.0.0.1");

    let log: Value = app.get(&format!("/api/v1/clients/{lead_id}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|a| a["verb"].as_str().unwrap()).collect();
    assert_eq!(verbs, ["form_submitted", "created"]);
    assert_eq!(log["items"][1]["data"]["source"], "form");

    // The owner hears of it, with the answers and a way to the lead.
    let mail = app.smtp.nth_to(OWNER, staff_before + 1).await;
    assert!(subject_of(&mail).starts_with("New submission: Start a project"), "{}", subject_of(&mail));
    let text = mail.decoded();
    assert!(text.contains("is a new lead") && text.contains("What do you need?: Logo"), "{text}");
    assert!(text.contains(&format!("https://portal.test/app/clients/{lead_id}")), "{text}");

    // A lead cannot log in: the answer is the usual one, and no code is sent.
    assert_eq!(ask(&app, "/api/v1/portal/acme/auth/otp", "ana@example.com").await.status(), 202);
    assert_eq!(queued_to(&app, "ana@example.com"), 0, "no email to the lead at all");

    // Converted by staff and invited, she can.
    let res =
        app.patch(&format!("/api/v1/clients/{lead_id}"), &json!({ "status": "active", "portal_enabled": true })).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.post(&format!("/api/v1/clients/{lead_id}/invite"), &json!({})).await.status(), 200);
    let invitation = app.smtp.nth_to("ana@example.com", 1).await;
    let res = app
        .http
        .post(app.url("/api/v1/portal/acme/auth/magic-link"))
        .json(&json!({ "token": invitation.link_token() }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "authenticated");
}

async fn a_clients_email_makes_an_unverified_lead_and_changes_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let form = create(&app, &definition()).await;
    let clients_before = rows(&app, "clients");
    let res = submit(&app, "new-project", &answers("Somebody Else", "MARIA@lopez.es")).await;
    assert_eq!(res.status(), 202);
    // Anyone can type Maria's address: the submission does not land on her record.
    assert_eq!(rows(&app, "clients"), clients_before + 1, "a new lead");
    let subs = submissions(&app, form["id"].as_str().unwrap()).await;
    assert_ne!(subs[0]["client"]["id"], maria["id"]);
    assert_eq!(subs[0]["created_lead"], true);
    let lead: Value =
        app.get(&format!("/api/v1/clients/{}", subs[0]["client"]["id"].as_str().unwrap())).await.json().await.unwrap();
    assert_eq!(lead["status"], "lead");
    assert_eq!(lead["portal_enabled"], false);
    assert!(lead["notes"].as_str().unwrap().contains("Email not verified"), "{lead}");
    let now: Value = app.get(&format!("/api/v1/clients/{}", maria["id"].as_str().unwrap())).await.json().await.unwrap();
    for field in ["name", "email", "phone", "company", "status", "portal_enabled", "updated_at"] {
        assert_eq!(now[field], maria[field], "{field} unchanged");
    }
    let mail = app.smtp.nth_to(OWNER, 1).await;
    assert!(mail.decoded().contains("email not verified"), "{}", mail.decoded());
    // Nothing reaches Maria's portal: her activity holds no submission.
    let token = crate::flows::bearer(&client_login(&app, MARIA).await);
    let res = app.req_as(&token, Method::GET, "/api/v1/portal/notifications").send().await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["unread_count"], 0);
    let log: Value =
        app.get(&format!("/api/v1/clients/{}/activity", maria["id"].as_str().unwrap())).await.json().await.unwrap();
    assert!(log["items"].as_array().unwrap().iter().all(|a| a["verb"] != "form_submitted"), "{log}");
}

async fn a_filled_honeypot_answers_like_success_and_stores_nothing(app: TestApp) {
    let form = create(&app, &definition()).await;
    let before = (rows(&app, "clients"), rows(&app, "outbox"), rows(&app, "activity"), rows(&app, "rate_limits"));
    let mut body = answers("Bot", "bot@spam.example");
    body["website"] = json!("https://cheap-pills.example");
    let res = submit(&app, "new-project", &body).await;
    assert_eq!(res.status(), 202);
    let answer: Value = res.json().await.unwrap();
    let human: Value = {
        let res = submit(&app, "new-project", &answers("Ana", "ana@example.com")).await;
        assert_eq!(res.status(), 202);
        res.json().await.unwrap()
    };
    assert_eq!(answer, human, "a robot cannot tell");
    let subs = submissions(&app, form["id"].as_str().unwrap()).await;
    assert_eq!(subs.len(), 1, "only the person's");
    assert_eq!(subs[0]["data"]["email"], "ana@example.com");
    // The person's submission added one lead, two entries, one staff email, one counter.
    assert_eq!(
        (rows(&app, "clients"), rows(&app, "outbox"), rows(&app, "activity"), rows(&app, "rate_limits")),
        (before.0 + 1, before.1 + 1, before.2 + 2, before.3 + 1)
    );
    assert_eq!(queued_to(&app, "bot@spam.example"), 0);
    // Even with answers that would be refused, a robot reads the same 202.
    let res = submit(&app, "new-project", &json!({ "values": { "email": "x" }, "website": "y" })).await;
    assert_eq!(res.status(), 202);
}

async fn disabled_and_foreign_forms_are_404(app: TestApp) {
    let form = create(&app, &definition()).await;
    let id = form["id"].as_str().unwrap();
    app.other_tenant("globex");
    for path in [
        "/api/v1/portal/globex/forms/new-project",
        "/api/v1/portal/nobody/forms/new-project",
        &format!("{PUBLIC}/other"),
    ] {
        problem(app.http.get(app.url(path)).send().await.unwrap(), 404).await;
        let res = app.http.post(app.url(&format!("{path}/submissions"))).json(&answers("A", "a@b.co")).send().await;
        problem(res.unwrap(), 404).await;
    }
    let res = app.patch(&format!("{FORMS}/{id}"), &json!({ "enabled": false })).await;
    assert_eq!(res.status(), 200);
    problem(app.http.get(app.url(&format!("{PUBLIC}/new-project"))).send().await.unwrap(), 404).await;
    problem(submit(&app, "new-project", &answers("A", "a@b.co")).await, 404).await;
    // Even a robot learns nothing from a disabled form but 404.
    let mut robot = answers("B", "b@b.co");
    robot["website"] = json!("x");
    problem(submit(&app, "new-project", &robot).await, 404).await;
    assert!(submissions(&app, id).await.is_empty());
    // Enabled again, it works: the slug in the address is case-insensitive for the portal only.
    app.patch(&format!("{FORMS}/{id}"), &json!({ "enabled": true })).await;
    let res = app.http.post(app.url("/api/v1/portal/ACME/forms/new-project/submissions")).json(&answers("A", "a@b.co"));
    assert_eq!(res.send().await.unwrap().status(), 202);
}

async fn too_many_submissions_from_one_address_are_429(app: TestApp) {
    // Two submissions per IP per hour, behind a trusted proxy.
    let extra = [("PORTICO_FORM_SUBMISSIONS_PER_IP_PER_HOUR", "2"), ("PORTICO_TRUST_PROXY", "true")];
    let app = spawn_app_with(app.backend, &extra).await;
    let form = create(&app, &definition()).await;
    let form_id = form["id"].as_str().unwrap().to_string();
    for n in 1..=2 {
        let res = submit_from(&app, "203.0.113.7", &answers("Ana", &format!("ana{n}@example.com"))).await;
        assert_eq!(res.status(), 202, "submission {n}");
    }
    let clients = rows(&app, "clients");
    let res = submit_from(&app, "203.0.113.7", &answers("Ana", "ana3@example.com")).await;
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=3600).contains(&retry), "{retry}");
    let body = problem(res, 429).await;
    assert!(body["detail"].as_str().unwrap().contains("Too many submissions"), "{body}");
    assert_eq!(submissions(&app, &form_id).await.len(), 2, "the third is not stored");
    assert_eq!(rows(&app, "clients"), clients, "nor its lead");
    assert_eq!(queued_to(&app, "ana3@example.com"), 0);

    // Another address (the proxy's last X-Forwarded-For entry) has its own allowance.
    let res = submit_from(&app, "198.51.100.1, 203.0.113.9", &answers("Noah", "noah@example.com")).await;
    assert_eq!(res.status(), 202);
    // And another portal counts apart, even from the same address.
    let (_, other_key) = app.other_tenant("globex");
    let res = app.req_as(&other_key, Method::POST, FORMS).json(&definition()).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let url = app.url("/api/v1/portal/globex/forms/new-project/submissions");
    let res = app.http.post(url).header("x-forwarded-for", "203.0.113.7").json(&answers("Ana", "ana@example.com"));
    assert_eq!(res.send().await.unwrap().status(), 202);
}

both!(
    staff_build_read_change_and_delete_forms,
    invalid_definitions_and_answers_are_422_naming_each_field,
    an_unknown_email_becomes_a_lead_and_staff_are_told,
    a_clients_email_makes_an_unverified_lead_and_changes_nothing,
    a_filled_honeypot_answers_like_success_and_stores_nothing,
    disabled_and_foreign_forms_are_404,
    too_many_submissions_from_one_address_are_429,
);
