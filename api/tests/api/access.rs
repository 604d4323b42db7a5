//! Staff manage clients' portal access: invitations, viewing the portal as a client
//! (read-only), and the client's sessions.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL, bearer, client_login, staff_login};
use crate::helpers::{TestApp, problem};

async fn an_invitation_logs_the_client_in_for_seven_days(app: TestApp) {
    let c = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = c["id"].as_str().unwrap();
    let invited: Value = app.post(&format!("/api/v1/clients/{id}/invite"), &json!({})).await.json().await.unwrap();
    assert!(invited["invited_at"].is_string());
    let mail = app.smtp.nth_to("maria@lopez.es", 1).await;
    assert!(mail.subject().contains("invited you to your client portal"), "{}", mail.subject());
    assert!(mail.decoded().contains("works for 7 days"));

    // Sent again: the new link replaces the old one.
    app.post(&format!("/api/v1/clients/{id}/invite"), &json!({})).await;
    let second = app.smtp.nth_to("maria@lopez.es", 2).await;
    let redeem =
        |token: String| app.http.post(app.url(&format!("{PORTAL}/magic-link"))).json(&json!({ "token": token })).send();
    problem(redeem(mail.link_token()).await.unwrap(), 401).await;
    let body: Value = redeem(second.link_token()).await.unwrap().json().await.unwrap();
    assert_eq!(body["status"], "authenticated");

    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|a| a["verb"].as_str().unwrap()).collect();
    assert_eq!(verbs[..3], ["logged_in", "invited", "invited"]);
    assert_eq!(log["items"][1]["data"]["resent"], true);

    let off = app.client("No Portal", "np@example.com").await;
    let off_id = off["id"].as_str().unwrap();
    app.patch(&format!("/api/v1/clients/{off_id}"), &json!({ "portal_enabled": false })).await;
    let body = problem(app.post(&format!("/api/v1/clients/{off_id}/invite"), &json!({})).await, 409).await;
    assert!(body["detail"].as_str().unwrap().contains("portal_enabled"));
}

async fn staff_view_the_portal_as_a_client_read_only(app: TestApp) {
    let c = app.client("Aiko Tanaka", "aiko@example.jp").await;
    let id = c["id"].as_str().unwrap();
    // An API key is not a person: it cannot impersonate.
    problem(app.post(&format!("/api/v1/clients/{id}/impersonate"), &json!({})).await, 403).await;

    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{id}/impersonate")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let view: Value = res.json().await.unwrap();
    let token = bearer(&view);

    let me: Value = app.req_as(&token, Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], id);
    assert_eq!(me["impersonated"], true);
    // Writes are refused, whatever they are.
    let body = problem(
        app.req_as(&token, Method::DELETE, &format!("/api/v1/auth/sessions/{}", view["session_id"].as_str().unwrap()))
            .send()
            .await
            .unwrap(),
        403,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("read-only"));
    problem(app.req_as(&token, Method::GET, "/api/v1/clients").send().await.unwrap(), 403).await;

    assert_eq!(app.req_as(&token, Method::POST, "/api/v1/auth/logout").send().await.unwrap().status(), 204);
    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    let verbs: Vec<&str> = log["items"].as_array().unwrap().iter().map(|a| a["verb"].as_str().unwrap()).collect();
    assert_eq!(verbs[..2], ["impersonation_ended", "impersonation_started"]);
    assert_eq!(log["items"][0]["actor_kind"], "staff");
}

async fn staff_see_and_end_a_clients_sessions(app: TestApp) {
    let c = app.client("Noah Martin", "noah@cycles.fr").await;
    let id = c["id"].as_str().unwrap();
    let tokens = client_login(&app, "noah@cycles.fr").await;
    let list: Value = app.get(&format!("/api/v1/clients/{id}/sessions")).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["id"], tokens["session_id"]);

    let res = app.req(Method::DELETE, &format!("/api/v1/clients/{id}/sessions")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.req_as(&bearer(&tokens), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;
    let list: Value = app.get(&format!("/api/v1/clients/{id}/sessions")).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));

    let (_, beta) = app.other_tenant("beta");
    problem(app.req_as(&beta, Method::GET, &format!("/api/v1/clients/{id}/sessions")).send().await.unwrap(), 404).await;
    problem(app.req_as(&beta, Method::POST, &format!("/api/v1/clients/{id}/invite")).send().await.unwrap(), 404).await;
}

both!(
    an_invitation_logs_the_client_in_for_seven_days,
    staff_view_the_portal_as_a_client_read_only,
    staff_see_and_end_a_clients_sessions,
);
