//! Quotes: numbered drafts with server-computed totals, sent to the client, who reads them
//! (views counted), accepts (a project starts, once, however many accepts race), asks for
//! changes (staff revise; the old revision stays readable) or declines. Drafts never reach
//! the portal; every forbidden move is a 409 that changes nothing; staff and client download
//! the same PDF.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem, refused_status};

pub const QUOTES: &str = "/api/v1/quotes";
pub const PORTAL: &str = "/api/v1/portal/quotes";
const OWNER: &str = "owner@acme.example";
const MARIA: &str = "maria@lopez.es";

/// Today in acme's zone (Europe/Paris).
fn today() -> NaiveDate {
    Utc::now().with_timezone(&chrono_tz::Europe::Paris).date_naive()
}

pub fn number(n: u32) -> String {
    format!("Q-{}-{n:04}", today().year())
}

pub fn lines() -> Value {
    json!([
        { "description": "Logo design", "quantity": "1", "unit_price_minor": 120000, "tax_rate_bp": 2000 },
        { "description": "Brand guidelines", "quantity": 2.5, "unit_price_minor": 30000, "tax_rate_bp": 2000 },
        { "description": "Stationery set", "quantity": "3", "unit_price_minor": 4999, "tax_rate_bp": 550, "discount_bp": 1000 },
    ])
}

/// Maria, and her portal token (logged in first, so later emails to her cannot be mistaken
/// for her login code).
pub async fn maria(app: &TestApp) -> (String, String) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let token = bearer(&client_login(app, MARIA).await);
    (maria["id"].as_str().unwrap().to_string(), token)
}

async fn create(app: &TestApp, body: Value) -> Value {
    let res = app.post(QUOTES, &body).await;
    assert_eq!(res.status(), 201, "create quote");
    res.json().await.unwrap()
}

async fn draft(app: &TestApp, client_id: &str, title: &str) -> String {
    let q = create(app, json!({ "client_id": client_id, "title": title, "lines": lines() })).await;
    q["id"].as_str().unwrap().to_string()
}

pub async fn sent(app: &TestApp, client_id: &str, title: &str) -> String {
    let id = draft(app, client_id, title).await;
    let res = app.post(&format!("{QUOTES}/{id}/send"), &json!({})).await;
    assert_eq!(res.status(), 200, "send");
    id
}

