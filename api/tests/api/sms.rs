//! Login codes by text message through a Twilio-compatible API, served on loopback by the
//! test: the app's outbox worker makes the real HTTP call.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL, bearer, verify};
use crate::helpers::{TestApp, spawn_app_with};

#[derive(Clone, Debug)]
struct Sent {
    account: String,
    authorization: String,
    form: HashMap<String, String>,
}

#[derive(Clone, Default)]
struct SmsApi {
    sent: Arc<Mutex<Vec<Sent>>>,
}

impl SmsApi {
    async fn start() -> (SmsApi, String) {
        let api = SmsApi::default();
        let data = web::Data::new(api.clone());
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let server = HttpServer::new(move || {
            App::new().app_data(data.clone()).route("/2010-04-01/Accounts/{sid}/Messages.json", web::post().to(receive))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        (api, url)
    }

    async fn wait_for(&self, to: &str) -> Sent {
        for _ in 0..75 {
            if let Some(s) = self.sent.lock().unwrap().iter().find(|s| s.form.get("To").map(String::as_str) == Some(to))
            {
                return s.clone();
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("no text message to {to}");
    }
}

async fn receive(
    api: web::Data<SmsApi>,
    req: HttpRequest,
    sid: web::Path<String>,
    form: web::Form<HashMap<String, String>>,
) -> HttpResponse {
    let authorization = req.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    api.sent.lock().unwrap().push(Sent { account: sid.into_inner(), authorization, form: form.into_inner() });
    HttpResponse::Created().json(json!({ "sid": "SM0001", "status": "queued" }))
}

async fn a_client_with_a_phone_gets_the_code_by_text(app: TestApp) {
    let backend = app.backend;
    drop(app);
    let (api, url) = SmsApi::start().await;
    let app = spawn_app_with(
        backend,
        &[
            ("PORTICO_SMS_URL", url.as_str()),
            ("PORTICO_SMS_ACCOUNT_SID", "AC0123456789"),
            ("PORTICO_SMS_AUTH_TOKEN", "test-token"),
            ("PORTICO_SMS_FROM", "+15005550006"),
        ],
    )
    .await;
    app.post(
        "/api/v1/clients",
        &json!({ "name": "Sofia Rossi", "email": "sofia@rossi.it", "phone": "+39 06 4880 1234" }),
    )
    .await;
    app.client("No Phone", "nophone@example.com").await;
    // The login page is told it may offer a text.
    let branding: Value = app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap().json().await.unwrap();
    assert_eq!(branding["sms_login"], true);

    let ask = |email: &str| {
        app.http.post(app.url(&format!("{PORTAL}/otp"))).json(&json!({ "email": email, "channel": "sms" })).send()
    };
    let with_phone = ask("sofia@rossi.it").await.unwrap().bytes().await.unwrap();
    let without = ask("nophone@example.com").await.unwrap().bytes().await.unwrap();
    let unknown = ask("ghost@example.com").await.unwrap().bytes().await.unwrap();
    assert!(with_phone == without && without == unknown, "the same answer for all");
    let body: Value = serde_json::from_slice(&with_phone).unwrap();
    assert_eq!(body["channel"], "sms");

    let sms = api.wait_for("+390648801234").await;
    assert_eq!(sms.account, "AC0123456789");
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode("AC0123456789:test-token");
    assert_eq!(sms.authorization, format!("Basic {basic}"));
    assert_eq!(sms.form["From"], "+15005550006");
    let text = &sms.form["Body"];
    assert!(text.contains("is your acme Ltd login code"), "{text}");
    let code: String = text.chars().take(6).collect();
    let tokens: Value = verify(&app, PORTAL, "sofia@rossi.it", &code).await.json().await.unwrap();
    assert_eq!(tokens["status"], "authenticated");
    assert!(!bearer(&tokens).is_empty());

    // No phone on file: the code goes by email.
    app.smtp.nth_to("nophone@example.com", 1).await;
    assert_eq!(app.smtp.count_to("sofia@rossi.it"), 0, "sent by text only");
}

async fn without_sms_set_up_the_code_goes_by_email_and_says_so(app: TestApp) {
    let branding: Value = app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap().json().await.unwrap();
    assert_eq!(branding["sms_login"], false, "the login page offers no text");
    app.post(
        "/api/v1/clients",
        &json!({ "name": "Sofia Rossi", "email": "sofia@rossi.it", "phone": "+39 06 4880 1234" }),
    )
    .await;
    let res = app
        .http
        .post(app.url(&format!("{PORTAL}/otp")))
        .json(&json!({ "email": "sofia@rossi.it", "channel": "sms" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["channel"], "email");
    assert!(body["message"].as_str().unwrap().contains("not available"));
    app.smtp.nth_to("sofia@rossi.it", 1).await;
}

/// With text messages turned on for bookings, a client with a phone gets the booking by
/// text as well as by email; one without gets the email alone.
async fn bookings_are_texted_when_the_business_turns_it_on(app: TestApp) {
    let backend = app.backend;
    drop(app);
    let (api, url) = SmsApi::start().await;
    let app = spawn_app_with(
        backend,
        &[
            ("PORTICO_SMS_URL", url.as_str()),
            ("PORTICO_SMS_ACCOUNT_SID", "AC0123456789"),
            ("PORTICO_SMS_AUTH_TOKEN", "test-token"),
            ("PORTICO_SMS_FROM", "+15005550006"),
        ],
    )
    .await;
    crate::booking::open_every_day(&app, json!({ "sms_notices": true })).await;
    let sid = crate::appointments::service(&app, "Haircut", 30).await;
    let sofia: Value = app
        .post(
            "/api/v1/clients",
            &json!({ "name": "Sofia Rossi", "email": "sofia@rossi.it", "phone": "+39 06 4880 1234" }),
        )
        .await
        .json()
        .await
        .unwrap();
    let starts_at = (chrono::Utc::now() + chrono::TimeDelta::days(2)).to_rfc3339();
    crate::appointments::booked(&app, json!({ "client_id": sofia["id"], "service_id": sid, "starts_at": starts_at }))
        .await;
    let sms = api.wait_for("+390648801234").await;
    let text = &sms.form["Body"];
    assert!(text.starts_with("acme Ltd: Your Haircut is booked for "), "{text}");
    assert!(text.contains("https://portal.test/portal/acme/appointments/"), "{text}");
    app.smtp.nth_to("sofia@rossi.it", 1).await;
}

both!(
    a_client_with_a_phone_gets_the_code_by_text,
    without_sms_set_up_the_code_goes_by_email_and_says_so,
    bookings_are_texted_when_the_business_turns_it_on
);
