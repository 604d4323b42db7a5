//! A client's login email is the key to their portal: only owners and admins (or a key with
//! `clients:email`) move it, the move ends the client's sessions, tells the old address and
//! is logged; what the client signs or accepts records the address they proved at login.

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL, bearer, client_login, mail_for, staff_login, verify};
use crate::helpers::{TestApp, problem};

const MARIA: &str = "maria@lopez.es";
const OWNER: &str = "owner@acme.example";

async fn patch_as(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.req_as(token, Method::PATCH, &format!("/api/v1/clients/{id}")).json(&body).send().await.unwrap()
}

async fn email_of(app: &TestApp, id: &str) -> String {
    let client: Value = app.get(&format!("/api/v1/clients/{id}")).await.json().await.unwrap();
    client["email"].as_str().unwrap().to_string()
}

async fn a_member_or_a_narrow_key_cannot_move_a_clients_login(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let id = maria["id"].as_str().unwrap();
    let res = app.post("/api/v1/staff", &json!({ "email": "tom@acme.example", "name": "Tom", "role": "member" })).await;
    assert_eq!(res.status(), 201);
    app.smtp.nth_to("tom@acme.example", 1).await; // the invitation, before his login code
    let tom = bearer(&staff_login(&app, "tom@acme.example").await);

    let body = problem(patch_as(&app, &tom, id, json!({ "email": "tom@evil.example" })).await, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("owner or admin"), "{body}");
    assert_eq!(email_of(&app, id).await, MARIA, "unchanged");
    // The rest of the record is a member's to change, the same email included.
    let res = patch_as(&app, &tom, id, json!({ "email": "Maria@Lopez.es", "company": "Lopez Interiors" })).await;
    assert_eq!(res.status(), 200);

    let key: Value = app
        .post("/api/v1/api-keys", &json!({ "name": "CRM sync", "scopes": ["clients:write"] }))
        .await
        .json()
        .await
        .unwrap();
    let narrow = key["secret"].as_str().unwrap();
    let body = problem(patch_as(&app, narrow, id, json!({ "email": "crm@evil.example" })).await, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("clients:email"), "{body}");
    assert_eq!(email_of(&app, id).await, MARIA);
}

async fn an_owners_change_ends_sessions_tells_the_old_address_and_is_logged(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let id = maria["id"].as_str().unwrap();
    let session = bearer(&client_login(&app, MARIA).await);
    let owner = bearer(&staff_login(&app, OWNER).await);
    let before = app.smtp.count_to(MARIA);

    let res = patch_as(&app, &owner, id, json!({ "email": "maria@new-studio.es" })).await;
    assert_eq!(res.status(), 200);
    // Her sessions end at once.
    problem(app.req_as(&session, Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;
    // The old address is told, with who did it and a hint of the new one.
    let notice = app.smtp.next_to(MARIA, before, |m| m.subject().contains("portal email was changed")).await;
    let text = notice.decoded();
    assert!(text.contains("changed the email you log in to"), "{text}");
    assert!(text.contains("m***@new-studio.es") && !text.contains("maria@new-studio.es"), "{text}");
    // The new address logs in.
    let fresh = mail_for(&app, &format!("{PORTAL}/otp"), "maria@new-studio.es").await;
    assert_eq!(verify(&app, PORTAL, "maria@new-studio.es", &fresh.code()).await.status(), 200);

    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    let changed = log["items"].as_array().unwrap().iter().find(|a| a["verb"] == "email_changed").expect("logged");
    assert_eq!(
        (changed["data"]["from"].as_str(), changed["data"]["to"].as_str()),
        (Some(MARIA), Some("maria@new-studio.es"))
    );
}

async fn a_signature_and_an_acceptance_record_the_address_proved_at_login(app: TestApp) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let id = maria["id"].as_str().unwrap().to_string();
    let token = bearer(&client_login(&app, MARIA).await);
    let contract = crate::contracts::sent(&app, &id, json!({})).await;
    let quote = crate::quotes::sent(&app, &id, "Brand refresh").await;

    // The client's address changes by a path that ends no session (an older row, a
    // database edit): what she signs still names the address she proved.
    {
        use portico::db::schema::clients::dsl;
        let mut conn = app.db.conn().unwrap();
        diesel::update(dsl::clients.filter(dsl::id.eq(&id)))
            .set(dsl::email.eq("someone@else.example"))
            .execute(&mut *conn)
            .unwrap();
    }
    let body = json!({
        "signer_name": "Maria Lopez",
        "body_sha256": crate::contracts::sha256(crate::contracts::BODY),
        "signature": { "kind": "typed", "name": "Maria Lopez" },
    });
    let signed = app
        .req_as(&token, Method::POST, &format!("{}/{contract}/sign", crate::contracts::PORTAL))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), 200);
    let staff: Value = app.get(&format!("/api/v1/contracts/{contract}")).await.json().await.unwrap();
    assert_eq!(staff["signature"]["signer_email"], MARIA, "{}", staff["signature"]);

    assert_eq!(crate::quotes::accept(&app, &token, &quote).await.status(), 200);
    use portico::db::schema::activity::dsl;
    let mut conn = app.db.conn().unwrap();
    let data: String = dsl::activity
        .filter(dsl::subject_id.eq(&quote))
        .filter(dsl::verb.eq("accepted"))
        .select(dsl::data)
        .first(&mut *conn)
        .unwrap();
    let data: Value = serde_json::from_str(&data).unwrap();
    assert_eq!(data["proved_email"], MARIA);
}

async fn a_forged_refresh_token_naming_a_session_ends_nothing(app: TestApp) {
    app.client("Emma Johansson", "emma@example.se").await;
    let tokens = client_login(&app, "emma@example.se").await;
    let sid = tokens["session_id"].as_str().unwrap();
    let refresh =
        |t: String| app.http.post(app.url("/api/v1/auth/refresh")).json(&json!({ "refresh_token": t })).send();
    // Rotate once, so generation 0 is in the past.
    let second: Value =
        refresh(tokens["refresh_token"].as_str().unwrap().to_string()).await.unwrap().json().await.unwrap();
    for forged in [format!("{sid}.0.AAAA"), format!("{sid}.0.{}", "A".repeat(64)), format!("{sid}.-1.x")] {
        let body = problem(refresh(forged).await.unwrap(), 401).await;
        assert!(!body["detail"].as_str().unwrap().contains("already used"), "{body}");
    }
    let me = app.req_as(&bearer(&second), Method::GET, "/api/v1/portal/me").send().await.unwrap();
    assert_eq!(me.status(), 200, "Emma's session lives on");
    let third = refresh(second["refresh_token"].as_str().unwrap().to_string()).await.unwrap();
    assert_eq!(third.status(), 200, "and refreshes");
}

both!(
    a_member_or_a_narrow_key_cannot_move_a_clients_login,
    an_owners_change_ends_sessions_tells_the_old_address_and_is_logged,
    a_signature_and_an_acceptance_record_the_address_proved_at_login,
    a_forged_refresh_token_naming_a_session_ends_nothing,
);
