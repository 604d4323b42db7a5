//! Clients book for themselves (issue 22): in the portal and on the public page with an
//! emailed code, under the business's rules; every change is told by email with a calendar
//! file that Python's `icalendar` parses back; reminders; calendar feeds; a race for the
//! last slot.

use std::process::Stdio;

use chrono::{DateTime, Duration as Span, NaiveDate, Utc};
use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

use crate::appointments::{booked, owner_id, service};
use crate::both;
use crate::contracts::{attachments, header};
use crate::flows::{bearer, client_login};
use crate::helpers::{TestApp, problem};
use crate::smtp::Received;
use crate::webhooks::python;

const MARIA: &str = "maria@lopez.es";
const OWNER: &str = "owner@acme.example";

/// Open every day 08:00–20:00 on the tenant's clock, with `extra` settings.
pub async fn open_every_day(app: &TestApp, extra: Value) {
    let hours: Vec<Value> = (1..=7).map(|d| json!({ "weekday": d, "opens": "08:00", "closes": "20:00" })).collect();
    let mut body = json!({
        "weekly_hours": hours, "closed_days": [], "cancellation_cutoff_hours": 1, "slot_step_minutes": 30,
    });
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let res = app.req(Method::PUT, "/api/v1/booking-settings").json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
}

/// The tenant's zone and the local date `days` from today in it.
async fn day(app: &TestApp, days: i64) -> (chrono_tz::Tz, NaiveDate) {
    let settings: Value = app.get("/api/v1/booking-settings").await.json().await.unwrap();
    let tz: chrono_tz::Tz = settings["timezone"].as_str().unwrap().parse().unwrap();
    (tz, Utc::now().with_timezone(&tz).date_naive() + Span::days(days))
}

