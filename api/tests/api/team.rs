//! The team: owners and admins invite, change roles and remove; the last owner stays.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{bearer, staff_login};
use crate::helpers::{TestApp, fields, problem};

async fn owners_build_the_team_and_roles_apply_at_once(app: TestApp) {
    let res = app.post("/api/v1/staff", &json!({ "email": "Ada@Acme.Example", "name": "Ada", "role": "admin" })).await;
    assert_eq!(res.status(), 201);
    let ada: Value = res.json().await.unwrap();
    assert_eq!(ada["email"], "ada@acme.example");
    let invite = app.smtp.nth_to("ada@acme.example", 1).await;
    assert!(invite.link().contains("/app/login/link#token="));
    let redeemed: Value = app
        .http
        .post(app.url("/api/v1/auth/magic-link"))
        .json(&json!({ "token": invite.link_token() }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ada_token = bearer(&redeemed);
    assert_eq!(app.req_as(&ada_token, Method::GET, "/api/v1/api-keys").send().await.unwrap().status(), 200);

    problem(
        app.post("/api/v1/staff", &json!({ "email": "ada@acme.example", "name": "Ada", "role": "member" })).await,
        409,
    )
    .await;
    let bad = problem(app.post("/api/v1/staff", &json!({ "email": "x", "name": "", "role": "boss" })).await, 422).await;
    assert!(!fields(&bad).is_empty());

    // Demoted to member: her open session loses admin rights at once.
    let path = format!("/api/v1/staff/{}", ada["id"].as_str().unwrap());
    let changed: Value = app.patch(&path, &json!({ "role": "member" })).await.json().await.unwrap();
    assert_eq!(changed["role"], "member");
    problem(app.req_as(&ada_token, Method::GET, "/api/v1/api-keys").send().await.unwrap(), 403).await;
    problem(
        app.req_as(&ada_token, Method::POST, "/api/v1/staff")
            .json(&json!({ "email": "e@x.io", "name": "E", "role": "member" }))
            .send()
            .await
            .unwrap(),
        403,
    )
    .await;
    assert_eq!(app.req_as(&ada_token, Method::GET, "/api/v1/clients").send().await.unwrap().status(), 200);

    // Removed: her session ends.
    assert_eq!(app.req(Method::DELETE, &path).send().await.unwrap().status(), 204);
    problem(app.req_as(&ada_token, Method::GET, "/api/v1/clients").send().await.unwrap(), 401).await;
    let team: Value = app.get("/api/v1/staff").await.json().await.unwrap();
    assert_eq!(team["items"].as_array().unwrap().len(), 1);
}

async fn only_owners_touch_ownership_and_the_last_owner_stays(app: TestApp) {
    let team: Value = app.get("/api/v1/staff").await.json().await.unwrap();
    let owner_id = team["items"][0]["id"].as_str().unwrap().to_string();
    let owner_path = format!("/api/v1/staff/{owner_id}");

    // Even with every scope, an API key is not an owner.
    problem(
        app.post("/api/v1/staff", &json!({ "email": "o2@acme.example", "name": "O2", "role": "owner" })).await,
        403,
    )
    .await;
    problem(app.patch(&owner_path, &json!({ "role": "admin" })).await, 403).await;

    let owner = bearer(&staff_login(&app, "owner@acme.example").await);
    let body = problem(
        app.req_as(&owner, Method::PATCH, &owner_path).json(&json!({ "role": "admin" })).send().await.unwrap(),
        409,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("last owner"));
    problem(app.req_as(&owner, Method::DELETE, &owner_path).send().await.unwrap(), 409).await;

    let second: Value = app
        .req_as(&owner, Method::POST, "/api/v1/staff")
        .json(&json!({ "email": "o2@acme.example", "name": "Second Owner", "role": "owner" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(second["role"], "owner");
    let res = app.req_as(&owner, Method::PATCH, &owner_path).json(&json!({ "role": "admin" })).send().await.unwrap();
    assert_eq!(res.status(), 200, "another owner remains");

    let (_, beta) = app.other_tenant("beta");
    problem(
        app.req_as(&beta, Method::DELETE, &format!("/api/v1/staff/{}", second["id"].as_str().unwrap()))
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
}

both!(owners_build_the_team_and_roles_apply_at_once, only_owners_touch_ownership_and_the_last_owner_stays);
