//! Online payments against local fake providers: the checkout request we send, the signed
//! webhook that marks the invoice paid, and everything that must not record a payment —
//! forged or stale signatures, replays, a wrong amount or currency, an invoice paid
//! meanwhile — plus the provider failing (502, nothing stored).

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::deliverables::subject_of;
use crate::fake_providers::FakeProvider;
use crate::helpers::{Backend, TestApp, problem, spawn_app_with};
use crate::invoices::{INVOICES, maria, pay, portal, sent_invoice};

const STRIPE_KEY: &str = "sk_test_stripe_4242";
const STRIPE_HOOK: &str = "whsec_test_hook_secret";
const PAYSTACK_KEY: &str = "sk_test_paystack_7777";

/// Runs a test on both backends with the app pointed at a fresh fake Stripe and Paystack.
macro_rules! with_fakes {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                let fake = FakeProvider::start().await;
                let app = spawn_app_with(Backend::Sqlite, &fake_config(&fake)).await;
                super::$name(app, fake).await;
            }

            #[tokio::test]
            async fn postgres() {
                if crate::helpers::pg_url().is_none() {
                    return;
                }
                let fake = FakeProvider::start().await;
                let app = spawn_app_with(Backend::Postgres, &fake_config(&fake)).await;
                super::$name(app, fake).await;
            }
        }
    )+};
}

fn fake_config(fake: &FakeProvider) -> Vec<(&'static str, &'static str)> {
    // The config is read once at start; leaking two short strings per test is fine.
    let url: &'static str = Box::leak(fake.url.clone().into_boxed_str());
    vec![("PORTICO_STRIPE_API_URL", url), ("PORTICO_PAYSTACK_API_URL", url)]
}

