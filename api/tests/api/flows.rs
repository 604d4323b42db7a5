//! Login steps the tests share: ask for a code, read it from the delivered email, verify.

use serde_json::{Value, json};

use crate::helpers::TestApp;

pub const PORTAL: &str = "/api/v1/portal/acme/auth";

pub async fn ask(app: &TestApp, path: &str, email: &str) -> reqwest::Response {
    app.http.post(app.url(path)).json(&json!({ "email": email })).send().await.unwrap()
}

/// Asks for a code and returns the login email that arrives (notices the outbox delivers
/// meanwhile, of what the test did just before, are passed over).
pub async fn mail_for(app: &TestApp, path: &str, email: &str) -> crate::smtp::Received {
    let before = app.smtp.count_to(email);
    assert_eq!(ask(app, path, email).await.status(), 202);
    app.smtp.next_to(email, before, |m| m.decoded().contains("#token=")).await
}

pub async fn verify(app: &TestApp, base: &str, email: &str, code: &str) -> reqwest::Response {
    app.http
        .post(app.url(&format!("{base}/otp/verify")))
        .json(&json!({ "email": email, "code": code }))
        .send()
        .await
        .unwrap()
}

pub async fn client_login(app: &TestApp, email: &str) -> Value {
    let mail = mail_for(app, &format!("{PORTAL}/otp"), email).await;
    let res = verify(app, PORTAL, email, &mail.code()).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "authenticated", "{body}");
    body
}

pub fn bearer(tokens: &Value) -> String {
    tokens["access_token"].as_str().unwrap().to_string()
}

/// Logs a staff member in to the console; returns the tokens.
pub async fn staff_login(app: &TestApp, email: &str) -> Value {
    let mail = mail_for(app, "/api/v1/auth/otp", email).await;
    let res = verify(app, "/api/v1/auth", email, &mail.code()).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "authenticated", "{body}");
    body
}

/// Lets the same person log in again at once: the resend cooldown and hourly windows are
/// cleared rather than waited out.
pub fn clear_limits(app: &TestApp) {
    use diesel::RunQueryDsl;
    app.db.write_sync(|conn| Ok(diesel::sql_query("DELETE FROM rate_limits").execute(conn)?)).unwrap();
}
