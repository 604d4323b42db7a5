//! Message threads: staff and the client post and reply, internal notes never reach the
//! client (not in a message, a count, an excerpt, a date or the dashboard), unread counts
//! move for each side, a client's message emails the assigned staff, and nobody else sees
//! a thread at all.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem};

const PROJECTS: &str = "/api/v1/projects";
const PORTAL_PROJECTS: &str = "/api/v1/portal/projects";

struct Setup {
    maria_id: String,
    project: String,
    maria: String,
}

/// Maria with a project, logged in to the portal.
async fn setup(app: &TestApp, staff_id: Option<&str>) -> Setup {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let maria_id = maria["id"].as_str().unwrap().to_string();
    let body = json!({ "client_id": maria_id, "name": "Brand refresh", "status": "active", "staff_id": staff_id });
    let res = app.post(PROJECTS, &body).await;
    assert_eq!(res.status(), 201);
    let project = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let maria = bearer(&client_login(app, "maria@lopez.es").await);
    Setup { maria_id, project, maria }
}

async fn send(app: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> reqwest::Response {
    let mut req = app.req_as(token, method, path);
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

async fn get_json(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.req_as(token, Method::GET, path).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    res.json().await.unwrap()
}

async fn get_text(app: &TestApp, token: &str, path: &str) -> String {
    let res = app.req_as(token, Method::GET, path).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    res.text().await.unwrap()
}

async fn start(app: &TestApp, token: &str, project: &str, title: &str, body: &str, internal: bool) -> Value {
    let path = format!("{PROJECTS}/{project}/threads");
    let res =
        send(app, token, Method::POST, &path, Some(json!({ "title": title, "body": body, "internal": internal })))
            .await;
    assert_eq!(res.status(), 201, "start {title}");
    res.json().await.unwrap()
}

async fn post(app: &TestApp, token: &str, thread: &str, body: &str, internal: bool) -> Value {
    let path = format!("/api/v1/threads/{thread}/messages");
    let res = send(app, token, Method::POST, &path, Some(json!({ "body": body, "internal": internal }))).await;
    assert_eq!(res.status(), 201, "post {body}");
    res.json().await.unwrap()
}

async fn reply(app: &TestApp, token: &str, thread: &str, body: &str) -> Value {
    let path = format!("/api/v1/portal/threads/{thread}/messages");
    let res = send(app, token, Method::POST, &path, Some(json!({ "body": body }))).await;
    assert_eq!(res.status(), 201, "reply {body}");
    res.json().await.unwrap()
}

fn titles(list: &Value) -> Vec<String> {
    list["items"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap().to_string()).collect()
}

fn bodies(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|m| m["body"].as_str().unwrap().to_string()).collect()
}

async fn both_sides_start_threads_and_reply(app: TestApp) {
    let s = setup(&app, None).await;
    let owner = bearer(&staff_login(&app, "owner@acme.example").await);
    let started = start(&app, &owner, &s.project, "  Design feedback ", "Here are the  logo concepts.", false).await;
    assert_eq!(started["title"], "Design feedback");
    assert_eq!(started["message_count"], 1);
    assert_eq!(started["unread_count"], 0, "your own message is read");
    assert_eq!(started["last_message"], "Here are the logo concepts.");
    assert_eq!(started["message"]["author_kind"], "staff");
    assert_eq!(started["message"]["author_name"], "owner", "the staff member's name");
    assert_eq!(started["message"]["internal"], false);
    assert_eq!(started["message"]["body"], "Here are the  logo concepts.", "stored as typed");
    let thread = started["id"].as_str().unwrap().to_string();

    // The client sees it and replies, as plain text stored as typed.
    let list = get_json(&app, &s.maria, &format!("{PORTAL_PROJECTS}/{}/threads", s.project)).await;
    assert_eq!(titles(&list), ["Design feedback"]);
    assert_eq!(list["items"][0]["unread_count"], 1);
    let mine = reply(&app, &s.maria, &thread, "<b>Love</b> the second one!").await;
    assert_eq!(mine["author_kind"], "client");
    assert_eq!(mine["author_name"], "Maria Lopez");
    assert_eq!(mine["body"], "<b>Love</b> the second one!");
    assert!(mine.get("internal").is_none(), "no internal field in the portal: {mine}");

    // The client starts a thread of her own.
    let path = format!("{PORTAL_PROJECTS}/{}/threads", s.project);
    let res = send(
        &app,
        &s.maria,
        Method::POST,
        &path,
        Some(json!({ "title": "Invoice address", "body": "Please use the new one." })),
    )
    .await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let hers: Value = res.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/portal/threads/{}/messages", hers["id"].as_str().unwrap()));
    assert_eq!(hers["message"]["body"], "Please use the new one.");
    assert_eq!(hers["unread_count"], 0);

    let staff_view = get_json(&app, &owner, &format!("{PROJECTS}/{}/threads", s.project)).await;
    assert_eq!(titles(&staff_view), ["Invoice address", "Design feedback"], "newest activity first");
    assert_eq!(staff_view["items"][1]["message_count"], 2);
    assert_eq!(staff_view["items"][1]["last_message"], "<b>Love</b> the second one!");

    post(&app, &owner, &thread, "Glad you like it.", false).await;
    let page = get_json(&app, &owner, &format!("/api/v1/threads/{thread}/messages")).await;
    assert_eq!(bodies(&page), ["Here are the  logo concepts.", "<b>Love</b> the second one!", "Glad you like it."]);
    assert_eq!(page["items"][1]["author_name"], "Maria Lopez");
    assert_eq!(page["next_cursor"], Value::Null);
    // Paging: oldest first, the cursor leads to newer messages.
    let first = get_json(&app, &owner, &format!("/api/v1/threads/{thread}/messages?limit=2")).await;
    assert_eq!(bodies(&first).len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = get_json(&app, &owner, &format!("/api/v1/threads/{thread}/messages?limit=2&cursor={cursor}")).await;
    assert_eq!(bodies(&rest), ["Glad you like it."]);
    let portal_page = get_json(&app, &s.maria, &format!("/api/v1/portal/threads/{thread}/messages")).await;
    assert_eq!(bodies(&portal_page), bodies(&page));
    assert_eq!(portal_page["items"][0]["author_kind"], "staff");

    // Both sides' posts are in the project's activity; the client's dashboard shows the team's.
    let log = get_json(&app, &owner, &format!("{PROJECTS}/{}/activity", s.project)).await;
    let posted: Vec<&Value> =
        log["items"].as_array().unwrap().iter().filter(|a| a["verb"] == "message_posted").collect();
    assert_eq!(posted.len(), 4);
    assert_eq!(posted[0]["data"]["thread_title"], "Design feedback");
    assert_eq!(posted[0]["data"]["author_kind"], "staff");
    let dash = get_json(&app, &s.maria, "/api/v1/portal/dashboard").await;
    let texts: Vec<&str> =
        dash["recent_activity"].as_array().unwrap().iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"New message in “Design feedback” (Brand refresh)."), "{texts:?}");
}