async fn as_client(app: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> reqwest::Response {
    let mut req = app.req_as(token, method, path);
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

fn starts(list: &Value) -> Vec<String> {
    list["slots"].as_array().unwrap().iter().map(|s| s["starts_at"].as_str().unwrap().to_string()).collect()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// What Python's `icalendar` reads in a calendar file: method, and per event uid, sequence,
/// start (UTC, RFC 3339), status.
async fn parsed(ics: &[u8]) -> Value {
    const READ: &str = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
events = []
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    events.append({
        "uid": str(e.get("UID")),
        "sequence": int(e.get("SEQUENCE", 0)),
        "start": start.isoformat().replace("+00:00", "Z"),
        "status": str(e.get("STATUS")),
        "summary": str(e.get("SUMMARY")),
        "organizer": str(e.get("ORGANIZER", "")),
        "attendee": str(e.get("ATTENDEE", "")),
        "tz": str(start.tzinfo),
    })
print(json.dumps({"method": str(cal.get("METHOD", "")), "events": events}))
"#;
    let mut child = tokio::process::Command::new(python())
        .arg("-c")
        .arg(READ)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the venv's python");
    child.stdin.take().unwrap().write_all(ics).await.unwrap();
    let out = child.wait_with_output().await.unwrap();
    assert!(out.status.success(), "icalendar refused our file: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The one calendar file attached to `mail`, parsed.
async fn calendar_of(mail: &Received) -> Value {
    let files = attachments(mail);
    assert_eq!(files.len(), 1, "one calendar file in {}", mail.subject());
    let (h, bytes) = &files[0];
    let content_type = header(h, "content-type").unwrap();
    assert!(content_type.starts_with("text/calendar"), "{content_type}");
    let ics = parsed(bytes).await;
    assert!(
        content_type
            .to_ascii_lowercase()
            .contains(&format!("method={}", ics["method"].as_str().unwrap().to_lowercase())),
        "the MIME type names the method: {content_type}"
    );
    ics
}

async fn next_mail(app: &TestApp, to: &str, skip: usize, subject: &str) -> Received {
    let wanted = subject.to_string();
    app.smtp.next_to(to, skip, move |m| crate::deliverables::subject_of(m).contains(&wanted)).await
}

async fn a_client_books_in_the_portal_and_every_change_comes_with_a_calendar_file(app: TestApp) {
    open_every_day(&app, json!({})).await;
    let sid = service(&app, "Cut and colour", 60).await;
    let owner = owner_id(&app).await;
    app.client("Maria Lopez", MARIA).await;
    let token = bearer(&client_login(&app, MARIA).await);

    let options: Value =
        as_client(&app, &token, Method::GET, "/api/v1/portal/booking", None).await.json().await.unwrap();
    assert_eq!(options["services"][0]["id"], sid.as_str(), "{options}");
    assert_eq!(options["staff"][0]["id"], owner.as_str());
    assert_eq!(options["requires_confirmation"], false);

    let (tz, tomorrow) = day(&app, 1).await;
    let path = format!("/api/v1/portal/booking/slots?service_id={sid}&from={tomorrow}&to={tomorrow}");
    let slots: Value = as_client(&app, &token, Method::GET, &path, None).await.json().await.unwrap();
    let free = starts(&slots);
    // 08:00 to 19:00 every half hour, on the business's clock.
    assert_eq!(free.len(), 23, "{slots}");
    let first_local = at(&free[0]).with_timezone(&tz);
    assert_eq!(first_local.format("%H:%M").to_string(), "08:00");

    let booked_res = as_client(
        &app,
        &token,
        Method::POST,
        "/api/v1/portal/appointments",
        Some(json!({ "service_id": sid, "starts_at": free[0], "notes": "First visit" })),
    )
    .await;
    assert_eq!(booked_res.status(), 201);
    let appt: Value = booked_res.json().await.unwrap();
    assert_eq!(appt["status"], "confirmed");
    assert_eq!(appt["staff_name"], "owner", "anyone: the free staff member is assigned: {appt}");
    let id = appt["id"].as_str().unwrap().to_string();

    // The client: a confirmation with an invitation; the staff member: a notice with one.
    let mail = next_mail(&app, MARIA, 0, "Appointment booked").await;
    assert!(mail.decoded().contains(&format!("/portal/acme/appointments/{id}")), "links to the booking");
    let ics = calendar_of(&mail).await;
    assert_eq!(ics["method"], "REQUEST");
    let event = &ics["events"][0];
    let uid = event["uid"].as_str().unwrap().to_string();
    assert!(uid.contains(&id), "{uid}");
    assert_eq!((event["sequence"].clone(), event["start"].clone()), (json!(0), json!(free[0])));
    assert_eq!(event["status"], "CONFIRMED");
    assert_eq!(event["tz"], "UTC");
    assert!(event["attendee"].as_str().unwrap().contains(MARIA), "{event}");
    let staff_mail = next_mail(&app, OWNER, 0, "New booking").await;
    assert_eq!(calendar_of(&staff_mail).await["events"][0]["uid"], uid.as_str(), "one event, one UID");

    // The time is gone for everyone; a time in the past is refused with its reason.
    let again = as_client(
        &app,
        &token,
        Method::POST,
        "/api/v1/portal/appointments",
        Some(json!({ "service_id": sid, "starts_at": free[0] })),
    )
    .await;
    problem(again, 409).await;
    let past = (Utc::now() - Span::hours(3)).to_rfc3339();
    let res = as_client(
        &app,
        &token,
        Method::POST,
        "/api/v1/portal/appointments",
        Some(json!({ "service_id": sid, "starts_at": past })),
    )
    .await;
    assert!(problem(res, 409).await["detail"].as_str().unwrap().contains("past"));

    // Moved: same UID, a higher SEQUENCE; cancelled: METHOD:CANCEL, higher still.
    let moved = as_client(
        &app,
        &token,
        Method::POST,
        &format!("/api/v1/portal/appointments/{id}/reschedule"),
        Some(json!({ "starts_at": free[4] })),
    )
    .await;
    assert_eq!(moved.status(), 200);
    let mail = next_mail(&app, MARIA, 0, "Appointment moved").await;
    let ics = calendar_of(&mail).await;
    assert_eq!(ics["method"], "REQUEST");
    assert_eq!(ics["events"][0]["uid"], uid.as_str());
    assert_eq!(ics["events"][0]["sequence"], 1);
    assert_eq!(ics["events"][0]["start"], free[4].as_str());
    next_mail(&app, OWNER, 0, "A client moved an appointment").await;

    let cancelled = as_client(
        &app,
        &token,
        Method::POST,
        &format!("/api/v1/portal/appointments/{id}/cancel"),
        Some(json!({ "reason": "Ill" })),
    )
    .await;
    assert_eq!(cancelled.status(), 200);
    let mail = next_mail(&app, MARIA, 0, "Appointment cancelled").await;
    let ics = calendar_of(&mail).await;
    assert_eq!(ics["method"], "CANCEL");
    assert_eq!(ics["events"][0]["uid"], uid.as_str());
    assert_eq!(ics["events"][0]["sequence"], 2);
    assert_eq!(ics["events"][0]["status"], "CANCELLED");
    next_mail(&app, OWNER, 0, "A client cancelled").await;

    // The freed time is offered again.
    let slots: Value = as_client(&app, &token, Method::GET, &path, None).await.json().await.unwrap();
    assert_eq!(starts(&slots).len(), 23);
}

async fn staff_changes_are_told_to_the_client_too(app: TestApp) {
    open_every_day(&app, json!({})).await;
    let sid = service(&app, "Consultation", 30).await;
    let maria = app.client("Maria Lopez", MARIA).await["id"].as_str().unwrap().to_string();
    let starts_at = (Utc::now() + Span::days(3)).to_rfc3339();
    let appt =
        booked(&app, json!({ "client_id": maria, "service_id": sid, "starts_at": starts_at, "status": "pending" }))
            .await;
    let id = appt["id"].as_str().unwrap();
    let mail = next_mail(&app, MARIA, 0, "Booking request received").await;
    assert_eq!(calendar_of(&mail).await["events"][0]["status"], "TENTATIVE");
    let res = app.post(&format!("/api/v1/appointments/{id}/status"), &json!({ "status": "confirmed" })).await;
    assert_eq!(res.status(), 200);
    let mail = next_mail(&app, MARIA, 0, "Appointment confirmed").await;
    let ics = calendar_of(&mail).await;
    assert_eq!(
        (ics["events"][0]["sequence"].clone(), ics["events"][0]["status"].clone()),
        (json!(1), json!("CONFIRMED"))
    );
    // An integrator booked it (an API key): the business is told too.
    next_mail(&app, OWNER, 0, "New booking").await;
    next_mail(&app, OWNER, 0, "Appointment confirmed").await;
}

async fn the_rules_refuse_with_a_reason_and_book_nothing(app: TestApp) {
    open_every_day(&app, json!({ "min_notice_minutes": 24 * 60, "max_days_ahead": 7, "buffer_after_minutes": 30 }))
        .await;
    let sid = service(&app, "Fitting", 60).await;
    let capped = app.patch(&format!("/api/v1/services/{sid}"), &json!({ "daily_cap": 1 })).await;
    assert_eq!(capped.status(), 200);
    app.client("Maria Lopez", MARIA).await;
    let token = bearer(&client_login(&app, MARIA).await);
    let post = |starts_at: String| {
        let (app, token, sid) = (&app, token.clone(), sid.clone());
        async move {
            as_client(
                app,
                &token,
                Method::POST,
                "/api/v1/portal/appointments",
                Some(json!({ "service_id": sid, "starts_at": starts_at })),
            )
            .await
        }
    };
    let (tz, in_three) = day(&app, 3).await;
    let local = |d: NaiveDate, hm: (u32, u32)| {
        use chrono::TimeZone;
        tz.from_local_datetime(&d.and_hms_opt(hm.0, hm.1, 0).unwrap())
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
            .to_rfc3339()
    };
    let reason = |v: Value| v["detail"].as_str().unwrap().to_string();
    let soon = (Utc::now() + Span::hours(2)).to_rfc3339();
    assert!(reason(problem(post(soon).await, 409).await).contains("notice"));
    let (_, far) = day(&app, 10).await;
    assert!(reason(problem(post(local(far, (10, 0))).await, 409).await).contains("7 days"));
    assert!(reason(problem(post(local(in_three, (21, 0))).await, 409).await).contains("opening hours"));
    assert!(reason(problem(post(local(in_three, (10, 10))).await, 409).await).contains("opening hours"), "off step");
    let res = post(local(in_three, (10, 0))).await;
    assert_eq!(res.status(), 201);
    // The daily cap: the day is full, and no slot of it is offered any more.
    assert!(reason(problem(post(local(in_three, (14, 0))).await, 409).await).contains("fully booked"));
    let path = format!("/api/v1/portal/booking/slots?service_id={sid}&from={in_three}&to={in_three}");
    let slots: Value = as_client(&app, &token, Method::GET, &path, None).await.json().await.unwrap();
    assert_eq!(slots["slots"], json!([]), "{slots}");
    // Buffers: another service the same day keeps 30 minutes after the fitting.
    let other = service(&app, "Call", 30).await;
    let path = format!("/api/v1/portal/booking/slots?service_id={other}&from={in_three}&to={in_three}");
    let slots: Value = as_client(&app, &token, Method::GET, &path, None).await.json().await.unwrap();
    let free = starts(&slots);
    assert!(
        !free.contains(&at(&local(in_three, (11, 0))).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        "{free:?}"
    );
    assert!(
        free.contains(&at(&local(in_three, (11, 30))).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        "{free:?}"
    );
    let list: Value = app.get("/api/v1/appointments").await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "only the one booking exists");
    // Unknown service or staff: 404 naming the field.
    let res = as_client(
        &app,
        &token,
        Method::GET,
        &format!("/api/v1/portal/booking/slots?service_id=nope&from={in_three}"),
        None,
    )
    .await;
    assert_eq!(problem(res, 404).await["errors"][0]["field"], "service_id");
}

async fn a_visitor_books_on_the_public_page_with_the_emailed_code(app: TestApp) {
    open_every_day(&app, json!({ "requires_confirmation": true })).await;
    let public = service(&app, "Trial lesson", 45).await;
    let private = service(&app, "Private coaching", 45).await;
    assert_eq!(
        app.patch(&format!("/api/v1/services/{public}"), &json!({ "public_booking": true })).await.status(),
        200
    );

    let page: Value = app.get("/api/v1/portal/acme/booking").await.json().await.unwrap();
    let names: Vec<&str> = page["services"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Trial lesson"], "only public services: {page}");
    let (_, tomorrow) = day(&app, 1).await;
    let res = app.get(&format!("/api/v1/portal/acme/booking/slots?service_id={private}&from={tomorrow}")).await;
    problem(res, 404).await;
    let slots: Value = app
        .get(&format!("/api/v1/portal/acme/booking/slots?service_id={public}&from={tomorrow}&to={tomorrow}"))
        .await
        .json()
        .await
        .unwrap();
    let free = starts(&slots);

    // Asking for a code answers the same for a stranger and for a client.
    app.client("Known Person", "known@example.com").await;
    let ask = |email: &'static str| {
        let app = &app;
        async move {
            let res = app.post("/api/v1/portal/acme/booking/code", &json!({ "email": email, "language": "de" })).await;
            assert_eq!(res.status(), 202);
            let mut v: Value = res.json().await.unwrap();
            v["message"] = json!(v["message"].as_str().unwrap().replace(email, "…"));
            v
        }
    };
    assert_eq!(ask("new@visitor.example").await, ask("known@example.com").await);
    let code_mail = next_mail(&app, "new@visitor.example", 0, "Buchungscode").await;
    let code = code_mail.code();
    assert!(crate::deliverables::subject_of(&code_mail).contains("Buchungscode"), "in the page's language");

    let body = |code: &str, starts_at: &str| {
        json!({
            "service_id": public, "starts_at": starts_at, "name": "Nina Visitor", "email": "New@Visitor.example",
            "phone": "+49 151 2345678", "code": code, "time_zone": "America/New_York", "language": "de",
        })
    };
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let res = app.post("/api/v1/portal/acme/bookings", &body(wrong, &free[1])).await;
    assert!(problem(res, 401).await["detail"].as_str().unwrap().contains("left"));
    let clients: Value = app.get("/api/v1/clients?q=visitor").await.json().await.unwrap();
    assert_eq!(clients["items"], json!([]), "nothing made with a wrong code");
    // Someone takes the first slot meanwhile: 409, and the code still works for another.
    let known = app.get("/api/v1/clients?q=known").await.json::<Value>().await.unwrap()["items"][0]["id"].clone();
    booked(&app, json!({ "client_id": known, "service_id": public, "starts_at": free[0] })).await;
    problem(app.post("/api/v1/portal/acme/bookings", &body(&code, &free[0])).await, 409).await;
    let clients: Value = app.get("/api/v1/clients?q=visitor").await.json().await.unwrap();
    assert_eq!(clients["items"], json!([]), "a refused booking makes no client");
    let res = app.post("/api/v1/portal/acme/bookings", &body(&code, &free[2])).await;
    assert_eq!(res.status(), 201);
    let made: Value = res.json().await.unwrap();
    assert_eq!(made["appointment"]["status"], "pending", "the business confirms: {made}");
    assert_eq!(made["portal_access"], true);
    assert!(made["portal_url"].as_str().unwrap().starts_with("https://portal.test/portal/acme/appointments/"));
    let clients: Value = app.get("/api/v1/clients?q=visitor").await.json().await.unwrap();
    let nina = &clients["items"][0];
    assert_eq!(
        (nina["email"].clone(), nina["status"].clone(), nina["time_zone"].clone(), nina["language"].clone()),
        (json!("new@visitor.example"), json!("active"), json!("America/New_York"), json!("de"))
    );
    // Her confirmation is in German, times on her clock.
    let mail = next_mail(&app, "new@visitor.example", 0, "Buchungsanfrage erhalten").await;
    assert!(mail.decoded().contains("EST") || mail.decoded().contains("EDT"), "New York time");
    assert_eq!(calendar_of(&mail).await["events"][0]["status"], "TENTATIVE");
    next_mail(&app, OWNER, 0, "New booking").await;
    // The code is spent.
    problem(app.post("/api/v1/portal/acme/bookings", &body(&code, &free[3])).await, 401).await;

    // A client's email books as that client: no second client.
    let known_code = next_mail(&app, "known@example.com", 0, "Buchungscode").await.code();
    let mut as_known = body(&known_code, &free[6]);
    as_known["email"] = json!("known@example.com");
    let res = app.post("/api/v1/portal/acme/bookings", &as_known).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let clients: Value = app.get("/api/v1/clients?q=known").await.json().await.unwrap();
    assert_eq!(clients["items"].as_array().unwrap().len(), 1);

    // A page switched off is not there.
    open_every_day(&app, json!({ "public_booking": false })).await;
    problem(app.get("/api/v1/portal/acme/booking").await, 404).await;
}

const THROTTLED: &[(&str, &str)] = &[("PORTICO_BOOKINGS_PER_IP_PER_HOUR", "2")];

async fn public_booking_is_throttled_per_address(app: TestApp) {
    for n in 0..2 {
        let res = app.post("/api/v1/portal/acme/booking/code", &json!({ "email": format!("v{n}@x.example") })).await;
        assert_eq!(res.status(), 202);
    }
    let res = app.post("/api/v1/portal/acme/booking/code", &json!({ "email": "v9@x.example" })).await;
    assert!(res.headers().contains_key("retry-after"));
    problem(res, 429).await;
}

async fn fifty_racing_for_the_last_slot_get_exactly_one(app: TestApp) {
    open_every_day(&app, json!({})).await;
    let sid = service(&app, "Masterclass", 60).await;
    let mut tokens = Vec::new();
    for n in 0..5 {
        let email = format!("racer{n}@example.com");
        app.client(&format!("Racer {n}"), &email).await;
        tokens.push(bearer(&client_login(&app, &email).await));
    }
    let (tz, in_two) = day(&app, 2).await;
    let slot = {
        use chrono::TimeZone;
        tz.from_local_datetime(&in_two.and_hms_opt(10, 0, 0).unwrap())
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
            .to_rfc3339()
    };
    let mut racers = Vec::new();
    for n in 0..50 {
        let req = app
            .req_as(&tokens[n % 5], Method::POST, "/api/v1/portal/appointments")
            .json(&json!({ "service_id": sid, "starts_at": slot }));
        racers.push(tokio::spawn(async move { req.send().await.unwrap().status().as_u16() }));
    }
    let mut codes = Vec::new();
    for r in racers {
        codes.push(r.await.unwrap());
    }
    assert_eq!(codes.iter().filter(|c| **c == 201).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|c| *c == 201 || *c == 409), "{codes:?}");
    let list: Value = app.get("/api/v1/appointments").await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

async fn calendar_feeds_are_private_and_revocable(app: TestApp) {
    open_every_day(&app, json!({})).await;
    let sid = service(&app, "Session", 60).await;
    let maria = app.client("Maria Lopez", MARIA).await["id"].as_str().unwrap().to_string();
    let james = app.client("James W", "james@w.co.uk").await["id"].as_str().unwrap().to_string();
    let owner = owner_id(&app).await;
    let when = |d: i64| (Utc::now() + Span::days(d)).to_rfc3339();
    booked(&app, json!({ "client_id": maria, "service_id": sid, "staff_id": owner, "starts_at": when(2) })).await;
    booked(&app, json!({ "client_id": james, "service_id": sid, "starts_at": when(3) })).await;
    let token = bearer(&client_login(&app, MARIA).await);

    let none: Value =
        as_client(&app, &token, Method::GET, "/api/v1/portal/me/calendar-feed", None).await.json().await.unwrap();
    assert_eq!(none["active"], false);
    let res = as_client(&app, &token, Method::POST, "/api/v1/portal/me/calendar-feed", None).await;
    assert_eq!(res.status(), 201);
    let feed: Value = res.json().await.unwrap();
    let url = feed["url"].as_str().unwrap().to_string();
    let path = url.strip_prefix("https://portal.test").unwrap().to_string();
    let res = app.get(&path).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let ics = parsed(&res.bytes().await.unwrap()).await;
    assert_eq!(ics["method"], "PUBLISH");
    assert_eq!(ics["events"].as_array().unwrap().len(), 1, "only Maria's: {ics}");
    let status: Value =
        as_client(&app, &token, Method::GET, "/api/v1/portal/me/calendar-feed", None).await.json().await.unwrap();
    assert_eq!((status["active"].clone(), status["url"].clone()), (json!(true), json!(null)), "shown once");
    assert!(status["last_used_at"].is_string());

    // A new link stops the old one; revoking stops the new one.
    let again: Value =
        as_client(&app, &token, Method::POST, "/api/v1/portal/me/calendar-feed", None).await.json().await.unwrap();
    problem(app.get(&path).await, 404).await;
    let newer = again["url"].as_str().unwrap().strip_prefix("https://portal.test").unwrap().to_string();
    assert_eq!(app.get(&newer).await.status(), 200);
    assert_eq!(as_client(&app, &token, Method::DELETE, "/api/v1/portal/me/calendar-feed", None).await.status(), 204);
    problem(app.get(&newer).await, 404).await;
    problem(app.get("/api/v1/calendar/not-a-token.ics").await, 404).await;
}

async fn staff_see_free_times_and_keep_their_own_feed(app: TestApp) {
    open_every_day(&app, json!({ "min_notice_minutes": 2 * 24 * 60 })).await;
    let sid = service(&app, "Audit", 60).await;
    let owner = owner_id(&app).await;
    let maria = app.client("Maria Lopez", MARIA).await["id"].as_str().unwrap().to_string();
    let (tz, tomorrow) = day(&app, 1).await;
    // Staff are not held to the clients' notice: tomorrow is offered to them, not to clients.
    let path = format!("/api/v1/availability?service_id={sid}&staff_id={owner}&from={tomorrow}&to={tomorrow}");
    let free = starts(&app.get(&path).await.json::<Value>().await.unwrap());
    assert_eq!(free.len(), 23, "{free:?}");
    let token = bearer(&client_login(&app, MARIA).await);
    let client_path = format!("/api/v1/portal/booking/slots?service_id={sid}&from={tomorrow}&to={tomorrow}");
    let client_view = as_client(&app, &token, Method::GET, &client_path, None).await.json::<Value>().await.unwrap();
    assert_eq!(client_view["slots"], json!([]), "inside the two days' notice");
    booked(&app, json!({ "client_id": maria, "service_id": sid, "staff_id": owner, "starts_at": free[2] })).await;
    let after = starts(&app.get(&path).await.json::<Value>().await.unwrap());
    assert!(!after.contains(&free[2]) && after.contains(&free[0]), "{after:?}");
    assert_eq!(at(&after[0]).with_timezone(&tz).format("%H:%M").to_string(), "08:00");
    problem(app.get(&format!("/api/v1/availability?service_id=nope&from={tomorrow}")).await, 404).await;
    problem(app.get("/api/v1/availability").await, 400).await;

    // The owner's feed holds their appointment; API keys have no calendar.
    problem(app.req(Method::POST, "/api/v1/me/calendar-feed").send().await.unwrap(), 403).await;
    let staff = bearer(&crate::flows::staff_login(&app, OWNER).await);
    let res = app.req_as(&staff, Method::POST, "/api/v1/me/calendar-feed").send().await.unwrap();
    assert_eq!(res.status(), 201);
    let url = res.json::<Value>().await.unwrap()["url"].as_str().unwrap().to_string();
    let path = url.strip_prefix("https://portal.test").unwrap().to_string();
    let ics = parsed(&app.get(&path).await.bytes().await.unwrap()).await;
    assert_eq!(ics["events"].as_array().unwrap().len(), 1, "{ics}");
    assert!(ics["events"][0]["summary"].as_str().unwrap().contains("Maria Lopez"), "staff read the client's name");
    let res = app.req_as(&staff, Method::DELETE, "/api/v1/me/calendar-feed").send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.get(&path).await, 404).await;
}

async fn booking_settings_refuse_what_they_cannot_keep(app: TestApp) {
    let hours = json!([{ "weekday": 1, "opens": "09:00", "closes": "17:00" }]);
    let base =
        json!({ "weekly_hours": hours, "closed_days": [], "cancellation_cutoff_hours": 24, "slot_step_minutes": 15 });
    for (field, value) in [
        ("reminder_offsets_minutes", json!([120, 120])),
        ("reminder_offsets_minutes", json!([1, 120])),
        ("reminder_offsets_minutes", json!([10, 20, 30, 40, 50, 60])),
        ("max_days_ahead", json!(0)),
        ("buffer_after_minutes", json!(241)),
        ("min_notice_minutes", json!(-1)),
    ] {
        let mut body = base.clone();
        body[field] = value.clone();
        let res = app.req(Method::PUT, "/api/v1/booking-settings").json(&body).send().await.unwrap();
        let p = problem(res, 422).await;
        assert_eq!(p["errors"][0]["field"], field, "{field} = {value}: {p}");
    }
    let before: Value = app.get("/api/v1/booking-settings").await.json().await.unwrap();
    assert_eq!(before["reminder_offsets_minutes"], json!([1440, 120]), "the defaults stand");
    // Left out: unchanged.
    let mut body = base.clone();
    body["reminder_offsets_minutes"] = json!([60, 2880]);
    body["requires_confirmation"] = json!(true);
    app.req(Method::PUT, "/api/v1/booking-settings").json(&body).send().await.unwrap();
    let res = app.req(Method::PUT, "/api/v1/booking-settings").json(&base).send().await.unwrap();
    let kept: Value = res.json().await.unwrap();
    assert_eq!(kept["reminder_offsets_minutes"], json!([2880, 60]));
    assert_eq!(kept["requires_confirmation"], true);
}

both!(
    staff_see_free_times_and_keep_their_own_feed,
    booking_settings_refuse_what_they_cannot_keep,
    a_client_books_in_the_portal_and_every_change_comes_with_a_calendar_file,
    staff_changes_are_told_to_the_client_too,
    the_rules_refuse_with_a_reason_and_book_nothing,
    a_visitor_books_on_the_public_page_with_the_emailed_code,
    fifty_racing_for_the_last_slot_get_exactly_one,
    calendar_feeds_are_private_and_revocable,
);
both!(with THROTTLED; public_booking_is_throttled_per_address);