pub async fn staff_view(app: &TestApp, id: &str) -> Value {
    let res = app.get(&format!("{QUOTES}/{id}")).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn portal(app: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> reqwest::Response {
    let mut req = app.req_as(token, method, &format!("{PORTAL}{path}"));
    if let Some(body) = body {
        req = req.json(&body);
    }
    req.send().await.unwrap()
}

pub async fn accept(app: &TestApp, token: &str, id: &str) -> reqwest::Response {
    portal(app, token, Method::POST, &format!("/{id}/accept"), Some(json!({}))).await
}

/// The activity verbs logged on a quote, oldest first, with their data.
fn activity(app: &TestApp, subject: &str) -> Vec<(String, Value, Option<String>)> {
    use portico::db::schema::activity::dsl;
    let mut conn = app.db.conn().unwrap();
    let rows: Vec<(String, String, Option<String>)> = dsl::activity
        .filter(dsl::subject_id.eq(subject))
        .order(dsl::id.asc())
        .select((dsl::verb, dsl::data, dsl::actor_kind.nullable()))
        .load(&mut conn)
        .unwrap();
    rows.into_iter().map(|(v, d, a)| (v, serde_json::from_str(&d).unwrap(), a)).collect()
}

pub fn verbs(app: &TestApp, subject: &str) -> Vec<String> {
    activity(app, subject).into_iter().map(|(v, _, _)| v).collect()
}

/// Moves a quote's last valid day (to make it expire without waiting).
fn set_valid_until(app: &TestApp, id: &str, day: NaiveDate) {
    use portico::db::schema::quotes::dsl;
    let mut conn = app.db.conn().unwrap();
    diesel::update(dsl::quotes.filter(dsl::id.eq(id))).set(dsl::valid_until.eq(day)).execute(&mut conn).unwrap();
}

async fn totals_are_computed_per_line_and_numbers_given(app: TestApp) {
    let (cid, _) = maria(&app).await;
    let q = create(&app, json!({ "client_id": cid, "title": "  Brand refresh ", "lines": lines() })).await;
    assert_eq!(q["number"], number(1));
    assert_eq!(q["title"], "Brand refresh");
    assert_eq!(q["status"], "draft");
    assert_eq!(q["revision"], 1);
    assert_eq!(q["currency"], "EUR", "the tenant's currency by default");
    assert_eq!(q["valid_until"], (today() + Duration::days(30)).to_string(), "30 days by default");
    assert_eq!(
        q["client"],
        json!({ "id": cid, "name": "Maria Lopez", "email": MARIA, "company": null, "billing_address": null, "tax_id": null })
    );
    assert_eq!(q["view_count"], 0);
    assert_eq!(q["revisions"], json!([]));
    // 3 × 49.99 − 10 % = 134.973 → 134.97; tax 5.5 % of it = 7.42335 → 7.42.
    assert_eq!(q["lines"][1]["quantity"], "2.5");
    assert_eq!(q["lines"][1]["net_minor"], 75000);
    assert_eq!(q["lines"][2]["net_minor"], 13497);
    assert_eq!(q["lines"][2]["tax_minor"], 742);
    assert_eq!(
        q["totals"],
        json!({
            "subtotal_minor": 208497,
            "taxes": [
                { "rate_bp": 550, "taxable_minor": 13497, "amount_minor": 742 },
                { "rate_bp": 2000, "taxable_minor": 195000, "amount_minor": 39000 },
            ],
            "tax_minor": 39742,
            "total_minor": 248239,
        })
    );

    // Thirds: each line rounds on its own, and the total is the sum of the rounded lines.
    let thirds = json!([
        { "description": "A third", "quantity": "0.333", "unit_price_minor": 100 },
        { "description": "Another third", "quantity": "0.333", "unit_price_minor": 100 },
        { "description": "The last third", "quantity": "0.334", "unit_price_minor": 100, "tax_rate_bp": 1000 },
    ]);
    let q = create(&app, json!({ "client_id": cid, "title": "Thirds", "lines": thirds })).await;
    assert_eq!(q["number"], number(2));
    let nets: Vec<i64> = q["lines"].as_array().unwrap().iter().map(|l| l["net_minor"].as_i64().unwrap()).collect();
    assert_eq!(nets, vec![33, 33, 33], "33.3, 33.3 and 33.4 cents");
    assert_eq!(q["lines"][2]["tax_minor"], 3);
    assert_eq!(q["totals"]["subtotal_minor"], 99);
    assert_eq!(q["totals"]["total_minor"], 102);

    // Yen have no minor unit: amounts are whole yen.
    let yen =
        json!([{ "description": "Translation", "quantity": "1.5", "unit_price_minor": 333, "tax_rate_bp": 1000 }]);
    let q =
        create(&app, json!({ "client_id": cid, "title": "Japanese edition", "currency": "JPY", "lines": yen })).await;
    assert_eq!(q["currency"], "JPY");
    assert_eq!((q["lines"][0]["net_minor"].as_i64(), q["lines"][0]["tax_minor"].as_i64()), (Some(500), Some(50)));
    assert_eq!(q["totals"]["total_minor"], 550);
    // Stored on the quote too: the list shows the same total.
    let list: Value = app.get(&format!("{QUOTES}?q=japanese")).await.json().await.unwrap();
    assert_eq!(list["items"][0]["total_minor"], 550);
    assert_eq!(list["items"][0]["client"], json!({ "id": cid, "name": "Maria Lopez" }));

    // Bad input names the field and uses no number.
    let bad = [
        (json!({ "client_id": cid, "title": "x", "lines": [] }), "lines"),
        (json!({ "client_id": cid, "title": " ", "lines": lines() }), "title"),
        (json!({ "client_id": "nope", "title": "x", "lines": lines() }), "client_id"),
        (json!({ "client_id": cid, "title": "x", "currency": "eur", "lines": lines() }), "currency"),
        (json!({ "client_id": cid, "title": "x", "valid_until": "2020-01-01", "lines": lines() }), "valid_until"),
        (
            json!({ "client_id": cid, "title": "x", "lines": [{ "description": "a", "quantity": "1.2345", "unit_price_minor": 1 }] }),
            "lines[0].quantity",
        ),
    ];
    for (body, field) in bad {
        let p = problem(app.post(QUOTES, &body).await, refused_status(&body)).await;
        assert!(fields(&p).iter().any(|f| f.starts_with(field.split('[').next().unwrap())), "{field}: {p}");
    }
    let q = create(&app, json!({ "client_id": cid, "title": "Next", "lines": lines() })).await;
    assert_eq!(q["number"], number(4), "refused creations use up no number");
}

async fn concurrent_creates_get_consecutive_numbers(app: TestApp) {
    let (cid, _) = maria(&app).await;
    let creates = (0..20).map(|i| {
        let body = json!({ "client_id": cid, "title": format!("Quote {i}"), "lines": lines() });
        let req = app.req(Method::POST, QUOTES).json(&body);
        async move { req.send().await.unwrap() }
    });
    let mut numbers = vec![];
    for res in futures_util::future::join_all(creates).await {
        assert_eq!(res.status(), 201);
        let q: Value = res.json().await.unwrap();
        numbers.push(q["number"].as_str().unwrap().to_string());
    }
    numbers.sort();
    let expected: Vec<String> = (1..=20).map(number).collect();
    assert_eq!(numbers, expected, "20 distinct numbers, no gaps");
}

async fn drafts_never_reach_the_client(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let id = draft(&app, &cid, "Secret draft").await;
    let list: Value = portal(&app, &token, Method::GET, "", None).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));
    for (method, path, body) in [
        (Method::GET, format!("/{id}"), None),
        (Method::GET, format!("/{id}/pdf"), None),
        (Method::GET, format!("/{id}/revisions/1"), None),
        (Method::POST, format!("/{id}/accept"), Some(json!({}))),
        (Method::POST, format!("/{id}/request-changes"), Some(json!({ "comment": "Cheaper?" }))),
        (Method::POST, format!("/{id}/decline"), Some(json!({}))),
    ] {
        problem(portal(&app, &token, method.clone(), &path, body).await, 404).await;
    }
    let after = staff_view(&app, &id).await;
    assert_eq!(after["status"], "draft");
    assert_eq!(after["view_count"], 0);

    // Sent, it appears; another client still cannot see it.
    app.post(&format!("{QUOTES}/{id}/send"), &json!({})).await;
    let list: Value = portal(&app, &token, Method::GET, "?state=open", None).await.json().await.unwrap();
    assert_eq!(list["items"][0]["id"], id.as_str());
    assert_eq!(list["items"][0]["status"], "sent");
    assert!(list["items"][0].get("view_count").is_none(), "no staff fields in the portal");
    let closed: Value = portal(&app, &token, Method::GET, "?state=closed", None).await.json().await.unwrap();
    assert_eq!(closed["items"], json!([]));
    problem(portal(&app, &token, Method::GET, "?state=everything", None).await, 400).await;
    app.client("James Whitfield", "james@whitfield.example").await;
    let james = bearer(&client_login(&app, "james@whitfield.example").await);
    problem(portal(&app, &james, Method::GET, &format!("/{id}"), None).await, 404).await;
    problem(accept(&app, &james, &id).await, 404).await;
}