async fn internal_notes_never_reach_the_client(app: TestApp) {
    let s = setup(&app, None).await;
    let note = "NOTE-7f3a: client is slow to pay, ask for a deposit";
    let hidden_title = "Pricing strategy XJ9";
    let started = start(&app, &app.key, &s.project, "Design feedback", "Concepts attached.", false).await;
    let thread = started["id"].as_str().unwrap().to_string();
    // Her login code, then the team's first message.
    app.smtp.nth_to("maria@lopez.es", 2).await;
    let mails_before = app.smtp.count_to("maria@lopez.es");
    let posted = post(&app, &app.key, &thread, note, true).await;
    assert_eq!(posted["internal"], true);
    let secret = start(&app, &app.key, &s.project, hidden_title, note, true).await;
    let secret_id = secret["id"].as_str().unwrap().to_string();

    // Staff see the note everywhere.
    let staff_list = get_json(&app, &app.key, &format!("{PROJECTS}/{}/threads", s.project)).await;
    assert_eq!(titles(&staff_list), [hidden_title, "Design feedback"]);
    assert_eq!(staff_list["items"][1]["message_count"], 2);
    assert!(staff_list["items"][1]["last_message"].as_str().unwrap().starts_with("NOTE-7f3a"));

    // The client sees none of it, in any answer.
    let portal_list = get_json(&app, &s.maria, &format!("{PORTAL_PROJECTS}/{}/threads", s.project)).await;
    assert_eq!(titles(&portal_list), ["Design feedback"], "a thread of only notes does not exist for her");
    assert_eq!(portal_list["items"][0]["message_count"], 1);
    assert_eq!(portal_list["items"][0]["unread_count"], 1);
    assert_eq!(portal_list["items"][0]["last_message"], "Concepts attached.");
    assert_eq!(
        portal_list["items"][0]["last_message_at"], started["message"]["created_at"],
        "dated by what she can see"
    );
    let reads = [
        format!("{PORTAL_PROJECTS}/{}/threads", s.project),
        format!("/api/v1/portal/threads/{thread}/messages"),
        "/api/v1/portal/dashboard".to_string(),
        format!("{PORTAL_PROJECTS}/{}", s.project),
    ];
    for path in &reads {
        let text = get_text(&app, &s.maria, path).await;
        assert!(!text.contains("NOTE-7f3a"), "{path}: {text}");
        assert!(!text.contains(hidden_title), "{path}: {text}");
        assert!(!text.contains("\"internal\""), "{path}: {text}");
    }
    for (method, path, body) in [
        (Method::GET, format!("/api/v1/portal/threads/{secret_id}/messages"), None),
        (Method::POST, format!("/api/v1/portal/threads/{secret_id}/messages"), Some(json!({ "body": "hi" }))),
        (Method::POST, format!("/api/v1/portal/threads/{secret_id}/read"), None),
    ] {
        let p = problem(send(&app, &s.maria, method.clone(), &path, body).await, 404).await;
        assert!(!p.to_string().contains(hidden_title), "{method} {path}: {p}");
    }
    // An internal note emails nobody: the client's count is where it was.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.smtp.count_to("maria@lopez.es"), mails_before);
    // The client cannot make a note either.
    let path = format!("/api/v1/portal/threads/{thread}/messages");
    let res = send(&app, &s.maria, Method::POST, &path, Some(json!({ "body": "x", "internal": true }))).await;
    assert!(res.status().is_client_error(), "{}", res.status());
    let page = get_json(&app, &app.key, &format!("/api/v1/threads/{thread}/messages")).await;
    assert_eq!(bodies(&page).len(), 2, "nothing was posted");
}

