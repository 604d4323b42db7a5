//! Projects: staff create them and work the board; progress is done tasks over all but the
//! cancelled ones; the client sees their own projects read-only, and nobody else sees them.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem, refused_status};

const PROJECTS: &str = "/api/v1/projects";
const PORTAL_PROJECTS: &str = "/api/v1/portal/projects";

pub async fn create_project(app: &TestApp, client_id: &str, name: &str) -> Value {
    let res = app.post(PROJECTS, &json!({ "client_id": client_id, "name": name, "status": "active" })).await;
    assert_eq!(res.status(), 201, "create {name}");
    res.json().await.unwrap()
}

async fn add_task(app: &TestApp, project: &str, title: &str, status: &str) -> Value {
    let res = app.post(&format!("{PROJECTS}/{project}/tasks"), &json!({ "title": title, "status": status })).await;
    assert_eq!(res.status(), 201, "task {title}");
    res.json().await.unwrap()
}

async fn get_json(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.req_as(token, Method::GET, path).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    res.json().await.unwrap()
}

async fn progress_is_done_over_all_but_cancelled(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let project = create_project(&app, maria["id"].as_str().unwrap(), "  Brand refresh ").await;
    assert_eq!(project["name"], "Brand refresh");
    assert_eq!(project["client_name"], "Maria Lopez");
    assert_eq!(project["progress"], json!({ "done": 0, "total": 0, "percent": 0 }));
    let id = project["id"].as_str().unwrap();

    add_task(&app, id, "Moodboard", "done").await;
    add_task(&app, id, "Logo", "in_progress").await;
    let palette = add_task(&app, id, "Palette", "todo").await;
    add_task(&app, id, "Letterpress cards", "cancelled").await;
    let p: Value = app.get(&format!("{PROJECTS}/{id}")).await.json().await.unwrap();
    assert_eq!(p["progress"], json!({ "done": 1, "total": 3, "percent": 33 }), "rounded down, cancelled left out");
    assert_eq!(p["tasks"].as_array().unwrap().len(), 4);
    assert_eq!(p["tasks"][3]["position"], 3, "added at the end");

    let pid = palette["id"].as_str().unwrap();
    let res = app.patch(&format!("{PROJECTS}/{id}/tasks/{pid}"), &json!({ "status": "done" })).await;
    assert_eq!(res.status(), 200);
    let list: Value =
        app.get(&format!("{PROJECTS}?client_id={}", maria["id"].as_str().unwrap())).await.json().await.unwrap();
    assert_eq!(
        list["items"][0]["progress"],
        json!({ "done": 2, "total": 3, "percent": 66 }),
        "the list agrees: {list}"
    );

    // Deleting a task counts too.
    let res = app.req(Method::DELETE, &format!("{PROJECTS}/{id}/tasks/{pid}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let p: Value = app.get(&format!("{PROJECTS}/{id}")).await.json().await.unwrap();
    assert_eq!(p["progress"], json!({ "done": 1, "total": 2, "percent": 50 }));
}

async fn the_board_can_be_reordered_only_with_every_task_once(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let project = create_project(&app, maria["id"].as_str().unwrap(), "Site").await;
    let id = project["id"].as_str().unwrap();
    let a = add_task(&app, id, "A", "todo").await["id"].as_str().unwrap().to_string();
    let b = add_task(&app, id, "B", "todo").await["id"].as_str().unwrap().to_string();
    let c = add_task(&app, id, "C", "todo").await["id"].as_str().unwrap().to_string();
    let order = format!("{PROJECTS}/{id}/tasks/order");

    for bad in [json!([a, b]), json!([a, b, b]), json!([a, b, c, "nope"]), json!([a, b, "nope"])] {
        let res = app.req(Method::PUT, &order).json(&json!({ "task_ids": bad })).send().await.unwrap();
        let body = problem(res, 409).await;
        assert!(body["detail"].as_str().unwrap().contains("task_ids"), "{bad}: {body}");
    }
    let res = app.req(Method::PUT, &order).json(&json!({ "task_ids": [c, a, b] })).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let p: Value = app.get(&format!("{PROJECTS}/{id}")).await.json().await.unwrap();
    let titles: Vec<&str> = p["tasks"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["C", "A", "B"]);
}

async fn invalid_projects_are_422_and_change_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = maria["id"].as_str().unwrap();
    let cases = [
        (json!({ "client_id": cid, "name": "  " }), "name"),
        (json!({ "client_id": "nobody", "name": "X" }), "client_id"),
        (json!({ "client_id": cid, "name": "X", "staff_id": "nobody" }), "staff_id"),
        (json!({ "client_id": cid, "name": "X", "start_date": "2026-12-10", "due_date": "2026-12-01" }), "due_date"),
    ];
    for (body, field) in cases {
        let p = problem(app.post(PROJECTS, &body).await, refused_status(&body)).await;
        assert_eq!(fields(&p), [field], "{body}");
    }
    let res = app.post(PROJECTS, &json!({ "client_id": cid, "name": "X", "status": "done" })).await;
    assert_eq!(res.status(), 422, "unknown status");
    let list: Value = app.get(PROJECTS).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]), "nothing was created");

    let p = create_project(&app, cid, "Real").await;
    let id = p["id"].as_str().unwrap();
    let res = app.patch(&format!("{PROJECTS}/{id}"), &json!({ "name": null })).await;
    assert_eq!(res.status(), 422);
    let res =
        app.patch(&format!("{PROJECTS}/{id}"), &json!({ "due_date": "2000-01-01", "start_date": "2000-02-01" })).await;
    assert_eq!(fields(&problem(res, 422).await), ["due_date"]);
    let after: Value = app.get(&format!("{PROJECTS}/{id}")).await.json().await.unwrap();
    assert_eq!(after, p, "unchanged");
    problem(app.get(&format!("{PROJECTS}?status=finished")).await, 400).await;
}

