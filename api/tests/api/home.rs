//! The console's home page and the client page's overview: what needs attention, counted
//! and listed on a seeded tenant, scoped to the caller's business, on both databases.

use chrono::{Duration, SecondsFormat, Utc};
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::appointments::{booked, service};
use crate::both;
use crate::files::upload;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, problem};
use crate::invoices::{sent_invoice, today};
use crate::projects::create_project;

/// An instant `hours` from now, as the API takes it.
fn in_hours(hours: i64) -> String {
    (Utc::now() + Duration::hours(hours)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Moves an invoice's due date `days` into the past, as time passing would.
fn overdue_by(app: &TestApp, id: &str, days: i64) {
    use portico::db::schema::invoices::dsl;
    let mut conn = app.db.conn().unwrap();
    diesel::update(dsl::invoices.filter(dsl::id.eq(id)))
        .set((
            dsl::issue_date.eq(today() - Duration::days(days + 30)),
            dsl::due_date.eq(today() - Duration::days(days)),
        ))
        .execute(&mut conn)
        .unwrap();
}

async fn home(app: &TestApp) -> Value {
    home_as(app, &app.key).await
}

async fn home_as(app: &TestApp, token: &str) -> Value {
    let res = app.req_as(token, Method::GET, "/api/v1/home").send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// What a busy morning looks like: Maria has an appointment in two hours, a quote and a
/// contract waiting, a deliverable to approve, an overdue invoice and a message unread by
/// staff; a lead came through the intake form.
async fn the_home_page_lists_what_needs_attention(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let maria_id = maria["id"].as_str().unwrap();
    let token = bearer(&client_login(&app, "maria@example.com").await);

    let empty = home(&app).await;
    for list in ["appointments", "waiting_on_clients", "overdue_invoices", "unread_threads"] {
        assert_eq!(empty[list], json!([]), "{list} on an empty day: {empty}");
    }

    let sid = service(&app, "Consultation", 30).await;
    // Two hours from now is today or tomorrow in Paris whatever the hour the test runs.
    let soon = booked(&app, json!({ "client_id": maria_id, "service_id": sid, "starts_at": in_hours(2) })).await;
    booked(&app, json!({ "client_id": maria_id, "service_id": sid, "starts_at": in_hours(24 * 5) })).await;

    let line = json!({ "description": "Logo", "quantity": "1", "unit_price_minor": 50000, "tax_rate_bp": 0 });
    let res = app.post("/api/v1/quotes", &json!({ "client_id": maria_id, "title": "Logo", "lines": [line] })).await;
    let quote: Value = res.json().await.unwrap();
    let quote_id = quote["id"].as_str().unwrap();
    assert_eq!(app.post(&format!("/api/v1/quotes/{quote_id}/send"), &json!({})).await.status(), 200);
    let res = app.req_as(&token, Method::GET, &format!("/api/v1/portal/quotes/{quote_id}")).send().await.unwrap();
    assert_eq!(res.status(), 200, "Maria opens the quote");

    let body = json!({ "client_id": maria_id, "title": "Agreement", "body": "We agree." });
    let contract: Value = app.post("/api/v1/contracts", &body).await.json().await.unwrap();
    let contract_id = contract["id"].as_str().unwrap();
    assert_eq!(app.post(&format!("/api/v1/contracts/{contract_id}/send"), &json!({})).await.status(), 200);

    let project = create_project(&app, maria_id, "Website").await;
    let project_id = project["id"].as_str().unwrap();
    let d: Value = app
        .post(&format!("/api/v1/projects/{project_id}/deliverables"), &json!({ "title": "Mock-ups" }))
        .await
        .json()
        .await
        .unwrap();
    let submit = format!("/api/v1/deliverables/{}/submit", d["id"].as_str().unwrap());
    assert_eq!(app.post(&submit, &json!({ "note": null })).await.status(), 200);

    let overdue = sent_invoice(&app, maria_id, 12_000).await;
    let overdue_id = overdue["id"].as_str().unwrap();
    overdue_by(&app, overdue_id, 9);
    sent_invoice(&app, maria_id, 3_000).await;

    let res = app
        .req_as(&token, Method::POST, &format!("/api/v1/portal/projects/{project_id}/threads"))
        .json(&json!({ "title": "Colours", "body": "Could the blue be darker?" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "Maria writes");

    let res =
        app.post("/api/v1/clients", &json!({ "name": "Lea Lead", "email": "lea@example.com", "status": "lead" })).await;
    assert_eq!(res.status(), 201);

    // Read marks are a person's: the owner looks, logged in.
    let owner = bearer(&staff_login(&app, "owner@acme.example").await);
    let h = home_as(&app, &owner).await;
    assert_eq!(h["today"], json!(today()), "{h}");
    assert_eq!(h["time_zone"], "Europe/Paris");

    let appointments = h["appointments"].as_array().unwrap();
    assert_eq!(appointments.len(), 1, "only today's and tomorrow's: {h}");
    assert_eq!(appointments[0]["id"], soon["id"]);
    assert_eq!(appointments[0]["client"]["name"], "Maria Lopez");
    assert_eq!(appointments[0]["service_name"], "Consultation");

    let waiting = h["waiting_on_clients"].as_array().unwrap();
    let kinds: Vec<&str> = waiting.iter().map(|w| w["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["quote", "contract", "deliverable"], "waiting longest first: {h}");
    assert_eq!(waiting[0]["id"], quote_id);
    assert_eq!(waiting[0]["number"], quote["number"]);
    assert!(waiting[0]["viewed_at"].is_string(), "Maria opened the quote: {h}");
    assert!(waiting[1]["viewed_at"].is_null(), "nor the contract yet: {h}");
    assert_eq!(waiting[2]["project_id"], project_id, "a deliverable links through its project");
    assert!(waiting.iter().all(|w| w["client"]["id"] == maria_id && w["since"].is_string()));

    let overdue_list = h["overdue_invoices"].as_array().unwrap();
    assert_eq!(overdue_list.len(), 1, "{h}");
    assert_eq!(overdue_list[0]["id"], overdue_id);
    assert_eq!(overdue_list[0]["days_overdue"], 9);
    assert_eq!(overdue_list[0]["due_minor"], 12_000);
    assert_eq!(
        h["outstanding"],
        json!([{ "currency": "EUR", "amount_minor": 15_000, "overdue_minor": 12_000 }]),
        "both invoices are owed, one of them late"
    );

    let leads: Vec<&str> = h["new_leads"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(leads, ["Lea Lead"]);

    let unread = h["unread_threads"].as_array().unwrap();
    assert_eq!(unread.len(), 1, "{h}");
    assert_eq!(unread[0]["title"], "Colours");
    assert_eq!(unread[0]["project_id"], project_id);
    assert_eq!(unread[0]["unread_count"], 1);
    assert_eq!(unread[0]["client"]["name"], "Maria Lopez");

    assert_eq!(
        h["counts"],
        json!({ "appointments": 1, "waiting_on_clients": 3, "overdue_invoices": 1, "new_leads": 1,
                "form_submissions": 0, "unread_threads": 1 })
    );
    let recent = h["recent_activity"].as_array().unwrap();
    assert!(recent.len() >= 10, "{h}");
    assert!(recent.iter().any(|a| a["kind"] == "client.created" && a["client_name"] == "Lea Lead"), "{h}");

    // Staff read the thread: it leaves the list.
    let thread_id = unread[0]["id"].as_str().unwrap();
    let res = app.req_as(&owner, Method::POST, &format!("/api/v1/threads/{thread_id}/read")).send().await.unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    let h = home_as(&app, &owner).await;
    assert_eq!(h["unread_threads"], json!([]), "{h}");
    assert_eq!(h["counts"]["unread_threads"], 0);

    // Another business sees none of it.
    let (_, other_key) = app.other_tenant("elsewhere");
    let res = app.req_as(&other_key, Method::GET, "/api/v1/home").send().await.unwrap();
    let other: Value = res.json().await.unwrap();
    for list in ["appointments", "waiting_on_clients", "overdue_invoices", "new_leads", "outstanding"] {
        assert_eq!(other[list], json!([]), "{list} leaks across tenants: {other}");
    }
    let theirs = other["recent_activity"].as_array().unwrap();
    assert!(theirs.iter().all(|a| a["client_id"].is_null()), "only their own setup: {other}");
    assert!(!other.to_string().contains(maria_id), "{other}");
}

/// The client page's lists: everything of this client and nothing of another's.
async fn the_client_overview_holds_the_whole_relationship(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let maria_id = maria["id"].as_str().unwrap();
    let other = app.client("Otto Other", "otto@example.com").await;
    let other_id = other["id"].as_str().unwrap();
    let sid = service(&app, "Consultation", 30).await;
    for (n, client) in [maria_id, other_id].into_iter().enumerate() {
        let starts_at = in_hours(48 + n as i64 * 2);
        booked(&app, json!({ "client_id": client, "service_id": sid, "starts_at": starts_at })).await;
        create_project(&app, client, "Website").await;
        sent_invoice(&app, client, 10_000).await;
    }
    let late = sent_invoice(&app, maria_id, 2_500).await;
    overdue_by(&app, late["id"].as_str().unwrap(), 3);
    let project = create_project(&app, maria_id, "Brand book").await;
    let project_id = project["id"].as_str().unwrap();
    upload(&app, project_id, "brief.pdf", b"%PDF-1.4\n%%EOF\n", false).await;

    let res = app.get(&format!("/api/v1/clients/{maria_id}/overview")).await;
    assert_eq!(res.status(), 200);
    let o: Value = res.json().await.unwrap();
    assert_eq!(o["client_id"], maria_id);
    assert_eq!(o["upcoming_appointments"].as_array().unwrap().len(), 1, "{o}");
    assert_eq!(o["past_appointments"], json!([]));
    let projects: Vec<&str> = o["projects"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(projects.len(), 2, "{o}");
    assert!(projects.contains(&"Brand book"));
    assert_eq!(o["invoices"].as_array().unwrap().len(), 2);
    assert!(o["invoices"].as_array().unwrap().iter().any(|i| i["overdue"] == true && i["due_minor"] == 2_500));
    assert_eq!(o["outstanding"], json!([{ "currency": "EUR", "amount_minor": 12_500, "overdue_minor": 2_500 }]));
    let files = o["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{o}");
    assert_eq!(files[0]["name"], "brief.pdf");
    assert_eq!((files[0]["preview"].as_str(), files[0]["thumbnail"].as_bool()), (Some("pdf"), Some(false)));
    assert_eq!(files[0]["project_name"], "Brand book");
    assert_eq!(o["counts"]["projects"], 2);
    assert_eq!(o["counts"]["invoices"], 2);
    assert_eq!(o["counts"]["files"], 1);
    assert_eq!(o["counts"]["appointments"], 1);

    // Not a client of this business: 404, the same for another tenant's client.
    let (_, other_key) = app.other_tenant("elsewhere");
    let res =
        app.req_as(&other_key, Method::GET, &format!("/api/v1/clients/{maria_id}/overview")).send().await.unwrap();
    problem(res, 404).await;
}

/// A quote written for a running project adds its lines to that project when accepted,
/// and keeps pointing at it when staff undo the acceptance.
async fn a_quote_for_a_running_project_adds_to_it(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let maria_id = maria["id"].as_str().unwrap();
    let token = bearer(&client_login(&app, "maria@example.com").await);
    let other = app.client("Otto Other", "otto@example.com").await;
    let project = create_project(&app, maria_id, "Website").await;
    let project_id = project["id"].as_str().unwrap();
    let others = create_project(&app, other["id"].as_str().unwrap(), "Otto's").await;

    let lines = json!([
        { "description": "Extra page", "quantity": "1", "unit_price_minor": 40000, "tax_rate_bp": 0 },
        { "description": "Contact form", "quantity": "1", "unit_price_minor": 20000, "tax_rate_bp": 0 },
    ]);
    let body = json!({ "client_id": maria_id, "title": "More pages", "lines": lines, "project_id": others["id"] });
    let p = problem(app.post("/api/v1/quotes", &body).await, 404).await;
    assert!(p.to_string().contains("project_id"), "another client's project is refused, named: {p}");

    let body = json!({ "client_id": maria_id, "title": "More pages", "lines": lines, "project_id": project_id });
    let res = app.post("/api/v1/quotes", &body).await;
    assert_eq!(res.status(), 201);
    let quote: Value = res.json().await.unwrap();
    assert_eq!(quote["project_id"], project_id);
    let quote_id = quote["id"].as_str().unwrap();
    assert_eq!(app.post(&format!("/api/v1/quotes/{quote_id}/send"), &json!({})).await.status(), 200);
    let res = app
        .req_as(&token, Method::POST, &format!("/api/v1/portal/quotes/{quote_id}/accept"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let accepted: Value = res.json().await.unwrap();
    assert_eq!(accepted["project_id"], project_id, "no new project: {accepted}");

    let list: Value = app.get(&format!("/api/v1/projects?client_id={maria_id}")).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "still one project: {list}");
    let detail: Value = app.get(&format!("/api/v1/projects/{project_id}")).await.json().await.unwrap();
    let titles: Vec<&str> = detail["tasks"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Extra page", "Contact form"], "{detail}");
    let activity: Value = app.get(&format!("/api/v1/projects/{project_id}/activity")).await.json().await.unwrap();
    assert!(
        activity["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "project.quote_accepted" && a["data"]["tasks_added"] == 2),
        "{activity}"
    );

    let owner = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app
        .req_as(&owner, Method::POST, &format!("/api/v1/quotes/{quote_id}/undo-acceptance"))
        .json(&json!({ "reason": "Wrong button" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let quote: Value = app.get(&format!("/api/v1/quotes/{quote_id}")).await.json().await.unwrap();
    assert_eq!(quote["status"], "sent");
    assert_eq!(quote["project_id"], project_id, "the chosen project stays the quote's: {quote}");
}

both!(
    the_home_page_lists_what_needs_attention,
    the_client_overview_holds_the_whole_relationship,
    a_quote_for_a_running_project_adds_to_it,
);