async fn unread_counts_move_for_each_side_and_reset_on_read(app: TestApp) {
    let s = setup(&app, None).await;
    let owner = bearer(&staff_login(&app, "owner@acme.example").await);
    let staff_threads = format!("{PROJECTS}/{}/threads", s.project);
    let portal_threads = format!("{PORTAL_PROJECTS}/{}/threads", s.project);
    let unread = |list: &Value| list["items"][0]["unread_count"].as_i64().unwrap();

    let thread = start(&app, &owner, &s.project, "Design feedback", "First drafts.", false).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(unread(&get_json(&app, &s.maria, &portal_threads).await), 1);
    assert_eq!(unread(&get_json(&app, &owner, &staff_threads).await), 0);

    reply(&app, &s.maria, &thread, "Nice.").await;
    reply(&app, &s.maria, &thread, "One question though.").await;
    assert_eq!(unread(&get_json(&app, &s.maria, &portal_threads).await), 0, "replying reads the thread");
    assert_eq!(unread(&get_json(&app, &owner, &staff_threads).await), 2);
    assert_eq!(unread(&get_json(&app, &app.key, &staff_threads).await), 2, "the API key reads for itself");

    let res = send(&app, &owner, Method::POST, &format!("/api/v1/threads/{thread}/read"), None).await;
    assert_eq!(res.status(), 204);
    assert_eq!(unread(&get_json(&app, &owner, &staff_threads).await), 0);
    assert_eq!(unread(&get_json(&app, &app.key, &staff_threads).await), 2, "one reader's mark is not another's");

    post(&app, &owner, &thread, "Internal: answer by Friday.", true).await;
    assert_eq!(unread(&get_json(&app, &s.maria, &portal_threads).await), 0, "a note is never unread for her");
    post(&app, &owner, &thread, "Here is the answer.", false).await;
    post(&app, &app.key, &thread, "And a PDF.", false).await;
    assert_eq!(unread(&get_json(&app, &s.maria, &portal_threads).await), 2);
    assert_eq!(unread(&get_json(&app, &owner, &staff_threads).await), 0, "staff messages are not unread for staff");
    let res = send(&app, &s.maria, Method::POST, &format!("/api/v1/portal/threads/{thread}/read"), None).await;
    assert_eq!(res.status(), 204);
    assert_eq!(unread(&get_json(&app, &s.maria, &portal_threads).await), 0);
    reply(&app, &s.maria, &thread, "Thanks!").await;
    assert_eq!(unread(&get_json(&app, &owner, &staff_threads).await), 1);
}