async fn sending_emails_the_client_and_views_are_counted(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let before = app.smtp.count_to(MARIA);
    let id = sent(&app, &cid, "Brand refresh").await;
    let mail = app.smtp.nth_to(MARIA, before + 1).await;
    let text = mail.decoded();
    assert!(text.contains(&format!("https://portal.test/portal/acme/quotes/{id}")), "portal link: {text}");
    assert!(text.contains(&number(1)), "{text}");
    assert!(text.contains("2,482.39"), "the total: {text}");

    let q = staff_view(&app, &id).await;
    assert_eq!(q["status"], "sent");
    assert!(q["sent_at"].is_string());
    assert_eq!((q["view_count"].as_i64(), q["first_viewed_at"].is_null()), (Some(0), true));

    let seen: Value = portal(&app, &token, Method::GET, &format!("/{id}"), None).await.json().await.unwrap();
    assert_eq!(seen["number"], number(1));
    assert_eq!(seen["totals"]["total_minor"], 248239);
    for staff_only in ["view_count", "first_viewed_at", "staff_id"] {
        assert!(seen.get(staff_only).is_none(), "{staff_only} is for staff");
    }
    let first = staff_view(&app, &id).await;
    assert_eq!(first["view_count"], 1);
    let first_at = first["first_viewed_at"].as_str().unwrap().to_string();
    portal(&app, &token, Method::GET, &format!("/{id}"), None).await;
    let second = staff_view(&app, &id).await;
    assert_eq!(second["view_count"], 2);
    assert_eq!(second["first_viewed_at"], first_at.as_str(), "the first view stays the first");
    assert_eq!(second["updated_at"], q["updated_at"], "a view changes nothing in the quote");

    // Staff viewing the portal as Maria: not a view.
    let staff = bearer(&staff_login(&app, OWNER).await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{cid}/impersonate")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let viewer = bearer(&res.json().await.unwrap());
    let res = portal(&app, &viewer, Method::GET, &format!("/{id}"), None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(staff_view(&app, &id).await["view_count"], 2, "not counted");
    // ... and it cannot decide for her.
    problem(accept(&app, &viewer, &id).await, 403).await;
    problem(portal(&app, &viewer, Method::POST, &format!("/{id}/decline"), Some(json!({}))).await, 403).await;

    assert_eq!(verbs(&app, &id), vec!["created", "sent", "viewed"], "the first view only");
}

async fn accepting_starts_one_project(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let id = sent(&app, &cid, "Brand refresh").await;
    let owner_emails = app.smtp.count_to(OWNER);
    let res = accept(&app, &token, &id).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["quote"]["status"], "accepted");
    assert!(body["quote"]["decided_at"].is_string());
    let project_id = body["project_id"].as_str().unwrap().to_string();
    assert_eq!(body["quote"]["project_id"], project_id.as_str());

    let project: Value = app.get(&format!("/api/v1/projects/{project_id}")).await.json().await.unwrap();
    assert_eq!(project["name"], "Brand refresh");
    assert_eq!(project["status"], "active");
    assert_eq!(project["client_id"], cid.as_str());
    let tasks: Vec<&str> = project["tasks"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(tasks, vec!["Logo design", "Brand guidelines", "Stationery set"], "the lines, in order");
    // Maria sees it in her portal.
    let mine = app.req_as(&token, Method::GET, &format!("/api/v1/portal/projects/{project_id}")).send().await.unwrap();
    assert_eq!(mine.status(), 200);

    let mail = app.smtp.nth_to(OWNER, owner_emails + 1).await;
    assert!(mail.decoded().contains(&format!("https://portal.test/app/quotes/{id}")), "{}", mail.decoded());
    assert!(crate::deliverables::subject_of(&mail).contains("Maria Lopez accepted quote"));
    assert_eq!(verbs(&app, &id), vec!["created", "sent", "accepted"]);
    assert_eq!(verbs(&app, &project_id), vec!["created"]);

    // Once.
    let before = staff_view(&app, &id).await;
    let p = problem(accept(&app, &token, &id).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("is accepted"), "{p}");
    assert_eq!(staff_view(&app, &id).await, before);
}

async fn fifty_concurrent_accepts_make_one_project(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let id = sent(&app, &cid, "Race for the project").await;
    let accepts = (0..50).map(|_| {
        let req = app.req_as(&token, Method::POST, &format!("{PORTAL}/{id}/accept")).json(&json!({}));
        async move { req.send().await.unwrap().status().as_u16() }
    });
    let statuses = futures_util::future::join_all(accepts).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 49, "{statuses:?}");
    let projects: Value = app.get(&format!("/api/v1/projects?client_id={cid}")).await.json().await.unwrap();
    let named: Vec<&Value> =
        projects["items"].as_array().unwrap().iter().filter(|p| p["name"] == "Race for the project").collect();
    assert_eq!(named.len(), 1, "one project");
    assert_eq!(staff_view(&app, &id).await["project_id"], named[0]["id"]);
}

async fn changes_are_requested_revised_and_resent(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let id = sent(&app, &cid, "Brand refresh").await;
    let path = format!("/{id}/request-changes");
    for body in [json!({}), json!({ "comment": "   " }), json!({ "comment": "x".repeat(2001) })] {
        let p = problem(portal(&app, &token, Method::POST, &path, Some(body)).await, 422).await;
        assert_eq!(fields(&p), vec!["comment"]);
    }
    assert_eq!(staff_view(&app, &id).await["status"], "sent", "nothing changed");

    let owner_emails = app.smtp.count_to(OWNER);
    let res = portal(&app, &token, Method::POST, &path, Some(json!({ "comment": " Split the logo work? " }))).await;
    assert_eq!(res.status(), 200);
    let q: Value = res.json().await.unwrap();
    assert_eq!(q["status"], "changes_requested");
    assert_eq!(q["decision_comment"], "Split the logo work?");
    let mail = app.smtp.nth_to(OWNER, owner_emails + 1).await;
    assert!(mail.decoded().contains("Split the logo work?"));
    assert!(crate::deliverables::subject_of(&mail).contains("asked for changes"));

    // Staff revise: revision 2 is a draft for them until it is sent.
    let res = app.post(&format!("{QUOTES}/{id}/revise"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let q: Value = res.json().await.unwrap();
    assert_eq!((q["revision"].as_i64(), q["status"].as_str()), (Some(2), Some("draft")));
    assert_eq!(q["number"], number(1), "same number");
    assert!(q["decision_comment"].is_null());
    assert_eq!(q["revisions"][0]["revision"], 1);
    assert_eq!(q["revisions"][0]["status"], "changes_requested");
    assert_eq!(q["revisions"][0]["comment"], "Split the logo work?");

    let new_lines = json!([{ "description": "Logo design, phase 1", "quantity": 1, "unit_price_minor": 60000, "tax_rate_bp": 2000 }]);
    let res = app.patch(&format!("{QUOTES}/{id}"), &json!({ "lines": new_lines, "notes": "Phase 2 later." })).await;
    assert_eq!(res.status(), 200);
    let q: Value = res.json().await.unwrap();
    assert_eq!(q["totals"]["total_minor"], 72000);

    // Meanwhile the client keeps revision 1 as sent, marked as being revised: the link, the
    // list and the PDF still work, the draft's edits do not show, and no decision is open.
    let kept: Value = portal(&app, &token, Method::GET, &format!("/{id}"), None).await.json().await.unwrap();
    assert_eq!(kept["being_revised"], true, "{kept}");
    assert_eq!((kept["revision"].as_i64(), kept["status"].as_str()), (Some(1), Some("changes_requested")));
    assert_eq!(kept["lines"].as_array().unwrap().len(), 3, "revision 1's lines, not the draft's");
    assert_eq!(kept["totals"]["total_minor"], 248239);
    assert!(kept["notes"] != "Phase 2 later.", "{kept}");
    assert_eq!(kept["revisions"], json!([]), "revision 1 is the one shown");
    for state in ["", "?state=open"] {
        let list: Value = portal(&app, &token, Method::GET, state, None).await.json().await.unwrap();
        let listed = &list["items"][0];
        assert_eq!((listed["id"].as_str(), listed["revision"].as_i64()), (Some(id.as_str()), Some(1)), "{list}");
        assert_eq!((listed["being_revised"].as_bool(), listed["total_minor"].as_i64()), (Some(true), Some(248239)));
    }
    let pdf = portal(&app, &token, Method::GET, &format!("/{id}/pdf"), None).await;
    assert_eq!(pdf.status(), 200);
    let p = problem(accept(&app, &token, &id).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("being revised"), "{p}");
    let maria_emails = app.smtp.count_to(MARIA);
    assert_eq!(app.post(&format!("{QUOTES}/{id}/send"), &json!({})).await.status(), 200);
    assert!(app.smtp.nth_to(MARIA, maria_emails + 1).await.decoded().contains("Revised quote"));

    // Both see the current revision and can read the old one.
    let now: Value = portal(&app, &token, Method::GET, &format!("/{id}"), None).await.json().await.unwrap();
    assert_eq!((now["revision"].as_i64(), now["status"].as_str()), (Some(2), Some("sent")));
    assert_eq!(now["lines"][0]["description"], "Logo design, phase 1");
    for (token, base) in [(&token, PORTAL), (&app.key, QUOTES)] {
        let res = app.req_as(token, Method::GET, &format!("{base}/{id}/revisions/1")).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let old: Value = res.json().await.unwrap();
        assert_eq!(old["revision"], 1);
        assert_eq!(old["lines"].as_array().unwrap().len(), 3);
        assert_eq!(old["totals"]["total_minor"], 248239);
        assert_eq!(old["comment"], "Split the logo work?");
        assert!(old["sent_at"].is_string());
        problem(app.req_as(token, Method::GET, &format!("{base}/{id}/revisions/2")).send().await.unwrap(), 404).await;
    }
    let expected = ["created", "sent", "changes_requested", "revised", "updated", "viewed", "sent"];
    assert_eq!(verbs(&app, &id), expected);
    assert_eq!(activity(&app, &id)[2].1["comment"], "Split the logo work?");

    // And accept the new revision.
    assert_eq!(accept(&app, &token, &id).await.status(), 200);
}

async fn declining_with_or_without_a_comment(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let a = sent(&app, &cid, "Website").await;
    let b = sent(&app, &cid, "Print").await;
    let owner_emails = app.smtp.count_to(OWNER);
    let res =
        portal(&app, &token, Method::POST, &format!("/{a}/decline"), Some(json!({ "comment": "Too dear." }))).await;
    assert_eq!(res.status(), 200);
    let q: Value = res.json().await.unwrap();
    assert_eq!((q["status"].as_str(), q["decision_comment"].as_str()), (Some("declined"), Some("Too dear.")));
    let res = portal(&app, &token, Method::POST, &format!("/{b}/decline"), Some(json!({}))).await;
    assert_eq!(res.status(), 200);
    let mail = app.smtp.nth_to(OWNER, owner_emails + 1).await;
    assert!(crate::deliverables::subject_of(&mail).contains("declined quote"));
    app.smtp.nth_to(OWNER, owner_emails + 2).await;
    let closed: Value = portal(&app, &token, Method::GET, "?state=closed", None).await.json().await.unwrap();
    assert_eq!(closed["items"].as_array().unwrap().len(), 2);
    assert_eq!(activity(&app, &a).last().unwrap().1["comment"], "Too dear.");
}

async fn only_staff_undo_an_acceptance(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let id = sent(&app, &cid, "Brand refresh").await;
    let project_id =
        accept(&app, &token, &id).await.json::<Value>().await.unwrap()["project_id"].as_str().unwrap().to_string();
    let path = format!("{QUOTES}/{id}/undo-acceptance");
    let before = staff_view(&app, &id).await;
    problem(app.post(&path, &json!({ "reason": "Key says so" })).await, 403).await;
    let staff = bearer(&staff_login(&app, OWNER).await);
    let undo = |body: Value| app.req_as(&staff, Method::POST, &path).json(&body).send();
    let p = problem(undo(json!({ "reason": "  " })).await.unwrap(), 422).await;
    assert_eq!(fields(&p), vec!["reason"]);
    problem(undo(json!({})).await.unwrap(), 422).await;
    assert_eq!(staff_view(&app, &id).await, before, "nothing changed");

    let res = undo(json!({ "reason": "Accepted by mistake" })).await.unwrap();
    assert_eq!(res.status(), 200);
    let q: Value = res.json().await.unwrap();
    assert_eq!(q["status"], "sent");
    assert!(q["project_id"].is_null());
    assert!(q["decided_at"].is_null());
    // The project stays.
    assert_eq!(app.get(&format!("/api/v1/projects/{project_id}")).await.status(), 200);
    let (verb, data, actor) = activity(&app, &id).pop().unwrap();
    assert_eq!(verb, "acceptance_undone");
    assert_eq!(data["reason"], "Accepted by mistake");
    assert_eq!(data["project_id"], project_id.as_str());
    assert_eq!(actor.as_deref(), Some("staff"));
    // Twice: not accepted any more.
    problem(undo(json!({ "reason": "Again" })).await.unwrap(), 409).await;
    // The client can decide again.
    assert_eq!(accept(&app, &token, &id).await.status(), 200);
}

async fn forbidden_moves_are_409_and_change_nothing(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let staff = bearer(&staff_login(&app, OWNER).await);
    let draft_id = draft(&app, &cid, "Draft").await;
    let sent_id = sent(&app, &cid, "Sent").await;
    let expired = sent(&app, &cid, "Expired").await;
    set_valid_until(&app, &expired, today() - Duration::days(1));
    let accepted = sent(&app, &cid, "Accepted").await;
    assert_eq!(accept(&app, &token, &accepted).await.status(), 200);
    let declined = sent(&app, &cid, "Declined").await;
    portal(&app, &token, Method::POST, &format!("/{declined}/decline"), Some(json!({}))).await;
    let changes = sent(&app, &cid, "Changes").await;
    let path = format!("/{changes}/request-changes");
    portal(&app, &token, Method::POST, &path, Some(json!({ "comment": "Less" }))).await;

    assert_eq!(staff_view(&app, &expired).await["status"], "expired");
    let staff_moves = |id: &str| {
        vec![
            (Method::PATCH, format!("{QUOTES}/{id}"), json!({ "title": "New" }), "edited"),
            (Method::POST, format!("{QUOTES}/{id}/send"), json!({}), "sent"),
            (Method::POST, format!("{QUOTES}/{id}/revise"), json!({}), "revised"),
            (Method::POST, format!("{QUOTES}/{id}/undo-acceptance"), json!({ "reason": "r" }), "un-accepted"),
        ]
    };
    let client_moves = |id: &str| {
        vec![
            (Method::POST, format!("{PORTAL}/{id}/accept"), json!({}), "accepted"),
            (Method::POST, format!("{PORTAL}/{id}/request-changes"), json!({ "comment": "c" }), "sent back"),
            (Method::POST, format!("{PORTAL}/{id}/decline"), json!({}), "declined"),
        ]
    };
    // (quote, its status, which staff moves are allowed, whether client moves are allowed)
    let cases = [
        (&draft_id, "a draft", vec!["edited", "sent"]),
        (&sent_id, "sent and waiting", vec!["revised"]),
        (&expired, "expired", vec!["revised"]),
        (&accepted, "accepted", vec!["un-accepted"]),
        (&declined, "declined", vec![]),
        (&changes, "waiting for the changes", vec!["revised"]),
    ];
    let mut refused = 0;
    for (id, phrase, allowed) in &cases {
        let mut moves: Vec<(Method, String, Value, &str, &String)> = staff_moves(id.as_str())
            .into_iter()
            .filter(|m| !allowed.contains(&m.3))
            .map(|m| (m.0, m.1, m.2, m.3, &staff))
            .collect();
        // Drafts are 404 to the client, and sent ones are theirs to decide.
        if !["a draft", "sent and waiting"].contains(phrase) {
            moves.extend(client_moves(id.as_str()).into_iter().map(|m| (m.0, m.1, m.2, m.3, &token)));
        }
        for (method, url, body, action, who) in moves {
            let before = staff_view(&app, id).await;
            let res = app.req_as(who, method, &url).json(&body).send().await.unwrap();
            let p = problem(res, 409).await;
            let detail = p["detail"].as_str().unwrap();
            assert!(detail.contains(phrase), "{url}: {detail}");
            assert!(detail.contains(action), "{url}: {detail}");
            assert!(detail.contains("from here"), "says what is possible: {detail}");
            assert_eq!(staff_view(&app, id).await, before, "{url} changed the quote");
            refused += 1;
        }
    }
    assert!(refused >= 25, "{refused} refusals checked");
    // A draft whose last day has passed cannot be sent.
    set_valid_until(&app, &draft_id, today() - Duration::days(2));
    let p = problem(app.post(&format!("{QUOTES}/{draft_id}/send"), &json!({})).await, 422).await;
    assert_eq!(fields(&p), vec!["valid_until"]);
    assert_eq!(staff_view(&app, &draft_id).await["status"], "draft");
}

async fn lists_filter_by_status_client_and_search(app: TestApp) {
    let (cid, _) = maria(&app).await;
    let james = app.client("James Whitfield", "james@whitfield.example").await;
    let jid = james["id"].as_str().unwrap();
    draft(&app, &cid, "Brand refresh").await;
    let s = sent(&app, &cid, "Website").await;
    let e = sent(&app, jid, "Bakery menu").await;
    set_valid_until(&app, &e, today() - Duration::days(1));
    let ids = |v: Value| -> Vec<String> {
        v["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids(app.get(&format!("{QUOTES}?status=sent")).await.json().await.unwrap()), vec![s.clone()]);
    assert_eq!(ids(app.get(&format!("{QUOTES}?status=expired")).await.json().await.unwrap()), vec![e.clone()]);
    assert_eq!(ids(app.get(&format!("{QUOTES}?client_id={jid}")).await.json().await.unwrap()), vec![e.clone()]);
    assert_eq!(ids(app.get(&format!("{QUOTES}?q=whitfield")).await.json().await.unwrap()), vec![e]);
    assert_eq!(ids(app.get(&format!("{QUOTES}?q={}", number(2))).await.json().await.unwrap()), vec![s]);
    problem(app.get(&format!("{QUOTES}?status=lost")).await, 400).await;
    let page: Value = app.get(&format!("{QUOTES}?limit=2")).await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let next: Value = app
        .get(&format!("{QUOTES}?limit=2&cursor={}", page["next_cursor"].as_str().unwrap()))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(next["items"].as_array().unwrap().len(), 1);
    assert!(next["next_cursor"].is_null());
    // Another tenant sees none of them.
    let (_, other) = app.other_tenant("globex");
    let theirs: Value = app.req_as(&other, Method::GET, QUOTES).send().await.unwrap().json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));
    problem(app.req_as(&other, Method::GET, &format!("{QUOTES}/{}", ids(page)[0])).send().await.unwrap(), 404).await;
}

async fn pdf_is_the_same_for_staff_and_client(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let id = sent(&app, &cid, "Brand refresh").await;
    let staff = app.get(&format!("{QUOTES}/{id}/pdf")).await;
    assert_eq!(staff.status(), 200);
    assert_eq!(staff.headers()["content-type"], "application/pdf");
    let disposition = format!("attachment; filename=\"{0}.pdf\"; filename*=UTF-8''{0}.pdf", number(1));
    assert_eq!(staff.headers()["content-disposition"], disposition.as_str());
    assert_eq!(staff.headers()["cache-control"], "private, no-store", "nobody else's copy");
    let staff_bytes = staff.bytes().await.unwrap();
    // The client's view in between changes nothing in the document.
    portal(&app, &token, Method::GET, &format!("/{id}"), None).await;
    let client = portal(&app, &token, Method::GET, &format!("/{id}/pdf"), None).await;
    assert_eq!(client.status(), 200);
    assert_eq!(client.headers()["content-disposition"], disposition.as_str());
    let client_bytes = client.bytes().await.unwrap();
    assert_eq!(staff_bytes, client_bytes, "the same bytes");

    let text = pdf_text(&staff_bytes);
    for expected in
        [number(1).as_str(), "Maria Lopez", "Logo design", "Brand guidelines", "Stationery set", "€2,482.39"]
    {
        assert!(text.contains(expected), "the PDF holds {expected}: {text}");
    }
    // Once accepted, it says so.
    assert_eq!(accept(&app, &token, &id).await.status(), 200);
    let bytes = app.get(&format!("{QUOTES}/{id}/pdf")).await.bytes().await.unwrap();
    assert!(pdf_text(&bytes).contains("ACCEPTED"));
}

/// The text of a PDF, as `pdftotext` extracts it.
fn pdf_text(bytes: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) is installed");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pdftotext reads the PDF");
    String::from_utf8_lossy(&out.stdout).to_string()
}

both!(
    totals_are_computed_per_line_and_numbers_given,
    concurrent_creates_get_consecutive_numbers,
    drafts_never_reach_the_client,
    sending_emails_the_client_and_views_are_counted,
    accepting_starts_one_project,
    fifty_concurrent_accepts_make_one_project,
    changes_are_requested_revised_and_resent,
    declining_with_or_without_a_comment,
    forbidden_moves_are_409_and_change_nothing,
    lists_filter_by_status_client_and_search,
    pdf_is_the_same_for_staff_and_client,
    only_staff_undo_an_acceptance,
);
