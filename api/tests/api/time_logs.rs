//! Time logs: staff log, change and remove entries with totals; the client sees billable
//! entries only, with amounts rounded half to even and totals per project and per month;
//! non-billable time never reaches the portal, not even in a total.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem, refused_status};

const PROJECTS: &str = "/api/v1/projects";
const PORTAL_PROJECTS: &str = "/api/v1/portal/projects";

async fn project(app: &TestApp, client_id: &str, name: &str) -> String {
    let res = app.post(PROJECTS, &json!({ "client_id": client_id, "name": name, "status": "active" })).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

async fn log(app: &TestApp, token: &str, project: &str, body: Value) -> Value {
    let res =
        app.req_as(token, Method::POST, &format!("{PROJECTS}/{project}/time-logs")).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 201, "log {body}");
    res.json().await.unwrap()
}

fn entry(date: &str, minutes: i64, description: &str, billable: bool, rate: Option<i64>) -> Value {
    json!({ "work_date": date, "minutes": minutes, "description": description, "billable": billable, "hourly_rate_minor": rate })
}

async fn get_json(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.req_as(token, Method::GET, path).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {path}");
    res.json().await.unwrap()
}

async fn staff_log_change_and_remove_time_with_totals(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let p = project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let owner = bearer(&staff_login(&app, "owner@acme.example").await);
    let a = log(&app, &owner, &p, entry("2026-11-02", 90, " Logo concepts ", true, Some(8000))).await;
    assert_eq!(a["description"], "Logo concepts");
    assert_eq!(a["amount_minor"], 12000);
    assert_eq!(a["currency"], "EUR");
    assert_eq!(a["staff_name"], "owner", "defaults to the caller");
    assert!(a["staff_id"].is_string());
    let b = log(&app, &app.key, &p, entry("2026-11-20", 30, "Internal tidy-up", false, None)).await;
    assert_eq!(b["staff_id"], Value::Null, "an API key is nobody");
    assert_eq!(b["amount_minor"], 0);
    log(&app, &app.key, &p, entry("2026-10-30", 1, "Quick call", true, Some(90))).await;

    let list = get_json(&app, &app.key, &format!("{PROJECTS}/{p}/time-logs")).await;
    let dates: Vec<&str> = list["items"].as_array().unwrap().iter().map(|e| e["work_date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2026-11-20", "2026-11-02", "2026-10-30"], "newest work date first");
    assert_eq!(
        list["totals"],
        json!({ "minutes": 121, "billable_minutes": 91, "billable_amount_minor": 12002, "currency": "EUR" }),
        "1 min at 0.90/h is 1.5 cents, rounded half to even: 2"
    );

    let aid = a["id"].as_str().unwrap();
    let res = app.patch(&format!("/api/v1/time-logs/{aid}"), &json!({ "minutes": 60, "billable": false })).await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!((changed["minutes"].as_i64(), changed["amount_minor"].as_i64()), (Some(60), Some(0)));
    let bid = b["id"].as_str().unwrap();
    let p422 = problem(app.patch(&format!("/api/v1/time-logs/{bid}"), &json!({ "billable": true })).await, 422).await;
    assert_eq!(fields(&p422), ["hourly_rate_minor"], "billable needs a rate");
    let res = app.req(Method::DELETE, &format!("/api/v1/time-logs/{bid}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.req(Method::DELETE, &format!("/api/v1/time-logs/{bid}")).send().await.unwrap(), 404).await;
    let list = get_json(&app, &app.key, &format!("{PROJECTS}/{p}/time-logs")).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["totals"]["minutes"], 61);
    assert_eq!(list["totals"]["billable_amount_minor"], 2);
}

async fn invalid_time_is_422_and_changes_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let p = project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let path = format!("{PROJECTS}/{p}/time-logs");
    for (body, field) in [
        (entry("2026-11-02", 0, "x", false, None), "minutes"),
        (entry("2026-11-02", 1441, "x", false, None), "minutes"),
        (entry("2026-11-02", 60, "  ", false, None), "description"),
        (entry("2026-11-02", 60, "x", true, None), "hourly_rate_minor"),
        (entry("2026-11-02", 60, "x", true, Some(-1)), "hourly_rate_minor"),
        (
            json!({ "work_date": "2026-11-02", "minutes": 60, "description": "x", "billable": false, "staff_id": "nobody" }),
            "staff_id",
        ),
    ] {
        let p = problem(app.post(&path, &body).await, refused_status(&body)).await;
        assert_eq!(fields(&p), [field], "{body}");
    }
    let res = app
        .post(&path, &json!({ "work_date": "yesterday", "minutes": 60, "description": "x", "billable": false }))
        .await;
    assert!(res.status().is_client_error());
    let list = get_json(&app, &app.key, &path).await;
    assert_eq!(list["items"], json!([]), "nothing was logged");
    let e = log(&app, &app.key, &p, entry("2026-11-02", 60, "Logo", true, Some(8000))).await;
    let eid = e["id"].as_str().unwrap();
    for body in [json!({ "minutes": 0 }), json!({ "hourly_rate_minor": null }), json!({ "description": null })] {
        let res = app.patch(&format!("/api/v1/time-logs/{eid}"), &body).await;
        assert_eq!(res.status(), 422, "{body}");
    }
    let list = get_json(&app, &app.key, &path).await;
    assert_eq!(list["items"][0], e, "unchanged");
}