async fn a_client_message_emails_the_assigned_staff_not_the_client(app: TestApp) {
    let res =
        app.post("/api/v1/staff", &json!({ "email": "ada@acme.example", "name": "Ada Park", "role": "member" })).await;
    assert_eq!(res.status(), 201);
    let ada: Value = res.json().await.unwrap();
    let s = setup(&app, ada["id"].as_str()).await;
    let thread = start(&app, &app.key, &s.project, "Design feedback", "Concepts attached.", false).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    // The team's message reaches the client, with a button to her portal.
    // Her first email was the login code; the second is the team's message.
    let to_maria = app.smtp.nth_to("maria@lopez.es", 2).await;
    assert!(to_maria.subject().starts_with("New message in"), "{}", to_maria.subject());
    assert!(to_maria.decoded().contains("Design feedback"), "{}", to_maria.decoded());
    assert!(to_maria.decoded().contains(&format!("/portal/acme/projects/{}", s.project)), "{}", to_maria.decoded());
    let maria_mails = app.smtp.count_to("maria@lopez.es");
    let owner_mails = app.smtp.count_to("owner@acme.example");

    reply(&app, &s.maria, &thread, "Could the second one be warmer?").await;
    // Her first email was the invitation to the team.
    let mail = app.smtp.nth_to("ada@acme.example", 2).await;
    assert!(mail.subject().starts_with("Maria Lopez wrote in"), "{}", mail.subject());
    let text = mail.decoded();
    assert!(text.contains("Design feedback"), "the thread's title: {text}");
    assert!(text.contains("Could the second one be warmer?"), "{text}");
    assert!(text.contains(&format!("/app/projects/{}", s.project)), "{text}");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.smtp.count_to("maria@lopez.es"), maria_mails, "the client is not emailed her own message");
    assert_eq!(app.smtp.count_to("owner@acme.example"), owner_mails, "only the assigned staff member");

    // With nobody assigned, the owners hear about it.
    let res = app.patch(&format!("{PROJECTS}/{}", s.project), &json!({ "staff_id": null })).await;
    assert_eq!(res.status(), 200);
    reply(&app, &s.maria, &thread, "Hello?").await;
    let mail = app.smtp.nth_to("owner@acme.example", owner_mails + 1).await;
    assert!(mail.decoded().contains("Hello?"));
}

async fn other_clients_and_tenants_get_404_and_change_nothing(app: TestApp) {
    let s = setup(&app, None).await;
    let thread = start(&app, &app.key, &s.project, "Design feedback", "Concepts attached.", false).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.client("Lukas Becker", "lukas@becker.de").await;
    let lukas = bearer(&client_login(&app, "lukas@becker.de").await);
    let portal = [
        (Method::GET, format!("{PORTAL_PROJECTS}/{}/threads", s.project), None),
        (Method::POST, format!("{PORTAL_PROJECTS}/{}/threads", s.project), Some(json!({ "title": "x", "body": "x" }))),
        (Method::GET, format!("/api/v1/portal/threads/{thread}/messages"), None),
        (Method::POST, format!("/api/v1/portal/threads/{thread}/messages"), Some(json!({ "body": "Pwned" }))),
        (Method::POST, format!("/api/v1/portal/threads/{thread}/read"), None),
    ];
    for (method, path, body) in portal {
        let p = problem(send(&app, &lukas, method.clone(), &path, body).await, 404).await;
        assert!(!p.to_string().contains("Design"), "{method} {path}: {p}");
    }
    let (_, intruder) = app.other_tenant("beta");
    let staff = [
        (Method::GET, format!("{PROJECTS}/{}/threads", s.project), None),
        (Method::POST, format!("{PROJECTS}/{}/threads", s.project), Some(json!({ "title": "x", "body": "x" }))),
        (Method::GET, format!("/api/v1/threads/{thread}/messages"), None),
        (Method::POST, format!("/api/v1/threads/{thread}/messages"), Some(json!({ "body": "Pwned" }))),
        (Method::POST, format!("/api/v1/threads/{thread}/read"), None),
    ];
    for (method, path, body) in staff {
        let p = problem(send(&app, &intruder, method.clone(), &path, body).await, 404).await;
        assert!(!p.to_string().contains("Design"), "{method} {path}: {p}");
    }
    let list = get_json(&app, &app.key, &format!("{PROJECTS}/{}/threads", s.project)).await;
    assert_eq!(titles(&list), ["Design feedback"]);
    assert_eq!(list["items"][0]["message_count"], 1);
    assert_eq!(list["items"][0]["unread_count"], 0, "no reads or posts by the intruders");
    let _ = s.maria_id;
}

