//! Browser sessions: the refresh token in an HttpOnly cookie scoped to its realm, the CSRF
//! header that reading it needs, "keep me signed in" and the business's say over it, logout
//! forgetting the cookie, and switching between the accounts one login email opens.

use chrono::{TimeDelta, Utc};
use diesel::prelude::*;
use reqwest::Method;
use reqwest::header::SET_COOKIE;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL, bearer, clear_limits, mail_for, staff_login};
use crate::helpers::{TestApp, problem};

const CSRF: (&str, &str) = ("X-Portico-CSRF", "1");

/// The `portico_refresh` cookie a response sets: its value and its attributes.
struct SetCookie {
    value: String,
    attributes: Vec<String>,
}

impl SetCookie {
    fn of(res: &reqwest::Response) -> Option<SetCookie> {
        let header = res.headers().get_all(SET_COOKIE).iter().find_map(|v| {
            let v = v.to_str().ok()?;
            v.starts_with("portico_refresh=").then(|| v.to_string())
        })?;
        let mut parts = header.split(';').map(str::trim);
        let value = parts.next()?.trim_start_matches("portico_refresh=").to_string();
        Some(SetCookie { value, attributes: parts.map(str::to_string).collect() })
    }

    fn has(&self, attribute: &str) -> bool {
        self.attributes.iter().any(|a| a.eq_ignore_ascii_case(attribute))
    }

    fn max_age(&self) -> Option<i64> {
        self.attributes.iter().find_map(|a| a.strip_prefix("Max-Age=")).and_then(|v| v.parse().ok())
    }
}

/// Logs in by code with the given extra body fields; returns the response.
async fn code_login(app: &TestApp, base: &str, email: &str, extra: Value) -> reqwest::Response {
    clear_limits(app);
    let mail = mail_for(app, &format!("{base}/otp"), email).await;
    let mut body = json!({ "email": email, "code": mail.code() });
    body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    app.http.post(app.url(&format!("{base}/otp/verify"))).json(&body).send().await.unwrap()
}

/// `POST {base}/refresh` with the cookie, as the browser sends it.
async fn refresh_by_cookie(app: &TestApp, path: &str, cookie: &str, csrf: bool) -> reqwest::Response {
    let mut req = app.http.post(app.url(path)).header("Cookie", format!("portico_refresh={cookie}")).json(&json!({}));
    if csrf {
        req = req.header(CSRF.0, CSRF.1);
    }
    req.send().await.unwrap()
}

