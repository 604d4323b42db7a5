//! Invoices: numbered drafts, sent to the client, paid by hand in parts or at once (with a
//! receipt), voided; every forbidden move a 409 that changes nothing; totals on awkward
//! lines; invoicing an accepted quote; the PDF; billing settings and provider keys (sealed
//! at rest); the portal's view (no drafts) and the money on the portal dashboard.

use chrono::{Datelike, NaiveDate, TimeDelta, Utc};
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::deliverables::subject_of;
use crate::flows::{bearer, client_login};
use crate::helpers::{TestApp, fields, problem, refused_status};

pub const INVOICES: &str = "/api/v1/invoices";
pub const PORTAL: &str = "/api/v1/portal";
pub const MARIA: &str = "maria@lopez.es";

pub fn today() -> NaiveDate {
    // The test tenant lives in Europe/Paris.
    Utc::now().with_timezone(&chrono_tz::Europe::Paris).date_naive()
}

pub fn line(description: &str, quantity: Value, price: i64, tax_bp: i32) -> Value {
    json!({ "description": description, "quantity": quantity, "unit_price_minor": price, "tax_rate_bp": tax_bp })
}

/// Maria, and her portal token (logged in first, so no later email is taken for the code).
pub async fn maria(app: &TestApp) -> (String, String) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let token = bearer(&client_login(app, MARIA).await);
    (maria["id"].as_str().unwrap().to_string(), token)
}

pub async fn create(app: &TestApp, body: &Value) -> Value {
    let res = app.post(INVOICES, body).await;
    assert_eq!(res.status(), 201, "create invoice");
    res.json().await.unwrap()
}

/// A sent invoice for `client` with one untaxed line of `total`.
pub async fn sent_invoice(app: &TestApp, client: &str, total: i64) -> Value {
    let draft = create(
        app,
        &json!({ "client_id": client, "title": "Logo", "lines": [line("Logo design", json!(1), total, 0)] }),
    )
    .await;
    let id = draft["id"].as_str().unwrap();
    let res = app.post(&format!("{INVOICES}/{id}/send"), &json!({})).await;
    assert_eq!(res.status(), 200, "send");
    res.json().await.unwrap()
}

pub async fn pay(app: &TestApp, id: &str, amount: i64) -> reqwest::Response {
    app.post(
        &format!("{INVOICES}/{id}/payments"),
        &json!({ "amount_minor": amount, "method": "bank_transfer", "reference": "TR-1" }),
    )
    .await
}

pub fn portal(app: &TestApp, token: &str, method: Method, path: &str) -> reqwest::RequestBuilder {
    app.req_as(token, method, &format!("{PORTAL}{path}"))
}

/// The invoice's activity verbs, oldest first, with whether each reaches the client.
fn verbs(app: &TestApp, id: &str) -> Vec<(String, bool)> {
    use portico::db::schema::activity::dsl as a;
    let mut conn = app.db.conn().unwrap();
    a::activity
        .filter(a::subject_type.eq("invoice"))
        .filter(a::subject_id.eq(id))
        .order(a::id)
        .select((a::verb, a::client_id.is_not_null()))
        .load(&mut *conn)
        .unwrap()
}

/// The stored state an invoice action must not touch when refused.
fn snapshot(app: &TestApp, id: &str) -> (String, i64, chrono::NaiveDateTime, i64, i64) {
    use portico::db::schema::{invoices::dsl as i, payments::dsl as p};
    let mut conn = app.db.conn().unwrap();
    let (status, paid, updated): (String, i64, chrono::NaiveDateTime) =
        i::invoices.filter(i::id.eq(id)).select((i::status, i::paid_minor, i::updated_at)).first(&mut *conn).unwrap();
    let payments: i64 = p::payments.filter(p::invoice_id.eq(id)).count().get_result(&mut *conn).unwrap();
    let activity: i64 = {
        use portico::db::schema::activity::dsl as a;
        a::activity.filter(a::subject_id.eq(id)).count().get_result(&mut *conn).unwrap()
    };
    (status, paid, updated, payments, activity)
}

