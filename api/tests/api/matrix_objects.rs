//! Who may touch which object, for every operation of the OpenAPI document (issue 10, second
//! layer after `matrix`). Real objects of every kind are made in `acme`, owned by client A;
//! then every operation is called on them, walked from the spec so that a new endpoint fails
//! this test until its objects and body are known here:
//! - client B of the same tenant and a client of another tenant on portal operations: 404;
//! - staff and an API key of another tenant on staff operations: 404 (never 403: an id of
//!   another tenant is not confirmed to exist);
//! - a team member on operations that need a scope the member role lacks: 403;
//! - an API key lacking the scope the operation names: 403 (an API key on an operation for
//!   people: 403);
//! - client A's ended session, the owner's ended session and a revoked API key: 401;
//! - every list, read by client B, another tenant's client, owner and API key, carries no
//!   id of acme's objects (for client B: of A's own).
//!
//! Every answer is a problem document, and the rows of every table are the same afterwards
//! (apart from what authentication itself writes). A control first reads every object with a
//! rightful caller (200), so the refusals are about real, reachable objects.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::Text;
use reqwest::Method;
use serde_json::{Value, json};

use crate::files::{PNG, multipart, sha256_hex};
use crate::flows::{bearer, client_login, mail_for, staff_login, verify};
use crate::helpers::{Backend, TestApp};
use crate::matrix::{Count, Name, schemes};
use crate::receiver::Receiver;

const ANA: &str = "ana@acme.example";
const BEN: &str = "ben@acme.example";
const MIA: &str = "mia@acme.example";
const OWNER: &str = "owner@acme.example";
const AGREEMENT: &str = "# Agreement\n\nThe Studio delivers three logo concepts.\n";

/// Every scope an API key can carry; a `:write` scope includes its `:read`.
const SCOPES: [&str; 9] = [
    "tenant:read",
    "tenant:write",
    "clients:read",
    "clients:write",
    "api_keys:manage",
    "staff:manage",
    "billing:read",
    "billing:write",
    "webhooks",
];

/// What the `member` role may do (DESIGN §3; `role_scopes` in api/src/auth/caller.rs):
/// everything else (team, keys, webhooks, tenant, booking and billing settings) is for
/// owners and admins.
const MEMBER: [&str; 5] = ["tenant:read", "clients:read", "clients:write", "billing:read", "billing:write"];

/// Operations whose 403 names a role rather than a scope: the scope that role check is.
const ROLE_SCOPES: &[(&str, &str, &str)] = &[
    ("POST", "/api/v1/staff", "staff:manage"),
    ("PATCH", "/api/v1/staff/{id}", "staff:manage"),
    ("DELETE", "/api/v1/staff/{id}", "staff:manage"),
];

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    row: String,
}

/// What authentication itself writes, left out of the comparison: the failure counters, the
/// time a session or a key was last seen.
const AUTH_WRITES: &[(&str, &str)] = &[("sessions", "last_seen_at"), ("api_keys", "last_used_at")];

/// Every row of every table, as text, sorted: a refused call must leave each one as it was.
fn snapshot(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    app.db
        .read_sync(|conn| {
            let (list, columns) = match app.backend {
                Backend::Sqlite => (
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__diesel%'",
                    "SELECT name FROM pragma_table_info('{t}') ORDER BY cid",
                ),
                Backend::Postgres => (
                    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '__diesel%'",
                    "SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{t}' ORDER BY ordinal_position",
                ),
            };
            let quote = match app.backend {
                Backend::Sqlite => "quote",
                Backend::Postgres => "quote_nullable",
            };
            let tables: Vec<Name> = diesel::sql_query(list).load(conn)?;
            let mut out = BTreeMap::new();
            for Name { name: table } in tables.into_iter().filter(|t| t.name != "rate_limits") {
                let cols: Vec<Name> = diesel::sql_query(columns.replace("{t}", &table)).load(conn)?;
                let expr = cols
                    .iter()
                    .filter(|c| !AUTH_WRITES.contains(&(table.as_str(), c.name.as_str())))
                    .map(|c| format!("'{}=' || {quote}(\"{}\")", c.name, c.name))
                    .collect::<Vec<_>>()
                    .join(" || ' ' || ");
                let rows: Vec<Row> = diesel::sql_query(format!("SELECT {expr} AS row FROM \"{table}\"")).load(conn)?;
                let mut rows: Vec<String> = rows.into_iter().map(|r| r.row).collect();
                rows.sort();
                out.insert(table, rows);
            }
            Ok(out)
        })
        .unwrap()
}

