//! Tenant isolation: a key of one tenant cannot read, list, change or delete another's data.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, problem};

async fn another_tenants_clients_are_invisible_and_untouchable(app: TestApp) {
    let victim = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = victim["id"].as_str().unwrap();
    let (_, intruder) = app.other_tenant("beta");
    let before: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();

    let attempts = [
        (Method::GET, format!("/api/v1/clients/{id}"), None),
        (Method::PATCH, format!("/api/v1/clients/{id}"), Some(json!({ "name": "Pwned", "email": "x@evil.io" }))),
        (Method::POST, format!("/api/v1/clients/{id}/archive"), None),
        (Method::POST, format!("/api/v1/clients/{id}/restore"), None),
        (Method::GET, format!("/api/v1/clients/{id}/activity"), None),
    ];
    for (method, path, body) in attempts {
        let mut req = app.req_as(&intruder, method.clone(), &path);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let p = problem(res, 404).await;
        assert!(!p.to_string().contains("Maria"), "{method} {path} leaks nothing: {p}");
    }
    for query in ["", "?q=maria", "?status=all", "?q=lopez.es&status=all"] {
        let page: Value = app
            .req_as(&intruder, Method::GET, &format!("/api/v1/clients{query}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(page["items"], json!([]), "list {query}");
    }

    let after: Value = app.get(&format!("/api/v1/clients/{id}")).await.json().await.unwrap();
    assert_eq!(after, victim, "unchanged");
    let log: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    assert_eq!(log, before, "no activity written by the intruder");
}

async fn another_tenants_keys_and_settings_are_out_of_reach(app: TestApp) {
    let (beta_id, intruder) = app.other_tenant("beta");
    let own: Value = app.get("/api/v1/api-keys").await.json().await.unwrap();
    let acme_key_id = own["items"][0]["id"].as_str().unwrap();

    problem(
        app.req_as(&intruder, Method::POST, &format!("/api/v1/api-keys/{acme_key_id}/revoke")).send().await.unwrap(),
        404,
    )
    .await;
    assert_eq!(app.get("/api/v1/tenant").await.status(), 200, "acme's key still works");

    let theirs: Value =
        app.req_as(&intruder, Method::GET, "/api/v1/api-keys").send().await.unwrap().json().await.unwrap();
    assert!(!theirs.to_string().contains(acme_key_id));

    let t: Value = app.req_as(&intruder, Method::GET, "/api/v1/tenant").send().await.unwrap().json().await.unwrap();
    assert_eq!(t["id"], beta_id.as_str());
    let renamed = app.req_as(&intruder, Method::PATCH, "/api/v1/tenant").json(&json!({ "name": "Beta GmbH" }));
    assert_eq!(renamed.send().await.unwrap().status(), 200);
    let acme: Value = app.get("/api/v1/tenant").await.json().await.unwrap();
    assert_eq!(acme["name"], "acme Ltd", "a PATCH of /tenant only ever touches the caller's tenant");
}

both!(another_tenants_clients_are_invisible_and_untouchable, another_tenants_keys_and_settings_are_out_of_reach);
