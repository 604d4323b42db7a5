//! Races at higher counts than the domain tests run them (issue 10): many writers at once on
//! one database answer no 5xx (SQLite included), numbering stays gapless, and a refresh
//! token raced against itself never yields two live sessions. The decisions each domain
//! module races (quote accept, slot booking, deliverable approve/reject, contract signature)
//! are raced here five to ten times harder: exactly one wins, every loser is a 409 problem,
//! and what the winner did happened once.

use std::collections::BTreeMap;
use std::time::Duration;

use futures_util::future::join_all;
use reqwest::Method;
use serde_json::{Value, json};

use crate::appointments::{booked, owner_id, service};
use crate::both;
use crate::flows::{bearer, client_login};
use crate::helpers::TestApp;
use crate::invoices::{INVOICES, line};
use crate::{contracts, deliverables, quotes};

const WRITERS: usize = 100;
/// Concurrent attempts at one decision (the domain tests race 10 to 50).
const RACERS: usize = 100;

async fn a_hundred_writers_at_once_all_succeed(app: TestApp) {
    let creates = (0..WRITERS).map(|i| {
        let app = &app;
        async move {
            app.post(
                "/api/v1/clients",
                &json!({ "name": format!("Writer {i}"), "email": format!("w{i}@race.example") }),
            )
            .await
        }
    });
    let statuses: Vec<u16> = join_all(creates).await.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 201), "every write answered 201: {statuses:?}");
    let page: Value = app.get("/api/v1/clients?q=race.example&limit=100").await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), WRITERS);
}

async fn a_hundred_invoices_at_once_are_numbered_without_gaps(app: TestApp) {
    let client: Value = app.client("Numa Count", "numa@race.example").await;
    let body = json!({ "client_id": client["id"], "title": "Race", "lines": [line("Item", json!(1), 1_000, 0)] });
    let creates = (0..WRITERS).map(|_| {
        let (app, body) = (&app, body.clone());
        async move { app.post(INVOICES, &body).await }
    });
    let mut numbers = Vec::new();
    for res in join_all(creates).await {
        assert_eq!(res.status(), 201);
        let v: Value = res.json().await.unwrap();
        let number = v["number"].as_str().unwrap().to_string();
        numbers.push(number.rsplit('-').next().unwrap().parse::<usize>().unwrap());
    }
    numbers.sort();
    assert_eq!(numbers, (1..=WRITERS).collect::<Vec<_>>());
}

async fn one_refresh_token_raced_twenty_times_leaves_at_most_one_session(app: TestApp) {
    app.client("Rhea Fresh", "rhea@race.example").await;
    let first = client_login(&app, "rhea@race.example").await;
    let token = first["refresh_token"].as_str().unwrap().to_string();
    let tries = (0..20).map(|_| {
        let (app, token) = (&app, token.clone());
        async move {
            app.http
                .post(app.url("/api/v1/auth/refresh"))
                .json(&json!({ "refresh_token": token }))
                .send()
                .await
                .unwrap()
        }
    });
    let mut won = Vec::new();
    for res in join_all(tries).await {
        match res.status().as_u16() {
            200 => won.push(res.json::<Value>().await.unwrap()),
            401 => {}
            other => panic!("a raced refresh answered {other}"),
        }
    }
    assert!(won.len() <= 1, "{} refreshes of one token succeeded", won.len());
    // The token was presented again after it rotated: taken as stolen, the session ended.
    let me =
        app.req_as(first["access_token"].as_str().unwrap(), Method::GET, "/api/v1/portal/me").send().await.unwrap();
    assert_eq!(me.status(), 401);
    for tokens in won {
        let again =
            app.http.post(app.url("/api/v1/auth/refresh")).json(&json!({ "refresh_token": tokens["refresh_token"] }));
        assert_eq!(again.send().await.unwrap().status(), 401);
    }
}

/// The statuses of raced answers, each refusal checked to be a problem document; the tally
/// is printed so a run records what the race produced.
async fn tally(race: &str, answers: Vec<reqwest::Response>) -> (Vec<u16>, Vec<Value>) {
    let (mut statuses, mut won) = (Vec::new(), Vec::new());
    for res in answers {
        let status = res.status().as_u16();
        let kind = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        if status >= 400 {
            assert_eq!(kind, "application/problem+json", "{race}: a {status} without a problem body: {body}");
        } else {
            won.push(body);
        }
        statuses.push(status);
    }
    let mut counts = BTreeMap::new();
    for s in &statuses {
        *counts.entry(*s).or_insert(0) += 1;
    }
    eprintln!("{race}: {} requests answered {counts:?}", statuses.len());
    assert!(statuses.iter().all(|s| *s < 500), "{race}: a 5xx among {counts:?}");
    (statuses, won)
}

