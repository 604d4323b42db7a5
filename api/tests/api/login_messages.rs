//! Staff see a client's last login messages and what became of them ("I got no code"):
//! sent, bounced by the receiving server, or still being retried.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL, ask, mail_for};
use crate::helpers::{TestApp, problem};

/// The client's login messages once none is waiting for a first try any more.
async fn settled(app: &TestApp, id: &str, count: usize) -> Vec<Value> {
    for _ in 0..100 {
        let list: Value = app.get(&format!("/api/v1/clients/{id}/login-messages")).await.json().await.unwrap();
        let items = list["items"].as_array().unwrap().clone();
        if items.len() >= count && items.iter().all(|m| m["status"] != "queued") {
            return items;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let list: Value = app.get(&format!("/api/v1/clients/{id}/login-messages")).await.json().await.unwrap();
    let rows =
        app.db.read_sync(|conn| {
            use diesel::prelude::*;
            use portico::db::schema::outbox::dsl;
            Ok(dsl::outbox
                .select((dsl::status, dsl::attempts, dsl::locked_until.is_not_null(), dsl::last_error))
                .load::<(String, i32, bool, Option<String>)>(conn)?)
        });
    panic!("the login messages of {id} did not settle: {list} {rows:?}");
}

async fn staff_see_whether_login_codes_left(app: TestApp) {
    let client = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = client["id"].as_str().unwrap();
    let none: Value = app.get(&format!("/api/v1/clients/{id}/login-messages")).await.json().await.unwrap();
    assert_eq!(none["items"], json!([]));

    mail_for(&app, &format!("{PORTAL}/otp"), "maria@lopez.es").await;
    let invited = app.post(&format!("/api/v1/clients/{id}/invite"), &json!({})).await;
    assert_eq!(invited.status(), 200);
    let items = settled(&app, id, 2).await;
    assert_eq!(items.len(), 2, "{items:?}");
    // Newest first: the invitation, then the code.
    assert_eq!((items[0]["purpose"].as_str(), items[1]["purpose"].as_str()), (Some("invite"), Some("login_code")));
    for m in &items {
        assert_eq!((m["channel"].as_str(), m["to"].as_str()), (Some("email"), Some("maria@lopez.es")));
        assert_eq!(m["status"], "sent", "{m}");
        assert!(m["sent_at"].is_string());
    }

    // Another client's messages are not this one's, and another business sees none of them.
    let other = app.client("Noah Martin", "noah@cycles.fr").await;
    let theirs: Value = app
        .get(&format!("/api/v1/clients/{}/login-messages", other["id"].as_str().unwrap()))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["items"], json!([]));
    let (_, beta_key) = app.other_tenant("beta");
    let res = app.req_as(&beta_key, Method::GET, &format!("/api/v1/clients/{id}/login-messages")).send().await.unwrap();
    problem(res, 404).await;
}

async fn a_mailbox_that_does_not_exist_shows_as_bounced(app: TestApp) {
    let client = app.client("Typo Person", "no-such-mailbox@example.com").await;
    let id = client["id"].as_str().unwrap();
    assert_eq!(ask(&app, &format!("{PORTAL}/otp"), "no-such-mailbox@example.com").await.status(), 202);
    let items = settled(&app, id, 1).await;
    assert_eq!(items[0]["status"], "bounced", "{items:?}");
    assert_eq!(items[0]["attempts"], 1, "a permanent refusal is not tried again");
    assert!(items[0]["last_error"].as_str().unwrap().contains("550"), "{items:?}");
    assert!(items[0]["sent_at"].is_null());
}

both!(staff_see_whether_login_codes_left, a_mailbox_that_does_not_exist_shows_as_bounced);
