//! Project feedback: asked for once a project is completed, answered once by its client
//! (1–5 stars, optional comment), shown to staff in the project's activity.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::deliverables::subject_of;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem};
use crate::projects::create_project;

const PROJECTS: &str = "/api/v1/projects";
const OWNER: &str = "owner@acme.example";
const MARIA: &str = "maria@lopez.es";

/// Maria, her completed project with feedback requested, and her portal token.
async fn requested(app: &TestApp) -> (String, String, String) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let cid = maria["id"].as_str().unwrap().to_string();
    let token = bearer(&client_login(app, MARIA).await);
    let pid = create_project(app, &cid, "Website relaunch").await["id"].as_str().unwrap().to_string();
    assert_eq!(app.patch(&format!("{PROJECTS}/{pid}"), &json!({ "status": "completed" })).await.status(), 200);
    assert_eq!(app.post(&format!("{PROJECTS}/{pid}/feedback-request"), &json!({})).await.status(), 201);
    (pid, token, cid)
}

fn portal_path(pid: &str) -> String {
    format!("/api/v1/portal/projects/{pid}/feedback")
}

async fn answer(app: &TestApp, token: &str, pid: &str, body: Value) -> reqwest::Response {
    app.req_as(token, Method::POST, &portal_path(pid)).json(&body).send().await.unwrap()
}

async fn feedback_is_asked_for_once_and_only_on_completed_projects(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let token = bearer(&client_login(&app, MARIA).await);
    let pid = create_project(&app, maria["id"].as_str().unwrap(), "Website relaunch").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let ask = format!("{PROJECTS}/{pid}/feedback-request");

    problem(app.get(&format!("{PROJECTS}/{pid}/feedback")).await, 404).await;
    problem(app.req_as(&token, Method::GET, &portal_path(&pid)).send().await.unwrap(), 404).await;
    problem(answer(&app, &token, &pid, json!({ "rating": 5 })).await, 404).await;
    let p = problem(app.post(&ask, &json!({})).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("active"), "says the project's state: {p}");

    assert_eq!(app.patch(&format!("{PROJECTS}/{pid}"), &json!({ "status": "completed" })).await.status(), 200);
    let res = app.req(Method::POST, &ask).send().await.unwrap();
    assert_eq!(res.status(), 201, "no body needed");
    let f: Value = res.json().await.unwrap();
    assert!(f["requested_at"].is_string());
    assert!(f["rating"].is_null() && f["submitted_at"].is_null());
    let p = problem(app.post(&ask, &json!({})).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("already requested"), "{p}");

    let mail = app.smtp.nth_to(MARIA, 2).await;
    assert!(subject_of(&mail).contains("How did Website relaunch go?"), "{}", subject_of(&mail));
    assert!(mail.decoded().contains(&format!("/portal/acme/projects/{pid}")));
    let seen: Value = app.req_as(&token, Method::GET, &portal_path(&pid)).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen, f);
    let staff: Value = app.get(&format!("{PROJECTS}/{pid}/feedback")).await.json().await.unwrap();
    assert_eq!(staff, f);
    let log: Value = app.get(&format!("{PROJECTS}/{pid}/activity")).await.json().await.unwrap();
    assert_eq!(log["items"][0]["verb"], "feedback_requested");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.smtp.count_to(MARIA), 2, "asked once");
}