async fn an_invoice_goes_from_draft_to_paid_in_two_payments(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let year = today().year();
    let draft = create(
        &app,
        &json!({ "client_id": cid, "title": "Brand refresh", "notes": "Thanks!", "lines": [
            line("Logo design", json!("2"), 50_000, 2000),
            line("Typography", json!(1.5), 20_000, 2000),
        ] }),
    )
    .await;
    let id = draft["id"].as_str().unwrap().to_string();
    assert_eq!(draft["number"], format!("INV-{year}-0001"));
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["overdue"], false);
    assert_eq!(draft["client"]["name"], "Maria Lopez");
    assert_eq!(draft["currency"], "EUR", "the tenant's currency by default");
    assert_eq!(draft["issue_date"], today().to_string());
    assert_eq!(draft["due_date"], (today() + TimeDelta::days(14)).to_string(), "default payment terms");
    assert_eq!(draft["totals"]["subtotal_minor"], 130_000);
    assert_eq!(draft["totals"]["tax_minor"], 26_000);
    assert_eq!(draft["totals"]["total_minor"], 156_000);
    assert_eq!(draft["due_minor"], 156_000);
    assert_eq!(draft["lines"][1]["quantity"], "1.5");

    // A draft is nowhere in the portal.
    let list: Value = portal(&app, &token, Method::GET, "/invoices").send().await.unwrap().json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
    for path in [format!("/invoices/{id}"), format!("/invoices/{id}/pdf")] {
        let res = portal(&app, &token, Method::GET, &path).send().await.unwrap();
        problem(res, 404).await;
    }
    let res = portal(&app, &token, Method::POST, &format!("/invoices/{id}/pay"))
        .json(&json!({ "provider": "stripe" }))
        .send()
        .await
        .unwrap();
    problem(res, 404).await;

    // Edit the draft, then send it: Maria is emailed a link to it.
    let res = app.patch(&format!("{INVOICES}/{id}"), &json!({ "title": "Brand refresh, part 1" })).await;
    assert_eq!(res.status(), 200);
    let before = app.smtp.count_to(MARIA);
    let res = app.post(&format!("{INVOICES}/{id}/send"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let sent: Value = res.json().await.unwrap();
    assert_eq!(sent["status"], "sent");
    assert!(sent["sent_at"].is_string());
    let mail = app.smtp.nth_to(MARIA, before + 1).await;
    assert!(subject_of(&mail).contains(&format!("INV-{year}-0001")), "{}", subject_of(&mail));
    assert!(mail.decoded().contains(&format!("/portal/acme/invoices/{id}")));

    // Maria sees it (the first look is recorded once) with nothing paid yet.
    for _ in 0..2 {
        let res = portal(&app, &token, Method::GET, &format!("/invoices/{id}")).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let seen: Value = res.json().await.unwrap();
        assert_eq!(seen["status"], "sent");
        assert_eq!(seen["pay_with"], json!([]), "no provider is set up");
    }

    // Part payment, then too much, then the rest.
    let res = pay(&app, &id, 56_000).await;
    assert_eq!(res.status(), 201);
    let partly: Value = res.json().await.unwrap();
    assert_eq!(partly["status"], "partially_paid");
    assert_eq!(partly["paid_minor"], 56_000);
    assert_eq!(partly["due_minor"], 100_000);
    assert!(partly["paid_at"].is_null());
    assert_eq!(partly["payments"][0]["method"], "bank_transfer");
    assert_eq!(partly["payments"][0]["reference"], "TR-1");
    let body = problem(pay(&app, &id, 100_001).await, 422).await;
    assert_eq!(fields(&body), vec!["amount_minor"]);
    assert!(body["detail"].as_str().unwrap().contains("at most EUR 1,000.00 is due"), "{body}");
    let body = problem(pay(&app, &id, 0).await, 422).await;
    assert_eq!(fields(&body), vec!["amount_minor"]);
    let receipts = app.smtp.count_to(MARIA);
    let res = pay(&app, &id, 100_000).await;
    assert_eq!(res.status(), 201);
    let paid: Value = res.json().await.unwrap();
    assert_eq!(paid["status"], "paid");
    assert_eq!(paid["due_minor"], 0);
    assert!(paid["paid_at"].is_string());
    assert_eq!(paid["payments"].as_array().unwrap().len(), 2);
    let receipt = app.smtp.nth_to(MARIA, receipts + 1).await;
    assert!(subject_of(&receipt).contains("Payment received"), "{}", subject_of(&receipt));
    assert!(receipt.decoded().contains("1,000.00"), "the receipt names the amount");

    // The client sees the history; the staff list and filters agree.
    let seen: Value =
        portal(&app, &token, Method::GET, &format!("/invoices/{id}")).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["payments"].as_array().unwrap().len(), 2);
    assert_eq!(seen["pay_with"], json!([]), "nothing is due");
    let paid_list: Value =
        portal(&app, &token, Method::GET, "/invoices?state=paid").send().await.unwrap().json().await.unwrap();
    assert_eq!(paid_list["items"][0]["id"], id.as_str());
    let unpaid: Value =
        portal(&app, &token, Method::GET, "/invoices?state=unpaid").send().await.unwrap().json().await.unwrap();
    assert_eq!(unpaid["items"].as_array().unwrap().len(), 0);
    problem(portal(&app, &token, Method::GET, "/invoices?state=soon").send().await.unwrap(), 400).await;
    let staff: Value = app.get(&format!("{INVOICES}?status=paid&q=part%201")).await.json().await.unwrap();
    assert_eq!(staff["items"][0]["number"], format!("INV-{year}-0001"));
    assert_eq!(staff["items"][0]["client"]["name"], "Maria Lopez");

    let log = verbs(&app, &id);
    let names: Vec<&str> = log.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(names, ["created", "updated", "sent", "viewed", "payment_recorded", "payment_recorded", "paid"]);
    assert!(!log[0].1 && !log[1].1, "the draft's entries stay internal");
    assert!(log[2..].iter().all(|(_, visible)| *visible), "the rest is on Maria's timeline");
}

