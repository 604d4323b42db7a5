//! Outbound webhooks: endpoints managed by owners, admins and keys with the `webhooks` scope
//! (secret shown once, other tenants 404, members 403); a real domain action delivered to a
//! real loopback receiver, signed so that the `standardwebhooks` package from PyPI verifies
//! it; retries with one webhook-id; an endpoint out of retries is failing and staff are
//! emailed; resend and test events; SSRF refusal; delivery after a restart mid-retry.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use base64::Engine;
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{Backend, TempDir, TestApp, TestDb, fields, new_tenant, problem, test_config};
use crate::receiver::{Hit, Receiver};

const ENDPOINTS: &str = "/api/v1/webhooks/endpoints";
const OWNER: &str = "owner@acme.example";
const MARIA: &str = "maria@lopez.es";

/// The virtualenv `make webhooks-venv` builds, holding PyPI's `standardwebhooks`.
pub fn python() -> PathBuf {
    let path = std::env::var_os("PORTICO_TEST_WEBHOOKS_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/webhooks-venv/bin/python"));
    assert!(
        path.exists(),
        "{} is missing: run `make webhooks-venv` (the signature check needs the standardwebhooks package)",
        path.display()
    );
    path
}

const VERIFY: &str = r#"
import json, sys
from standardwebhooks import Webhook
body = sys.stdin.read()
Webhook(sys.argv[1]).verify(body, json.loads(sys.argv[2]))
print("verified")
"#;

/// Whether the reference implementation accepts this body and these headers for `secret`.
async fn verifies(secret: &str, hit: &Hit, body: &str) -> bool {
    let headers = json!({
        "webhook-id": hit.header("webhook-id"),
        "webhook-timestamp": hit.header("webhook-timestamp"),
        "webhook-signature": hit.header("webhook-signature"),
    });
    let mut child = tokio::process::Command::new(python())
        .arg("-c")
        .arg(VERIFY)
        .arg(secret)
        .arg(headers.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the venv's python");
    child.stdin.take().unwrap().write_all(body.as_bytes()).await.unwrap();
    let out = child.wait_with_output().await.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || stderr.contains("WebhookVerificationError"),
        "the verifier itself failed: {stderr}"
    );
    out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "verified"
}

/// Asserts the request is signed with `secret`, and that the check is real: a changed body
/// or another secret is refused.
async fn assert_signed(secret: &str, hit: &Hit) {
    assert!(verifies(secret, hit, &hit.body).await, "standardwebhooks refused a request we signed: {hit:?}");
    assert!(!verifies(secret, hit, &hit.body.replacen('{', "{ ", 1)).await, "a changed body must not verify");
    let other = format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode([9u8; 32]));
    assert!(!verifies(&other, hit, &hit.body).await, "another secret must not verify");
}