/// The tables whose rows differ, with the rows only one side has.
fn diff(before: &BTreeMap<String, Vec<String>>, after: &BTreeMap<String, Vec<String>>) -> String {
    let mut out = String::new();
    for (table, rows) in after {
        let old: BTreeSet<&String> = before.get(table).map(|r| r.iter().collect()).unwrap_or_default();
        let new: BTreeSet<&String> = rows.iter().collect();
        for r in old.difference(&new) {
            out.push_str(&format!("{table} - {r}\n"));
        }
        for r in new.difference(&old) {
            out.push_str(&format!("{table} + {r}\n"));
        }
    }
    out
}

/// Waits until the outbox has sent everything the setup queued (emails, webhooks), so its
/// worker changes no row while the matrix runs.
async fn outbox_idle(app: &TestApp) {
    for _ in 0..600 {
        let pending: Count = app
            .db
            .read_sync(|conn| {
                Ok(diesel::sql_query("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get_result(conn)?)
            })
            .unwrap();
        if pending.n == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the outbox did not drain within 60 s");
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_string()
}

async fn created(app: &TestApp, path: &str, body: Value) -> Value {
    let res = app.post(path, &body).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert!(status.is_success(), "POST {path}: {status} {body}");
    body
}

async fn ok(res: reqwest::Response, what: &str) -> Value {
    let status = res.status();
    let text = res.text().await.unwrap();
    assert!(status.is_success(), "{what}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Logs a client of `slug`'s portal in.
async fn portal_login(app: &TestApp, slug: &str, email: &str) -> Value {
    let base = format!("/api/v1/portal/{slug}/auth");
    let mail = mail_for(app, &format!("{base}/otp"), email).await;
    ok(verify(app, &base, email, &mail.code()).await, "portal login").await
}

async fn log_out(app: &TestApp, token: &str) {
    let res = app.req_as(token, Method::POST, "/api/v1/auth/logout").send().await.unwrap();
    assert!(res.status().is_success(), "logout: {}", res.status());
}

/// A second login of the same person within the resend cooldown: the limit windows are
/// cleared rather than waited out.
fn clear_limits(app: &TestApp) {
    app.db.write_sync(|conn| Ok(diesel::sql_query("DELETE FROM rate_limits").execute(conn)?)).unwrap();
}

/// The objects, by the path segment that names their kind (`/quotes/{id}` → "quotes").
type Objects = HashMap<&'static str, String>;

/// One of every kind of object, in `acme`, owned by client A where it has an owner.
async fn objects(app: &TestApp, ana_token: &str, ana_session: &str) -> Objects {
    let mut o = Objects::new();
    let ana = app.get("/api/v1/clients?q=ana").await.json::<Value>().await.unwrap()["items"][0].clone();
    let ana_id = id(&ana);
    o.insert("clients", ana_id.clone());
    o.insert("grants", ana_id.clone());
    o.insert("sessions", ana_session.to_string());
    let mut authenticator = webauthn_authenticator_rs::softpasskey::SoftPasskey::new(true);
    crate::passkeys::register(app, ana_token, &mut authenticator, "Ana's phone").await;
    let keys = app.req_as(ana_token, Method::GET, "/api/v1/auth/passkeys").send().await.unwrap();
    o.insert("passkeys", id(&keys.json::<Value>().await.unwrap()["items"][0]));

    let service = created(
        app,
        "/api/v1/services",
        json!({ "name": "Consultation", "duration_minutes": 60, "price_minor": 9000 }),
    )
    .await;
    o.insert("services", id(&service));
    let appointment = created(
        app,
        "/api/v1/appointments",
        json!({ "client_id": ana_id, "service_id": id(&service), "starts_at": "2030-03-04T09:00:00Z" }),
    )
    .await;
    o.insert("appointments", id(&appointment));
    // A past appointment, completed and reviewed by Ana: the review is an object too.
    let done = created(
        app,
        "/api/v1/appointments",
        json!({ "client_id": ana_id, "service_id": id(&service), "starts_at": "2026-01-05T09:00:00Z" }),
    )
    .await;
    created(app, &format!("/api/v1/appointments/{}/status", id(&done)), json!({ "status": "completed" })).await;
    let review = app.req_as(ana_token, Method::POST, &format!("/api/v1/portal/appointments/{}/review", id(&done)));
    ok(review.json(&json!({ "rating": 5, "text": "Great" })).send().await.unwrap(), "review").await;
    let reviews = app.get("/api/v1/reviews").await.json::<Value>().await.unwrap();
    o.insert("reviews", id(&reviews["items"][0]));

    let order = created(app, "/api/v1/service-orders", json!({ "client_id": ana_id, "title": "Bike service" })).await;
    created(app, &format!("/api/v1/service-orders/{}/status", id(&order)), json!({ "status": "in_progress" })).await;
    o.insert("service-orders", id(&order));

    let project = created(
        app,
        "/api/v1/projects",
        json!({ "client_id": ana_id, "name": "Brand refresh", "status": "active", "client_uploads": true }),
    )
    .await;
    let pid = id(&project);
    o.insert("projects", pid.clone());
    let task = created(app, &format!("/api/v1/projects/{pid}/tasks"), json!({ "title": "Sketches" })).await;
    o.insert("tasks", id(&task));
    let deliverable = created(app, &format!("/api/v1/projects/{pid}/deliverables"), json!({ "title": "Logo" })).await;
    created(app, &format!("/api/v1/deliverables/{}/submit", id(&deliverable)), json!({ "note": "Have a look" })).await;
    o.insert("deliverables", id(&deliverable));
    // A real picture, so its thumbnail exists for the thumbnail endpoints' rightful readers.
    let logo = portico::files::demo::palette_png();
    let (content_type, form) = multipart(&[("client_visible", None, b"true"), ("file", Some("logo.png"), &logo)]);
    let file = app.req(Method::POST, &format!("/api/v1/projects/{pid}/files")).header("content-type", content_type);
    let file = ok(file.body(form).send().await.unwrap(), "upload").await;
    o.insert("files", id(&file));
    let thread = created(
        app,
        &format!("/api/v1/projects/{pid}/threads"),
        json!({ "title": "Colours", "body": "Which red?", "internal": false }),
    )
    .await;
    o.insert("threads", id(&thread));
    let log = created(
        app,
        &format!("/api/v1/projects/{pid}/time-logs"),
        json!({ "work_date": "2026-11-02", "minutes": 90, "description": "Sketching", "billable": true, "hourly_rate_minor": 6000 }),
    )
    .await;
    o.insert("time-logs", id(&log));
    ok(app.patch(&format!("/api/v1/projects/{pid}"), &json!({ "status": "completed" })).await, "complete").await;
    created(app, &format!("/api/v1/projects/{pid}/feedback-request"), json!({})).await;

    // A quote sent, sent back by Ana, revised and sent again: revision 1 exists.
    let lines =
        json!([{ "description": "Logo design", "quantity": "1", "unit_price_minor": 120000, "tax_rate_bp": 2000 }]);
    let quote =
        created(app, "/api/v1/quotes", json!({ "client_id": ana_id, "title": "Brand refresh", "lines": lines })).await;
    let qid = id(&quote);
    created(app, &format!("/api/v1/quotes/{qid}/send"), json!({})).await;
    let back = app.req_as(ana_token, Method::POST, &format!("/api/v1/portal/quotes/{qid}/request-changes"));
    ok(back.json(&json!({ "comment": "Cheaper?" })).send().await.unwrap(), "request changes").await;
    created(app, &format!("/api/v1/quotes/{qid}/revise"), json!({})).await;
    created(app, &format!("/api/v1/quotes/{qid}/send"), json!({})).await;
    o.insert("quotes", qid);
    o.insert("revisions", "1".into());

    let contract =
        created(app, "/api/v1/contracts", json!({ "client_id": ana_id, "title": "Agreement", "body": AGREEMENT }))
            .await;
    created(app, &format!("/api/v1/contracts/{}/send", id(&contract)), json!({})).await;
    // Signed, so that its PDF exists.
    let sign = app.req_as(ana_token, Method::POST, &format!("/api/v1/portal/contracts/{}/sign", id(&contract)));
    let signature = json!({
        "signer_name": "Ana Alves", "body_sha256": sha256_hex(AGREEMENT.as_bytes()),
        "signature": { "kind": "typed", "name": "Ana Alves" }
    });
    ok(sign.json(&signature).send().await.unwrap(), "sign").await;
    o.insert("contracts", id(&contract));
    let invoice =
        created(app, "/api/v1/invoices", json!({ "client_id": ana_id, "title": "Logo", "lines": lines })).await;
    created(app, &format!("/api/v1/invoices/{}/send", id(&invoice)), json!({})).await;
    o.insert("invoices", id(&invoice));

    let product = created(app, "/api/v1/products", json!({ "name": "Brand kit" })).await;
    let (content_type, form) = multipart(&[("file", Some("kit.png"), PNG)]);
    let upload = app.req(Method::PUT, &format!("/api/v1/products/{}/file", id(&product)));
    ok(upload.header("content-type", content_type).body(form).send().await.unwrap(), "product file").await;
    created(app, &format!("/api/v1/products/{}/grants", id(&product)), json!({ "client_id": ana_id })).await;
    o.insert("products", id(&product));

    let form = created(app, "/api/v1/forms", json!({ "slug": "contact", "title": "Contact us", "fields": [] })).await;
    o.insert("forms", id(&form));
    let template = json!({ "name": "Kick-off", "content": { "kind": "project", "tasks": [{ "title": "Call" }] } });
    let template = created(app, "/api/v1/templates", template).await;
    o.insert("templates", id(&template));
    let key = created(app, "/api/v1/api-keys", json!({ "name": "Zapier", "scopes": ["clients:read"] })).await;
    o.insert("api-keys", id(&key));
    let staff =
        created(app, "/api/v1/staff", json!({ "email": "tom@acme.example", "name": "Tom", "role": "member" })).await;
    o.insert("staff", id(&staff));

    let receiver = Receiver::start().await;
    let endpoint = created(
        app,
        "/api/v1/webhooks/endpoints",
        json!({ "url": receiver.url("/hook"), "events": ["quote.accepted"] }),
    )
    .await;
    let eid = id(&endpoint);
    created(app, &format!("/api/v1/webhooks/endpoints/{eid}/test"), json!({})).await;
    o.insert("endpoints", eid.clone());
    for _ in 0..300 {
        let log = app.get(&format!("/api/v1/webhooks/endpoints/{eid}/deliveries")).await.json::<Value>().await.unwrap();
        if let Some(d) = log["items"].as_array().and_then(|a| a.first()) {
            o.insert("deliveries", id(d));
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(o.contains_key("deliveries"), "the test delivery was not logged");

    let page = app.req_as(ana_token, Method::GET, "/api/v1/portal/notifications").send().await.unwrap();
    let page: Value = page.json().await.unwrap();
    o.insert("notifications", id(&page["items"][0]));
    o
}

/// The path with every parameter naming a real object; whether it names one at all (a
/// payment provider is a name, not an object).
fn fill(method: &Method, path: &str, o: &Objects) -> (String, bool) {
    let segments: Vec<&str> = path.split('/').collect();
    let mut object = false;
    let mut out = Vec::new();
    for (i, s) in segments.iter().enumerate() {
        if s == &"{provider}" {
            out.push("stripe".to_string());
        } else if s.starts_with('{') {
            object = true;
            let kind = segments[i - 1];
            let value = o.get(kind).unwrap_or_else(|| {
                panic!("{method} {path}: no object of kind '{kind}' is made by this test: create one and map it")
            });
            out.push(value.clone());
        } else {
            out.push(s.to_string());
        }
    }
    (out.join("/"), object)
}

enum Body {
    None,
    Json(Value),
    Form(String, Vec<u8>),
}

/// A valid body for each operation that takes one, so a refusal comes from the caller's
/// rights, not from the body.
fn body(method: &Method, path: &str, op: &Value, o: &Objects) -> Body {
    let Some(request) = op.get("requestBody") else { return Body::None };
    if request["content"].get("multipart/form-data").is_some() {
        let (content_type, bytes) = multipart(&[("file", Some("pwned.png"), PNG)]);
        return Body::Form(content_type, bytes);
    }
    let ana = &o["clients"];
    let lines = json!([{ "description": "x", "quantity": "1", "unit_price_minor": 100, "tax_rate_bp": 0 }]);
    let body = match (method.as_str(), path.trim_start_matches("/api/v1")) {
        ("POST", "/api-keys") => json!({ "name": "Pwned", "scopes": ["clients:read"] }),
        ("POST", "/appointments") => {
            json!({ "client_id": ana, "service_id": o["services"], "starts_at": "2030-06-03T09:00:00Z" })
        }
        ("PATCH", "/appointments/{id}") => json!({ "notes": "Pwned" }),
        ("POST", "/appointments/{id}/status") => json!({ "status": "cancelled" }),
        ("PUT", "/billing/providers/{provider}") => json!({ "secret_key": "sk_test_pwned" }),
        ("PATCH", "/billing/providers/{provider}") => json!({ "enabled": false }),
        ("PATCH", "/billing/settings") => json!({ "payment_terms_days": 1 }),
        ("PUT", "/booking-settings") => json!({
            "weekly_hours": [{ "weekday": 1, "opens": "09:00", "closes": "10:00" }],
            "closed_days": [], "cancellation_cutoff_hours": 1, "slot_step_minutes": 15, "location": null
        }),
        ("POST", "/clients") => json!({ "name": "Pwned", "email": "pwned@evil.example" }),
        ("PATCH", "/clients/{id}") => json!({ "name": "Pwned" }),
        ("POST", "/clients/{id}/emails") => json!({ "subject": "Pwned", "body": "Pwned" }),
        ("POST", "/clients/{id}/login-links") => json!({ "minutes": 1 }),
        ("POST", "/contracts") => json!({ "client_id": ana, "title": "Pwned", "body": "x" }),
        ("PATCH", "/contracts/{id}") => json!({ "title": "Pwned" }),
        ("POST", "/contracts/{id}/countersign") => json!({ "name": "Pwned" }),
        ("PATCH", "/deliverables/{id}") => json!({ "title": "Pwned" }),
        ("POST", "/deliverables/{id}/reopen" | "/deliverables/{id}/submit") => json!({ "note": "Pwned" }),
        ("PATCH", "/files/{id}") => json!({ "name": "pwned.png" }),
        ("POST", "/forms") => json!({ "slug": "pwned", "title": "Pwned", "fields": [] }),
        ("PATCH", "/forms/{id}") => json!({ "title": "Pwned" }),
        ("POST", "/invoices") => json!({ "client_id": ana, "title": "Pwned", "lines": lines }),
        ("PATCH", "/invoices/{id}") => json!({ "title": "Pwned" }),
        ("POST", "/invoices/{id}/payments") => json!({ "amount_minor": 100, "method": "bank_transfer" }),
        ("POST", "/auth/passkeys") => json!({ "ceremony_id": "none", "name": "Pwned", "credential": {} }),
        ("POST", "/auth/switch") => json!({ "account_id": o["clients:b"] }),
        ("PATCH", "/me") => json!({ "name": "Pwned" }),
        ("POST", "/me/email") => json!({ "email": "pwned@evil.example" }),
        ("POST", "/me/email/confirm") => json!({ "email": "pwned@evil.example", "code": "123456" }),
        ("POST", "/portal/appointments") => json!({ "service_id": o["services"], "starts_at": "2030-06-03T09:00:00Z" }),
        ("POST", "/portal/appointments/{id}/cancel") => json!({ "reason": "Pwned" }),
        ("POST", "/portal/appointments/{id}/reschedule") => json!({ "starts_at": "2030-03-05T10:00:00Z" }),
        ("POST", "/portal/appointments/{id}/review") => json!({ "rating": 1 }),
        ("POST", "/portal/contracts/{id}/sign") => json!({
            "signer_name": "Pwned", "body_sha256": sha256_hex(AGREEMENT.as_bytes()), "signature": { "kind": "typed", "name": "Pwned" }
        }),
        ("POST", "/portal/deliverables/{id}/request-changes" | "/portal/quotes/{id}/request-changes") => {
            json!({ "comment": "Pwned" })
        }
        ("POST", "/portal/invoices/{id}/pay") => json!({ "provider": "stripe" }),
        ("PATCH", "/portal/me") => json!({ "name": "Pwned" }),
        ("POST", "/portal/me/email") => json!({ "email": "pwned@evil.example" }),
        ("POST", "/portal/me/email/confirm") => json!({ "email": "pwned@evil.example", "code": "123456" }),
        ("POST", "/portal/projects/{id}/feedback") => json!({ "rating": 1 }),
        ("POST", "/portal/projects/{id}/threads") => json!({ "title": "Pwned", "body": "Pwned" }),
        ("POST", "/portal/quotes/{id}/decline") => json!({ "comment": "Pwned" }),
        ("POST", "/portal/threads/{id}/messages") => json!({ "body": "Pwned" }),
        ("POST", "/products") => json!({ "name": "Pwned" }),
        ("PATCH", "/products/{id}") => json!({ "name": "Pwned" }),
        ("POST", "/products/{id}/grants") => json!({ "client_id": o["clients:b"] }),
        ("POST", "/projects") => json!({ "client_id": ana, "name": "Pwned" }),
        ("PATCH", "/projects/{id}") => json!({ "name": "Pwned" }),
        ("POST", "/projects/{id}/deliverables") => json!({ "title": "Pwned" }),
        ("POST", "/projects/{id}/tasks") => json!({ "title": "Pwned" }),
        ("PUT", "/projects/{id}/tasks/order") => json!({ "task_ids": [o["tasks"]] }),
        ("PATCH", "/projects/{id}/tasks/{task_id}") => json!({ "title": "Pwned" }),
        ("POST", "/projects/{id}/threads") => json!({ "title": "Pwned", "body": "Pwned", "internal": false }),
        ("POST", "/projects/{id}/time-logs") => {
            json!({ "work_date": "2026-11-03", "minutes": 1, "description": "Pwned", "billable": false })
        }
        ("POST", "/quotes") => json!({ "client_id": ana, "title": "Pwned", "lines": lines }),
        ("PATCH", "/quotes/{id}") => json!({ "title": "Pwned" }),
        ("POST", "/quotes/{id}/undo-acceptance") => json!({ "reason": "Pwned" }),
        ("POST", "/service-orders") => json!({ "client_id": ana, "title": "Pwned" }),
        ("PATCH", "/service-orders/{id}") => json!({ "title": "Pwned" }),
        ("POST", "/service-orders/{id}/status") => json!({ "status": "ready" }),
        ("POST", "/services") => json!({ "name": "Pwned", "duration_minutes": 30, "price_minor": 0 }),
        ("PATCH", "/services/{id}") => json!({ "name": "Pwned" }),
        ("POST", "/staff") => json!({ "email": "pwned@evil.example", "name": "Pwned", "role": "owner" }),
        ("PATCH", "/staff/{id}") => json!({ "role": "owner" }),
        ("PATCH", "/tenant") => json!({ "name": "Pwned" }),
        ("POST", "/templates") => {
            json!({ "name": "Pwned", "content": { "kind": "email", "subject": "Pwned", "body": "Pwned" } })
        }
        ("PATCH", "/templates/{id}") => json!({ "name": "Pwned" }),
        ("POST", "/templates/{id}/render") => json!({ "client_id": ana }),
        ("POST", "/templates/{id}/project") => json!({ "client_id": ana, "name": "Pwned" }),
        ("POST", "/threads/{id}/messages") => json!({ "body": "Pwned", "internal": false }),
        ("PATCH", "/time-logs/{id}") => json!({ "minutes": 1 }),
        ("POST", "/webhooks/endpoints") => json!({ "url": "https://evil.example/hook", "events": ["client.created"] }),
        ("PATCH", "/webhooks/endpoints/{id}") => json!({ "url": "https://evil.example/hook" }),
        _ => panic!("{method} {path} takes a body: give it a valid sample here"),
    };
    Body::Json(body)
}

/// The scopes an operation needs, as its 403 answer names them.
fn needed(method: &Method, path: &str, op: &Value) -> Vec<&'static str> {
    if let Some((_, _, scope)) = ROLE_SCOPES.iter().find(|(m, p, _)| *m == method.as_str() && *p == path) {
        return vec![scope];
    }
    let why = op["responses"]["403"]["description"].as_str().unwrap_or_default();
    why.split('`').skip(1).step_by(2).filter_map(|w| SCOPES.iter().copied().find(|s| *s == w)).collect()
}

/// A key with every scope but this one (nor the `:write` that would include it).
fn lacking(scope: &str) -> Vec<&'static str> {
    let write = scope.strip_suffix(":read").map(|r| format!("{r}:write"));
    SCOPES.iter().copied().filter(|s| *s != scope && Some(s.to_string()) != write).collect()
}

struct Principals {
    client_b: String,
    beta_client: String,
    beta_owner: String,
    beta_key: String,
    member: String,
    /// By the scope each lacks.
    narrow: HashMap<&'static str, String>,
    ended_client: String,
    ended_staff: String,
    revoked_key: String,
}

async fn every_object_refuses_who_does_not_own_it(app: TestApp) {
    let spec: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();

    // People first, so that later mail cannot be mistaken for a login code.
    app.client("Ana Alves", ANA).await;
    let client_b = app.client("Ben Brown", BEN).await;
    let ana_login = client_login(&app, ANA).await;
    let ana = bearer(&ana_login);
    let ana_session = ana_login["session_id"].as_str().unwrap().to_string();
    let client_b_token = bearer(&client_login(&app, BEN).await);
    let owner_ended = bearer(&staff_login(&app, OWNER).await);
    clear_limits(&app);
    let ana_ended = bearer(&client_login(&app, ANA).await);
    log_out(&app, &ana_ended).await;
    log_out(&app, &owner_ended).await;

    created(&app, "/api/v1/staff", json!({ "email": MIA, "name": "Mia", "role": "member" })).await;
    let invite = app.smtp.nth_to(MIA, 1).await;
    let redeem = app.http.post(app.url("/api/v1/auth/magic-link")).json(&json!({ "token": invite.link_token() }));
    let member = bearer(&ok(redeem.send().await.unwrap(), "member login").await);

    let (_, beta_key) = app.other_tenant("beta");
    let beta_client = app.req_as(&beta_key, Method::POST, "/api/v1/clients");
    ok(beta_client.json(&json!({ "name": "Bea", "email": "bea@beta.example" })).send().await.unwrap(), "beta").await;
    let beta_client = bearer(&portal_login(&app, "beta", "bea@beta.example").await);
    let beta_owner = bearer(&staff_login(&app, "owner@beta.example").await);

    let revoked = created(&app, "/api/v1/api-keys", json!({ "name": "Old", "scopes": SCOPES })).await;
    let revoked_key = revoked["secret"].as_str().expect("the key is shown once").to_string();
    created(&app, &format!("/api/v1/api-keys/{}/revoke", id(&revoked)), json!({})).await;
    let mut narrow = HashMap::new();
    for scope in SCOPES {
        let key =
            created(&app, "/api/v1/api-keys", json!({ "name": format!("No {scope}"), "scopes": lacking(scope) })).await;
        narrow.insert(scope, key["secret"].as_str().unwrap().to_string());
    }

    let mut objects = objects(&app, &ana, &ana_session).await;
    // Ben, for the body of a grant (no path segment is named so).
    objects.insert("clients:b", id(&client_b));
    let who = Principals {
        client_b: client_b_token,
        beta_client,
        beta_owner,
        beta_key,
        member,
        narrow,
        ended_client: ana_ended,
        ended_staff: owner_ended,
        revoked_key,
    };

    let paths = spec["paths"].as_object().unwrap();
    // Controls: the rightful caller reads every object (reads may mark things seen, so
    // before the snapshot).
    let mut controls = 0;
    for (path, ops) in paths {
        let Some(op) = ops.get("get") else { continue };
        let schemes = schemes(op, &spec);
        if schemes.is_empty() || !path.contains('{') || path.contains("{provider}") {
            continue;
        }
        let (url, _) = fill(&Method::GET, path, &objects);
        let token = if schemes == ["client_session"] { &ana } else { &app.key };
        let res = app.req_as(token, Method::GET, &url).send().await.unwrap();
        assert_eq!(res.status(), 200, "control: GET {path} by its rightful reader: {}", res.text().await.unwrap());
        controls += 1;
    }

    outbox_idle(&app).await;
    let before = snapshot(&app);

    let (mut calls, mut ops_walked, mut principals, mut wrong) = (0, 0, BTreeSet::new(), Vec::new());
    let (mut object_ops, mut by_status) = (0, BTreeMap::<u16, usize>::new());
    for (path, ops) in paths {
        for (method, op) in ops.as_object().unwrap() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let schemes = schemes(op, &spec);
            let has = |s: &str| schemes.iter().any(|x| x == s);
            if schemes.is_empty() || schemes == ["metrics_token"] {
                continue;
            }
            let (url, object) = fill(&method, path, &objects);
            let scopes = needed(&method, path, op);
            let why = op["responses"]["403"]["description"].as_str().unwrap_or_default();
            let keys_refused = why.contains("API key");
            let mut cases: Vec<(String, &str, u16)> = Vec::new();
            match schemes.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                ["client_session"]
                | ["client_session", "staff_session"]
                | ["api_key", "staff_session"]
                | ["staff_session"] => {}
                other => panic!("{method} {path}: security {other:?} is new to this test: say who may call it"),
            }
            if object {
                if has("client_session") {
                    cases.push(("client B of the same tenant".into(), &who.client_b, 404));
                    cases.push(("a client of another tenant".into(), &who.beta_client, 404));
                }
                if has("staff_session") {
                    cases.push(("the owner of another tenant".into(), &who.beta_owner, 404));
                }
                if has("client_session") && has("staff_session") {
                    cases.push(("a team member (not their session)".into(), &who.member, 404));
                }
                if has("api_key") {
                    cases.push((
                        "another tenant's API key".into(),
                        &who.beta_key,
                        if keys_refused { 403 } else { 404 },
                    ));
                }
            }
            let staff_op = has("staff_session") && !has("client_session");
            if staff_op && scopes.iter().any(|s| !MEMBER.contains(s)) {
                cases.push(("a team member".into(), &who.member, 403));
            }
            if has("api_key") {
                assert!(!scopes.is_empty(), "{method} {path}: its 403 names no scope: say which it needs");
                for s in &scopes {
                    cases.push((format!("an API key without {s}"), &who.narrow[s], 403));
                }
            } else {
                cases.push(("an API key (not a person)".into(), &app.key, 403));
            }
            if has("client_session") {
                cases.push(("client A's ended session".into(), &who.ended_client, 401));
            }
            if has("staff_session") {
                cases.push(("the owner's ended session".into(), &who.ended_staff, 401));
            }
            if has("api_key") {
                cases.push(("a revoked API key".into(), &who.revoked_key, 401));
            }

            ops_walked += 1;
            object_ops += usize::from(object);
            for (who, token, expected) in cases {
                let mut req = app.req_as(token, method.clone(), &url);
                req = match body(&method, path, op, &objects) {
                    Body::None => req,
                    Body::Json(v) => req.json(&v),
                    Body::Form(content_type, bytes) => req.header("content-type", content_type).body(bytes),
                };
                let res = req.send().await.unwrap();
                let status = res.status().as_u16();
                let kind =
                    res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
                let text = res.text().await.unwrap();
                calls += 1;
                *by_status.entry(expected).or_default() += 1;
                if status != expected || !kind.starts_with("application/problem+json") {
                    wrong.push(format!("{method} {path} as {who}: {status} {kind}, expected {expected}: {text}"));
                }
                principals.insert(who);
            }
        }
    }
    let lists = lists_show_nothing_of_others(&app, &spec, &objects, &who, &mut wrong).await;
    assert!(wrong.is_empty(), "{} of {calls} calls answered wrongly:\n{}", wrong.len(), wrong.join("\n"));
    let after = snapshot(&app);
    assert!(after == before, "a refused call changed the database:\n{}", diff(&before, &after));
    let rows: usize = after.values().map(Vec::len).sum();
    eprintln!("object matrix: {calls} calls, {ops_walked} operations x {} principals", principals.len());
    eprintln!("object matrix: {lists} list reads by another client or tenant, none showing an object of A or acme");
    eprintln!(
        "object matrix: {object_ops} operations on a real object, {controls} read first by their rightful caller (200); \
         expected statuses {by_status:?}; {rows} rows in {} tables unchanged",
        after.len()
    );
}

/// Kinds every client of a tenant may see — the business's services and team, its forms —
/// rather than one client's own.
const SHARED: [&str; 3] = ["services", "staff", "forms"];

/// Every list (a GET without a path id) read by client B, a client of another tenant, and
/// another tenant's owner and API key: no answer may carry the id of an object of acme's
/// (for client B: of Ana's own). Returns the number of reads.
async fn lists_show_nothing_of_others(
    app: &TestApp,
    spec: &Value,
    objects: &Objects,
    who: &Principals,
    wrong: &mut Vec<String>,
) -> usize {
    let ids: Vec<(&str, &String)> =
        objects.iter().filter(|(kind, _)| !matches!(**kind, "revisions" | "clients:b")).map(|(k, v)| (*k, v)).collect();
    let mut reads = 0;
    for (path, ops) in spec["paths"].as_object().unwrap() {
        let Some(op) = ops.get("get") else { continue };
        let schemes = schemes(op, spec);
        let has = |s: &str| schemes.iter().any(|x| x == s);
        if path.contains('{') || schemes.is_empty() || schemes == ["metrics_token"] {
            continue;
        }
        let mut readers: Vec<(&str, &String, bool)> = Vec::new();
        if has("client_session") {
            readers.push(("client B of the same tenant", &who.client_b, true));
            readers.push(("a client of another tenant", &who.beta_client, false));
        }
        if has("staff_session") {
            readers.push(("the owner of another tenant", &who.beta_owner, false));
        }
        if has("api_key") {
            readers.push(("another tenant's API key", &who.beta_key, false));
        }
        for (reader, token, same_tenant) in readers {
            let res = app.req_as(token, Method::GET, path).send().await.unwrap();
            let status = res.status().as_u16();
            let text = res.text().await.unwrap();
            reads += 1;
            if status >= 500 || status == 401 {
                wrong.push(format!("GET {path} as {reader}: {status} {text}"));
            }
            for (kind, id) in &ids {
                if !(same_tenant && SHARED.contains(kind)) && text.contains(id.as_str()) {
                    wrong.push(format!("GET {path} as {reader} shows {kind} {id} of acme: {text}"));
                }
            }
        }
    }
    reads
}

/// Hundreds of refused calls from one address: the failed-authentication limit is raised so
/// they are answered 401/403/404, not 429.
const LIMITS: &[(&str, &str)] = &[("PORTICO_AUTH_FAILURES_PER_MINUTE", "100000")];

crate::both!(with LIMITS; every_object_refuses_who_does_not_own_it);
