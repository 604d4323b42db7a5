//! Free slots and rescheduling: opening hours, daylight saving, freed times, and many
//! clients racing for one slot.

use futures_util::future::join_all;
use reqwest::Method;
use serde_json::{Value, json};

use crate::appointments::{booked, owner_id, service};
use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, problem};

async fn put_settings(app: &TestApp, hours: Value, step: i64) {
    // The horizon at its widest: these tests look at dates years ahead.
    let body = json!({ "weekly_hours": hours, "closed_days": [], "cancellation_cutoff_hours": 24, "slot_step_minutes": step, "location": null, "max_days_ahead": 3650 });
    assert_eq!(app.req(Method::PUT, "/api/v1/booking-settings").json(&body).send().await.unwrap().status(), 200);
}

/// The default hours (Monday to Friday, 09:00–17:00, 15 min apart), reaching years ahead.
async fn default_hours(app: &TestApp) {
    let hours: Vec<Value> = (1..=5).map(|d| json!({ "weekday": d, "opens": "09:00", "closes": "17:00" })).collect();
    put_settings(app, json!(hours), 15).await;
}

fn starts(list: &Value) -> Vec<String> {
    list["slots"].as_array().unwrap().iter().map(|s| s["starts_at"].as_str().unwrap().to_string()).collect()
}

async fn slots_follow_daylight_saving_in_the_tenants_zone(app: TestApp) {
    assert_eq!(app.patch("/api/v1/tenant", &json!({ "timezone": "Europe/Berlin" })).await.status(), 200);
    // Sunday 01:00–04:00 local: the nights the clocks change fall inside it.
    put_settings(&app, json!([{ "weekday": 7, "opens": "01:00", "closes": "04:00" }]), 60).await;
    let cid = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Hour", 60).await;
    let a = booked(&app, json!({ "client_id": cid, "service_id": sid, "starts_at": "2027-12-01T10:00:00Z" })).await;
    let id = a["id"].as_str().unwrap();

    let spring: Value =
        app.get(&format!("/api/v1/appointments/{id}/slots?from=2027-03-28&to=2027-03-28")).await.json().await.unwrap();
    assert_eq!(spring["timezone"], "Europe/Berlin");
    assert_eq!(spring["duration_minutes"], 60);
    // 02:00 does not exist that night: 01:00 CET (UTC+1) and 03:00 CEST (UTC+2) only.
    assert_eq!(starts(&spring), ["2027-03-28T00:00:00Z", "2027-03-28T01:00:00Z"]);
    assert_eq!(spring["slots"][1]["ends_at"], "2027-03-28T02:00:00Z");

    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let res = app
        .req_as(&token, Method::GET, &format!("/api/v1/portal/appointments/{id}/slots?from=2027-10-31&to=2027-10-31"))
        .send()
        .await
        .unwrap();
    let autumn: Value = res.json().await.unwrap();
    // 02:00 happens twice: once in CEST (00:00Z), once in CET (01:00Z).
    assert_eq!(
        starts(&autumn),
        ["2027-10-30T23:00:00Z", "2027-10-31T00:00:00Z", "2027-10-31T01:00:00Z", "2027-10-31T02:00:00Z"]
    );

    for bad in ["?from=2027-13-01", "?to=2027-02-30", "?from=1999-03-01"] {
        problem(app.get(&format!("/api/v1/appointments/{id}/slots{bad}")).await, 400).await;
    }
}