async fn invalid_messages_are_422_and_change_nothing(app: TestApp) {
    let s = setup(&app, None).await;
    let threads = format!("{PROJECTS}/{}/threads", s.project);
    let long_body = "x".repeat(10_001);
    let long_title = "t".repeat(201);
    for (body, field) in [
        (json!({ "title": "  ", "body": "x" }), "title"),
        (json!({ "title": long_title, "body": "x" }), "title"),
        (json!({ "title": "Fine", "body": " \n " }), "body"),
        (json!({ "title": "Fine", "body": long_body }), "body"),
    ] {
        let p = problem(app.post(&threads, &body).await, 422).await;
        assert_eq!(fields(&p), [field], "{field}");
        let path = format!("{PORTAL_PROJECTS}/{}/threads", s.project);
        let p = problem(send(&app, &s.maria, Method::POST, &path, Some(body)).await, 422).await;
        assert_eq!(fields(&p), [field], "portal {field}");
    }
    let list = get_json(&app, &app.key, &threads).await;
    assert_eq!(list["items"], json!([]), "no thread was created");

    let thread = start(&app, &app.key, &s.project, "Design feedback", &"y".repeat(10_000), false).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    for body in [json!({ "body": "" }), json!({ "body": "   " }), json!({ "body": "z".repeat(10_001) })] {
        let p = problem(app.post(&format!("/api/v1/threads/{thread}/messages"), &body).await, 422).await;
        assert_eq!(fields(&p), ["body"]);
        let path = format!("/api/v1/portal/threads/{thread}/messages");
        let p = problem(send(&app, &s.maria, Method::POST, &path, Some(body)).await, 422).await;
        assert_eq!(fields(&p), ["body"]);
    }
    let page = get_json(&app, &app.key, &format!("/api/v1/threads/{thread}/messages")).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1, "nothing was posted");
    problem(app.get(&format!("/api/v1/threads/{thread}/messages?limit=0")).await, 400).await;
}

async fn impersonating_staff_can_read_but_not_post(app: TestApp) {
    let s = setup(&app, None).await;
    let thread = start(&app, &app.key, &s.project, "Design feedback", "Concepts attached.", false).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = send(&app, &staff, Method::POST, &format!("/api/v1/clients/{}/impersonate", s.maria_id), None).await;
    assert_eq!(res.status(), 200);
    let viewer = bearer(&res.json::<Value>().await.unwrap());
    get_json(&app, &viewer, &format!("/api/v1/portal/threads/{thread}/messages")).await;
    for (path, body) in [
        (format!("/api/v1/portal/threads/{thread}/messages"), Some(json!({ "body": "As Maria" }))),
        (format!("{PORTAL_PROJECTS}/{}/threads", s.project), Some(json!({ "title": "As Maria", "body": "x" }))),
        (format!("/api/v1/portal/threads/{thread}/read"), None),
    ] {
        problem(send(&app, &viewer, Method::POST, &path, body).await, 403).await;
    }
    let page = get_json(&app, &app.key, &format!("/api/v1/threads/{thread}/messages")).await;
    assert_eq!(bodies(&page), ["Concepts attached."]);
    let list = get_json(&app, &s.maria, &format!("{PORTAL_PROJECTS}/{}/threads", s.project)).await;
    assert_eq!(list["items"][0]["unread_count"], 1, "the viewer did not read it for her");
}

both!(
    both_sides_start_threads_and_reply,
    internal_notes_never_reach_the_client,
    unread_counts_move_for_each_side_and_reset_on_read,
    a_client_message_emails_the_assigned_staff_not_the_client,
    other_clients_and_tenants_get_404_and_change_nothing,
    invalid_messages_are_422_and_change_nothing,
    impersonating_staff_can_read_but_not_post,
);