async fn set_stripe(app: &TestApp) {
    let res = app
        .req(Method::PUT, "/api/v1/billing/providers/stripe")
        .json(&json!({ "secret_key": STRIPE_KEY, "webhook_secret": STRIPE_HOOK }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

async fn set_paystack(app: &TestApp) {
    let res = app
        .req(Method::PUT, "/api/v1/billing/providers/paystack")
        .json(&json!({ "secret_key": PAYSTACK_KEY }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

async fn pay_now(app: &TestApp, token: &str, id: &str, provider: &str) -> reqwest::Response {
    portal(app, token, Method::POST, &format!("/invoices/{id}/pay"))
        .json(&json!({ "provider": provider }))
        .send()
        .await
        .unwrap()
}

fn stripe_event(event_id: &str, session: &str, amount: i64, currency: &str) -> String {
    json!({
        "id": event_id,
        "object": "event",
        "type": "checkout.session.completed",
        "data": { "object": {
            "id": session, "object": "checkout.session", "amount_total": amount, "currency": currency,
            "payment_status": "paid", "status": "complete",
        } },
    })
    .to_string()
}

async fn post_stripe(app: &TestApp, body: &str, signature: Option<String>) -> reqwest::Response {
    let mut req = app
        .http
        .post(app.url(&format!("/api/v1/payments/webhooks/stripe/{}", app.tenant_id)))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(sig) = signature {
        req = req.header("Stripe-Signature", sig);
    }
    req.send().await.unwrap()
}

fn stripe_sig(body: &str, secret: &str, age_secs: i64) -> String {
    portico::payments::providers::stripe::sign(body.as_bytes(), secret, chrono::Utc::now().timestamp() - age_secs)
}

fn payments_of(app: &TestApp, invoice_id: &str) -> Vec<(i64, String, Option<String>)> {
    use portico::db::schema::payments::dsl as p;
    let mut conn = app.db.conn().unwrap();
    p::payments
        .filter(p::invoice_id.eq(invoice_id))
        .select((p::amount_minor, p::method, p::provider_ref))
        .load(&mut *conn)
        .unwrap()
}

fn events(app: &TestApp) -> Vec<(String, String, Option<String>)> {
    use portico::db::schema::payment_events::dsl as e;
    let mut conn = app.db.conn().unwrap();
    e::payment_events.order(e::id).select((e::event_id, e::outcome, e::detail)).load(&mut *conn).unwrap()
}

async fn status_of(app: &TestApp, id: &str) -> Value {
    app.get(&format!("{INVOICES}/{id}")).await.json().await.unwrap()
}

async fn stripe_checkout_then_signed_webhook_pays_the_invoice_once(app: TestApp, fake: FakeProvider) {
    let (cid, token) = maria(&app).await;
    let invoice = sent_invoice(&app, &cid, 12_345).await;
    let id = invoice["id"].as_str().unwrap().to_string();
    // Part paid by hand first: the checkout is for what is still due.
    assert_eq!(pay(&app, &id, 2_345).await.status(), 201);

    // No provider yet: no button, and paying is refused.
    let seen: Value =
        portal(&app, &token, Method::GET, &format!("/invoices/{id}")).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["pay_with"], json!([]));
    problem(pay_now(&app, &token, &id, "stripe").await, 422).await;
    assert!(fake.requests().is_empty());

    set_stripe(&app).await;
    let seen: Value =
        portal(&app, &token, Method::GET, &format!("/invoices/{id}")).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["pay_with"], json!(["stripe"]));

    let res = pay_now(&app, &token, &id, "stripe").await;
    assert_eq!(res.status(), 200);
    let checkout: Value = res.json().await.unwrap();
    assert_eq!(checkout["checkout_url"], "https://checkout.stripe.test/c/pay/cs_test_0001");

    // What Stripe was asked.
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.path, "/v1/checkout/sessions");
    assert_eq!(sent.headers["authorization"], format!("Bearer {STRIPE_KEY}"));
    assert!(sent.headers["content-type"].starts_with("application/x-www-form-urlencoded"));
    let form = sent.form();
    assert_eq!(form["mode"], "payment");
    assert_eq!(form["line_items[0][price_data][unit_amount]"], "10000", "the amount due, not the total");
    assert_eq!(form["line_items[0][price_data][currency]"], "eur");
    assert_eq!(form["success_url"], format!("https://portal.test/portal/acme/invoices/{id}?paid=1"));
    assert_eq!(form["cancel_url"], format!("https://portal.test/portal/acme/invoices/{id}"));
    assert_eq!(form["client_reference_id"], id.as_str());
    assert_eq!(form["metadata[invoice_id]"], id.as_str());
    assert_eq!(form["metadata[tenant_id]"], app.tenant_id.as_str());
    assert_eq!(form["customer_email"], "maria@lopez.es");

    // A forged, a missing and a stale signature: 403, nothing recorded.
    let body = stripe_event("evt_1", "cs_test_0001", 10_000, "eur");
    problem(post_stripe(&app, &body, Some(stripe_sig(&body, "whsec_forged", 0))).await, 403).await;
    problem(post_stripe(&app, &body, None).await, 403).await;
    problem(post_stripe(&app, &body, Some(stripe_sig(&body, STRIPE_HOOK, 301))).await, 403).await;
    let tampered = body.replace("10000", "1");
    problem(post_stripe(&app, &tampered, Some(stripe_sig(&body, STRIPE_HOOK, 0))).await, 403).await;
    assert_eq!(payments_of(&app, &id).len(), 1, "only the manual payment");
    assert!(events(&app).is_empty(), "a forgery leaves no trace");
    assert_eq!(status_of(&app, &id).await["status"], "partially_paid");

    // The real one, with an old v1 beside the current one (key rotation): paid.
    let receipts = app.smtp.count_to("maria@lopez.es");
    let sig = stripe_sig(&body, STRIPE_HOOK, 0);
    let rotated = format!("{sig},v1={}", "ab".repeat(32));
    let res = post_stripe(&app, &body, Some(rotated)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["outcome"], "recorded");
    let paid = status_of(&app, &id).await;
    assert_eq!(paid["status"], "paid");
    assert_eq!(paid["due_minor"], 0);
    assert_eq!(paid["payments"][1]["method"], "stripe");
    assert_eq!(paid["payments"][1]["amount_minor"], 10_000);
    // The "invoice sent" notice may still have been in the outbox when we counted; the
    // receipt is among the next two messages to her.
    let mut subjects = Vec::new();
    for n in receipts + 1..=receipts + 2 {
        subjects.push(subject_of(&app.smtp.nth_to("maria@lopez.es", n).await));
        if subjects.last().is_some_and(|s| s.contains("Payment received")) {
            break;
        }
    }
    assert!(subjects.iter().any(|s| s.contains("Payment received")), "a receipt among {subjects:?}");

    // Replays: the same event, and another event for the same session: still one payment.
    let res = post_stripe(&app, &body, Some(stripe_sig(&body, STRIPE_HOOK, 0))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["outcome"], "duplicate");
    let again = stripe_event("evt_2", "cs_test_0001", 10_000, "eur");
    let res = post_stripe(&app, &again, Some(stripe_sig(&again, STRIPE_HOOK, 0))).await;
    assert_eq!(res.json::<Value>().await.unwrap()["outcome"], "duplicate");
    let stripe_payments: Vec<_> = payments_of(&app, &id).into_iter().filter(|(_, m, _)| m == "stripe").collect();
    assert_eq!(stripe_payments, vec![(10_000, "stripe".to_string(), Some("cs_test_0001".to_string()))]);

    // Events of no interest are acknowledged and logged as ignored.
    let other = json!({ "id": "evt_3", "type": "customer.created", "data": { "object": {} } }).to_string();
    let res = post_stripe(&app, &other, Some(stripe_sig(&other, STRIPE_HOOK, 0))).await;
    assert_eq!(res.json::<Value>().await.unwrap()["outcome"], "ignored");

    // Staff read the log.
    let log: Value = app.get("/api/v1/payments/events").await.json().await.unwrap();
    let outcomes: Vec<&str> = log["items"].as_array().unwrap().iter().map(|e| e["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["ignored", "duplicate", "duplicate", "recorded"], "newest first");
    assert_eq!(log["items"][3]["invoice_id"], id.as_str());

    // Paid: no more button, and no more checkout.
    let seen: Value =
        portal(&app, &token, Method::GET, &format!("/invoices/{id}")).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["pay_with"], json!([]));
    problem(pay_now(&app, &token, &id, "stripe").await, 409).await;
    assert_eq!(fake.requests().len(), 1);
}

async fn a_mismatched_or_late_payment_is_rejected_and_logged(app: TestApp, fake: FakeProvider) {
    let (cid, token) = maria(&app).await;
    set_stripe(&app).await;
    let invoice = sent_invoice(&app, &cid, 5_000).await;
    let id = invoice["id"].as_str().unwrap().to_string();
    assert_eq!(pay_now(&app, &token, &id, "stripe").await.status(), 200);
    let session = "cs_test_0001";

    // Wrong amount, wrong currency, unknown session: authentic, so 200, but no payment.
    for (event, amount, currency, sess) in
        [("evt_a", 4_999, "eur", session), ("evt_b", 5_000, "usd", session), ("evt_c", 5_000, "eur", "cs_unknown")]
    {
        let body = stripe_event(event, sess, amount, currency);
        let res = post_stripe(&app, &body, Some(stripe_sig(&body, STRIPE_HOOK, 0))).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.json::<Value>().await.unwrap()["outcome"], "rejected");
    }
    assert!(payments_of(&app, &id).is_empty());
    let log = events(&app);
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|(_, outcome, _)| outcome == "rejected"));
    assert!(log[0].2.as_deref().unwrap().contains("4999"), "{:?}", log[0]);
    assert!(log[1].2.as_deref().unwrap().contains("USD"), "{:?}", log[1]);
    assert_eq!(status_of(&app, &id).await["status"], "sent");

    // Paid by hand meanwhile: the online payment would be an overpayment.
    assert_eq!(pay(&app, &id, 5_000).await.status(), 201);
    let body = stripe_event("evt_d", session, 5_000, "eur");
    let res = post_stripe(&app, &body, Some(stripe_sig(&body, STRIPE_HOOK, 0))).await;
    assert_eq!(res.json::<Value>().await.unwrap()["outcome"], "rejected");
    assert_eq!(payments_of(&app, &id).len(), 1, "only the manual payment");
    let (_, outcome, detail) = events(&app).pop().unwrap();
    assert_eq!(outcome, "rejected");
    assert!(detail.unwrap().contains("is paid"));
    drop(fake);
}

async fn a_failing_provider_is_a_502_and_nothing_is_stored(app: TestApp, fake: FakeProvider) {
    let (cid, token) = maria(&app).await;
    set_stripe(&app).await;
    set_paystack(&app).await;
    let invoice = sent_invoice(&app, &cid, 5_000).await;
    let id = invoice["id"].as_str().unwrap();
    fake.fail();
    for provider in ["stripe", "paystack"] {
        let body = problem(pay_now(&app, &token, id, provider).await, 502).await;
        assert!(body["detail"].as_str().unwrap().starts_with("Payment provider unavailable"), "{body}");
    }
    assert_eq!(fake.requests().len(), 2, "each provider was asked once");
    use portico::db::schema::checkout_sessions::dsl as c;
    let mut conn = app.db.conn().unwrap();
    let n: i64 = c::checkout_sessions.count().get_result(&mut *conn).unwrap();
    assert_eq!(n, 0);
}

async fn paystack_initialize_then_signed_charge_pays_the_invoice(app: TestApp, fake: FakeProvider) {
    let (cid, token) = maria(&app).await;
    set_paystack(&app).await;
    // Disabled Stripe keys do not show a button.
    let res = app
        .req(Method::PUT, "/api/v1/billing/providers/stripe")
        .json(&json!({ "secret_key": STRIPE_KEY, "webhook_secret": STRIPE_HOOK, "enabled": false }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let invoice = sent_invoice(&app, &cid, 250_000).await;
    let id = invoice["id"].as_str().unwrap().to_string();
    let seen: Value =
        portal(&app, &token, Method::GET, &format!("/invoices/{id}")).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["pay_with"], json!(["paystack"]));
    problem(pay_now(&app, &token, &id, "stripe").await, 422).await;

    let res = pay_now(&app, &token, &id, "paystack").await;
    assert_eq!(res.status(), 200);
    let checkout: Value = res.json().await.unwrap();
    let sent = fake.requests().pop().unwrap();
    assert_eq!(sent.path, "/transaction/initialize");
    assert_eq!(sent.headers["authorization"], format!("Bearer {PAYSTACK_KEY}"));
    let body = sent.json();
    assert_eq!(body["amount"], 250_000);
    assert_eq!(body["currency"], "EUR");
    assert_eq!(body["email"], "maria@lopez.es");
    assert_eq!(body["callback_url"], format!("https://portal.test/portal/acme/invoices/{id}?paid=1"));
    let reference = body["reference"].as_str().unwrap().to_string();
    assert_eq!(checkout["checkout_url"], format!("https://checkout.paystack.test/{reference}"));

    let event = |amount: i64| {
        json!({ "event": "charge.success", "data": {
            "id": 4_099_260_516i64, "status": "success", "reference": reference, "amount": amount, "currency": "EUR",
        } })
        .to_string()
    };
    let post = |body: String, sig: Option<String>| {
        let app = &app;
        async move {
            let mut req = app
                .http
                .post(app.url(&format!("/api/v1/payments/webhooks/paystack/{}", app.tenant_id)))
                .header("content-type", "application/json")
                .body(body);
            if let Some(sig) = sig {
                req = req.header("x-paystack-signature", sig);
            }
            req.send().await.unwrap()
        }
    };
    let sign = |body: &str, key: &str| portico::payments::providers::paystack::sign(body.as_bytes(), key);

    // Forged and missing signatures.
    let good = event(250_000);
    problem(post(good.clone(), Some(sign(&good, "sk_test_wrong"))).await, 403).await;
    problem(post(good.clone(), None).await, 403).await;
    assert!(payments_of(&app, &id).is_empty() && events(&app).is_empty());

    // A wrong amount is rejected; the right one records; a replay is a duplicate.
    let short = event(25_000);
    let res = post(short.clone(), Some(sign(&short, PAYSTACK_KEY))).await;
    assert_eq!(res.json::<Value>().await.unwrap()["outcome"], "rejected");
    assert!(payments_of(&app, &id).is_empty());
    for expected in ["recorded", "duplicate", "duplicate"] {
        let res = post(good.clone(), Some(sign(&good, PAYSTACK_KEY))).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.json::<Value>().await.unwrap()["outcome"], expected);
    }
    assert_eq!(payments_of(&app, &id), vec![(250_000, "paystack".to_string(), Some(reference.clone()))]);
    assert_eq!(status_of(&app, &id).await["status"], "paid");
}

async fn webhooks_for_a_business_without_keys_are_refused(app: TestApp, _fake: FakeProvider) {
    let body = stripe_event("evt_1", "cs_1", 100, "eur");
    problem(post_stripe(&app, &body, Some(stripe_sig(&body, STRIPE_HOOK, 0))).await, 404).await;
    let res = app
        .http
        .post(app.url("/api/v1/payments/webhooks/paystack/not-a-tenant"))
        .header("x-paystack-signature", "00")
        .body("{}")
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
    assert!(events(&app).is_empty());
}

with_fakes!(
    stripe_checkout_then_signed_webhook_pays_the_invoice_once,
    a_mismatched_or_late_payment_is_rejected_and_logged,
    a_failing_provider_is_a_502_and_nothing_is_stored,
    paystack_initialize_then_signed_charge_pays_the_invoice,
    webhooks_for_a_business_without_keys_are_refused,
);
