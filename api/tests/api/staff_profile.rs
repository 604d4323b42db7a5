//! Staff have a name: an owner created from the command line is only the start of their
//! email ("owner") until they choose a name, which the console asks for once (`name_chosen`)
//! and clients then read on messages. Their login email changes only with a code sent to
//! the new address; the old address is told. Sessions only: API keys and clients get 403.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem};

const OWNER: &str = "owner@acme.example";
const NEW: &str = "clara@acme.example";

async fn me(app: &TestApp, token: &str) -> Value {
    let res = app.req_as(token, Method::GET, "/api/v1/me").send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn as_staff(app: &TestApp, token: &str, method: Method, path: &str, body: Value) -> reqwest::Response {
    app.req_as(token, method, path).json(&body).send().await.unwrap()
}

async fn an_owner_chooses_the_name_clients_read(app: TestApp) {
    let owner = bearer(&staff_login(&app, OWNER).await);
    let first = me(&app, &owner).await;
    assert_eq!((first["name"].as_str(), first["name_chosen"].as_bool()), (Some("owner"), Some(false)), "{first}");

    let p = problem(as_staff(&app, &owner, Method::PATCH, "/api/v1/me", json!({ "name": "  " })).await, 422).await;
    assert_eq!(fields(&p), ["name"]);
    assert_eq!(me(&app, &owner).await["name_chosen"], false, "a refused name changes nothing");

    let res = as_staff(&app, &owner, Method::PATCH, "/api/v1/me", json!({ "name": " Clara Weiss " })).await;
    assert_eq!(res.status(), 200);
    let chosen: Value = res.json().await.unwrap();
    assert_eq!((chosen["name"].as_str(), chosen["name_chosen"].as_bool()), (Some("Clara Weiss"), Some(true)));
    assert_eq!(me(&app, &owner).await["name"], "Clara Weiss");

    // Clients read it on the business's messages.
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let project = crate::projects::create_project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let path = format!("/api/v1/projects/{}/threads", project["id"].as_str().unwrap());
    let res = as_staff(&app, &owner, Method::POST, &path, json!({ "title": "Fonts", "body": "Inter?" })).await;
    assert_eq!(res.status(), 201);
    let thread: Value = res.json().await.unwrap();
    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let path = format!("/api/v1/portal/threads/{}/messages", thread["id"].as_str().unwrap());
    let read: Value = app.req_as(&token, Method::GET, &path).send().await.unwrap().json().await.unwrap();
    assert_eq!(read["items"][0]["author_name"], "Clara Weiss", "{read}");

    // Only people have a profile.
    problem(as_staff(&app, &app.key, Method::PATCH, "/api/v1/me", json!({ "name": "Bot" })).await, 403).await;
    problem(as_staff(&app, &token, Method::PATCH, "/api/v1/me", json!({ "name": "Maria" })).await, 403).await;
}

async fn the_login_email_changes_only_with_the_code_sent_to_it(app: TestApp) {
    let owner = bearer(&staff_login(&app, OWNER).await);
    let res =
        app.post("/api/v1/staff", &json!({ "email": "lena@acme.example", "name": "Lena", "role": "member" })).await;
    assert_eq!(res.status(), 201);

    // Not their own address again, nor a colleague's.
    let start =
        |email: &'static str| as_staff(&app, &owner, Method::POST, "/api/v1/me/email", json!({ "email": email }));
    assert_eq!(fields(&problem(start(OWNER).await, 422).await), ["email"]);
    problem(start("lena@acme.example").await, 409).await;
    assert_eq!(fields(&problem(start("not an email").await, 422).await), ["email"]);

    let before = app.smtp.count_to(NEW);
    let res = start(NEW).await;
    assert_eq!(res.status(), 202);
    let started: Value = res.json().await.unwrap();
    assert_eq!(started["email"], NEW);
    let mail = app.smtp.next_to(NEW, before, |_| true).await;
    assert_eq!(mail.subject(), "Confirm your new email address");
    let body = mail.decoded();
    let code: String = body.split("login email: ").nth(1).expect("the code in the email")[..6].to_string();
    assert!(code.bytes().all(|b| b.is_ascii_digit()), "{body}");
    assert_eq!(me(&app, &owner).await["email"], OWNER, "nothing changes before the code");

    // The code proves the new address, not a login: it cannot log anyone in.
    let res = crate::flows::verify(&app, "/api/v1/auth", NEW, &code).await;
    assert_eq!(res.status(), 401, "an email-change code is no login code");

    let confirm = |code: String| {
        as_staff(&app, &owner, Method::POST, "/api/v1/me/email/confirm", json!({ "email": NEW, "code": code }))
    };
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let p = problem(confirm(wrong.into()).await, 403).await;
    assert!(p["detail"].as_str().unwrap().contains("4 tries left"), "{p}");
    let notified = app.smtp.count_to(OWNER);
    let res = confirm(code.clone()).await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["email"], NEW);
    assert_eq!(me(&app, &owner).await["email"], NEW, "the session stays, with the new address");
    problem(confirm(code).await, 403).await;

    // The old address is told; the new one logs in.
    let notice = app.smtp.next_to(OWNER, notified, |m| m.subject() == "Your login email was changed").await;
    assert!(notice.decoded().contains(NEW), "{}", notice.decoded());
    let again = bearer(&staff_login(&app, NEW).await);
    assert_eq!(me(&app, &again).await["email"], NEW);
}

both!(an_owner_chooses_the_name_clients_read, the_login_email_changes_only_with_the_code_sent_to_it);