async fn the_client_sees_billable_time_only_with_totals_per_project_and_month(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let mid = maria["id"].as_str().unwrap();
    let brand = project(&app, mid, "Brand refresh").await;
    let site = project(&app, mid, "Website").await;
    let secret = "SECRET-NONBILLABLE cleanup";
    log(&app, &app.key, &brand, entry("2026-10-30", 1, "Quick call", true, Some(90))).await;
    log(&app, &app.key, &brand, entry("2026-11-02", 1, "Another quick call", true, Some(90))).await;
    log(&app, &app.key, &brand, entry("2026-11-03", 60, "Logo concepts", true, Some(8000))).await;
    log(&app, &app.key, &brand, entry("2026-11-04", 1357, secret, false, Some(8000))).await;
    log(&app, &app.key, &site, entry("2026-11-10", 30, "Sitemap", true, Some(10000))).await;
    let hidden = log(&app, &app.key, &site, entry("2026-09-01", 45, "Was billable", true, Some(10000))).await;
    let res = app
        .patch(&format!("/api/v1/time-logs/{}", hidden["id"].as_str().unwrap()), &json!({ "billable": false }))
        .await;
    assert_eq!(res.status(), 200);

    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let time = get_json(&app, &token, &format!("{PORTAL_PROJECTS}/{brand}/time")).await;
    let minutes: Vec<i64> =
        time["entries"].as_array().unwrap().iter().map(|e| e["minutes"].as_i64().unwrap()).collect();
    assert_eq!(minutes, [60, 1, 1], "billable only, newest first");
    assert_eq!(time["entries"][0]["amount_minor"], 8000);
    assert_eq!(time["entries"][1]["amount_minor"], 2, "1.5 cents rounds half to even: 2");
    assert_eq!(time["totals"], json!({ "minutes": 62, "amount_minor": 8004, "currency": "EUR" }));
    assert_eq!(
        time["by_month"],
        json!([
            { "month": "2026-11", "minutes": 61, "amount_minor": 8002 },
            { "month": "2026-10", "minutes": 1, "amount_minor": 2 },
        ])
    );
    assert!(time["entries"][0].get("hourly_rate_minor").is_none() && time["entries"][0].get("billable").is_none());

    let all = get_json(&app, &token, "/api/v1/portal/time").await;
    assert_eq!(
        all["projects"],
        json!([
            { "project_id": brand, "project_name": "Brand refresh", "minutes": 62, "amount_minor": 8004 },
            { "project_id": site, "project_name": "Website", "minutes": 30, "amount_minor": 5000 },
        ])
    );
    assert_eq!(all["totals"], json!({ "minutes": 92, "amount_minor": 13004, "currency": "EUR" }));
    assert_eq!(
        all["by_month"],
        json!([
            { "month": "2026-11", "minutes": 91, "amount_minor": 13002 },
            { "month": "2026-10", "minutes": 1, "amount_minor": 2 },
        ]),
        "September's entry is no longer billable"
    );

    // Neither non-billable entry shows up anywhere in the portal.
    for path in [
        format!("{PORTAL_PROJECTS}/{brand}/time"),
        format!("{PORTAL_PROJECTS}/{site}/time"),
        "/api/v1/portal/time".to_string(),
        "/api/v1/portal/dashboard".to_string(),
        format!("{PORTAL_PROJECTS}/{brand}"),
    ] {
        let text = app.req_as(&token, Method::GET, &path).send().await.unwrap().text().await.unwrap();
        assert!(!text.contains("SECRET-NONBILLABLE") && !text.contains("Was billable"), "{path}: {text}");
        // As JSON numbers and dates: a random id may well hold the digits "1357".
        assert!(!text.contains(":1357") && !text.contains("\"2026-09"), "{path}: {text}");
    }
}

async fn other_clients_and_tenants_get_404_and_change_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let p = project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let e = log(&app, &app.key, &p, entry("2026-11-02", 60, "Logo", true, Some(8000))).await;
    let eid = e["id"].as_str().unwrap();
    app.client("Lukas Becker", "lukas@becker.de").await;
    let lukas = bearer(&client_login(&app, "lukas@becker.de").await);
    problem(app.req_as(&lukas, Method::GET, &format!("{PORTAL_PROJECTS}/{p}/time")).send().await.unwrap(), 404).await;
    let his = get_json(&app, &lukas, "/api/v1/portal/time").await;
    assert_eq!(his["projects"], json!([]));
    assert_eq!(his["totals"]["amount_minor"], 0);

    let (_, intruder) = app.other_tenant("beta");
    for (method, path, body) in [
        (Method::GET, format!("{PROJECTS}/{p}/time-logs"), None),
        (Method::POST, format!("{PROJECTS}/{p}/time-logs"), Some(entry("2026-11-02", 60, "Pwned", false, None))),
        (Method::PATCH, format!("/api/v1/time-logs/{eid}"), Some(json!({ "minutes": 1 }))),
        (Method::DELETE, format!("/api/v1/time-logs/{eid}"), None),
    ] {
        let mut req = app.req_as(&intruder, method.clone(), &path);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let prob = problem(req.send().await.unwrap(), 404).await;
        assert!(!prob.to_string().contains("Logo"), "{method} {path}: {prob}");
    }
    let list = get_json(&app, &app.key, &format!("{PROJECTS}/{p}/time-logs")).await;
    assert_eq!(list["items"], json!([e]), "unchanged");
}

both!(
    staff_log_change_and_remove_time_with_totals,
    invalid_time_is_422_and_changes_nothing,
    the_client_sees_billable_time_only_with_totals_per_project_and_month,
    other_clients_and_tenants_get_404_and_change_nothing,
);