async fn a_browser_login_keeps_the_refresh_token_out_of_reach(app: TestApp) {
    let client = app.client("Maria Lopez", "maria@lopez.es").await;
    let res = code_login(&app, PORTAL, "maria@lopez.es", json!({ "cookie": true })).await;
    assert_eq!(res.status(), 200);
    let cookie = SetCookie::of(&res).expect("the login sets the session cookie");
    let body: Value = res.json().await.unwrap();
    assert!(body.get("refresh_token").is_none(), "no refresh token for script to read: {body}");
    assert_eq!(body["persistent"], false);
    assert!(cookie.has("HttpOnly") && cookie.has("SameSite=Strict"), "{:?}", cookie.attributes);
    // The test server's public URL is https.
    assert!(cookie.has("Secure"), "{:?}", cookie.attributes);
    assert!(cookie.has("Path=/api/v1/portal/acme/auth"), "only this portal's auth calls: {:?}", cookie.attributes);
    assert_eq!(cookie.max_age(), None, "a session cookie: it ends with the browser");
    assert!(!cookie.attributes.iter().any(|a| a.starts_with("Expires")), "{:?}", cookie.attributes);

    // Another tab of the same browser: the cookie alone gets it an access token, but only
    // with the header another site cannot send.
    let refresh = "/api/v1/portal/acme/auth/refresh";
    let refused = problem(refresh_by_cookie(&app, refresh, &cookie.value, false).await, 403).await;
    assert!(refused["detail"].as_str().unwrap().contains("X-Portico-CSRF"), "{refused}");
    let res = refresh_by_cookie(&app, refresh, &cookie.value, true).await;
    assert_eq!(res.status(), 200);
    let next = SetCookie::of(&res).expect("the refresh rotates the cookie");
    assert_ne!(next.value, cookie.value);
    let tokens: Value = res.json().await.unwrap();
    assert!(tokens.get("refresh_token").is_none(), "{tokens}");
    let me: Value =
        app.req_as(&bearer(&tokens), Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], client["id"]);

    // Another portal's refresh does not take this portal's session.
    app.other_tenant("beta");
    problem(refresh_by_cookie(&app, "/api/v1/portal/beta/auth/refresh", &next.value, true).await, 401).await;

    // No cookie, no token (a new tab of a browser that is not logged in): there is no session.
    let none = app.http.post(app.url(refresh)).header(CSRF.0, CSRF.1).json(&json!({})).send().await.unwrap();
    assert_eq!(none.status(), 204);

    // The rotated-away cookie is a copy: it ends the session, and the browser is told to
    // forget it.
    let reused = refresh_by_cookie(&app, refresh, &cookie.value, true).await;
    let cleared = SetCookie::of(&reused).expect("a dead cookie is cleared");
    assert_eq!((cleared.value.as_str(), cleared.max_age()), ("", Some(0)));
    problem(reused, 401).await;
    problem(refresh_by_cookie(&app, refresh, &next.value, true).await, 401).await;
    problem(app.req_as(&bearer(&tokens), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;

    // Integrators' bearer flow is unchanged: the token comes in the body.
    let res = code_login(&app, PORTAL, "maria@lopez.es", json!({})).await;
    assert!(SetCookie::of(&res).is_none());
    let body: Value = res.json().await.unwrap();
    let renewed =
        app.http.post(app.url("/api/v1/auth/refresh")).json(&json!({ "refresh_token": body["refresh_token"] }));
    let renewed: Value = renewed.send().await.unwrap().json().await.unwrap();
    assert!(renewed["refresh_token"].is_string(), "{renewed}");
}

async fn keep_me_signed_in_lasts_thirty_days_when_the_business_allows(app: TestApp) {
    app.client("Noah Martin", "noah@cycles.fr").await;
    let branding: Value = app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap().json().await.unwrap();
    assert_eq!(branding["remember_device"], true);

    let res = code_login(&app, PORTAL, "noah@cycles.fr", json!({ "cookie": true, "remember": true })).await;
    let cookie = SetCookie::of(&res).unwrap();
    assert_eq!(cookie.max_age(), Some(30 * 24 * 3600));
    let tokens: Value = res.json().await.unwrap();
    assert_eq!(tokens["persistent"], true);
    let sessions: Value =
        app.req_as(&bearer(&tokens), Method::GET, "/api/v1/auth/sessions").send().await.unwrap().json().await.unwrap();
    let expires: chrono::DateTime<Utc> = sessions["items"][0]["expires_at"].as_str().unwrap().parse().unwrap();
    assert!(expires - Utc::now() > TimeDelta::days(29), "{sessions}");

    // An evening away is no idle timeout for a kept session; it is for a plain one.
    let plain: Value =
        code_login(&app, PORTAL, "noah@cycles.fr", json!({ "cookie": true })).await.json().await.unwrap();
    {
        use portico::db::schema::sessions::dsl;
        let mut conn = app.db.conn().unwrap();
        let long_ago = Utc::now().naive_utc() - TimeDelta::hours(5);
        diesel::update(dsl::sessions).set(dsl::last_seen_at.eq(long_ago)).execute(&mut conn).unwrap();
    }
    let me = |t: &Value| app.req_as(&bearer(t), Method::GET, "/api/v1/portal/me").send();
    assert_eq!(me(&tokens).await.unwrap().status(), 200);
    problem(me(&plain).await.unwrap(), 401).await;

    // The business turns it off: the box is not offered, and asking for it gets a browser session.
    let t: Value = app.patch("/api/v1/tenant", &json!({ "remember_device": false })).await.json().await.unwrap();
    assert_eq!(t["remember_device"], false);
    let branding: Value = app.http.get(app.url("/api/v1/portal/acme")).send().await.unwrap().json().await.unwrap();
    assert_eq!(branding["remember_device"], false);
    let res = code_login(&app, PORTAL, "noah@cycles.fr", json!({ "cookie": true, "remember": true })).await;
    assert_eq!(SetCookie::of(&res).unwrap().max_age(), None);
    let tokens: Value = res.json().await.unwrap();
    assert_eq!(tokens["persistent"], false);
}

async fn logout_ends_every_tab_and_forgets_the_cookie(app: TestApp) {
    app.client("Aiko Tanaka", "aiko@example.jp").await;
    let res = code_login(&app, PORTAL, "aiko@example.jp", json!({ "cookie": true })).await;
    let cookie = SetCookie::of(&res).unwrap();
    let first_tab: Value = res.json().await.unwrap();
    let second_tab: Value =
        refresh_by_cookie(&app, "/api/v1/portal/acme/auth/refresh", &cookie.value, true).await.json().await.unwrap();

    let out = app.req_as(&bearer(&first_tab), Method::POST, "/api/v1/auth/logout").send().await.unwrap();
    assert_eq!(out.status(), 204);
    let cleared = SetCookie::of(&out).expect("logout clears the cookie");
    assert_eq!(cleared.value, "");
    assert!(cleared.has("Path=/api/v1/portal/acme/auth"), "{:?}", cleared.attributes);
    // The other tab's access token stops at once.
    problem(app.req_as(&bearer(&second_tab), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;

    // Staff cookies live at the console's path.
    let res = code_login(&app, "/api/v1/auth", "owner@acme.example", json!({ "cookie": true })).await;
    let staff = SetCookie::of(&res).unwrap();
    assert!(staff.has("Path=/api/v1/auth"), "{:?}", staff.attributes);
    let tokens: Value = res.json().await.unwrap();
    let out = app.req_as(&bearer(&tokens), Method::POST, "/api/v1/auth/logout").send().await.unwrap();
    assert!(SetCookie::of(&out).unwrap().has("Path=/api/v1/auth"));
    problem(refresh_by_cookie(&app, "/api/v1/auth/refresh", &staff.value, true).await, 401).await;
}

async fn a_client_switches_between_accounts_of_one_email(app: TestApp) {
    let cafe = app.client("Lukas Becker", "lukas@becker.de").await;
    let studio: Value = app
        .post(
            "/api/v1/clients",
            &json!({ "name": "Lukas Becker", "email": "lukas@becker.de", "company": "Becker Architekten" }),
        )
        .await
        .json()
        .await
        .unwrap();
    let other = app.client("Someone Else", "else@example.com").await;
    let body: Value = code_login(&app, PORTAL, "lukas@becker.de", json!({})).await.json().await.unwrap();
    let pick = json!({ "selection_token": body["selection_token"], "account_id": cafe["id"], "cookie": true, "remember": true });
    let tokens: Value =
        app.http.post(app.url(&format!("{PORTAL}/select"))).json(&pick).send().await.unwrap().json().await.unwrap();
    assert_eq!(tokens["persistent"], true, "the choice carries 'keep me signed in': {tokens}");

    let accounts: Value =
        app.req_as(&bearer(&tokens), Method::GET, "/api/v1/auth/accounts").send().await.unwrap().json().await.unwrap();
    let items = accounts["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{accounts}");
    let current: Vec<&Value> = items.iter().filter(|a| a["current"] == true).map(|a| &a["id"]).collect();
    assert_eq!(current, [&cafe["id"]]);
    assert!(items.iter().any(|a| a["id"] == studio["id"] && a["company"] == "Becker Architekten"));

    // Someone else's account is not on offer.
    let switch = |t: &Value, id: &Value| {
        app.req_as(&bearer(t), Method::POST, "/api/v1/auth/switch")
            .json(&json!({ "account_id": id, "cookie": true }))
            .send()
    };
    problem(switch(&tokens, &other["id"]).await.unwrap(), 404).await;

    let res = switch(&tokens, &studio["id"]).await.unwrap();
    assert_eq!(res.status(), 200);
    let cookie = SetCookie::of(&res).expect("the new session's cookie replaces the old");
    assert!(cookie.has("Path=/api/v1/portal/acme/auth"));
    assert_eq!(cookie.max_age(), Some(30 * 24 * 3600), "kept as long as the session it replaces");
    let switched: Value = res.json().await.unwrap();
    let me: Value =
        app.req_as(&bearer(&switched), Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], studio["id"]);
    // The session it replaced is over.
    problem(app.req_as(&bearer(&tokens), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;

    // A staff member viewing the portal as the client cannot switch them.
    let cafe_id = cafe["id"].as_str().unwrap();
    let owner = staff_login(&app, "owner@acme.example").await;
    let view =
        app.req_as(&bearer(&owner), Method::POST, &format!("/api/v1/clients/{cafe_id}/impersonate")).json(&json!({}));
    let view: Value = view.send().await.unwrap().json().await.unwrap();
    problem(app.req_as(&bearer(&view), Method::GET, "/api/v1/auth/accounts").send().await.unwrap(), 403).await;
    problem(switch(&view, &studio["id"]).await.unwrap(), 403).await;
}

async fn staff_switch_between_businesses(app: TestApp) {
    let (beta_id, _) = app.other_tenant("beta");
    let member = {
        let mut conn = app.db.conn().unwrap();
        portico::staff::store::insert(&mut conn, &beta_id, "owner@acme.example", "Ann Owner", "member").unwrap()
    };
    let body: Value = code_login(&app, "/api/v1/auth", "owner@acme.example", json!({})).await.json().await.unwrap();
    let acme = body["accounts"].as_array().unwrap().iter().find(|a| a["company"] == "acme Ltd").unwrap()["id"].clone();
    let pick = json!({ "selection_token": body["selection_token"], "account_id": acme });
    let tokens: Value =
        app.http.post(app.url("/api/v1/auth/select")).json(&pick).send().await.unwrap().json().await.unwrap();

    let accounts: Value =
        app.req_as(&bearer(&tokens), Method::GET, "/api/v1/auth/accounts").send().await.unwrap().json().await.unwrap();
    let slugs: Vec<(&str, bool)> = accounts["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["tenant_slug"].as_str().unwrap(), a["current"].as_bool().unwrap()))
        .collect();
    assert_eq!(slugs, [("acme", true), ("beta", false)]);

    let res =
        app.req_as(&bearer(&tokens), Method::POST, "/api/v1/auth/switch").json(&json!({ "account_id": member.id }));
    let switched: Value = res.send().await.unwrap().json().await.unwrap();
    assert!(switched["refresh_token"].is_string(), "no cookie asked for: the token is in the body");
    let me: Value =
        app.req_as(&bearer(&switched), Method::GET, "/api/v1/me").send().await.unwrap().json().await.unwrap();
    assert_eq!((me["tenant_slug"].as_str(), me["role"].as_str()), (Some("beta"), Some("member")));
    problem(app.req_as(&bearer(&tokens), Method::GET, "/api/v1/me").send().await.unwrap(), 401).await;
}

both!(
    a_browser_login_keeps_the_refresh_token_out_of_reach,
    keep_me_signed_in_lasts_thirty_days_when_the_business_allows,
    logout_ends_every_tab_and_forgets_the_cookie,
    a_client_switches_between_accounts_of_one_email,
    staff_switch_between_businesses,
);