fn one_winner(race: &str, statuses: &[u16]) {
    let count = |want: u16| statuses.iter().filter(|s| **s == want).count();
    assert_eq!((count(200) + count(201), count(409)), (1, statuses.len() - 1), "{race}: {statuses:?}");
}

async fn a_hundred_accepts_of_one_quote_start_one_project(app: TestApp) {
    let (cid, token) = quotes::maria(&app).await;
    let id = quotes::sent(&app, &cid, "Race of a hundred").await;
    let accepts = (0..RACERS).map(|_| quotes::accept(&app, &token, &id));
    let (statuses, won) = tally("quote accept", join_all(accepts).await).await;
    one_winner("quote accept", &statuses);

    let project_id = won[0]["project_id"].as_str().unwrap().to_string();
    let projects: Value = app.get(&format!("/api/v1/projects?client_id={cid}")).await.json().await.unwrap();
    let ids: Vec<&str> = projects["items"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [project_id.as_str()], "one project");
    let quote = quotes::staff_view(&app, &id).await;
    assert_eq!((quote["status"].as_str(), quote["project_id"].as_str()), (Some("accepted"), Some(&*project_id)));
    assert_eq!(quotes::verbs(&app, &id), ["created", "sent", "accepted"], "accepted once");
    assert_eq!(quotes::verbs(&app, &project_id), ["created"]);
}

async fn a_hundred_quotes_at_once_are_numbered_without_gaps(app: TestApp) {
    let (cid, _) = quotes::maria(&app).await;
    let creates = (0..RACERS).map(|i| {
        let body = json!({ "client_id": cid, "title": format!("Quote {i}"), "lines": quotes::lines() });
        app.req(Method::POST, quotes::QUOTES).json(&body).send()
    });
    let answers = join_all(creates).await.into_iter().map(Result::unwrap).collect();
    let (statuses, made) = tally("quote numbering", answers).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let mut numbers: Vec<String> = made.iter().map(|q| q["number"].as_str().unwrap().to_string()).collect();
    numbers.sort();
    let expected: Vec<String> = (1..=RACERS as u32).map(quotes::number).collect();
    assert_eq!(numbers, expected, "{RACERS} distinct numbers, no gaps");
}

async fn a_hundred_bookings_of_one_slot_make_one_appointment(app: TestApp) {
    let sid = service(&app, "Call", 30).await;
    let owner = owner_id(&app).await;
    let mut clients = Vec::new();
    for i in 0..RACERS {
        clients.push(app.client(&format!("Booker {i}"), &format!("booker{i}@race.example")).await["id"].clone());
    }
    // Monday 2030-07-08, 10:00 in Paris; each of a hundred clients wants it with the owner.
    let target = "2030-07-08T08:00:00Z";
    let books = clients.iter().map(|cid| {
        let body = json!({ "client_id": cid, "service_id": sid, "staff_id": owner, "starts_at": target });
        app.req(Method::POST, "/api/v1/appointments").json(&body).send()
    });
    let answers = join_all(books).await.into_iter().map(Result::unwrap).collect();
    let (statuses, _) = tally("slot booking", answers).await;
    one_winner("slot booking", &statuses);
    let at: Value =
        app.get(&format!("/api/v1/appointments?from={target}&to=2030-07-08T08:30:00Z")).await.json().await.unwrap();
    assert_eq!(at["items"].as_array().unwrap().len(), 1, "one appointment at the slot");
}

