//! Deliverables: staff submit work, the client approves it or requests changes (with a
//! comment), each decision once and only on submitted work, the team is emailed, and the
//! history and the project's activity show every step. Two decisions racing: one wins.

use std::time::Duration;

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem};
use crate::projects::create_project;

pub const PROJECTS: &str = "/api/v1/projects";
const DELIVERABLES: &str = "/api/v1/deliverables";
pub const PORTAL: &str = "/api/v1/portal";
const OWNER: &str = "owner@acme.example";
const MARIA: &str = "maria@lopez.es";

/// Maria, her project, and her portal token (logged in first, so later emails to her
/// cannot be mistaken for her login code).
pub async fn setup(app: &TestApp) -> (String, String, String) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let cid = maria["id"].as_str().unwrap().to_string();
    let project = create_project(app, &cid, "Brand refresh").await;
    let token = bearer(&client_login(app, MARIA).await);
    (project["id"].as_str().unwrap().to_string(), token, cid)
}

pub async fn create(app: &TestApp, project: &str, title: &str) -> Value {
    let res = app.post(&format!("{PROJECTS}/{project}/deliverables"), &json!({ "title": title })).await;
    assert_eq!(res.status(), 201, "create {title}");
    res.json().await.unwrap()
}

pub async fn act(app: &TestApp, id: &str, action: &str, note: Option<&str>) -> reqwest::Response {
    app.post(&format!("{DELIVERABLES}/{id}/{action}"), &json!({ "note": note })).await
}

async fn approve(app: &TestApp, token: &str, id: &str) -> reqwest::Response {
    app.req_as(token, Method::POST, &format!("{PORTAL}/deliverables/{id}/approve")).send().await.unwrap()
}

async fn request_changes(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    let path = format!("{PORTAL}/deliverables/{id}/request-changes");
    app.req_as(token, Method::POST, &path).json(&body).send().await.unwrap()
}