async fn forbidden_moves_are_409_and_change_nothing(app: TestApp) {
    let (cid, _) = maria(&app).await;
    // Paid: nothing more may happen to it.
    let paid = sent_invoice(&app, &cid, 10_000).await;
    let pid = paid["id"].as_str().unwrap();
    assert_eq!(pay(&app, pid, 10_000).await.status(), 201);
    let before = snapshot(&app, pid);
    for (path, body) in [
        (format!("{INVOICES}/{pid}/send"), json!({})),
        (format!("{INVOICES}/{pid}/void"), json!({})),
        (format!("{INVOICES}/{pid}/payments"), json!({ "amount_minor": 1, "method": "cash" })),
    ] {
        let body = problem(app.post(&path, &body).await, 409).await;
        assert!(body["detail"].as_str().unwrap().contains("is paid"), "{body}");
    }
    problem(app.patch(&format!("{INVOICES}/{pid}"), &json!({ "title": "New" })).await, 409).await;
    assert_eq!(snapshot(&app, pid), before, "a refused move changes nothing");

    // Partly paid: cannot be voided or re-sent.
    let partly = sent_invoice(&app, &cid, 10_000).await;
    let id = partly["id"].as_str().unwrap();
    assert_eq!(pay(&app, id, 4_000).await.status(), 201);
    let before = snapshot(&app, id);
    let body = problem(app.post(&format!("{INVOICES}/{id}/void"), &json!({})).await, 409).await;
    assert!(body["detail"].as_str().unwrap().contains("payments were recorded"), "{body}");
    problem(app.post(&format!("{INVOICES}/{id}/send"), &json!({})).await, 409).await;
    assert_eq!(snapshot(&app, id), before);

    // Void: nothing is due, nothing may be paid or sent.
    let voided = sent_invoice(&app, &cid, 10_000).await;
    let vid = voided["id"].as_str().unwrap();
    let res = app.post(&format!("{INVOICES}/{vid}/void"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let void: Value = res.json().await.unwrap();
    assert_eq!((void["status"].as_str(), void["due_minor"].as_i64()), (Some("void"), Some(0)));
    assert!(void["voided_at"].is_string());
    let before = snapshot(&app, vid);
    problem(pay(&app, vid, 1).await, 409).await;
    problem(app.post(&format!("{INVOICES}/{vid}/void"), &json!({})).await, 409).await;
    problem(app.post(&format!("{INVOICES}/{vid}/send"), &json!({})).await, 409).await;
    assert_eq!(snapshot(&app, vid), before);

    // A draft takes no payment; a sent invoice is not edited.
    let draft =
        create(&app, &json!({ "client_id": cid, "title": "Draft", "lines": [line("x", json!(1), 100, 0)] })).await;
    let did = draft["id"].as_str().unwrap();
    let before = snapshot(&app, did);
    problem(pay(&app, did, 100).await, 409).await;
    assert_eq!(snapshot(&app, did), before);
    problem(app.patch(&format!("{INVOICES}/{}", partly["id"].as_str().unwrap()), &json!({ "notes": "x" })).await, 409)
        .await;
    problem(app.get(&format!("{INVOICES}/nope")).await, 404).await;
}

async fn twenty_invoices_created_at_once_are_numbered_without_gaps(app: TestApp) {
    let (cid, _) = maria(&app).await;
    let year = today().year();
    let body = json!({ "client_id": cid, "title": "Retainer", "lines": [line("Month", json!(1), 100_000, 0)] });
    let creates = (0..20).map(|_| {
        let (app, body) = (&app, body.clone());
        async move { app.post(INVOICES, &body).await }
    });
    let mut numbers = vec![];
    for res in futures_util::future::join_all(creates).await {
        assert_eq!(res.status(), 201);
        let v: Value = res.json().await.unwrap();
        numbers.push(v["number"].as_str().unwrap().to_string());
    }
    numbers.sort();
    let expected: Vec<String> = (1..=20).map(|n| format!("INV-{year}-{n:04}")).collect();
    assert_eq!(numbers, expected);

    // A new prefix applies from the next invoice; the sequence goes on.
    let res = app
        .req(Method::PATCH, "/api/v1/billing/settings")
        .json(&json!({ "invoice_prefix": "F-26" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let next = create(&app, &body).await;
    assert_eq!(next["number"], format!("F-26-{year}-0021"));
}

async fn totals_round_each_line_half_to_even(app: TestApp) {
    let (cid, _) = maria(&app).await;
    // Thirds: 0.333 × 100.00 = 33.30 three times is 99.90, not 100.00.
    let thirds = create(
        &app,
        &json!({ "client_id": cid, "title": "Thirds", "lines": [
            line("a", json!("0.333"), 10_000, 0), line("b", json!(0.333), 10_000, 0), line("c", json!("0.333"), 10_000, 0),
        ] }),
    )
    .await;
    assert_eq!(thirds["lines"][0]["net_minor"], 3330);
    assert_eq!(thirds["totals"]["total_minor"], 9990);

    // Mixed rates: 19 % on 10.05 = 1.9095 → 1.91; 7 % on 3.50 = 0.245 → 0.24 (to even);
    // 19 % on 0.50 = 0.095 → 0.10; and an untaxed line.
    let mixed = create(
        &app,
        &json!({ "client_id": cid, "title": "Mixed", "lines": [
            line("a", json!(1), 1005, 1900), line("b", json!(1), 350, 700), line("c", json!(1), 50, 1900), line("d", json!(2), 100, 0),
        ] }),
    )
    .await;
    let t = &mixed["totals"];
    assert_eq!(t["subtotal_minor"], 1605);
    assert_eq!(
        t["taxes"],
        json!([
            { "rate_bp": 700, "taxable_minor": 350, "amount_minor": 24 },
            { "rate_bp": 1900, "taxable_minor": 1055, "amount_minor": 201 },
        ])
    );
    assert_eq!(t["tax_minor"], 225);
    assert_eq!(t["total_minor"], 1830);

    // JPY has no minor unit: 1.5 × ¥333 = ¥499.5 → ¥500 (to even); 10 % → ¥50.
    let yen = create(
        &app,
        &json!({ "client_id": cid, "title": "Yen", "currency": "JPY", "lines": [line("Consulting", json!("1.5"), 333, 1000)] }),
    )
    .await;
    assert_eq!(yen["currency"], "JPY");
    assert_eq!((yen["lines"][0]["net_minor"].as_i64(), yen["lines"][0]["tax_minor"].as_i64()), (Some(500), Some(50)));
    assert_eq!(yen["totals"]["total_minor"], 550);
    let id = yen["id"].as_str().unwrap();
    app.post(&format!("{INVOICES}/{id}/send"), &json!({})).await;
    let body = problem(pay(&app, id, 551).await, 422).await;
    assert!(body["detail"].as_str().unwrap().contains("at most JPY 550 is due"), "{body}");

    // Bad input is 422 naming the field, never 500.
    for (body, field) in [
        (json!({ "client_id": cid, "title": "x", "lines": [] }), "lines"),
        (json!({ "client_id": cid, "title": "x", "lines": [line("a", json!("0.0001"), 1, 0)] }), "lines"),
        (
            json!({ "client_id": cid, "title": "x", "currency": "euro", "lines": [line("a", json!(1), 1, 0)] }),
            "currency",
        ),
        (json!({ "client_id": "nobody", "title": "x", "lines": [line("a", json!(1), 1, 0)] }), "client_id"),
        (
            json!({ "client_id": cid, "title": "x", "issue_date": "2026-05-10", "due_date": "2026-05-01", "lines": [line("a", json!(1), 1, 0)] }),
            "due_date",
        ),
    ] {
        let res = app.post(INVOICES, &body).await;
        let expected = refused_status(&body);
        assert!(res.status() == expected || res.status() == 400, "{body}: {}", res.status());
        let p: Value = res.json().await.unwrap();
        let named =
            fields(&p).iter().any(|f| f.starts_with(field)) || p["detail"].as_str().unwrap_or("").contains(field);
        assert!(named, "{field} should be named: {p}");
    }
}

/// A quote row as the quotes folder would store it, with its lines.
pub fn insert_quote(app: &TestApp, client_id: &str, status: &str, valid_until: NaiveDate) -> String {
    use portico::db::schema::{quote_lines::dsl as l, quotes::dsl as q};
    let mut conn = app.db.conn().unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let at = Utc::now().naive_utc();
    let n: i64 = q::quotes.count().get_result(&mut *conn).unwrap();
    diesel::insert_into(q::quotes)
        .values((
            q::id.eq(&id),
            q::tenant_id.eq(&app.tenant_id),
            q::client_id.eq(client_id),
            q::number.eq(format!("Q-2026-{:04}", n + 1)),
            q::title.eq("Website"),
            q::currency.eq("EUR"),
            q::subtotal_minor.eq(4010i64),
            q::tax_minor.eq(802i64),
            q::total_minor.eq(4812i64),
            q::valid_until.eq(valid_until),
            q::status.eq(status),
            q::created_at.eq(at),
            q::updated_at.eq(at),
        ))
        .execute(&mut *conn)
        .unwrap();
    for (position, (description, qty, price, net, tax)) in
        [("Design", 1500i64, 2000i64, 3000i64, 600i64), ("Hosting", 1000, 1010, 1010, 202)].into_iter().enumerate()
    {
        diesel::insert_into(l::quote_lines)
            .values((
                l::id.eq(uuid::Uuid::now_v7().to_string()),
                l::tenant_id.eq(&app.tenant_id),
                l::quote_id.eq(&id),
                l::position.eq(position as i32),
                l::description.eq(description),
                l::quantity_milli.eq(qty),
                l::unit_price_minor.eq(price),
                l::tax_rate_bp.eq(2000),
                l::net_minor.eq(net),
                l::tax_minor.eq(tax),
            ))
            .execute(&mut *conn)
            .unwrap();
    }
    id
}

async fn an_accepted_quote_is_invoiced_with_its_lines(app: TestApp) {
    let (cid, _) = maria(&app).await;
    let accepted = insert_quote(&app, &cid, "accepted", today());
    let res = app.post(&format!("/api/v1/quotes/{accepted}/invoice"), &json!({})).await;
    assert_eq!(res.status(), 201);
    let invoice: Value = res.json().await.unwrap();
    assert_eq!(invoice["status"], "draft");
    assert_eq!(invoice["quote_id"], accepted.as_str());
    assert_eq!(invoice["title"], "Website");
    assert_eq!(invoice["client"]["id"], cid.as_str());
    let descriptions: Vec<&str> =
        invoice["lines"].as_array().unwrap().iter().map(|l| l["description"].as_str().unwrap()).collect();
    assert_eq!(descriptions, ["Design", "Hosting"]);
    assert_eq!(invoice["lines"][0]["quantity"], "1.5");
    assert_eq!(invoice["totals"]["total_minor"], 4812);

    // Once is enough: a second invoice for the quote is refused, even asked for five at once,
    // until the first is void.
    let (path, empty) = (format!("/api/v1/quotes/{accepted}/invoice"), json!({}));
    let again = (0..5).map(|_| app.post(&path, &empty));
    let statuses: Vec<u16> = futures_util::future::join_all(again).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses, [409; 5]);
    let body = problem(app.post(&format!("/api/v1/quotes/{accepted}/invoice"), &json!({})).await, 409).await;
    assert!(body["detail"].as_str().unwrap().contains(invoice["number"].as_str().unwrap()), "{body}");
    let first = invoice["id"].as_str().unwrap();
    assert_eq!(app.post(&format!("/api/v1/invoices/{first}/void"), &json!({})).await.status(), 200);
    assert_eq!(app.post(&format!("/api/v1/quotes/{accepted}/invoice"), &json!({})).await.status(), 201);

    let sent = insert_quote(&app, &cid, "sent", today());
    let body = problem(app.post(&format!("/api/v1/quotes/{sent}/invoice"), &json!({})).await, 409).await;
    assert!(body["detail"].as_str().unwrap().contains("not accepted"), "{body}");
    problem(app.post("/api/v1/quotes/nope/invoice", &json!({})).await, 404).await;
    let (_, other_key) = app.other_tenant("globex");
    let res = app.req_as(&other_key, Method::POST, &format!("/api/v1/quotes/{accepted}/invoice")).send().await.unwrap();
    problem(res, 404).await;
}

async fn billing_settings_and_sealed_provider_keys(app: TestApp) {
    let settings: Value = app.get("/api/v1/billing/settings").await.json().await.unwrap();
    assert_eq!(settings["invoice_prefix"], "INV");
    assert_eq!(settings["quote_prefix"], "Q");
    assert_eq!(settings["payment_terms_days"], 14);
    assert_eq!(settings["providers"].as_array().unwrap().len(), 2);
    assert_eq!(settings["providers"][0]["enabled"], false);
    assert_eq!(
        settings["providers"][0]["webhook_url"],
        format!("https://portal.test/api/v1/payments/webhooks/stripe/{}", app.tenant_id)
    );

    let res = app
        .req(Method::PATCH, "/api/v1/billing/settings")
        .json(&json!({ "invoice_prefix": "inv!" }))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 422).await), vec!["invoice_prefix"]);
    let res = app
        .req(Method::PATCH, "/api/v1/billing/settings")
        .json(&json!({ "payment_terms_days": 30, "billing_details": "Rue 1\nVAT FR123" }))
        .send()
        .await
        .unwrap();
    let changed: Value = res.json().await.unwrap();
    assert_eq!(
        (changed["payment_terms_days"].as_i64(), changed["billing_details"].as_str()),
        (Some(30), Some("Rue 1\nVAT FR123"))
    );

    // Stripe needs its webhook secret.
    let res = app
        .req(Method::PUT, "/api/v1/billing/providers/stripe")
        .json(&json!({ "secret_key": "sk_test_SECRET9876" }))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 422).await), vec!["webhook_secret"]);
    let res = app
        .req(Method::PUT, "/api/v1/billing/providers/stripe")
        .json(&json!({ "secret_key": "sk_test_SECRET9876", "webhook_secret": "whsec_HOOKSECRET55" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert!(!body.contains("SECRET9876") && !body.contains("HOOKSECRET"), "the keys are never returned: {body}");
    let info: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((info["key_hint"].as_str(), info["enabled"].as_bool()), (Some("9876"), Some(true)));
    let settings = app.get("/api/v1/billing/settings").await.text().await.unwrap();
    assert!(!settings.contains("SECRET9876") && settings.contains("\"key_hint\":\"9876\""), "{settings}");
    problem(
        app.req(Method::PUT, "/api/v1/billing/providers/paypal")
            .json(&json!({ "secret_key": "sk_test_12345678" }))
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;

    // At rest: ciphertext only.
    {
        use portico::db::schema::payment_providers::dsl as p;
        let mut conn = app.db.conn().unwrap();
        let (key, hook): (String, Option<String>) = p::payment_providers
            .filter(p::tenant_id.eq(&app.tenant_id))
            .filter(p::provider.eq("stripe"))
            .select((p::secret_key, p::webhook_secret))
            .first(&mut *conn)
            .unwrap();
        assert!(key.starts_with("v1:") && !key.contains("SECRET9876"), "{key}");
        assert!(hook.as_deref().is_some_and(|h| h.starts_with("v1:") && !h.contains("HOOKSECRET")));
    }

    // Switched off and on again without the keys, which stay as they were.
    let toggle = |enabled: Value| {
        app.req(Method::PATCH, "/api/v1/billing/providers/stripe").json(&json!({ "enabled": enabled })).send()
    };
    let off: Value = toggle(json!(false)).await.unwrap().json().await.unwrap();
    assert_eq!((off["enabled"].as_bool(), off["key_hint"].as_str()), (Some(false), Some("9876")));
    let settings: Value = app.get("/api/v1/billing/settings").await.json().await.unwrap();
    let stripe = settings["providers"].as_array().unwrap().iter().find(|p| p["provider"] == "stripe").unwrap().clone();
    assert_eq!(stripe["enabled"], false);
    assert_eq!(toggle(json!("yes")).await.unwrap().status(), 422);
    let on: Value = toggle(json!(true)).await.unwrap().json().await.unwrap();
    assert_eq!((on["enabled"].as_bool(), on["key_hint"].as_str()), (Some(true), Some("9876")));
    let unset = app.req(Method::PATCH, "/api/v1/billing/providers/paystack").json(&json!({ "enabled": true })).send();
    problem(unset.await.unwrap(), 404).await;

    let res = app.req(Method::DELETE, "/api/v1/billing/providers/stripe").send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.req(Method::DELETE, "/api/v1/billing/providers/stripe").send().await.unwrap(), 404).await;
}

/// A contract row as the contracts folder would store it.
fn insert_contract(app: &TestApp, client_id: &str, status: &str) {
    use portico::db::schema::contracts::dsl as c;
    let mut conn = app.db.conn().unwrap();
    let at = Utc::now().naive_utc();
    diesel::insert_into(c::contracts)
        .values((
            c::id.eq(uuid::Uuid::now_v7().to_string()),
            c::tenant_id.eq(&app.tenant_id),
            c::client_id.eq(client_id),
            c::title.eq("Terms"),
            c::body.eq("# Terms"),
            c::body_sha256.eq("0".repeat(64)),
            c::status.eq(status),
            c::created_at.eq(at),
            c::updated_at.eq(at),
        ))
        .execute(&mut *conn)
        .unwrap();
}

async fn the_portal_dashboard_shows_what_is_due_and_what_waits(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let other = app.client("Otto", "otto@example.com").await;
    let oid = other["id"].as_str().unwrap().to_string();
    let dashboard = |token: String| {
        let app = &app;
        async move { portal(app, &token, Method::GET, "/dashboard").send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let empty = dashboard(token.clone()).await;
    assert_eq!(empty["amount_due"], json!([]));
    assert!(empty["next_due_invoice"].is_null());
    assert_eq!(
        (empty["quotes_awaiting_decision"].as_i64(), empty["contracts_awaiting_signature"].as_i64()),
        (Some(0), Some(0))
    );

    // Maria: two EUR invoices (one partly paid, one due later), one JPY, a draft, a paid one.
    let soon = create(
        &app,
        &json!({ "client_id": cid, "title": "Soon", "due_date": today().to_string(), "lines": [line("a", json!(1), 10_000, 0)] }),
    )
    .await;
    app.post(&format!("{INVOICES}/{}/send", soon["id"].as_str().unwrap()), &json!({})).await;
    assert_eq!(pay(&app, soon["id"].as_str().unwrap(), 2_500).await.status(), 201);
    sent_invoice(&app, &cid, 20_000).await;
    let yen = create(
        &app,
        &json!({ "client_id": cid, "title": "Yen", "currency": "JPY", "lines": [line("a", json!(1), 5_000, 0)] }),
    )
    .await;
    app.post(&format!("{INVOICES}/{}/send", yen["id"].as_str().unwrap()), &json!({})).await;
    create(&app, &json!({ "client_id": cid, "title": "Draft", "lines": [line("a", json!(1), 99_999, 0)] })).await;
    let paid = sent_invoice(&app, &cid, 7_000).await;
    pay(&app, paid["id"].as_str().unwrap(), 7_000).await;
    // Otto's invoice does not count for Maria.
    sent_invoice(&app, &oid, 50_000).await;

    // Quotes: sent and valid (counts), sent but expired, draft, accepted, Otto's.
    insert_quote(&app, &cid, "sent", today());
    insert_quote(&app, &cid, "sent", today() - TimeDelta::days(1));
    insert_quote(&app, &cid, "draft", today() + TimeDelta::days(5));
    insert_quote(&app, &cid, "accepted", today() + TimeDelta::days(5));
    insert_quote(&app, &oid, "sent", today() + TimeDelta::days(5));
    // Contracts: two sent (count), a draft, a signed one, Otto's.
    for status in ["sent", "sent", "draft", "signed"] {
        insert_contract(&app, &cid, status);
    }
    insert_contract(&app, &oid, "sent");

    let d = dashboard(token.clone()).await;
    assert_eq!(
        d["amount_due"],
        json!([{ "currency": "EUR", "amount_minor": 27_500 }, { "currency": "JPY", "amount_minor": 5_000 }])
    );
    assert_eq!(d["next_due_invoice"]["id"], soon["id"]);
    assert_eq!(d["next_due_invoice"]["due_minor"], 7_500);
    assert_eq!(d["next_due_invoice"]["overdue"], false, "due today is not overdue");
    assert_eq!(d["quotes_awaiting_decision"], 1);
    assert_eq!(d["contracts_awaiting_signature"], 2);

    let otto = bearer(&client_login(&app, "otto@example.com").await);
    let d = dashboard(otto).await;
    assert_eq!(d["amount_due"], json!([{ "currency": "EUR", "amount_minor": 50_000 }]));
    assert_eq!(
        (d["quotes_awaiting_decision"].as_i64(), d["contracts_awaiting_signature"].as_i64()),
        (Some(1), Some(1))
    );
}

async fn overdue_is_judged_by_the_due_date(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let late = create(
        &app,
        &json!({ "client_id": cid, "title": "Late", "issue_date": "2026-01-01", "due_date": "2026-01-15", "lines": [line("a", json!(1), 1_000, 0)] }),
    )
    .await;
    let id = late["id"].as_str().unwrap();
    assert_eq!(late["overdue"], false, "a draft is never overdue");
    let sent: Value = app.post(&format!("{INVOICES}/{id}/send"), &json!({})).await.json().await.unwrap();
    assert_eq!(sent["overdue"], true);
    sent_invoice(&app, &cid, 1_000).await;
    let list: Value = app.get(&format!("{INVOICES}?overdue=true")).await.json().await.unwrap();
    let ids: Vec<&str> = list["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [id]);
    let list: Value = app.get(&format!("{INVOICES}?overdue=false")).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    problem(app.get(&format!("{INVOICES}?overdue=maybe")).await, 400).await;
    let d: Value = portal(&app, &token, Method::GET, "/dashboard").send().await.unwrap().json().await.unwrap();
    assert_eq!(d["next_due_invoice"]["id"], id);
    assert_eq!(d["next_due_invoice"]["overdue"], true);
}

/// The text of a PDF, as `pdftotext - -` extracts it.
pub fn pdf_text(bytes: &[u8]) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) must be installed");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).to_string()
}

async fn pdf_of(res: reqwest::Response) -> Vec<u8> {
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    res.bytes().await.unwrap().to_vec()
}

async fn the_pdf_is_the_same_for_staff_and_client_and_holds_the_invoice(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let invoice = create(
        &app,
        &json!({ "client_id": cid, "title": "Brand refresh", "lines": [
            line("Logo design", json!(2), 50_000, 2000), line("Typography workshop", json!("1.5"), 20_000, 2000),
        ] }),
    )
    .await;
    let id = invoice["id"].as_str().unwrap();
    let number = invoice["number"].as_str().unwrap();
    app.post(&format!("{INVOICES}/{id}/send"), &json!({})).await;
    assert_eq!(pay(&app, id, 56_000).await.status(), 201);
    let res = app.get(&format!("{INVOICES}/{id}/pdf")).await;
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains(&format!("{number}.pdf")));
    // A client's invoice is kept by no shared cache, nor by the browser after the tab.
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let staff = pdf_of(res).await;
    let client = pdf_of(portal(&app, &token, Method::GET, &format!("/invoices/{id}/pdf")).send().await.unwrap()).await;
    assert!(staff.starts_with(b"%PDF"));
    assert_eq!(staff, client, "the client downloads the very document staff see");
    let text = pdf_text(&staff);
    for expected in [number, "Maria Lopez", "Logo design", "Typography workshop", "€1,560.00", "€560.00", "€1,000.00"]
    {
        assert!(text.contains(expected), "the PDF should show {expected}:\n{text}");
    }
    // Paid in full: stamped.
    assert_eq!(pay(&app, id, 100_000).await.status(), 201);
    let paid = pdf_text(&pdf_of(app.get(&format!("{INVOICES}/{id}/pdf")).await).await);
    assert!(paid.contains("PAID"), "{paid}");
}

async fn a_long_invoice_paginates_with_the_header_on_every_page(app: TestApp) {
    let (cid, _) = maria(&app).await;
    let lines: Vec<Value> = (1..=150).map(|n| line(&format!("Item number {n}"), json!(1), 1_000, 0)).collect();
    let invoice = create(&app, &json!({ "client_id": cid, "title": "Many things", "lines": lines })).await;
    let id = invoice["id"].as_str().unwrap();
    let text = pdf_text(&pdf_of(app.get(&format!("{INVOICES}/{id}/pdf")).await).await);
    assert!(text.contains("Page 1 of"), "{text}");
    assert!(text.matches("Description").count() > 1, "the table header repeats on each page");
    assert!(text.contains("Item number 150"));
    assert!(text.contains("€1,500.00"), "the total");
}

/// An invoice names a project of its own client only: another client's reads as unknown.
async fn another_clients_project_is_not_found(app: TestApp) {
    let (maria, _) = maria(&app).await;
    let noah = app.client("Noah Martin", "noah@cycles.fr").await;
    let project = crate::projects::create_project(&app, noah["id"].as_str().unwrap(), "Shop").await;
    let body = json!({ "client_id": maria, "title": "Logo", "project_id": project["id"],
        "lines": [line("Logo design", json!(1), 1_000, 0)] });
    let p = problem(app.post(INVOICES, &body).await, 404).await;
    assert_eq!(fields(&p), ["project_id"], "{p}");
    let list: Value = app.get(INVOICES).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]), "nothing was created");
}

both!(
    another_clients_project_is_not_found,
    an_invoice_goes_from_draft_to_paid_in_two_payments,
    forbidden_moves_are_409_and_change_nothing,
    twenty_invoices_created_at_once_are_numbered_without_gaps,
    totals_round_each_line_half_to_even,
    an_accepted_quote_is_invoiced_with_its_lines,
    billing_settings_and_sealed_provider_keys,
    overdue_is_judged_by_the_due_date,
    the_pdf_is_the_same_for_staff_and_client_and_holds_the_invoice,
    a_long_invoice_paginates_with_the_header_on_every_page,
    the_portal_dashboard_shows_what_is_due_and_what_waits,
);