async fn the_client_answers_once_and_staff_see_the_rating(app: TestApp) {
    let (pid, token, _) = requested(&app).await;
    let staff_emails = app.smtp.count_to(OWNER);
    for bad in
        [json!({ "rating": 0 }), json!({ "rating": 6 }), json!({ "rating": "five" }), json!({ "comment": "no stars" })]
    {
        let p = problem(answer(&app, &token, &pid, bad.clone()).await, 422).await;
        assert_eq!(fields(&p), ["rating"], "{bad}");
    }
    let p = problem(answer(&app, &token, &pid, json!({ "rating": 4, "comment": "x".repeat(5001) })).await, 422).await;
    assert_eq!(fields(&p), ["comment"]);

    let res = answer(&app, &token, &pid, json!({ "rating": 4, "comment": " Lovely work, a week late " })).await;
    assert_eq!(res.status(), 200);
    let f: Value = res.json().await.unwrap();
    assert_eq!((f["rating"].as_i64(), f["comment"].as_str()), (Some(4), Some("Lovely work, a week late")));
    assert!(f["submitted_at"].is_string());

    let p = problem(answer(&app, &token, &pid, json!({ "rating": 5 })).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("already rated"), "{p}");
    let mail = app.smtp.nth_to(OWNER, staff_emails + 1).await;
    assert_eq!(subject_of(&mail), "Maria Lopez rated Website relaunch 4 of 5 · acme Ltd");
    assert!(mail.decoded().contains("Lovely work, a week late"));
    assert!(mail.decoded().contains(&format!("/app/projects/{pid}")));
    let staff = bearer(&staff_login(&app, OWNER).await);
    let res = app.req_as(&staff, Method::GET, &format!("{PROJECTS}/{pid}/feedback")).send().await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap(), f, "the first answer stays");

    let res = app.req_as(&staff, Method::GET, &format!("{PROJECTS}/{pid}/activity")).send().await.unwrap();
    let log: Value = res.json().await.unwrap();
    let entry = &log["items"][0];
    assert_eq!(entry["verb"], "feedback_submitted");
    assert_eq!(entry["actor_kind"], "client");
    assert_eq!(entry["data"]["rating"], 4);
    assert_eq!(entry["data"]["comment"], "Lovely work, a week late");
    assert_eq!(entry["data"]["name"], "Website relaunch");
}

async fn of_racing_answers_exactly_one_is_saved(app: TestApp) {
    let (pid, token, _) = requested(&app).await;
    let mut tasks = Vec::new();
    for rating in [1, 2, 3, 4, 5, 1, 2, 3, 4, 5] {
        let (http, token, url) = (app.http.clone(), token.clone(), app.url(&portal_path(&pid)));
        tasks.push(tokio::spawn(async move {
            let res = http.post(url).bearer_auth(token).json(&json!({ "rating": rating })).send().await.unwrap();
            (res.status().as_u16(), rating)
        }));
    }
    let mut winners = Vec::new();
    for t in tasks {
        let (status, rating) = t.await.unwrap();
        assert!(status == 200 || status == 409, "{status}");
        if status == 200 {
            winners.push(rating);
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    let f: Value = app.get(&format!("{PROJECTS}/{pid}/feedback")).await.json().await.unwrap();
    assert_eq!(f["rating"], winners[0]);
    let log: Value = app.get(&format!("{PROJECTS}/{pid}/activity")).await.json().await.unwrap();
    let answers = log["items"].as_array().unwrap().iter().filter(|a| a["verb"] == "feedback_submitted").count();
    assert_eq!(answers, 1);
}

async fn nobody_else_can_read_or_answer_it(app: TestApp) {
    let (pid, _token, cid) = requested(&app).await;
    app.client("Noah Martin", "noah@cycles.fr").await;
    let noah = bearer(&client_login(&app, "noah@cycles.fr").await);
    problem(app.req_as(&noah, Method::GET, &portal_path(&pid)).send().await.unwrap(), 404).await;
    problem(answer(&app, &noah, &pid, json!({ "rating": 1 })).await, 404).await;

    let staff = bearer(&staff_login(&app, OWNER).await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{cid}/impersonate")).send().await.unwrap();
    let viewer = bearer(&res.json().await.unwrap());
    let res = app.req_as(&viewer, Method::GET, &portal_path(&pid)).send().await.unwrap();
    assert_eq!(res.status(), 200, "staff viewing as Maria can see the form");
    problem(answer(&app, &viewer, &pid, json!({ "rating": 1 })).await, 403).await;

    let (_, intruder) = app.other_tenant("beta");
    for (method, path) in [
        (Method::GET, format!("{PROJECTS}/{pid}/feedback")),
        (Method::POST, format!("{PROJECTS}/{pid}/feedback-request")),
    ] {
        let p = problem(app.req_as(&intruder, method.clone(), &path).send().await.unwrap(), 404).await;
        assert!(!p.to_string().contains("Website"), "{method} {path}: {p}");
    }
    let f: Value = app.get(&format!("{PROJECTS}/{pid}/feedback")).await.json().await.unwrap();
    assert!(f["rating"].is_null(), "still unanswered: {f}");
}

both!(
    feedback_is_asked_for_once_and_only_on_completed_projects,
    the_client_answers_once_and_staff_see_the_rating,
    of_racing_answers_exactly_one_is_saved,
    nobody_else_can_read_or_answer_it,
);
