//! Who may call what, for every operation of the OpenAPI document (issue 10): walked from
//! the spec itself, so an endpoint added later is covered, or fails this test until its
//! security is one it knows. For each operation: anonymous, a forged token and an expired
//! token are 401; a client session on a staff operation, a staff session on a portal
//! operation and an API key on an operation for people are 403; every answer is a problem
//! document, never a 5xx, and nothing in the database changed.
//!
//! Who may touch which object (other clients, other tenants, members, scopes, ended
//! sessions) is `matrix_objects`.

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use portico::auth::jwt::{self, ACCESS, AccessClaims};
use portico::secrets::Keys;
use reqwest::Method;
use serde_json::Value;

use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{Backend, TestApp};

/// Operations anyone may call: probes, the spec, logins, public forms, public booking,
/// calendar feeds (their token is the credential), provider webhooks.
const PUBLIC: usize = 29;

#[derive(QueryableByName)]
pub struct Count {
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

#[derive(QueryableByName)]
pub struct Name {
    #[diesel(sql_type = Text)]
    pub name: String,
}

/// Rows per table, apart from what authentication itself writes (failure counters, session
/// last-seen times are not rows).
pub fn snapshot(app: &TestApp) -> BTreeMap<String, i64> {
    app.db
        .read_sync(|conn| {
            let list = match app.backend {
                Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__diesel%'",
                Backend::Postgres => "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '__diesel%'",
            };
            let names: Vec<Name> = diesel::sql_query(list).load(conn)?;
            let mut out = BTreeMap::new();
            for Name { name } in names.into_iter().filter(|n| n.name != "rate_limits") {
                let n: Count = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {name}")).get_result(conn)?;
                out.insert(name, n.n);
            }
            Ok(out)
        })
        .unwrap()
}

/// The path with every parameter filled: real-looking values, so a refusal comes from the
/// caller's rights, not from a malformed path.
pub fn concrete(path: &str) -> String {
    path.replace("{slug}", "acme")
        .replace("{provider}", "stripe")
        .replace("{revision}", "1")
        .split('/')
        .map(|s| if s.starts_with('{') { "0190c0de-0000-7000-8000-000000000001" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

pub fn schemes(op: &Value, spec: &Value) -> Vec<String> {
    let security = op.get("security").unwrap_or(&spec["security"]);
    security.as_array().unwrap().iter().flat_map(|r| r.as_object().unwrap().keys().cloned()).collect()
}

async fn every_operation_refuses_who_may_not_call_it(app: TestApp) {
    let spec: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    app.client("Iso Client", "iso@acme.example").await;
    let client = bearer(&client_login(&app, "iso@acme.example").await);
    let keys = Keys::load(&app.data_dir(), None, None).unwrap();
    let claims = |kind: &str| AccessClaims {
        sub: "0190c0de-0000-7000-8000-000000000002".into(),
        tenant: app.tenant_id.clone(),
        sid: "0190c0de-0000-7000-8000-000000000003".into(),
        kind: kind.into(),
        role: (kind == "staff").then(|| "owner".into()),
        typ: ACCESS.into(),
        iat: 1_700_000_000,
        exp: 1_700_000_900,
    };
    let expired = jwt::sign(&keys.jwt, &claims("staff"));
    let before = snapshot(&app);

    let (mut public, mut calls, mut wrong) = (0, 0, Vec::new());
    for (path, ops) in spec["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let schemes = schemes(op, &spec);
            if schemes.is_empty() {
                public += 1;
                continue;
            }
            let url = concrete(path);
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let people = schemes.iter().all(|s| s == "client_session" || s == "staff_session");
            let mut cases: Vec<(&str, Option<String>, u16)> = vec![
                ("anonymous", None, 401),
                ("a forged token", Some("eyJhbGciOiJIUzI1NiJ9.e30.bm90LWEtc2lnbmF0dXJl".into()), 401),
                ("an expired token", Some(expired.clone()), 401),
            ];
            match schemes.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                ["client_session"] => {
                    cases.push(("a staff session", Some(staff.clone()), 403));
                    cases.push(("an API key", Some(app.key.clone()), 403));
                }
                ["api_key", "staff_session"] | ["staff_session"] => {
                    cases.push(("a client session", Some(client.clone()), 403))
                }
                ["metrics_token"] | ["client_session", "staff_session"] => {}
                other => panic!("{method} {path}: security {other:?} is new to this test: say who may call it"),
            }
            if people && schemes.contains(&"staff_session".to_string()) {
                cases.push(("an API key", Some(app.key.clone()), 403));
            }
            for (who, token, expected) in cases {
                let mut req = app.http.request(method.clone(), app.url(&url));
                if let Some(t) = &token {
                    req = req.bearer_auth(t);
                }
                if matches!(method, Method::POST | Method::PATCH | Method::PUT) {
                    req = req.json(&serde_json::json!({}));
                }
                let res = req.send().await.unwrap();
                let status = res.status().as_u16();
                let kind =
                    res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
                calls += 1;
                // The metrics endpoint is off (404) unless configured: nothing to refuse.
                let metrics_off = path == "/metrics" && status == 404;
                if !metrics_off && (status != expected || !kind.starts_with("application/problem+json")) {
                    wrong.push(format!("{method} {path} as {who}: {status} {kind}, expected {expected}"));
                }
            }
        }
    }
    assert_eq!(public, PUBLIC, "a public operation was added or removed: review it and update PUBLIC");
    assert!(wrong.is_empty(), "{} of {calls} calls answered wrongly:\n{}", wrong.len(), wrong.join("\n"));
    assert_eq!(snapshot(&app), before, "a refused call changed the database");
    eprintln!(
        "isolation matrix: {calls} calls over {} operations",
        spec["paths"].as_object().unwrap().values().map(|m| m.as_object().unwrap().len()).sum::<usize>()
    );
}

/// Hundreds of refused calls from one address: the failed-authentication limit is raised so
/// they are answered 401/403, not 429.
const LIMITS: &[(&str, &str)] = &[("PORTICO_AUTH_FAILURES_PER_MINUTE", "100000")];

crate::both!(with LIMITS; every_operation_refuses_who_may_not_call_it);