async fn rescheduling_takes_only_free_slots_and_cancelling_frees_them(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let james = app.client("James W", "james@w.co.uk").await["id"].as_str().unwrap().to_string();
    default_hours(&app).await;
    let sid = service(&app, "Call", 60).await;
    let owner = owner_id(&app).await;
    // Monday 2030-06-03 in Paris: 09:00–17:00 local is 07:00–15:00 UTC.
    let mine = booked(
        &app,
        json!({ "client_id": maria, "service_id": sid, "staff_id": owner, "starts_at": "2030-06-03T07:00:00Z" }),
    )
    .await;
    let theirs = booked(
        &app,
        json!({ "client_id": james, "service_id": sid, "staff_id": owner, "starts_at": "2030-06-03T09:00:00Z" }),
    )
    .await;
    let id = mine["id"].as_str().unwrap();
    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let slots_path = format!("/api/v1/portal/appointments/{id}/slots?from=2030-06-03&to=2030-06-03");
    let list: Value = app.req_as(&token, Method::GET, &slots_path).send().await.unwrap().json().await.unwrap();
    let got = starts(&list);
    assert!(got.contains(&"2030-06-03T07:00:00Z".to_string()), "its own time stays free for it");
    assert!(
        !got.iter().any(|s| s.starts_with("2030-06-03T08:15")
            || s.starts_with("2030-06-03T09:00")
            || s.starts_with("2030-06-03T09:45")),
        "{got:?}"
    );
    assert_eq!(got.last().unwrap(), "2030-06-03T14:00:00Z", "the last hour that fits before 17:00");

    let move_to = |at: &str| {
        app.req_as(&token, Method::POST, &format!("/api/v1/portal/appointments/{id}/reschedule"))
            .json(&json!({ "starts_at": at }))
            .send()
    };
    let p = problem(move_to("2030-06-03T09:30:00Z").await.unwrap(), 409).await;
    assert_eq!(p["detail"], "That time is not available any more; pick another.");
    problem(move_to("2030-06-03T16:00:00Z").await.unwrap(), 409).await; // after closing
    problem(move_to("2030-06-03T07:05:00Z").await.unwrap(), 409).await; // off the step

    // James cancels; his time becomes a slot and Maria moves there.
    app.post(
        &format!("/api/v1/appointments/{}/status", theirs["id"].as_str().unwrap()),
        &json!({ "status": "cancelled" }),
    )
    .await;
    let list: Value = app.req_as(&token, Method::GET, &slots_path).send().await.unwrap().json().await.unwrap();
    assert!(starts(&list).contains(&"2030-06-03T09:00:00Z".to_string()));
    let mails = app.smtp.count_to("maria@lopez.es");
    let owner_mails = app.smtp.count_to("owner@acme.example");
    let res = move_to("2030-06-03T09:00:00Z").await.unwrap();
    assert_eq!(res.status(), 200);
    let moved: Value = res.json().await.unwrap();
    assert_eq!(moved["starts_at"], "2030-06-03T09:00:00Z");
    assert_eq!(moved["ends_at"], "2030-06-03T10:00:00Z");
    assert_eq!(moved["status"], "confirmed");
    let last = moved["history"].as_array().unwrap().last().unwrap()["text"].as_str().unwrap().to_string();
    // In the reader's language (the app sends it; English here), on the business's clock.
    assert_eq!(last, "Moved from Jun 3, 2030, 9:00\u{a0}AM CEST to Jun 3, 2030, 11:00\u{a0}AM CEST");
    // Notices of the cancellation may still be arriving: look for the move's own.
    app.smtp.next_to("maria@lopez.es", mails, |m| m.subject().contains("Appointment moved")).await;
    app.smtp.next_to("owner@acme.example", owner_mails, |m| m.decoded().contains("Maria Lopez moved their Call")).await;

    // Someone else's appointment, and a read-only view, change nothing.
    let other = bearer(&client_login(&app, "james@w.co.uk").await);
    problem(app.req_as(&other, Method::GET, &slots_path).send().await.unwrap(), 404).await;
    let res = app
        .req_as(&other, Method::POST, &format!("/api/v1/portal/appointments/{id}/reschedule"))
        .json(&json!({ "starts_at": "2030-06-03T12:00:00Z" }));
    problem(res.send().await.unwrap(), 404).await;
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{maria}/impersonate")).send().await.unwrap();
    let viewer = bearer(&res.json::<Value>().await.unwrap());
    let res = app
        .req_as(&viewer, Method::POST, &format!("/api/v1/portal/appointments/{id}/reschedule"))
        .json(&json!({ "starts_at": "2030-06-03T12:00:00Z" }));
    problem(res.send().await.unwrap(), 403).await;
    let (_, intruder) = app.other_tenant("beta");
    problem(app.req_as(&intruder, Method::GET, &format!("/api/v1/appointments/{id}/slots")).send().await.unwrap(), 404)
        .await;
    let after: Value = app.get(&format!("/api/v1/appointments/{id}")).await.json().await.unwrap();
    assert_eq!(after["starts_at"], "2030-06-03T09:00:00Z");
}