/// A hundred clients, each logged in to the portal, move their appointment to one slot at
/// once (the portal's way to book a time): one moves, the others are told it is taken.
async fn a_hundred_clients_racing_for_one_slot_one_wins(app: TestApp) {
    // The default hours, with a horizon that reaches the race's date in 2030.
    let hours: Vec<Value> = (1..=5).map(|d| json!({ "weekday": d, "opens": "09:00", "closes": "17:00" })).collect();
    let settings = json!({
        "weekly_hours": hours, "closed_days": [], "cancellation_cutoff_hours": 24, "slot_step_minutes": 15,
        "max_days_ahead": 3650,
    });
    assert_eq!(app.req(Method::PUT, "/api/v1/booking-settings").json(&settings).send().await.unwrap().status(), 200);
    let sid = service(&app, "Call", 30).await;
    let owner = owner_id(&app).await;
    let mut racers = Vec::new();
    for i in 0..RACERS {
        let email = format!("racer{i}@race.example");
        let cid = app.client(&format!("Racer {i}"), &email).await["id"].as_str().unwrap().to_string();
        // Staff may book outside opening hours: each starts at its own night-time hour.
        let at = format!("2030-07-{:02}T{:02}:00:00Z", 1 + i / 4, 20 + i % 4);
        let a = booked(&app, json!({ "client_id": cid, "service_id": sid, "staff_id": owner, "starts_at": at })).await;
        racers.push((a["id"].as_str().unwrap().to_string(), email));
    }
    let mut tokens = Vec::new();
    for batch in racers.chunks(20) {
        tokens.extend(join_all(batch.iter().map(|(_, email)| client_login(&app, email))).await.iter().map(bearer));
    }
    let target = "2030-07-08T08:00:00Z";
    let moves = racers.iter().zip(&tokens).map(|((id, _), token)| {
        app.req_as(token, Method::POST, &format!("/api/v1/portal/appointments/{id}/reschedule"))
            .json(&json!({ "starts_at": target }))
            .send()
    });
    let answers = join_all(moves).await.into_iter().map(Result::unwrap).collect();
    let (statuses, won) = tally("portal slot", answers).await;
    one_winner("portal slot", &statuses);
    let at: Value =
        app.get(&format!("/api/v1/appointments?from={target}&to=2030-07-08T08:30:00Z")).await.json().await.unwrap();
    let items = at["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "one appointment at the slot");
    assert_eq!(items[0]["id"], won[0]["id"]);
}

async fn a_hundred_mixed_decisions_on_one_deliverable_one_wins(app: TestApp) {
    let (pid, token, _) = deliverables::setup(&app).await;
    let id = deliverables::create(&app, &pid, "Logo concepts").await["id"].as_str().unwrap().to_string();
    assert_eq!(deliverables::act(&app, &id, "submit", None).await.status(), 200);
    let staff_emails = app.smtp.count_to("owner@acme.example");
    let base = format!("{}/deliverables/{id}", deliverables::PORTAL);
    let decisions = (0..RACERS).map(|i| {
        let req = if i % 2 == 0 {
            app.req_as(&token, Method::POST, &format!("{base}/approve"))
        } else {
            app.req_as(&token, Method::POST, &format!("{base}/request-changes"))
                .json(&json!({ "comment": format!("Change {i}") }))
        };
        req.send()
    });
    let answers = join_all(decisions).await.into_iter().map(Result::unwrap).collect();
    let (statuses, won) = tally("deliverable decision", answers).await;
    one_winner("deliverable decision", &statuses);

    let d = deliverables::staff_view(&app, &id).await;
    let events = deliverables::events(&d);
    assert_eq!(events.len(), 2, "one submission, one decision: {d}");
    assert_eq!(d["status"].as_str().unwrap(), events[1]);
    assert_eq!(d["status"], won[0]["status"], "the state is the winner's");
    app.smtp.nth_to("owner@acme.example", staff_emails + 1).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(app.smtp.count_to("owner@acme.example"), staff_emails + 1, "exactly one staff email");
    let log: Value = app.get(&format!("{}/{pid}/activity", deliverables::PROJECTS)).await.json().await.unwrap();
    let decided = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| matches!(a["verb"].as_str(), Some("deliverable_approved" | "deliverable_changes_requested")))
        .count();
    assert_eq!(decided, 1);
}

async fn fifty_signatures_of_one_contract_one_wins(app: TestApp) {
    let (cid, token) = contracts::setup(&app).await;
    let id = contracts::sent(&app, &cid, json!({})).await;
    let signs = (0..50).map(|i| {
        let body = json!({
            "signer_name": format!("Signer {i}"),
            "body_sha256": contracts::sha256(contracts::BODY),
            "signature": { "kind": "typed", "name": format!("Signer {i}") },
        });
        app.req_as(&token, Method::POST, &format!("{}/{id}/sign", contracts::PORTAL)).json(&body).send()
    });
    let answers = join_all(signs).await.into_iter().map(Result::unwrap).collect();
    let (statuses, won) = tally("contract signature", answers).await;
    one_winner("contract signature", &statuses);
    let verbs: Vec<String> = contracts::activity(&app, &id).into_iter().map(|(v, _)| v).collect();
    assert_eq!(verbs.iter().filter(|v| *v == "signed").count(), 1, "{verbs:?}");
    let c: Value = app.get(&format!("/api/v1/contracts/{id}")).await.json().await.unwrap();
    assert_eq!(c["status"], "signed");
    assert_eq!(c["signature"], won[0]["signature"], "the stored signature is the winner's");
}

both!(
    a_hundred_writers_at_once_all_succeed,
    a_hundred_invoices_at_once_are_numbered_without_gaps,
    one_refresh_token_raced_twenty_times_leaves_at_most_one_session,
    a_hundred_accepts_of_one_quote_start_one_project,
    a_hundred_quotes_at_once_are_numbered_without_gaps,
    a_hundred_bookings_of_one_slot_make_one_appointment,
    a_hundred_mixed_decisions_on_one_deliverable_one_wins,
    fifty_signatures_of_one_contract_one_wins,
);

/// A hundred portal logins from one address: the hourly per-address code limit is raised.
const LOGINS: &[(&str, &str)] = &[("PORTICO_OTP_PER_IP_PER_HOUR", "1000")];

both!(with LOGINS; a_hundred_clients_racing_for_one_slot_one_wins);