async fn create_endpoint(app: &TestApp, url: &str, events: &[&str]) -> Value {
    let res = app.post(ENDPOINTS, &json!({ "url": url, "events": events, "description": "CRM sync" })).await;
    assert_eq!(res.status(), 201, "create endpoint");
    res.json().await.unwrap()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

async fn deliveries(app: &TestApp, endpoint_id: &str) -> Vec<Value> {
    let res = app.get(&format!("{ENDPOINTS}/{endpoint_id}/deliveries")).await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    page["items"].as_array().unwrap().clone()
}

/// Waits until the endpoint's log holds `n` attempts (each written with its outbox update,
/// so the retry schedule is settled too); returns them newest first.
async fn logged(app: &TestApp, endpoint_id: &str, n: usize) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let rows = deliveries(app, endpoint_id).await;
        if rows.len() >= n {
            return rows;
        }
        assert!(tokio::time::Instant::now() < deadline, "{n} attempts not logged within 30 s: {rows:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Makes every pending webhook due now: time is driven through the database, not waited.
fn due_now(db: &portico::db::Db) {
    use portico::db::schema::outbox::dsl;
    let mut conn = db.conn().unwrap();
    diesel::update(dsl::outbox.filter(dsl::kind.eq("webhook")).filter(dsl::status.eq("pending")))
        .set(dsl::next_attempt_at.eq(portico::db::now() - chrono::TimeDelta::seconds(1)))
        .execute(&mut *conn)
        .unwrap();
}

/// The outbox rows queued for an endpoint: (status, attempts).
fn queued(db: &portico::db::Db, endpoint_id: &str) -> Vec<(String, i32)> {
    use portico::db::schema::outbox::dsl;
    let mut conn = db.conn().unwrap();
    dsl::outbox
        .filter(dsl::kind.eq("webhook"))
        .filter(dsl::payload.like(format!("%{endpoint_id}%")))
        .order(dsl::id.asc())
        .select((dsl::status, dsl::attempts))
        .load(&mut *conn)
        .unwrap()
}

/// A new API key of `acme` with these scopes.
async fn key_with(app: &TestApp, scopes: Value) -> String {
    let res = app.post("/api/v1/api-keys", &json!({ "name": "Zapier", "scopes": scopes })).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["secret"].as_str().unwrap().to_string()
}

async fn endpoints_are_managed_and_the_secret_shown_once(app: TestApp) {
    let types: Value = app.get("/api/v1/webhooks/event-types").await.json().await.unwrap();
    let names: Vec<&str> = types["items"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    for wanted in
        ["client.created", "appointment.rescheduled", "quote.accepted", "payment.received", "feedback.submitted"]
    {
        assert!(names.contains(&wanted), "{wanted} in {names:?}");
    }
    assert!(types["items"].as_array().unwrap().iter().all(|t| t["description"].as_str().is_some_and(|d| d.len() > 10)));

    let receiver = Receiver::start().await;
    let res = app
        .post(ENDPOINTS, &json!({ "url": receiver.url("/hook"), "events": ["quote.accepted", "client.created", "quote.accepted"], "description": "  CRM  " }))
        .await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let eid = id(&created);
    let secret = created["secret"].as_str().unwrap().to_string();
    let key = base64::engine::general_purpose::STANDARD.decode(secret.strip_prefix("whsec_").unwrap()).unwrap();
    assert!(key.len() >= 24, "a secret of 24+ random bytes");
    assert_eq!(created["events"], json!(["client.created", "quote.accepted"]), "once each, in catalogue order");
    assert_eq!((created["status"].as_str(), created["enabled"].as_bool()), (Some("active"), Some(true)));
    assert_eq!(created["description"], "CRM");

    // Never shown again, and not kept in clear.
    let one: Value = app.get(&format!("{ENDPOINTS}/{eid}")).await.json().await.unwrap();
    assert!(one.get("secret").is_none(), "{one}");
    let list: Value = app.get(ENDPOINTS).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert!(list["items"][0].get("secret").is_none());
    let stored: String = {
        use portico::db::schema::webhook_endpoints::dsl;
        dsl::webhook_endpoints.find(&eid).select(dsl::secret).first(&mut *app.db.conn().unwrap()).unwrap()
    };
    assert!(stored.starts_with("v1:") && !stored.contains(&secret[6..]), "sealed by the vault");

    // Bad input names its field and changes nothing.
    for (body, field) in [
        (json!({ "url": receiver.url("/x"), "events": ["quote.exploded"] }), "events"),
        (json!({ "url": receiver.url("/x"), "events": [] }), "events"),
        (json!({ "url": "not a url", "events": ["client.created"] }), "url"),
        (json!({ "url": "ftp://files.example.com/", "events": ["client.created"] }), "url"),
    ] {
        let p = problem(app.post(ENDPOINTS, &body).await, 422).await;
        assert_eq!(fields(&p), vec![field], "{p}");
    }
    let p = problem(app.patch(&format!("{ENDPOINTS}/{eid}"), &json!({ "url": null })).await, 422).await;
    assert_eq!(fields(&p), vec!["url"]);
    let list: Value = app.get(ENDPOINTS).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "nothing created by bad input");

    // Edit, disable, enable.
    let res = app
        .patch(
            &format!("{ENDPOINTS}/{eid}"),
            &json!({ "events": ["invoice.paid"], "description": null, "enabled": false }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["events"], json!(["invoice.paid"]));
    assert_eq!(changed["description"], Value::Null);
    assert_eq!(changed["status"], "disabled");
    problem(app.post(&format!("{ENDPOINTS}/{eid}/test"), &json!({})).await, 409).await;
    let changed: Value =
        app.patch(&format!("{ENDPOINTS}/{eid}"), &json!({ "enabled": true })).await.json().await.unwrap();
    assert_eq!(changed["status"], "active");

    // A new secret, shown once; the old one no longer signs.
    let res = app.post(&format!("{ENDPOINTS}/{eid}/rotate-secret"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let rotated: Value = res.json().await.unwrap();
    let new_secret = rotated["secret"].as_str().unwrap().to_string();
    assert!(new_secret.starts_with("whsec_") && new_secret != secret);
    let res = app.post(&format!("{ENDPOINTS}/{eid}/test"), &json!({})).await;
    assert_eq!(res.status(), 202);
    let queued_test: Value = res.json().await.unwrap();
    let hit = receiver.nth(1).await;
    assert_eq!(hit.header("webhook-id"), queued_test["message_id"].as_str().unwrap());
    assert_eq!(hit.json()["type"], "webhook.test");
    assert!(verifies(&new_secret, &hit, &hit.body).await, "signed with the new secret");
    assert!(!verifies(&secret, &hit, &hit.body).await, "not with the old one");

    // Delete: gone, with its log.
    let res = app.req(Method::DELETE, &format!("{ENDPOINTS}/{eid}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.get(&format!("{ENDPOINTS}/{eid}")).await, 404).await;
    problem(app.req(Method::DELETE, &format!("{ENDPOINTS}/{eid}")).send().await.unwrap(), 404).await;
    problem(app.get(&format!("{ENDPOINTS}/{eid}/deliveries")).await, 404).await;
}

async fn only_staff_with_the_webhooks_scope_manage_endpoints(app: TestApp) {
    let receiver = Receiver::start().await;
    let endpoint = create_endpoint(&app, &receiver.url("/hook"), &["client.created"]).await;
    let eid = id(&endpoint);
    assert_eq!(app.post(&format!("{ENDPOINTS}/{eid}/test"), &json!({})).await.status(), 202);
    let delivery = logged(&app, &eid, 1).await[0].clone();
    let resend = format!("{ENDPOINTS}/{eid}/deliveries/{}/resend", id(&delivery));

    // Another tenant: acme's endpoint does not exist for it.
    let (_, other) = app.other_tenant("globex");
    let as_other = |m: Method, p: &str| app.req_as(&other, m, p);
    for (method, path) in [
        (Method::GET, format!("{ENDPOINTS}/{eid}")),
        (Method::PATCH, format!("{ENDPOINTS}/{eid}")),
        (Method::DELETE, format!("{ENDPOINTS}/{eid}")),
        (Method::POST, format!("{ENDPOINTS}/{eid}/rotate-secret")),
        (Method::POST, format!("{ENDPOINTS}/{eid}/test")),
        (Method::GET, format!("{ENDPOINTS}/{eid}/deliveries")),
        (Method::POST, resend.clone()),
    ] {
        let res = as_other(method.clone(), &path).json(&json!({ "enabled": false })).send().await.unwrap();
        problem(res, 404).await;
    }
    let theirs: Value = as_other(Method::GET, ENDPOINTS).send().await.unwrap().json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));
    problem(app.post(&format!("{ENDPOINTS}/{eid}/deliveries/{}/resend", uuid::Uuid::new_v4()), &json!({})).await, 404)
        .await;

    // A member: 403. The owner, in person: allowed.
    crate::appointments::add_staff(&app, "sam@acme.example").await;
    app.smtp.nth_to("sam@acme.example", 1).await; // the invitation, before the login code
    let member = bearer(&staff_login(&app, "sam@acme.example").await);
    problem(app.req_as(&member, Method::GET, ENDPOINTS).send().await.unwrap(), 403).await;
    let body = json!({ "url": receiver.url("/m"), "events": ["client.created"] });
    problem(app.req_as(&member, Method::POST, ENDPOINTS).json(&body).send().await.unwrap(), 403).await;
    let owner = bearer(&staff_login(&app, OWNER).await);
    assert_eq!(app.req_as(&owner, Method::GET, ENDPOINTS).send().await.unwrap().status(), 200);

    // A key without the scope: 403; with it: allowed.
    let narrow = key_with(&app, json!(["clients:write"])).await;
    let p = problem(app.req_as(&narrow, Method::GET, ENDPOINTS).send().await.unwrap(), 403).await;
    assert!(p["detail"].as_str().unwrap().contains("webhooks"), "{p}");
    let wide = key_with(&app, json!(["webhooks"])).await;
    let res = app.req_as(&wide, Method::GET, &format!("{ENDPOINTS}/{eid}")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(app.req_as(&wide, Method::POST, &resend).send().await.unwrap().status(), 202);
}

async fn a_domain_action_delivers_its_event_signed(app: TestApp) {
    let (wanted, unwanted) = (Receiver::start().await, Receiver::start().await);
    let a = create_endpoint(&app, &wanted.url("/a"), &["client.created", "quote.accepted"]).await;
    let b = create_endpoint(&app, &unwanted.url("/b"), &["invoice.paid"]).await;
    let secret = a["secret"].as_str().unwrap().to_string();

    // Staff (an API key) add a client; the client accepts a quote in the portal.
    let maria = app.client("Maria Lopez", MARIA).await;
    let token = bearer(&client_login(&app, MARIA).await);
    let lines = json!([{ "description": "Logo", "quantity": "1", "unit_price_minor": 90000, "tax_rate_bp": 2000 }]);
    let quote: Value = app
        .post("/api/v1/quotes", &json!({ "client_id": id(&maria), "title": "Brand", "lines": lines }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(app.post(&format!("/api/v1/quotes/{}/send", id(&quote)), &json!({})).await.status(), 200);
    let res = app
        .req_as(&token, Method::POST, &format!("/api/v1/portal/quotes/{}/accept", id(&quote)))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    wanted.nth(2).await;
    let hits = wanted.hits();
    let of = |kind: &str| hits.iter().find(|h| h.json()["type"] == kind).cloned().unwrap_or_else(|| panic!("{kind}"));
    let created = of("client.created");
    let body = created.json();
    assert_eq!(body["data"]["id"], maria["id"]);
    assert_eq!(body["data"]["object"], "client");
    assert_eq!(body["data"]["actor"]["kind"], "api_key");
    assert!(chrono::DateTime::parse_from_rfc3339(body["timestamp"].as_str().unwrap()).is_ok());
    assert_signed(&secret, &created).await;

    let accepted = of("quote.accepted");
    let body = accepted.json();
    assert_eq!(accepted.path, "/a");
    assert_eq!(accepted.header("content-type"), "application/json");
    assert!(accepted.header("webhook-id").starts_with("msg_"));
    assert_eq!(body["data"]["id"], quote["id"]);
    assert_eq!(body["data"]["object"], "quote");
    assert_eq!(body["data"]["client_id"], maria["id"]);
    assert_eq!(body["data"]["actor"], json!({ "kind": "client", "id": maria["id"] }));
    assert!(body["data"]["project_id"].as_str().is_some_and(|p| !p.is_empty()), "the project it started: {body}");
    assert_eq!(body["data"]["number"], quote["number"]);
    assert_signed(&secret, &accepted).await;
    assert_ne!(created.header("webhook-id"), accepted.header("webhook-id"), "one id per event");
    assert_eq!(hits.len(), 2, "quote.sent was not subscribed: {hits:?}");

    // The unsubscribed endpoint got nothing, and nothing was queued for it.
    assert!(queued(&app.db, &id(&b)).is_empty());
    assert!(unwanted.hits().is_empty());
    let log = logged(&app, &id(&a), 2).await;
    assert!(log.iter().all(|d| d["delivered"] == true && d["status_code"] == 200 && d["attempt"] == 1), "{log:?}");
}

async fn failed_deliveries_are_retried_with_the_same_id(app: TestApp) {
    let receiver = Receiver::start().await;
    receiver.fail_next(2);
    let endpoint = create_endpoint(&app, &receiver.url("/hook"), &["client.created"]).await;
    let (eid, secret) = (id(&endpoint), endpoint["secret"].as_str().unwrap().to_string());
    app.client("Maria Lopez", MARIA).await;

    receiver.nth(1).await;
    logged(&app, &eid, 1).await;
    assert_eq!(queued(&app.db, &eid), vec![("pending".to_string(), 1)], "a retry is scheduled");
    due_now(&app.db);
    receiver.nth(2).await;
    logged(&app, &eid, 2).await;
    due_now(&app.db);
    receiver.nth(3).await;
    let log = logged(&app, &eid, 3).await;

    let hits = receiver.hits();
    assert_eq!(hits.iter().map(|h| h.answered).collect::<Vec<_>>(), [500, 500, 200]);
    let msg_id = hits[0].header("webhook-id");
    assert!(
        hits.iter().all(|h| h.header("webhook-id") == msg_id && h.body == hits[0].body),
        "one message, three tries"
    );
    for hit in &hits {
        assert!(verifies(&secret, hit, &hit.body).await, "every attempt is signed afresh: {hit:?}");
    }
    let attempts: Vec<(i64, Value, bool)> = log
        .iter()
        .map(|d| (d["attempt"].as_i64().unwrap(), d["status_code"].clone(), d["delivered"].as_bool().unwrap()))
        .collect();
    assert_eq!(attempts, [(3, json!(200), true), (2, json!(500), false), (1, json!(500), false)], "newest first");
    assert!(log.iter().all(|d| d["message_id"] == msg_id && d["event_type"] == "client.created"));
    assert!(log[1]["error"].as_str().unwrap().contains("500"), "{}", log[1]);
    assert_eq!(queued(&app.db, &eid), vec![("sent".to_string(), 3)], "delivered once");
    let now: Value = app.get(&format!("{ENDPOINTS}/{eid}")).await.json().await.unwrap();
    assert_eq!(now["status"], "active");
    assert!(now["last_success_at"].is_string() && now["last_failure_at"].is_string());
}

async fn an_endpoint_out_of_retries_is_failing_until_a_success(app: TestApp) {
    let receiver = Receiver::start().await;
    receiver.fail_next(usize::MAX);
    let endpoint = create_endpoint(&app, &receiver.url("/hook"), &["client.created"]).await;
    let eid = id(&endpoint);
    app.client("Maria Lopez", MARIA).await;
    logged(&app, &eid, 1).await;

    // Skip a day of retries: the next attempt is the last.
    {
        use portico::db::schema::outbox::dsl;
        let mut conn = app.db.conn().unwrap();
        diesel::update(dsl::outbox.filter(dsl::kind.eq("webhook")))
            .set((
                dsl::attempts.eq(portico::outbox::retry::MAX_ATTEMPTS - 1),
                dsl::next_attempt_at.eq(portico::db::now()),
            ))
            .execute(&mut *conn)
            .unwrap();
    }
    let log = logged(&app, &eid, 2).await;
    assert_eq!(log[0]["attempt"], portico::outbox::retry::MAX_ATTEMPTS);
    assert_eq!(queued(&app.db, &eid)[0].0, "dead", "no more retries");
    let failing: Value = app.get(&format!("{ENDPOINTS}/{eid}")).await.json().await.unwrap();
    assert_eq!(failing["status"], "failing");
    assert!(failing["failing_since"].is_string());
    let mail = app.smtp.nth_to(OWNER, 1).await;
    let subject = crate::deliverables::subject_of(&mail);
    assert!(subject.contains("webhook endpoint is failing"), "{subject}");
    assert!(mail.decoded().contains("/app/settings/webhooks"), "links to the console");

    // Fixed: a resend carries the same message id, and its success clears `failing`.
    receiver.fail_next(0);
    let first = receiver.hits()[0].clone();
    let res = app.post(&format!("{ENDPOINTS}/{eid}/deliveries/{}/resend", id(&log[0])), &json!({})).await;
    assert_eq!(res.status(), 202);
    let queued_again: Value = res.json().await.unwrap();
    assert_eq!(queued_again["message_id"], first.header("webhook-id"));
    let hit = receiver.nth(3).await;
    assert_eq!((hit.answered, hit.header("webhook-id")), (200, first.header("webhook-id")));
    assert_eq!(hit.body, first.body, "the same body as the original");
    let log = logged(&app, &eid, 3).await;
    assert_eq!((log[0]["attempt"].as_i64(), log[0]["delivered"].as_bool()), (Some(1), Some(true)));
    let healthy: Value = app.get(&format!("{ENDPOINTS}/{eid}")).await.json().await.unwrap();
    assert_eq!(healthy["status"], "active");
    assert_eq!(healthy["failing_since"], Value::Null);
    assert_eq!(app.smtp.count_to(OWNER), 1, "one email for the failure");

    // A test event: type webhook.test, a fresh message id, logged.
    let res = app.post(&format!("{ENDPOINTS}/{eid}/test"), &json!({})).await;
    assert_eq!(res.status(), 202);
    let test = receiver.nth(4).await;
    assert_eq!(test.json()["type"], "webhook.test");
    assert_eq!(test.json()["data"]["object"], "webhook");
    assert_ne!(test.header("webhook-id"), first.header("webhook-id"));
    assert_eq!(logged(&app, &eid, 4).await[0]["event_type"], "webhook.test");
}

async fn private_addresses_are_refused_in_production(app: TestApp) {
    let receiver = Receiver::start().await;
    let p = problem(
        app.post(ENDPOINTS, &json!({ "url": "http://hooks.example.com/", "events": ["client.created"] })).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), vec!["url"]);
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("https"), "{p}");
    for (url, why) in [
        (format!("https://127.0.0.1:{}/hook", receiver.port), "loopback"),
        (format!("https://localhost:{}/hook", receiver.port), "loopback"),
        ("https://10.0.0.5/hook".into(), "private"),
        ("https://192.168.1.20/hook".into(), "private"),
        ("https://169.254.169.254/latest/meta-data".into(), "link-local"),
        ("https://100.64.1.1/hook".into(), "carrier-grade NAT"),
        ("https://[::1]/hook".into(), "loopback"),
        ("https://[fd00::1]/hook".into(), "unique local"),
        ("https://0.0.0.0/hook".into(), "unspecified"),
    ] {
        let p = problem(app.post(ENDPOINTS, &json!({ "url": url, "events": ["client.created"] })).await, 422).await;
        assert_eq!(fields(&p), vec!["url"], "{url}");
        let message = p["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(why) && message.contains("public"), "{url}: {message}");
    }
    let list: Value = app.get(ENDPOINTS).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]), "nothing registered");

    // A public address is fine; changing it to a private one is refused like creating.
    let literal = create_endpoint(&app, "https://93.184.216.34/hook", &["client.created"]).await;
    let named = create_endpoint(&app, "https://93.184.216.35/hook", &["client.created"]).await;
    let p = problem(
        app.patch(&format!("{ENDPOINTS}/{}", id(&literal)), &json!({ "url": "https://192.168.0.1/" })).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), vec!["url"]);

    // At delivery the address is checked again: a URL that turned private (here written
    // straight into the database, as a DNS change would) is refused and nothing is sent.
    {
        use portico::db::schema::webhook_endpoints::dsl;
        let mut conn = app.db.conn().unwrap();
        for (endpoint, host) in [(&literal, "127.0.0.1"), (&named, "localhost")] {
            let url = format!("https://{host}:{}/hook", receiver.port);
            diesel::update(dsl::webhook_endpoints.find(id(endpoint)))
                .set(dsl::url.eq(url))
                .execute(&mut *conn)
                .unwrap();
        }
    }
    app.client("Maria Lopez", MARIA).await;
    for endpoint in [&literal, &named] {
        let log = logged(&app, &id(endpoint), 1).await;
        assert_eq!((log[0]["delivered"].as_bool(), log[0]["status_code"].as_i64()), (Some(false), None));
        let error = log[0]["error"].as_str().unwrap();
        assert!(error.contains("refused") && error.contains("loopback"), "{error}");
    }
    assert!(receiver.hits().is_empty(), "no request reached the private address");
}

const PRIVATE_REFUSED: &[(&str, &str)] = &[("PORTICO_WEBHOOKS_ALLOW_PRIVATE", "false")];
both!(with PRIVATE_REFUSED; private_addresses_are_refused_in_production);

/// A server on its own runtime and thread: stopping it ends its outbox worker, as the
/// process exiting would.
struct Node {
    address: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Node {
    fn start(config: portico::config::Config) -> Node {
        let (address_tx, address_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
            runtime.block_on(async move {
                let db = portico::db::Db::open(&config.database, config.db_pool_size).expect("open the database");
                let app = portico::Application::with_db(config, db).expect("build the app");
                address_tx.send(format!("http://127.0.0.1:{}", app.port())).unwrap();
                tokio::select! {
                    _ = app.run_until_stopped() => {}
                    _ = stopped => {}
                }
            });
            runtime.shutdown_timeout(Duration::from_secs(10));
        });
        let address = address_rx.recv_timeout(Duration::from_secs(30)).expect("the node started");
        Node { address, stop: Some(stop), thread: Some(thread) }
    }

    /// Returns once its runtime, and with it the outbox worker, is gone.
    fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.thread.take().unwrap().join().expect("the node stopped cleanly");
    }
}

/// Queued, tried once and failed, the server stops; a new server on the same database
/// delivers it.
async fn delivered_after_a_restart_mid_retry(backend: Backend) {
    let db = TestDb::new(backend);
    let data = TempDir::new();
    let smtp = crate::smtp::SmtpServer::start().await;
    let config = test_config(&db.url, &data.0, smtp.port, &[]);
    let direct = portico::db::Db::open(&config.database, 2).unwrap();
    let acme = portico::provision::create_tenant(&direct, new_tenant("acme")).unwrap();
    let http = reqwest::Client::new();
    let receiver = Receiver::start().await;
    receiver.fail_next(1);

    let first = tokio::task::block_in_place(|| Node::start(config.clone()));
    let call = |node: &str, path: &str, body: Value| {
        http.post(format!("{node}{path}")).bearer_auth(&acme.api_key).json(&body).send()
    };
    let res = call(&first.address, ENDPOINTS, json!({ "url": receiver.url("/hook"), "events": ["client.created"] }))
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let endpoint: Value = res.json().await.unwrap();
    let (eid, secret) = (id(&endpoint), endpoint["secret"].as_str().unwrap().to_string());
    let res = call(&first.address, "/api/v1/clients", json!({ "name": "Maria Lopez", "email": MARIA })).await.unwrap();
    assert_eq!(res.status(), 201);
    receiver.nth(1).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while queued(&direct, &eid) != [("pending".to_string(), 1)] {
        assert!(tokio::time::Instant::now() < deadline, "the failure was not recorded: {:?}", queued(&direct, &eid));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    tokio::task::block_in_place(|| first.stop());
    due_now(&direct);
    let second = tokio::task::block_in_place(|| Node::start(config));
    let hit = receiver.nth(2).await;
    assert_eq!(hit.answered, 200);
    assert_eq!(hit.header("webhook-id"), receiver.hits()[0].header("webhook-id"), "the same message");
    assert!(verifies(&secret, &hit, &hit.body).await, "signed with the secret sealed by the first run");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while queued(&direct, &eid) != [("sent".to_string(), 2)] {
        assert!(tokio::time::Instant::now() < deadline, "not marked sent: {:?}", queued(&direct, &eid));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::task::block_in_place(|| second.stop());
}

both!(backend; delivered_after_a_restart_mid_retry);

both!(
    endpoints_are_managed_and_the_secret_shown_once,
    only_staff_with_the_webhooks_scope_manage_endpoints,
    a_domain_action_delivers_its_event_signed,
    failed_deliveries_are_retried_with_the_same_id,
    an_endpoint_out_of_retries_is_failing_until_a_success,
);