async fn many_clients_racing_for_one_slot_exactly_one_wins(app: TestApp) {
    default_hours(&app).await;
    let sid = service(&app, "Call", 30).await;
    let owner = owner_id(&app).await;
    let mut racers = Vec::new();
    for i in 0..20 {
        let email = format!("racer{i}@example.com");
        let cid = app.client(&format!("Racer {i}"), &email).await["id"].as_str().unwrap().to_string();
        // Staff may book outside opening hours: each starts at its own night-time hour.
        let at = format!("2030-07-{:02}T{:02}:00:00Z", 1 + i / 4, 20 + i % 4);
        let a = booked(&app, json!({ "client_id": cid, "service_id": sid, "staff_id": owner, "starts_at": at })).await;
        let token = bearer(&client_login(&app, &email).await);
        racers.push((a["id"].as_str().unwrap().to_string(), token));
    }
    // Monday 2030-07-08, 10:00 in Paris.
    let target = "2030-07-08T08:00:00Z";
    let attempts = racers.iter().map(|(id, token)| {
        app.req_as(token, Method::POST, &format!("/api/v1/portal/appointments/{id}/reschedule"))
            .json(&json!({ "starts_at": target }))
            .send()
    });
    let statuses: Vec<u16> = join_all(attempts).await.into_iter().map(|r| r.unwrap().status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 19, "{statuses:?}");
    let at_target: Value =
        app.get("/api/v1/appointments?from=2030-07-08T08:00:00Z&to=2030-07-08T08:00:01Z").await.json().await.unwrap();
    assert_eq!(at_target["items"].as_array().unwrap().len(), 1);
}

/// Any dates the spec allows are answered: a range ending before it starts has no slots, and
/// one longer than 31 days stops after 31; only a malformed or out-of-window date is 400.
async fn any_range_of_dates_is_answered(app: TestApp) {
    put_settings(&app, json!([{ "weekday": 1, "opens": "09:00", "closes": "10:00" }]), 60).await;
    let cid = app.client("Maria Lopez", "maria@lopez.es").await["id"].as_str().unwrap().to_string();
    let sid = service(&app, "Hour", 60).await;
    let a = booked(&app, json!({ "client_id": cid, "service_id": sid, "starts_at": "2031-12-01T10:00:00Z" })).await;
    let slots = |q: &str| format!("/api/v1/appointments/{}/slots?{q}", a["id"].as_str().unwrap());

    let backwards = app.get(&slots("from=2031-03-10&to=2031-03-01")).await;
    assert_eq!(backwards.status(), 200);
    assert_eq!(backwards.json::<Value>().await.unwrap()["slots"], json!([]));

    // Mondays from 3 March 2031: 31 days hold five of them; a year would hold 52.
    let year: Value = app.get(&slots("from=2031-03-03&to=2032-03-01")).await.json().await.unwrap();
    let days = starts(&year);
    assert_eq!(days.len(), 5, "{days:?}");
    assert!(days.last().unwrap().as_str() < "2031-04-03", "{days:?}");

    for bad in ["from=1999-12-31", "to=2031-02-30", "from=", "to=tomorrow"] {
        problem(app.get(&slots(bad)).await, 400).await;
    }
}

both!(
    any_range_of_dates_is_answered,
    slots_follow_daylight_saving_in_the_tenants_zone,
    rescheduling_takes_only_free_slots_and_cancelling_frees_them,
    many_clients_racing_for_one_slot_exactly_one_wins,
);