async fn the_client_sees_their_own_projects_with_a_read_only_board(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let lukas = app.client("Lukas Becker", "lukas@becker.de").await;
    let mine = create_project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let id = mine["id"].as_str().unwrap();
    add_task(&app, id, "Moodboard", "done").await;
    add_task(&app, id, "Question on sizes", "query").await;
    let done = create_project(&app, maria["id"].as_str().unwrap(), "Old site").await;
    let res =
        app.patch(&format!("{PROJECTS}/{}", done["id"].as_str().unwrap()), &json!({ "status": "completed" })).await;
    assert_eq!(res.status(), 200);
    let theirs = create_project(&app, lukas["id"].as_str().unwrap(), "Becker office").await;

    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let all = get_json(&app, &token, PORTAL_PROJECTS).await;
    let names: Vec<&str> = all["items"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Old site", "Brand refresh"], "newest first, only hers");
    assert!(all["items"][0].get("client_id").is_none(), "no staff fields in the portal: {all}");
    let open = get_json(&app, &token, &format!("{PORTAL_PROJECTS}?state=open")).await;
    assert_eq!(open["items"].as_array().unwrap().len(), 1);
    assert_eq!(open["items"][0]["progress"]["percent"], 50);
    let closed = get_json(&app, &token, &format!("{PORTAL_PROJECTS}?state=closed")).await;
    assert_eq!(closed["items"][0]["name"], "Old site");
    problem(app.req_as(&token, Method::GET, &format!("{PORTAL_PROJECTS}?state=later")).send().await.unwrap(), 400)
        .await;

    let one = get_json(&app, &token, &format!("{PORTAL_PROJECTS}/{id}")).await;
    let columns: Vec<&str> = one["board"].as_array().unwrap().iter().map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(columns, ["todo", "in_progress", "review", "query", "done", "cancelled"]);
    assert_eq!(one["board"][3]["tasks"][0]["title"], "Question on sizes");
    assert_eq!(one["board"][4]["tasks"][0]["title"], "Moodboard");

    // Read-only: the client cannot touch the board through staff endpoints.
    let res = app
        .req_as(&token, Method::POST, &format!("{PROJECTS}/{id}/tasks"))
        .json(&json!({ "title": "x" }))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;

    // Another client's project does not exist for Maria.
    let other = theirs["id"].as_str().unwrap();
    let p = problem(app.req_as(&token, Method::GET, &format!("{PORTAL_PROJECTS}/{other}")).send().await.unwrap(), 404)
        .await;
    assert!(!p.to_string().contains("Becker"));

    let dash = get_json(&app, &token, "/api/v1/portal/dashboard").await;
    assert_eq!(dash["active_projects"], 1);
    assert_eq!(dash["completed_projects"], 1);
    assert_eq!(dash["deliverables_awaiting_approval"], 0);
    let texts: Vec<&str> =
        dash["recent_activity"].as_array().unwrap().iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"Project Old site is completed."), "{texts:?}");
    assert!(texts.contains(&"New project: Brand refresh."), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("Becker")), "{texts:?}");
}

