//! Notifications in the portal: what the business does for a client shows behind that
//! client's bell and nobody else's (not another client, not another tenant); what the
//! client does themselves, and what only staff may see, never does. Read one, read all,
//! the unread count; staff viewing as the client read without marking. Email preferences:
//! an opted-out client still gets login codes but not notices, and every notice says how
//! to turn them off.

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::deliverables::subject_of;
use crate::flows::{bearer, client_login, mail_for, staff_login, verify};
use crate::helpers::{TestApp, problem};

const LIST: &str = "/api/v1/portal/notifications";
const COUNT: &str = "/api/v1/portal/notifications/unread-count";
const ORDERS: &str = "/api/v1/service-orders";
const MARIA: &str = "maria@lopez.es";
const NOAH: &str = "noah@cycles.fr";

async fn get_json(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.req_as(token, Method::GET, path).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    res.json().await.unwrap()
}

async fn post_as(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.req_as(token, Method::POST, path).send().await.unwrap()
}

async fn unread(app: &TestApp, token: &str) -> i64 {
    get_json(app, token, COUNT).await["unread_count"].as_i64().unwrap()
}

fn titles(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|n| n["title"].as_str().unwrap().to_string()).collect()
}

/// A service order for the client, by the tenant's key; returns its id.
async fn order(app: &TestApp, key: &str, client_id: &str, title: &str) -> String {
    let res =
        app.req_as(key, Method::POST, ORDERS).json(&json!({ "client_id": client_id, "title": title })).send().await;
    let res = res.unwrap();
    assert_eq!(res.status(), 201, "create order");
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

async fn move_order(app: &TestApp, key: &str, id: &str, status: &str) {
    let res = app
        .req_as(key, Method::POST, &format!("{ORDERS}/{id}/status"))
        .json(&json!({ "status": status, "note": "Parts arrived" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "move order to {status}");
}

/// Logs a client in to the portal of `slug`; returns the access token.
async fn login_at(app: &TestApp, slug: &str, email: &str) -> String {
    let base = format!("/api/v1/portal/{slug}/auth");
    let mail = mail_for(app, &format!("{base}/otp"), email).await;
    let res = verify(app, &base, email, &mail.code()).await;
    assert_eq!(res.status(), 200);
    bearer(&res.json().await.unwrap())
}

async fn a_staff_action_notifies_that_client_only(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let maria_id = maria["id"].as_str().unwrap();
    let noah = app.client("Noah Martin", NOAH).await;
    let noah_id = noah["id"].as_str().unwrap();
    let maria_token = bearer(&client_login(&app, MARIA).await);
    let noah_token = bearer(&client_login(&app, NOAH).await);
    // Being created and logging in are no news.
    let empty = get_json(&app, &maria_token, LIST).await;
    assert_eq!((empty["items"].clone(), empty["unread_count"].clone()), (json!([]), json!(0)));

    let id = order(&app, &app.key, maria_id, "Bike service").await;
    let mails = app.smtp.count_to(MARIA);
    move_order(&app, &app.key, &id, "in_progress").await;
    // Its email delivered, so the next login code is the next email.
    app.smtp.nth_to(MARIA, mails + 1).await;

    let page = get_json(&app, &maria_token, LIST).await;
    assert_eq!(titles(&page), ["Order SO-0001 is in progress", "New order SO-0001: Bike service"]);
    assert_eq!(page["unread_count"], 2);
    let newest = &page["items"][0];
    assert_eq!(newest["kind"], "order_status_changed");
    assert_eq!(newest["detail"], "Parts arrived");
    assert_eq!(newest["target"], json!({ "kind": "service_order", "id": id, "project_id": null }));
    assert_eq!(newest["read"], false);
    assert!(newest["at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(unread(&app, &maria_token).await, 2);

    // Noah sees nothing of it, and cannot mark it.
    let theirs = get_json(&app, &noah_token, LIST).await;
    assert_eq!((theirs["items"].clone(), theirs["unread_count"].clone()), (json!([]), json!(0)));
    let maria_note = newest["id"].as_str().unwrap();
    problem(post_as(&app, &noah_token, &format!("{LIST}/{maria_note}/read")).await, 404).await;
    assert_eq!(unread(&app, &maria_token).await, 2, "Noah's attempt changed nothing");

    // Another business, a client with the same email: its news stays there.
    let (_, other_key) = app.other_tenant("globex");
    let res =
        app.req_as(&other_key, Method::POST, "/api/v1/clients").json(&json!({ "name": "Maria L", "email": MARIA }));
    let other_maria: Value = res.send().await.unwrap().json().await.unwrap();
    let globex_token = login_at(&app, "globex", MARIA).await;
    let other_order = order(&app, &other_key, other_maria["id"].as_str().unwrap(), "Globex job").await;
    move_order(&app, &other_key, &other_order, "in_progress").await;
    assert_eq!(titles(&get_json(&app, &globex_token, LIST).await).len(), 2);
    assert_eq!(get_json(&app, &maria_token, LIST).await["unread_count"], 2, "acme's Maria: still her own two");
    problem(post_as(&app, &globex_token, &format!("{LIST}/{maria_note}/read")).await, 404).await;

    // Noah's own order is his news, not Maria's.
    let _ = order(&app, &app.key, noah_id, "Wheel truing").await;
    assert_eq!(unread(&app, &noah_token).await, 1);
    assert_eq!(unread(&app, &maria_token).await, 2);
}

struct Project {
    id: String,
    maria: String,
}

/// Maria with a project the business created for her, logged in.
async fn project(app: &TestApp) -> Project {
    let maria = app.client("Maria Lopez", MARIA).await;
    let body = json!({ "client_id": maria["id"], "name": "Brand refresh", "status": "active" });
    let res = app.post("/api/v1/projects", &body).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let maria = bearer(&client_login(app, MARIA).await);
    Project { id, maria }
}

async fn what_the_client_does_or_only_staff_see_is_not_news(app: TestApp) {
    let p = project(&app).await;
    assert_eq!(titles(&get_json(&app, &p.maria, LIST).await), ["New project: Brand refresh"]);

    // Maria starts a thread and posts in it: her own doing.
    let path = format!("/api/v1/portal/projects/{}/threads", p.id);
    let res = app.req_as(&p.maria, Method::POST, &path).json(&json!({ "title": "Fonts", "body": "Which ones?" }));
    let res = res.send().await.unwrap();
    assert_eq!(res.status(), 201);
    let thread = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    // Staff keep an internal note: never the client's business.
    let res = app
        .post(
            &format!("/api/v1/projects/{}/threads", p.id),
            &json!({ "title": "Budget", "body": "Tight", "internal": true }),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(unread(&app, &p.maria).await, 1, "only the project's creation");

    // The business answers her: that is news, and it leads to the thread.
    let res = app.post(&format!("/api/v1/threads/{thread}/messages"), &json!({ "body": "Inter and Lora." })).await;
    assert_eq!(res.status(), 201);
    let page = get_json(&app, &p.maria, LIST).await;
    assert_eq!(titles(&page), ["New message in “Fonts”", "New project: Brand refresh"]);
    assert_eq!(page["items"][0]["kind"], "message_posted");
    assert_eq!(page["items"][0]["target"], json!({ "kind": "thread", "id": thread, "project_id": p.id }));
    assert_eq!(page["items"][1]["target"], json!({ "kind": "project", "id": p.id, "project_id": null }));
    assert_eq!(page["unread_count"], 2);
}

async fn notifications_are_read_one_by_one_or_all_at_once(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let maria_id = maria["id"].as_str().unwrap();
    let token = bearer(&client_login(&app, MARIA).await);
    let id = order(&app, &app.key, maria_id, "Bike service").await;
    move_order(&app, &app.key, &id, "in_progress").await;
    move_order(&app, &app.key, &id, "ready").await;
    let page = get_json(&app, &token, LIST).await;
    assert_eq!(page["unread_count"], 3);
    let ids: Vec<String> = page["items"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().into()).collect();

    // Staff viewing the portal as Maria read the same list, and mark nothing.
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = post_as(&app, &staff, &format!("/api/v1/clients/{maria_id}/impersonate")).await;
    let view = bearer(&res.json().await.unwrap());
    assert_eq!(get_json(&app, &view, LIST).await["items"], page["items"]);
    for path in [format!("{LIST}/{}/read", ids[1]), format!("{LIST}/read-all")] {
        let body = problem(post_as(&app, &view, &path).await, 403).await;
        assert!(body["detail"].as_str().unwrap().contains("read-only"), "{body}");
    }
    assert_eq!(unread(&app, &token).await, 3, "viewing as the client marked nothing");

    // One read: the count drops, the item says so; reading it again changes nothing.
    let res = post_as(&app, &token, &format!("{LIST}/{}/read", ids[1])).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["unread_count"], 2);
    let res = post_as(&app, &token, &format!("{LIST}/{}/read", ids[1])).await;
    assert_eq!(res.json::<Value>().await.unwrap()["unread_count"], 2);
    let page = get_json(&app, &token, LIST).await;
    let read: Vec<bool> = page["items"].as_array().unwrap().iter().map(|n| n["read"].as_bool().unwrap()).collect();
    assert_eq!(read, [false, true, false]);

    // Not a notification (her own login), or no such id: 404.
    let login_entry = {
        use portico::db::schema::activity::dsl;
        let mut conn = app.db.conn().unwrap();
        dsl::activity
            .filter(dsl::client_id.eq(maria_id))
            .filter(dsl::verb.eq("logged_in"))
            .select(dsl::id)
            .first::<String>(&mut *conn)
            .unwrap()
    };
    problem(post_as(&app, &token, &format!("{LIST}/{login_entry}/read")).await, 404).await;
    problem(post_as(&app, &token, &format!("{LIST}/nope/read")).await, 404).await;

    // Pages follow the cursor, newest first, with the same read marks.
    let first = get_json(&app, &token, &format!("{LIST}?limit=2")).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = get_json(&app, &token, &format!("{LIST}?limit=2&cursor={cursor}")).await;
    assert_eq!(rest["items"][0]["id"], ids[2].as_str());
    assert_eq!(rest["next_cursor"], json!(null));
    problem(app.req_as(&token, Method::GET, &format!("{LIST}?limit=0")).send().await.unwrap(), 400).await;

    // All read; what happens next is unread again.
    let res = post_as(&app, &token, &format!("{LIST}/read-all")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["unread_count"], 0);
    let page = get_json(&app, &token, LIST).await;
    assert!(page["items"].as_array().unwrap().iter().all(|n| n["read"] == true), "{page}");
    move_order(&app, &app.key, &id, "delivered").await;
    let page = get_json(&app, &token, LIST).await;
    assert_eq!(page["unread_count"], 1);
    assert_eq!(page["items"][0]["title"], "Order SO-0001 has been delivered");
    assert_eq!(page["items"][0]["read"], false);
    // Reading everything twice is fine.
    assert_eq!(post_as(&app, &token, &format!("{LIST}/read-all")).await.status(), 200);
    assert_eq!(post_as(&app, &token, &format!("{LIST}/read-all")).await.status(), 200);
    assert_eq!(unread(&app, &token).await, 0);

    // Only a logged-in client has notifications.
    problem(app.http.get(app.url(LIST)).send().await.unwrap(), 401).await;
    problem(app.req_as(&staff, Method::GET, LIST).send().await.unwrap(), 403).await;
}

/// The outbox rows addressed to `to` whose subject starts with `prefix`, sent or not.
fn queued(app: &TestApp, to: &str, prefix: &str) -> usize {
    use portico::db::schema::outbox::dsl;
    let mut conn = app.db.conn().unwrap();
    let payloads: Vec<String> =
        dsl::outbox.filter(dsl::kind.eq("email")).select(dsl::payload).load(&mut *conn).unwrap();
    payloads
        .iter()
        .filter_map(|p| serde_json::from_str::<Value>(p).ok())
        .filter(|m| m["to"] == to && m["subject"].as_str().unwrap_or("").starts_with(prefix))
        .count()
}

async fn an_opted_out_client_gets_login_codes_but_no_notices(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let maria_id = maria["id"].as_str().unwrap().to_string();
    assert_eq!(maria["email_opt_out"], false);
    // In by her invitation's link, so the login code asked for later is her first.
    let res = app.post(&format!("/api/v1/clients/{maria_id}/invite"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let invitation = app.smtp.nth_to(MARIA, 1).await;
    assert!(!invitation.decoded().contains("Turn off these notices"), "an invitation is not a notice");
    let res = app
        .http
        .post(app.url("/api/v1/portal/acme/auth/magic-link"))
        .json(&json!({ "token": invitation.link_token() }))
        .send()
        .await
        .unwrap();
    let token = bearer(&res.json().await.unwrap());
    let id = order(&app, &app.key, &maria_id, "Bike service").await;

    // A notice says how to stop notices, with a link to her profile.
    let before = app.smtp.count_to(MARIA);
    move_order(&app, &app.key, &id, "in_progress").await;
    let notice = app.smtp.nth_to(MARIA, before + 1).await;
    assert!(subject_of(&notice).starts_with("Your order SO-0001 is in progress"), "{}", subject_of(&notice));
    let text = notice.decoded();
    assert!(text.contains("Turn off these notices in your profile"), "{text}");
    assert!(text.contains("https://portal.test/portal/acme/profile"), "{text}");

    // She opts out in her profile; staff see it on her record.
    let res = app.req_as(&token, Method::PATCH, "/api/v1/portal/me").json(&json!({ "email_opt_out": true }));
    let me: Value = res.send().await.unwrap().json().await.unwrap();
    assert_eq!(me["email_opt_out"], true);
    assert_eq!(
        app.get(&format!("/api/v1/clients/{maria_id}")).await.json::<Value>().await.unwrap()["email_opt_out"],
        true
    );
    let res = app.req_as(&token, Method::PATCH, "/api/v1/portal/me").json(&json!({ "email_opt_out": null }));
    problem(res.send().await.unwrap(), 422).await;

    // The next notice is not even queued; the portal still shows the news.
    move_order(&app, &app.key, &id, "ready").await;
    assert_eq!(queued(&app, MARIA, "Your order SO-0001 is ready"), 0);
    assert_eq!(get_json(&app, &token, LIST).await["items"][0]["title"], "Order SO-0001 is ready for pickup");

    // A login code still comes, and it came after the skipped notice would have.
    let code_mail = mail_for(&app, "/api/v1/portal/acme/auth/otp", MARIA).await;
    assert!(code_mail.code().len() == 6);
    let orders: Vec<String> =
        app.smtp.delivered_to(MARIA).iter().map(subject_of).filter(|s| s.starts_with("Your order")).collect();
    assert_eq!(orders.len(), 1, "only the notice sent before she opted out: {orders:?}");

    // Staff turn notices back on for her: the next one arrives.
    let res = app.patch(&format!("/api/v1/clients/{maria_id}"), &json!({ "email_opt_out": false })).await;
    assert_eq!(res.status(), 200);
    let count = app.smtp.count_to(MARIA);
    move_order(&app, &app.key, &id, "delivered").await;
    let last = app.smtp.nth_to(MARIA, count + 1).await;
    assert!(subject_of(&last).starts_with("Your order SO-0001 has been delivered"), "{}", subject_of(&last));

    // A staff member viewing as Maria cannot change her preference.
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = post_as(&app, &staff, &format!("/api/v1/clients/{maria_id}/impersonate")).await;
    let view = bearer(&res.json().await.unwrap());
    let res = app.req_as(&view, Method::PATCH, "/api/v1/portal/me").json(&json!({ "email_opt_out": true }));
    problem(res.send().await.unwrap(), 403).await;
}

/// Whether the notification of `kind` (the newest one) is read, and the unread count.
async fn read_state(app: &TestApp, token: &str, kind: &str) -> (bool, i64) {
    let page = get_json(app, token, LIST).await;
    let item = page["items"].as_array().unwrap().iter().find(|n| n["kind"] == kind);
    let item = item.unwrap_or_else(|| panic!("a {kind} notification: {page}"));
    (item["read"].as_bool().unwrap(), page["unread_count"].as_i64().unwrap())
}

async fn notifications_clear_when_the_client_has_acted(app: TestApp) {
    let (project, token, cid) = crate::deliverables::setup(&app).await;
    let quote = crate::quotes::sent(&app, &cid, "Brand refresh").await;
    let contract = crate::contracts::sent(&app, &cid, json!({})).await;
    let invoice = crate::invoices::sent_invoice(&app, &cid, 10_000).await;
    let invoice = invoice["id"].as_str().unwrap();
    let first = crate::deliverables::create(&app, &project, "Logo").await;
    let first = first["id"].as_str().unwrap();
    let second = crate::deliverables::create(&app, &project, "Palette").await;
    let second = second["id"].as_str().unwrap();
    for id in [first, second] {
        assert_eq!(crate::deliverables::act(&app, id, "submit", None).await.status(), 200);
    }
    let res =
        app.post(&format!("/api/v1/projects/{project}/threads"), &json!({ "title": "Fonts", "body": "Inter?" })).await;
    assert_eq!(res.status(), 201);
    let thread = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    // Project created, quote, contract, invoice, two deliverables, one message.
    assert_eq!(unread(&app, &token).await, 7);

    // Each answer clears the one notification it answers, and nothing else.
    assert_eq!(crate::quotes::accept(&app, &token, &quote).await.status(), 200);
    assert_eq!(read_state(&app, &token, "quote_sent").await, (true, 6), "accepting answers the quote");

    let sign = json!({
        "signer_name": "Maria Lopez",
        "body_sha256": crate::contracts::sha256(crate::contracts::BODY),
        "signature": { "kind": "typed", "name": "Maria Lopez" },
    });
    let path = format!("/api/v1/portal/contracts/{contract}/sign");
    assert_eq!(app.req_as(&token, Method::POST, &path).json(&sign).send().await.unwrap().status(), 200);
    assert_eq!(read_state(&app, &token, "contract_sent").await, (true, 5), "signing answers the contract");

    let path = format!("/api/v1/portal/deliverables/{first}/approve");
    assert_eq!(post_as(&app, &token, &path).await.status(), 200);
    let page = get_json(&app, &token, LIST).await;
    let submitted: Vec<(String, bool)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "deliverable_submitted")
        .map(|n| (n["title"].as_str().unwrap().to_string(), n["read"].as_bool().unwrap()))
        .collect();
    assert_eq!(submitted.len(), 2, "{page}");
    assert!(submitted.iter().any(|(t, read)| t.contains("Logo") && *read), "the approved one: {submitted:?}");
    assert!(submitted.iter().any(|(t, read)| t.contains("Palette") && !*read), "not the other: {submitted:?}");
    assert_eq!(page["unread_count"], 4);

    assert_eq!(post_as(&app, &token, &format!("/api/v1/portal/threads/{thread}/read")).await.status(), 204);
    assert_eq!(read_state(&app, &token, "message_posted").await, (true, 3), "reading the thread reads its messages");

    // Paid in full (here by hand; online payments end the same way): the invoice is answered,
    // and the receipt is news of its own.
    assert_eq!(crate::invoices::pay(&app, invoice, 10_000).await.status(), 201);
    assert!(read_state(&app, &token, "invoice_sent").await.0, "paying answers the invoice");
    assert_eq!(read_state(&app, &token, "payment_recorded").await, (false, 3));

    // The project's creation was never answered: still unread, with the palette and the receipt.
    assert!(!read_state(&app, &token, "project_created").await.0, "never answered");
}

both!(
    notifications_clear_when_the_client_has_acted,
    a_staff_action_notifies_that_client_only,
    what_the_client_does_or_only_staff_see_is_not_news,
    notifications_are_read_one_by_one_or_all_at_once,
    an_opted_out_client_gets_login_codes_but_no_notices,
);