pub async fn staff_view(app: &TestApp, id: &str) -> Value {
    let res = app.get(&format!("{DELIVERABLES}/{id}")).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The subject as a person reads it: folded lines joined, RFC 2047 words (used for the curly
/// quotes) decoded.
pub fn subject_of(mail: &crate::smtp::Received) -> String {
    use base64::Engine;
    let mut lines = mail.data.lines().skip_while(|l| !l.starts_with("Subject: "));
    let mut raw = lines.next().unwrap_or("").trim_start_matches("Subject: ").to_string();
    for more in lines.take_while(|l| l.starts_with(' ') || l.starts_with('\t')) {
        raw.push_str(more);
    }
    raw.split_whitespace()
        .map(|word| match word.strip_prefix("=?utf-8?b?").and_then(|w| w.strip_suffix("?=")) {
            Some(b64) => {
                let bytes = base64::engine::general_purpose::STANDARD.decode(b64).expect("base64 subject");
                (String::from_utf8(bytes).expect("utf-8 subject"), true)
            }
            None => (word.to_string(), false),
        })
        .fold((String::new(), false), |(mut out, prev_encoded), (text, encoded)| {
            // Whitespace between two encoded words is not part of the text.
            if !(out.is_empty() || (prev_encoded && encoded)) {
                out.push(' ');
            }
            out.push_str(&text);
            (out, encoded)
        })
        .0
}

pub fn events(d: &Value) -> Vec<String> {
    d["history"].as_array().unwrap().iter().map(|e| e["event"].as_str().unwrap().to_string()).collect()
}

/// Proves no stray email was queued before it: a new submission's email arrives as the
/// next one to Maria, and `staff_emails` are all the owner got.
async fn no_stray_emails(app: &TestApp, project: &str, maria_emails: usize, staff_emails: usize) {
    let sentinel = create(app, project, "Sentinel").await;
    assert_eq!(act(app, sentinel["id"].as_str().unwrap(), "submit", None).await.status(), 200);
    let mail = app.smtp.nth_to(MARIA, maria_emails + 1).await;
    assert!(subject_of(&mail).contains("Sentinel"), "the next email to Maria is the sentinel: {}", subject_of(&mail));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.smtp.count_to(MARIA), maria_emails + 1);
    assert_eq!(app.smtp.count_to(OWNER), staff_emails, "no email to staff");
}

async fn a_deliverable_goes_round_until_the_client_approves_it(app: TestApp) {
    let (pid, token, _) = setup(&app).await;
    let d = create(&app, &pid, "  Logo concepts ").await;
    assert_eq!(d["title"], "Logo concepts");
    assert_eq!(d["status"], "in_progress");
    assert_eq!(d["round"], 0);
    assert_eq!(d["history"], json!([]));
    let id = d["id"].as_str().unwrap().to_string();

    // Maria sees it but cannot decide yet.
    let list: Value = app
        .req_as(&token, Method::GET, &format!("{PORTAL}/projects/{pid}/deliverables"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["status"], "in_progress");
    let p = problem(approve(&app, &token, &id).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("in progress"), "{p}");

    let res = act(&app, &id, "submit", Some("Three directions, pick one")).await;
    assert_eq!(res.status(), 200);
    let d: Value = res.json().await.unwrap();
    assert_eq!((d["status"].as_str(), d["round"].as_i64()), (Some("submitted"), Some(1)));
    assert!(d["submitted_at"].is_string() && d["decided_at"].is_null());
    let mail = app.smtp.nth_to(MARIA, 2).await;
    assert!(subject_of(&mail).contains("ready for your review"), "{}", subject_of(&mail));
    assert!(mail.decoded().contains(&format!("/portal/acme/projects/{pid}")), "links to the portal project");
    assert!(mail.decoded().contains("Three directions, pick one"));

    let staff_before = app.smtp.count_to(OWNER);
    let res = request_changes(&app, &token, &id, json!({ "comment": " Warmer red, please " })).await;
    assert_eq!(res.status(), 200);
    let d: Value = res.json().await.unwrap();
    assert_eq!(d["status"], "changes_requested");
    assert!(d["decided_at"].is_string());
    let mail = app.smtp.nth_to(OWNER, staff_before + 1).await;
    assert!(subject_of(&mail).contains("Maria Lopez requested changes to"), "{}", subject_of(&mail));
    assert!(mail.decoded().contains("Warmer red, please"));
    assert!(mail.decoded().contains(&format!("/app/projects/{pid}")), "links to the console project");

    // Resubmitted: round 2.
    let d: Value = act(&app, &id, "submit", None).await.json().await.unwrap();
    assert_eq!((d["status"].as_str(), d["round"].as_i64()), (Some("submitted"), Some(2)));
    assert!(app.smtp.nth_to(MARIA, 3).await.decoded().contains("round 2"));

    let res = approve(&app, &token, &id).await;
    assert_eq!(res.status(), 200);
    let d: Value = res.json().await.unwrap();
    assert_eq!(d["status"], "approved");
    let mail = app.smtp.nth_to(OWNER, staff_before + 2).await;
    assert!(subject_of(&mail).contains("Maria Lopez approved “Logo concepts”"), "{}", subject_of(&mail));

    let d = staff_view(&app, &id).await;
    assert_eq!(events(&d), ["submitted", "changes_requested", "submitted", "approved"]);
    let h = &d["history"];
    assert_eq!(h[0]["comment"], "Three directions, pick one");
    assert_eq!(h[1]["comment"], "Warmer red, please");
    assert_eq!((h[0]["actor_kind"].as_str(), h[1]["actor_kind"].as_str()), (Some("api_key"), Some("client")));
    // Maria sees the same history.
    let list: Value = app
        .req_as(&token, Method::GET, &format!("{PORTAL}/projects/{pid}/deliverables"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["history"], d["history"]);

    // Every step is in the project's activity, for staff.
    let log: Value = app.get(&format!("{PROJECTS}/{pid}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|a| a["verb"].as_str().unwrap()).collect();
    assert_eq!(
        verbs[..5],
        [
            "deliverable_approved",
            "deliverable_submitted",
            "deliverable_changes_requested",
            "deliverable_submitted",
            "deliverable_created"
        ]
    );
    let changes = &log["items"][2]["data"];
    assert_eq!(changes["comment"], "Warmer red, please");
    assert_eq!(changes["title"], "Logo concepts");
    assert_eq!(changes["name"], "Brand refresh");
    assert_eq!(changes["deliverable_id"], id.as_str());

    // Staff can reopen approved work, then edit it again.
    let d: Value = act(&app, &id, "reopen", Some("Adding the mono version")).await.json().await.unwrap();
    assert_eq!(d["status"], "in_progress");
    assert_eq!(events(&d).last().unwrap(), "reopened");
    let res = app
        .patch(&format!("{DELIVERABLES}/{id}"), &json!({ "title": "Logo (final)", "description": "Mono too" }))
        .await;
    assert_eq!(res.status(), 200);
    let d: Value = res.json().await.unwrap();
    assert_eq!((d["title"].as_str(), d["description"].as_str()), (Some("Logo (final)"), Some("Mono too")));

    // The dashboard counts nothing waiting once it is back in progress.
    let dash: Value =
        app.req_as(&token, Method::GET, "/api/v1/portal/dashboard").send().await.unwrap().json().await.unwrap();
    assert_eq!(dash["deliverables_awaiting_approval"], 0, "{dash}");
}

async fn refused_transitions_are_409_and_change_nothing(app: TestApp) {
    let (pid, token, _) = setup(&app).await;
    let id = create(&app, &pid, "Moodboard").await["id"].as_str().unwrap().to_string();
    let staff_emails = app.smtp.count_to(OWNER);

    // The client's and staff's moves that do not apply in each state.
    async fn refused_all(app: &TestApp, token: &str, id: &str, client: &[&str], staff: &[&str]) {
        let before = staff_view(app, id).await;
        for c in client {
            let res = match *c {
                "approve" => approve(app, token, id).await,
                _ => request_changes(app, token, id, json!({ "comment": "Nope" })).await,
            };
            let p = problem(res, 409).await;
            let status = before["status"].as_str().unwrap().replace('_', " ");
            assert!(p["detail"].as_str().unwrap().contains(&status), "{c}: says the state: {p}");
        }
        for s in staff {
            let res = match *s {
                "edit" => app.patch(&format!("{DELIVERABLES}/{id}"), &json!({ "title": "Changed" })).await,
                action => act(app, id, action, None).await,
            };
            let p = problem(res, 409).await;
            assert!(p["detail"].as_str().unwrap().contains("Moodboard"), "{s}: {p}");
        }
        assert_eq!(staff_view(app, id).await, before, "unchanged");
    }

    refused_all(&app, &token, &id, &["approve", "request-changes"], &["reopen"]).await;
    assert_eq!(act(&app, &id, "submit", None).await.status(), 200);
    refused_all(&app, &token, &id, &[], &["submit"]).await;
    assert_eq!(request_changes(&app, &token, &id, json!({ "comment": "Brighter" })).await.status(), 200);
    refused_all(&app, &token, &id, &["approve", "request-changes"], &[]).await;
    assert_eq!(act(&app, &id, "submit", None).await.status(), 200);
    assert_eq!(approve(&app, &token, &id).await.status(), 200);
    let p = problem(approve(&app, &token, &id).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("reopen"), "says what is possible: {p}");
    refused_all(&app, &token, &id, &["approve", "request-changes"], &["submit", "edit"]).await;

    let d = staff_view(&app, &id).await;
    assert_eq!(events(&d), ["submitted", "changes_requested", "submitted", "approved"]);
    // Login code + two submissions to Maria; two decisions to staff; nothing for the refusals.
    app.smtp.nth_to(OWNER, staff_emails + 2).await;
    no_stray_emails(&app, &pid, 3, staff_emails + 2).await;
}

async fn requesting_changes_needs_a_comment(app: TestApp) {
    let (pid, token, _) = setup(&app).await;
    let id = create(&app, &pid, "Palette").await["id"].as_str().unwrap().to_string();
    assert_eq!(act(&app, &id, "submit", None).await.status(), 200);
    let staff_emails = app.smtp.count_to(OWNER);
    for body in
        [json!({}), json!({ "comment": "   " }), json!({ "comment": "x".repeat(5001) }), json!({ "comment": null })]
    {
        let p = problem(request_changes(&app, &token, &id, body.clone()).await, 422).await;
        assert_eq!(fields(&p), ["comment"], "{body}");
    }
    assert_eq!(staff_view(&app, &id).await["status"], "submitted");
    // Staff input is checked too.
    let p = problem(app.post(&format!("{PROJECTS}/{pid}/deliverables"), &json!({ "title": " " })).await, 422).await;
    assert_eq!(fields(&p), ["title"]);
    let p = problem(act(&app, &id, "submit", Some(&"n".repeat(5001))).await, 422).await;
    assert_eq!(fields(&p), ["note"]);
    no_stray_emails(&app, &pid, 2, staff_emails).await;
}

async fn of_racing_decisions_exactly_one_wins(app: TestApp) {
    let (pid, token, _) = setup(&app).await;
    let id = create(&app, &pid, "Logo concepts").await["id"].as_str().unwrap().to_string();
    assert_eq!(act(&app, &id, "submit", None).await.status(), 200);
    let staff_emails = app.smtp.count_to(OWNER);

    let mut tasks = Vec::new();
    for i in 0..20 {
        let (http, token) = (app.http.clone(), token.clone());
        let base = app.url(&format!("{PORTAL}/deliverables/{id}"));
        tasks.push(tokio::spawn(async move {
            let req = if i % 2 == 0 {
                http.post(format!("{base}/approve"))
            } else {
                http.post(format!("{base}/request-changes")).json(&json!({ "comment": format!("Change {i}") }))
            };
            req.bearer_auth(token).send().await.unwrap().status().as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 19, "{statuses:?}");

    let d = staff_view(&app, &id).await;
    assert_eq!(events(&d).len(), 2, "one submission, one decision: {d}");
    let decision = events(&d)[1].clone();
    assert_eq!(d["status"].as_str().unwrap(), decision);
    app.smtp.nth_to(OWNER, staff_emails + 1).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(app.smtp.count_to(OWNER), staff_emails + 1, "exactly one staff email");
    let log: Value = app.get(&format!("{PROJECTS}/{pid}/activity")).await.json().await.unwrap();
    let decisions = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| matches!(a["verb"].as_str(), Some("deliverable_approved" | "deliverable_changes_requested")))
        .count();
    assert_eq!(decisions, 1);
}

async fn only_the_client_decides_on_their_own_deliverables(app: TestApp) {
    let (pid, _token, cid) = setup(&app).await;
    let id = create(&app, &pid, "Logo concepts").await["id"].as_str().unwrap().to_string();
    assert_eq!(act(&app, &id, "submit", None).await.status(), 200);
    let before = staff_view(&app, &id).await;

    // Staff viewing the portal as Maria can look but not decide.
    let staff = bearer(&staff_login(&app, OWNER).await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{cid}/impersonate")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let viewer = bearer(&res.json().await.unwrap());
    let seen: Value = app
        .req_as(&viewer, Method::GET, &format!("{PORTAL}/projects/{pid}/deliverables"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(seen["items"][0]["status"], "submitted");
    problem(approve(&app, &viewer, &id).await, 403).await;
    problem(request_changes(&app, &viewer, &id, json!({ "comment": "Hm" })).await, 403).await;
    // A staff session is not a client, nor is a key: both are refused as such.
    problem(approve(&app, &staff, &id).await, 403).await;
    problem(approve(&app, &app.key, &id).await, 403).await;

    // Another client of the same tenant: not found.
    app.client("Noah Martin", "noah@cycles.fr").await;
    let noah = bearer(&client_login(&app, "noah@cycles.fr").await);
    let p = problem(approve(&app, &noah, &id).await, 404).await;
    assert!(!p.to_string().contains("Logo"), "{p}");
    problem(request_changes(&app, &noah, &id, json!({ "comment": "Mine now" })).await, 404).await;
    let path = format!("{PORTAL}/projects/{pid}/deliverables");
    problem(app.req_as(&noah, Method::GET, &path).send().await.unwrap(), 404).await;

    // Another tenant: not found, whatever the move.
    let (_, intruder) = app.other_tenant("beta");
    let attempts = [
        (Method::GET, format!("{PROJECTS}/{pid}/deliverables"), None),
        (Method::POST, format!("{PROJECTS}/{pid}/deliverables"), Some(json!({ "title": "Pwned" }))),
        (Method::GET, format!("{DELIVERABLES}/{id}"), None),
        (Method::PATCH, format!("{DELIVERABLES}/{id}"), Some(json!({ "title": "Pwned" }))),
        (Method::POST, format!("{DELIVERABLES}/{id}/submit"), Some(json!({}))),
        (Method::POST, format!("{DELIVERABLES}/{id}/reopen"), Some(json!({}))),
    ];
    for (method, path, body) in attempts {
        let mut req = app.req_as(&intruder, method.clone(), &path);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let p = problem(req.send().await.unwrap(), 404).await;
        assert!(!p.to_string().contains("Logo"), "{method} {path}: {p}");
    }
    assert_eq!(staff_view(&app, &id).await, before, "unchanged");
}

async fn the_client_sees_only_the_files_shared_with_them(app: TestApp) {
    let (pid, token, _) = setup(&app).await;
    let id = create(&app, &pid, "Logo concepts").await["id"].as_str().unwrap().to_string();
    {
        use portico::db::schema::files::dsl;
        let mut conn = app.db.conn().unwrap();
        for (name, shared) in [("concepts.pdf", true), ("working-file.ai", false)] {
            diesel::insert_into(dsl::files)
                .values((
                    dsl::id.eq(portico::db::new_id()),
                    dsl::tenant_id.eq(&app.tenant_id),
                    dsl::project_id.eq(Some(pid.clone())),
                    dsl::deliverable_id.eq(Some(id.clone())),
                    dsl::storage_key.eq(format!("test/{name}")),
                    dsl::name.eq(name),
                    dsl::content_type.eq("application/octet-stream"),
                    dsl::size.eq(1234_i64),
                    dsl::sha256.eq("00"),
                    dsl::client_visible.eq(shared),
                    dsl::uploaded_by_kind.eq("staff"),
                    dsl::created_at.eq(portico::db::now()),
                ))
                .execute(&mut *conn)
                .unwrap();
        }
    }
    let names = |d: &Value| -> Vec<String> {
        d["files"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_string()).collect()
    };
    let staff: Value = app.get(&format!("{PROJECTS}/{pid}/deliverables")).await.json().await.unwrap();
    assert_eq!(names(&staff["items"][0]), ["concepts.pdf", "working-file.ai"]);
    assert_eq!(staff["items"][0]["files"][0]["size"], 1234);
    let path = format!("{PORTAL}/projects/{pid}/deliverables");
    let portal: Value = app.req_as(&token, Method::GET, &path).send().await.unwrap().json().await.unwrap();
    assert_eq!(names(&portal["items"][0]), ["concepts.pdf"]);
}

both!(
    a_deliverable_goes_round_until_the_client_approves_it,
    refused_transitions_are_409_and_change_nothing,
    requesting_changes_needs_a_comment,
    of_racing_decisions_exactly_one_wins,
    only_the_client_decides_on_their_own_deliverables,
    the_client_sees_only_the_files_shared_with_them,
);
