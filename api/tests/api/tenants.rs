//! The public portal branding and the caller's tenant settings.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};

async fn portal_branding_is_public_and_by_slug(app: TestApp) {
    let res = app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let b: Value = res.json().await.unwrap();
    assert_eq!(b["slug"], "acme");
    assert_eq!(b["name"], "acme Ltd");
    assert_eq!(b["login_title"], "acme Ltd", "the title falls back to the name");
    assert_eq!(b["primary_text_color"], "#ffffff");
    assert!(b.get("id").is_none() && b.get("custom_domain").is_none(), "branding only: {b}");

    let body = problem(app.http.get(app.url("/api/v1/portal/nobody-here")).send().await.unwrap(), 404).await;
    assert!(body["detail"].as_str().unwrap().contains("nobody-here"));
}

async fn tenant_settings_can_be_read_and_changed(app: TestApp) {
    let t: Value = app.get("/api/v1/tenant").await.json().await.unwrap();
    assert_eq!(t["id"], app.tenant_id.as_str());
    assert_eq!(t["timezone"], "Europe/Paris");

    let res = app
        .patch(
            "/api/v1/tenant",
            &json!({
                "name": "Acme Studio",
                "primary_color": "#FDE047",
                "login_title": "Welcome back",
                "login_message": "Your projects and invoices, in one place.",
                "logo_url": "https://cdn.example.com/acme.png",
                "timezone": "America/New_York",
                "currency": "USD",
                "locale": "en-US"
            }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let t: Value = res.json().await.unwrap();
    assert_eq!(t["name"], "Acme Studio");
    assert_eq!(t["primary_color"], "#fde047", "colours are stored lowercase");
    assert_eq!(t["currency"], "USD");
    assert!(t["updated_at"].as_str().unwrap() > t["created_at"].as_str().unwrap());

    let b: Value = app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap().json().await.unwrap();
    assert_eq!(b["login_title"], "Welcome back");
    assert_eq!(b["logo_url"], "https://cdn.example.com/acme.png");
    assert_eq!(b["primary_text_color"], "#111827", "dark text on a light brand colour");

    // null clears; a field left out stays.
    let t: Value = app.patch("/api/v1/tenant", &json!({ "login_title": null })).await.json().await.unwrap();
    assert_eq!(t["login_title"], Value::Null);
    assert_eq!(t["login_message"], "Your projects and invoices, in one place.");
}

async fn invalid_settings_are_422_and_change_nothing(app: TestApp) {
    let before: Value = app.get("/api/v1/tenant").await.json().await.unwrap();
    let res = app
        .patch(
            "/api/v1/tenant",
            &json!({
                "name": "Renamed",
                "primary_color": "blue",
                "accent_color": "#12345",
                "logo_url": "ftp://example.com/logo.png",
                "timezone": "Mars/Olympus_Mons",
                "currency": "euro",
                "custom_domain": "https://portal.acme.example/",
                "locale": "English"
            }),
        )
        .await;
    let body = problem(res, 422).await;
    assert_eq!(
        fields(&body),
        ["accent_color", "currency", "custom_domain", "locale", "logo_url", "primary_color", "timezone"]
    );
    let after: Value = app.get("/api/v1/tenant").await.json().await.unwrap();
    assert_eq!(before, after);
}

async fn slug_rules_are_enforced(app: TestApp) {
    let too_long = "a".repeat(41);
    for bad in
        ["ab", "Acme", "acme_co", "-acme", "acme-", "ac--me", "9lives", "api", "docs", "admin", too_long.as_str()]
    {
        let body = problem(app.patch("/api/v1/tenant", &json!({ "slug": bad })).await, 422).await;
        assert_eq!(fields(&body), ["slug"], "{bad}");
    }
    // Words of our own routes: `/api/v1/portal/invoices/{id}` would shadow a portal called so.
    for word in ["api", "invoices", "projects", "time-logs", "book"] {
        let reserved = problem(app.patch("/api/v1/tenant", &json!({ "slug": word })).await, 422).await;
        assert!(reserved["errors"][0]["message"].as_str().unwrap().contains("reserved"), "{word}");
    }

    let t: Value = app.patch("/api/v1/tenant", &json!({ "slug": "acme-studio" })).await.json().await.unwrap();
    assert_eq!(t["slug"], "acme-studio");
    assert_eq!(app.http.get(app.url("/api/v1/portal/acme-studio")).send().await.unwrap().status(), 200);
    assert_eq!(app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap().status(), 404);
}

async fn taken_slug_or_domain_is_409(app: TestApp) {
    let (_, beta_key) = app.other_tenant("beta");
    let body = problem(app.patch("/api/v1/tenant", &json!({ "slug": "beta" })).await, 409).await;
    assert!(body["detail"].as_str().unwrap().contains("slug"), "{body}");

    let ok =
        app.req_as(&beta_key, Method::PATCH, "/api/v1/tenant").json(&json!({ "custom_domain": "portal.beta.example" }));
    assert_eq!(ok.send().await.unwrap().status(), 200);
    let body =
        problem(app.patch("/api/v1/tenant", &json!({ "custom_domain": "portal.beta.example" })).await, 409).await;
    assert!(body["detail"].as_str().unwrap().contains("domain"), "{body}");

    let t: Value = app.get("/api/v1/tenant").await.json().await.unwrap();
    assert_eq!(t["slug"], "acme");
    assert_eq!(t["custom_domain"], Value::Null);
}

async fn custom_domain_finds_the_portal_by_host(app: TestApp) {
    assert_eq!(app.patch("/api/v1/tenant", &json!({ "custom_domain": "portal.acme.example" })).await.status(), 200);
    let res = app.http.get(app.url("/api/v1/portal")).header("host", "Portal.Acme.Example:443").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let b: Value = res.json().await.unwrap();
    assert_eq!(b["slug"], "acme");

    let other = app.http.get(app.url("/api/v1/portal")).header("host", "elsewhere.example").send().await.unwrap();
    problem(other, 404).await;
}

both!(
    portal_branding_is_public_and_by_slug,
    tenant_settings_can_be_read_and_changed,
    invalid_settings_are_422_and_change_nothing,
    slug_rules_are_enforced,
    taken_slug_or_domain_is_409,
    custom_domain_finds_the_portal_by_host,
);