async fn other_tenants_get_404_and_change_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let project = create_project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let id = project["id"].as_str().unwrap();
    let task = add_task(&app, id, "Moodboard", "todo").await;
    let tid = task["id"].as_str().unwrap();
    let (_, intruder) = app.other_tenant("beta");
    let attempts = [
        (Method::GET, format!("{PROJECTS}/{id}"), None),
        (Method::PATCH, format!("{PROJECTS}/{id}"), Some(json!({ "name": "Pwned" }))),
        (Method::GET, format!("{PROJECTS}/{id}/activity"), None),
        (Method::POST, format!("{PROJECTS}/{id}/tasks"), Some(json!({ "title": "Pwned" }))),
        (Method::PATCH, format!("{PROJECTS}/{id}/tasks/{tid}"), Some(json!({ "title": "Pwned" }))),
        (Method::PUT, format!("{PROJECTS}/{id}/tasks/order"), Some(json!({ "task_ids": [tid] }))),
        (Method::DELETE, format!("{PROJECTS}/{id}/tasks/{tid}"), None),
    ];
    for (method, path, body) in attempts {
        let mut req = app.req_as(&intruder, method.clone(), &path);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let p = problem(req.send().await.unwrap(), 404).await;
        assert!(!p.to_string().contains("Brand"), "{method} {path}: {p}");
    }
    let list: Value = app.req_as(&intruder, Method::GET, PROJECTS).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["items"], json!([]));
    // A client id of another tenant is not a client here.
    let res = app
        .req_as(&intruder, Method::POST, PROJECTS)
        .json(&json!({ "client_id": maria["id"], "name": "Steal" }))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 404).await), ["client_id"]);
    let after: Value = app.get(&format!("{PROJECTS}/{id}")).await.json().await.unwrap();
    assert_eq!(after["name"], "Brand refresh");
    assert_eq!(after["tasks"][0]["title"], "Moodboard");
}

async fn changes_are_in_the_projects_activity_for_staff(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let project = create_project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let id = project["id"].as_str().unwrap();
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app
        .req_as(&staff, Method::PATCH, &format!("{PROJECTS}/{id}"))
        .json(&json!({ "status": "on_hold", "client_uploads": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["status"], "on_hold");
    assert_eq!(p["client_uploads"], true);
    let log = get_json(&app, &staff, &format!("{PROJECTS}/{id}/activity")).await;
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|a| a["verb"].as_str().unwrap()).collect();
    assert_eq!(verbs, ["status_changed", "updated", "created"]);
    assert_eq!(log["items"][0]["data"]["to"], "on_hold");
    assert_eq!(log["items"][0]["actor_kind"], "staff");
}

both!(
    progress_is_done_over_all_but_cancelled,
    the_board_can_be_reordered_only_with_every_task_once,
    invalid_projects_are_422_and_change_nothing,
    the_client_sees_their_own_projects_with_a_read_only_board,
    other_tenants_get_404_and_change_nothing,
    changes_are_in_the_projects_activity_for_staff,
);
