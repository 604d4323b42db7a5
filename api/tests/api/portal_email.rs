//! A client changes their own login email from the portal: a code to the new address
//! proves it, the old address is told, and every other device is logged out.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, clear_limits, client_login, staff_login};
use crate::helpers::{TestApp, problem};

async fn a_client_moves_their_login_to_a_new_address(app: TestApp) {
    let client = app.client("Maria Lopez", "maria@lopez.es").await;
    let here = client_login(&app, "maria@lopez.es").await;
    clear_limits(&app);
    let phone = client_login(&app, "maria@lopez.es").await;
    let post = |path: &str, body: Value| app.req_as(&bearer(&here), Method::POST, path).json(&body).send();

    let same = problem(post("/api/v1/portal/me/email", json!({ "email": "Maria@Lopez.es" })).await.unwrap(), 422).await;
    assert_eq!(crate::helpers::fields(&same), ["email"]);
    let res = post("/api/v1/portal/me/email", json!({ "email": "Maria@New.example" })).await.unwrap();
    assert_eq!(res.status(), 202);
    let started: Value = res.json().await.unwrap();
    assert_eq!(started["email"], "maria@new.example");
    let mail = app.smtp.nth_to("maria@new.example", 1).await;
    assert!(mail.decoded().contains("acme Ltd"), "branded: {}", mail.decoded());
    assert!(mail.decoded().contains("maria@new.example"), "{}", mail.decoded());
    let body = mail.decoded();
    let code: String = body.split("login email: ").nth(1).expect("the code in the email")[..6].to_string();
    assert!(code.bytes().all(|b| b.is_ascii_digit()), "{body}");

    // Nothing has changed yet.
    let me: Value =
        app.req_as(&bearer(&here), Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["email"], "maria@lopez.es");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let body = json!({ "email": "maria@new.example", "code": wrong });
    let refused = problem(post("/api/v1/portal/me/email/confirm", body).await.unwrap(), 403).await;
    assert!(refused["detail"].as_str().unwrap().contains("left"), "{refused}");
    // A code proves only the address it was sent to.
    let other = json!({ "email": "someone@else.example", "code": code });
    problem(post("/api/v1/portal/me/email/confirm", other).await.unwrap(), 403).await;

    let before = app.smtp.count_to("maria@lopez.es");
    let res =
        post("/api/v1/portal/me/email/confirm", json!({ "email": "maria@new.example", "code": code })).await.unwrap();
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["email"], "maria@new.example");

    // The old address is told, with what changed.
    let notice = app.smtp.next_to("maria@lopez.es", before, |m| m.decoded().contains("maria@new.example")).await;
    assert!(notice.decoded().contains("other devices have been logged out"), "{}", notice.decoded());
    // The phone's session has ended; this one goes on.
    problem(app.req_as(&bearer(&phone), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;
    assert_eq!(app.req_as(&bearer(&here), Method::GET, "/api/v1/portal/me").send().await.unwrap().status(), 200);
    // The code is spent.
    problem(
        post("/api/v1/portal/me/email/confirm", json!({ "email": "maria@new.example", "code": code })).await.unwrap(),
        403,
    )
    .await;

    // The new address logs in; the old one opens nothing.
    clear_limits(&app);
    let again = client_login(&app, "maria@new.example").await;
    let me: Value =
        app.req_as(&bearer(&again), Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], client["id"]);
    // The business sees the new address on the client's record.
    let id = client["id"].as_str().unwrap();
    let seen: Value = app.get(&format!("/api/v1/clients/{id}")).await.json().await.unwrap();
    assert_eq!(seen["email"], "maria@new.example");

    // And the change in the client's activity, with both addresses.
    let activity: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    let entry = activity["items"].as_array().unwrap().iter().find(|e| e["verb"] == "email_changed").expect("logged");
    assert_eq!(
        (entry["data"]["from"].as_str(), entry["data"]["to"].as_str()),
        (Some("maria@lopez.es"), Some("maria@new.example"))
    );
}

async fn staff_viewing_as_the_client_cannot_change_it(app: TestApp) {
    let client = app.client("Aiko Tanaka", "aiko@example.jp").await;
    let id = client["id"].as_str().unwrap();
    let owner = staff_login(&app, "owner@acme.example").await;
    let view = app.req_as(&bearer(&owner), Method::POST, &format!("/api/v1/clients/{id}/impersonate")).json(&json!({}));
    let view: Value = view.send().await.unwrap().json().await.unwrap();
    let res = app
        .req_as(&bearer(&view), Method::POST, "/api/v1/portal/me/email")
        .json(&json!({ "email": "new@example.jp" }))
        .send()
        .await
        .unwrap();
    problem(res, 403).await;
    assert_eq!(app.smtp.count_to("new@example.jp"), 0);
}

both!(a_client_moves_their_login_to_a_new_address, staff_viewing_as_the_client_cannot_change_it);
