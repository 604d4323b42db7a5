//! Staff appointments: booking, overlap, filters, paging, changes and status transitions.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};

/// A service of `acme` lasting `minutes`; returns its id.
pub async fn service(app: &TestApp, name: &str, minutes: i64) -> String {
    let res =
        app.post("/api/v1/services", &json!({ "name": name, "duration_minutes": minutes, "price_minor": 0 })).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    body["id"].as_str().unwrap().to_string()
}

/// The id of `acme`'s owner, its only staff member at first.
pub async fn owner_id(app: &TestApp) -> String {
    let list: Value = app.get("/api/v1/staff").await.json().await.unwrap();
    list["items"][0]["id"].as_str().unwrap().to_string()
}

/// Adds a staff member to `acme`; returns its id.
pub async fn add_staff(app: &TestApp, email: &str) -> String {
    let res = app.post("/api/v1/staff", &json!({ "email": email, "name": "Sam Staff", "role": "member" })).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    body["id"].as_str().unwrap().to_string()
}

/// Books an appointment; returns the response.
pub async fn book(app: &TestApp, body: Value) -> reqwest::Response {
    app.post("/api/v1/appointments", &body).await
}

pub async fn booked(app: &TestApp, body: Value) -> Value {
    let res = book(app, body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn status(app: &TestApp, id: &str, to: &str) -> reqwest::Response {
    app.post(&format!("/api/v1/appointments/{id}/status"), &json!({ "status": to })).await
}

async fn staff_book_and_read_appointments(app: TestApp) {
    let client = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = client["id"].as_str().unwrap();
    let sid = service(&app, "Design consultation", 60).await;
    let owner = owner_id(&app).await;
    let res = book(
        &app,
        json!({ "client_id": cid, "service_id": sid, "staff_id": owner, "starts_at": "2030-03-04T09:00:00Z", "notes": "Bring samples" }),
    )
    .await;
    assert_eq!(res.status(), 201);
    let loc = res.headers()["location"].to_str().unwrap().to_string();
    let a: Value = res.json().await.unwrap();
    assert_eq!(a["status"], "confirmed");
    assert_eq!(a["client_name"], "Maria Lopez");
    assert_eq!(a["service_name"], "Design consultation");
    assert_eq!(a["staff_id"], owner.as_str());
    assert_eq!(a["starts_at"], "2030-03-04T09:00:00Z");
    assert_eq!(a["ends_at"], "2030-03-04T10:00:00Z");
    assert_eq!(a["notes"], "Bring samples");
    assert_eq!(a["cancelled_by"], Value::Null);
    let got: Value = app.get(&loc).await.json().await.unwrap();
    assert_eq!(got, a);

    // The same staff member, an overlapping time: refused, nothing written.
    let clash = json!({ "client_id": cid, "service_id": sid, "staff_id": owner, "starts_at": "2030-03-04T09:30:00Z" });
    let p = problem(book(&app, clash).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("no longer free"), "{p}");
    // One staff member in all: an unassigned booking at that time has nobody free either.
    let unassigned = json!({ "client_id": cid, "service_id": sid, "starts_at": "2030-03-04T09:59:00Z" });
    problem(book(&app, unassigned).await, 409).await;
    // Back to back is fine.
    let next = booked(
        &app,
        json!({ "client_id": cid, "service_id": sid, "starts_at": "2030-03-04T10:00:00Z", "status": "pending" }),
    )
    .await;
    assert_eq!(next["status"], "pending");
    assert_eq!(next["staff_id"], Value::Null);

    let log: Value = app.get(&format!("/api/v1/clients/{cid}/activity")).await.json().await.unwrap();
    let booked_entries = log["items"].as_array().unwrap().iter().filter(|e| e["verb"] == "booked").count();
    assert_eq!(booked_entries, 2, "the client's timeline shows each booking");
}

async fn staff_filter_and_page_appointments(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let james = app.client("James Whitfield", "james@w.co.uk").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Call", 30).await;
    let owner = owner_id(&app).await;
    let mut ids = Vec::new();
    for (i, (client, day)) in [(&maria, 4), (&james, 5), (&maria, 6), (&james, 7)].into_iter().enumerate() {
        let staff = if i % 2 == 0 { json!(owner) } else { Value::Null };
        let a = booked(
            &app,
            json!({ "client_id": client, "service_id": sid, "staff_id": staff, "starts_at": format!("2030-03-0{day}T09:00:00Z") }),
        )
        .await;
        ids.push(a["id"].as_str().unwrap().to_string());
    }
    assert_eq!(status(&app, &ids[1], "cancelled").await.status(), 200);

    let page = |q: &str| {
        let app = &app;
        let q = q.to_string();
        async move {
            let res = app.get(&format!("/api/v1/appointments{q}")).await;
            assert_eq!(res.status(), 200, "{q}");
            let v: Value = res.json().await.unwrap();
            v["items"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect::<Vec<_>>()
        }
    };
    assert_eq!(page("").await, ids);
    assert_eq!(page(&format!("?client_id={maria}")).await, [ids[0].clone(), ids[2].clone()]);
    assert_eq!(page(&format!("?staff_id={owner}")).await, [ids[0].clone(), ids[2].clone()]);
    assert_eq!(page("?status=cancelled").await, [ids[1].clone()]);
    assert_eq!(page("?from=2030-03-05T00:00:00Z&to=2030-03-07T00:00:00Z").await, [ids[1].clone(), ids[2].clone()]);
    assert_eq!(page("?from=2030-03-05T01:00:00%2B01:00").await.len(), 3, "offsets are understood");

    let first: Value = app.get("/api/v1/appointments?limit=3").await.json().await.unwrap();
    assert_eq!(first["items"].as_array().unwrap().len(), 3);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest: Value = app.get(&format!("/api/v1/appointments?limit=3&cursor={cursor}")).await.json().await.unwrap();
    assert_eq!(rest["items"][0]["id"], ids[3].as_str());
    assert_eq!(rest["next_cursor"], Value::Null);

    for bad in ["?status=done", "?from=yesterday", "?limit=0", "?cursor=a+b"] {
        problem(app.get(&format!("/api/v1/appointments{bad}")).await, 400).await;
    }
    // Well-formed, as the spec says a cursor is, but no page of this list: a page that is not there.
    problem(app.get("/api/v1/appointments?cursor=zzz").await, 404).await;
}

async fn status_transitions_allowed_and_refused(app: TestApp) {
    let cid = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Call", 30).await;
    let mut n = 0;
    let mut fresh = |status: &'static str| {
        n += 1;
        json!({ "client_id": cid, "service_id": sid, "starts_at": format!("2030-04-{:02}T09:00:00Z", n), "status": status })
    };
    // Allowed: pending → confirmed → completed; confirmed → no_show; pending → cancelled.
    let a = booked(&app, fresh("pending")).await;
    let id = a["id"].as_str().unwrap();
    assert_eq!(status(&app, id, "confirmed").await.status(), 200);
    let done: Value = status(&app, id, "completed").await.json().await.unwrap();
    assert_eq!(done["status"], "completed");
    let b = booked(&app, fresh("confirmed")).await;
    let no_show: Value = status(&app, b["id"].as_str().unwrap(), "no_show").await.json().await.unwrap();
    assert_eq!(no_show["status"], "no_show");
    let c = booked(&app, fresh("pending")).await;
    let res = app
        .post(
            &format!("/api/v1/appointments/{}/status", c["id"].as_str().unwrap()),
            &json!({ "status": "cancelled", "reason": " Ill " }),
        )
        .await;
    let cancelled: Value = res.json().await.unwrap();
    assert_eq!(cancelled["cancel_reason"], "Ill");
    assert_eq!(cancelled["cancelled_by"], "staff");

    // Refused: each names the current and the requested status and changes nothing.
    let d = booked(&app, fresh("pending")).await;
    let d_id = d["id"].as_str().unwrap();
    for (id, to, now) in [
        (id, "confirmed", "completed"),
        (id, "cancelled", "completed"),
        (d_id, "completed", "pending"),
        (d_id, "no_show", "pending"),
        (d_id, "pending", "pending"),
        (cancelled["id"].as_str().unwrap(), "confirmed", "cancelled"),
    ] {
        let before: Value = app.get(&format!("/api/v1/appointments/{id}")).await.json().await.unwrap();
        let p = problem(status(&app, id, to).await, 409).await;
        let detail = p["detail"].as_str().unwrap();
        assert!(detail.contains(now) && detail.contains(to), "{detail}");
        let after: Value = app.get(&format!("/api/v1/appointments/{id}")).await.json().await.unwrap();
        assert_eq!(after, before);
    }
    let p = problem(app.post(&format!("/api/v1/appointments/{d_id}/status"), &json!({ "status": "gone" })).await, 422)
        .await;
    assert_eq!(fields(&p), ["status"]);

    // Over appointments cannot be edited.
    let p = problem(app.patch(&format!("/api/v1/appointments/{id}"), &json!({ "notes": "x" })).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("completed"));
    let log: Value = app.get(&format!("/api/v1/clients/{cid}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|e| e["verb"].as_str().unwrap()).collect();
    for verb in ["confirmed", "completed", "no_show", "cancelled"] {
        assert!(verbs.contains(&verb), "{verb} in {verbs:?}");
    }
}

async fn staff_change_and_move_appointments(app: TestApp) {
    let cid = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let short = service(&app, "Call", 30).await;
    let long = service(&app, "Workshop", 120).await;
    let owner = owner_id(&app).await;
    let second = add_staff(&app, "sam@acme.example").await;
    let a = booked(
        &app,
        json!({ "client_id": cid, "service_id": short, "staff_id": owner, "starts_at": "2030-05-06T09:00:00Z" }),
    )
    .await;
    booked(
        &app,
        json!({ "client_id": cid, "service_id": short, "staff_id": owner, "starts_at": "2030-05-06T11:00:00Z" }),
    )
    .await;
    let a_id = a["id"].as_str().unwrap();

    // A longer service would run into b: refused, unchanged.
    let p = problem(
        app.patch(
            &format!("/api/v1/appointments/{a_id}"),
            &json!({ "service_id": long, "starts_at": "2030-05-06T10:00:00Z" }),
        )
        .await,
        409,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("no longer free"));
    let same: Value = app.get(&format!("/api/v1/appointments/{a_id}")).await.json().await.unwrap();
    assert_eq!(same, a);

    // With someone else it fits.
    let res = app
        .patch(&format!("/api/v1/appointments/{a_id}"), &json!({ "service_id": long, "staff_id": second, "starts_at": "2030-05-06T10:00:00Z", "location": "Room 2" }))
        .await;
    assert_eq!(res.status(), 200);
    let moved: Value = res.json().await.unwrap();
    assert_eq!(moved["ends_at"], "2030-05-06T12:00:00Z");
    assert_eq!(moved["staff_name"], "Sam Staff");
    assert_eq!(moved["location"], "Room 2");
    // Unassigned, it still fits: two staff members, one other live appointment at 11:00.
    let freed: Value = app
        .patch(&format!("/api/v1/appointments/{a_id}"), &json!({ "staff_id": null, "location": null }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(freed["staff_id"], Value::Null);
    assert_eq!(freed["location"], Value::Null);

    let log: Value = app.get(&format!("/api/v1/clients/{cid}/activity")).await.json().await.unwrap();
    let moved_entry = log["items"].as_array().unwrap().iter().find(|e| e["verb"] == "moved").unwrap();
    assert_eq!(moved_entry["data"]["from"], "2030-05-06T09:00:00Z");
    assert_eq!(moved_entry["data"]["to"], "2030-05-06T10:00:00Z");
}

async fn invalid_bookings_are_422_and_other_tenants_404(app: TestApp) {
    let cid = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Call", 30).await;
    let p = problem(book(&app, json!({ "client_id": "nope", "service_id": "nope", "staff_id": "nope", "starts_at": "2030-01-01T09:00:00Z" })).await, 404).await;
    assert_eq!(fields(&p), ["client_id", "service_id", "staff_id"]);
    let p =
        problem(book(&app, json!({ "client_id": cid, "service_id": sid, "starts_at": "tomorrow", })).await, 422).await;
    assert_eq!(fields(&p), ["starts_at"]);
    let p = problem(
        book(
            &app,
            json!({ "client_id": cid, "service_id": sid, "starts_at": "2030-01-01T09:00:00Z", "status": "completed" }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(fields(&p), ["status"]);
    problem(book(&app, json!({ "client_id": cid })).await, 422).await;

    let a = booked(&app, json!({ "client_id": cid, "service_id": sid, "starts_at": "2030-01-01T09:00:00Z" })).await;
    let id = a["id"].as_str().unwrap();
    let (_, other) = app.other_tenant("beta");
    for (method, path, body) in [
        (Method::GET, format!("/api/v1/appointments/{id}"), None),
        (Method::PATCH, format!("/api/v1/appointments/{id}"), Some(json!({ "notes": "x" }))),
        (Method::POST, format!("/api/v1/appointments/{id}/status"), Some(json!({ "status": "cancelled" }))),
    ] {
        let mut req = app.req_as(&other, method, &path);
        if let Some(b) = body {
            req = req.json(&b);
        }
        problem(req.send().await.unwrap(), 404).await;
    }
    // Their own booking cannot name our client or service.
    let res = app
        .req_as(&other, Method::POST, "/api/v1/appointments")
        .json(&json!({ "client_id": cid, "service_id": sid, "starts_at": "2030-01-02T09:00:00Z" }));
    assert_eq!(fields(&problem(res.send().await.unwrap(), 404).await), ["client_id", "service_id"]);
    let theirs: Value =
        app.req_as(&other, Method::GET, "/api/v1/appointments").send().await.unwrap().json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));
    let after: Value = app.get(&format!("/api/v1/appointments/{id}")).await.json().await.unwrap();
    assert_eq!(after, a);
}

both!(
    staff_book_and_read_appointments,
    staff_filter_and_page_appointments,
    status_transitions_allowed_and_refused,
    staff_change_and_move_appointments,
    invalid_bookings_are_422_and_other_tenants_404,
);
