//! Passwordless login over HTTP, through the real mail path (the app's outbox worker speaks
//! SMTP to a server on loopback): codes, links, chooser, limits, tokens, sessions.

use std::time::Duration;

use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL, ask, bearer, client_login, mail_for, verify};
use crate::helpers::{Backend, TestApp, problem, spawn_app_with};

async fn a_client_logs_in_with_the_emailed_code(app: TestApp) {
    let client = app.client("Maria Lopez", "maria@lopez.es").await;
    // Typed with capitals: the address is matched and mailed in lowercase.
    let asked = ask(&app, &format!("{PORTAL}/otp"), "Maria@Lopez.ES").await;
    assert_eq!(asked.status(), 202);
    // The login page counts down to the resend from these.
    assert_eq!(asked.headers()["retry-after"], "60");
    let body: Value = asked.json().await.unwrap();
    assert_eq!((body["resend_in"].as_i64(), body["expires_in"].as_i64()), (Some(60), Some(600)));
    let mail = app.smtp.nth_to("maria@lopez.es", 1).await;
    assert!(mail.data.contains("From: \"acme Ltd\" <no-reply@portal.test>"), "branded sender: {}", mail.data);
    assert!(mail.data.contains("multipart/alternative") && mail.data.contains("text/html"), "HTML and text");
    assert!(mail.decoded().contains("expires in 10 minutes"));
    assert!(mail.link().starts_with("https://portal.test/portal/acme/login/link#token="), "{}", mail.link());
    // The confirm page names the address it logs in ("Continue as …").
    assert!(mail.decoded().contains(&format!("#token={}&email=maria%40lopez%2Ees", mail.link_token())));

    let res = verify(&app, PORTAL, "maria@lopez.es", &format!("{} {}", &mail.code()[..3], &mail.code()[3..])).await;
    let tokens: Value = res.json().await.unwrap();
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);

    let me: Value =
        app.req_as(&bearer(&tokens), Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], client["id"]);
    assert_eq!(me["tenant_slug"], "acme");
    assert_eq!(me["impersonated"], false);

    let after: Value =
        app.get(&format!("/api/v1/clients/{}", client["id"].as_str().unwrap())).await.json().await.unwrap();
    assert!(after["last_login_at"].is_string(), "last login recorded");

    // A client session reaches no staff endpoint.
    for path in ["/api/v1/clients", "/api/v1/tenant", "/api/v1/api-keys", "/api/v1/me"] {
        problem(app.req_as(&bearer(&tokens), Method::GET, path).send().await.unwrap(), 403).await;
    }
}

async fn a_tenant_may_send_from_its_own_address(app: TestApp) {
    let bad = problem(app.patch("/api/v1/tenant", &json!({ "mail_from": "not an address" })).await, 422).await;
    assert_eq!(crate::helpers::fields(&bad), ["mail_from"]);
    let t: Value =
        app.patch("/api/v1/tenant", &json!({ "mail_from": "Hello@Acme.Example" })).await.json().await.unwrap();
    assert_eq!(t["mail_from"], "hello@acme.example");
    app.client("Ivy Chen", "ivy@example.com").await;
    let mail = mail_for(&app, &format!("{PORTAL}/otp"), "ivy@example.com").await;
    assert!(mail.data.contains("From: \"acme Ltd\" <hello@acme.example>"), "{}", mail.data);
}

async fn the_magic_link_logs_in_once_and_burns_the_code(app: TestApp) {
    app.client("Aiko Tanaka", "aiko@example.jp").await;
    let mail = mail_for(&app, &format!("{PORTAL}/otp"), "aiko@example.jp").await;
    // Fetching the page (what a mail scanner does) changes nothing: only the POST logs in.
    let link = app.http.post(app.url(&format!("{PORTAL}/magic-link"))).json(&json!({ "token": mail.link_token() }));
    let body: Value = link.send().await.unwrap().json().await.unwrap();
    assert_eq!(body["status"], "authenticated");

    let again = app.http.post(app.url(&format!("{PORTAL}/magic-link"))).json(&json!({ "token": mail.link_token() }));
    problem(again.send().await.unwrap(), 401).await;
    problem(verify(&app, PORTAL, "aiko@example.jp", &mail.code()).await, 401).await;
}

async fn earlier_codes_keep_working_up_to_five(app: TestApp) {
    let app =
        fast(&[("PORTICO_OTP_COOLDOWN_SECONDS", "1"), ("PORTICO_OTP_PER_EMAIL_PER_HOUR", "20")], app_backend(&app))
            .await;
    app.client("Noah Martin", "noah@cycles.fr").await;
    let mut mails = Vec::new();
    for _ in 0..2 {
        mails.push(mail_for(&app, &format!("{PORTAL}/otp"), "noah@cycles.fr").await);
        tokio::time::sleep(Duration::from_millis(1100)).await;
    }
    // Asking again does not void the first email: its code logs in, and the second's link too.
    assert_eq!(verify(&app, PORTAL, "noah@cycles.fr", &mails[0].code()).await.status(), 200);
    let link = app.http.post(app.url(&format!("{PORTAL}/magic-link"))).json(&json!({ "token": mails[1].link_token() }));
    assert_eq!(link.send().await.unwrap().status(), 200);

    // Five codes live at once at most: a sixth request spends the oldest still open.
    let mut open = Vec::new();
    for _ in 0..6 {
        open.push(mail_for(&app, &format!("{PORTAL}/otp"), "noah@cycles.fr").await);
        tokio::time::sleep(Duration::from_millis(1100)).await;
    }
    let oldest = open[0].code();
    if open[1..].iter().all(|m| m.code() != oldest) {
        let body = problem(verify(&app, PORTAL, "noah@cycles.fr", &oldest).await, 401).await;
        assert!(body["detail"].as_str().unwrap().contains("wrong"), "{body}");
    }
    let link = app.http.post(app.url(&format!("{PORTAL}/magic-link"))).json(&json!({ "token": open[0].link_token() }));
    problem(link.send().await.unwrap(), 401).await;
    assert_eq!(verify(&app, PORTAL, "noah@cycles.fr", &open[5].code()).await.status(), 200);
}

/// A code request as if from `ip`, through a proxy the app trusts.
async fn ask_from(app: &TestApp, ip: &str, email: &str) -> reqwest::Response {
    app.http
        .post(app.url(&format!("{PORTAL}/otp")))
        .header("x-forwarded-for", ip)
        .json(&json!({ "email": email }))
        .send()
        .await
        .unwrap()
}

async fn strangers_who_know_an_email_cannot_lock_its_owner_out(app: TestApp) {
    let settings = [
        ("PORTICO_TRUST_PROXY", "true"),
        ("PORTICO_OTP_COOLDOWN_SECONDS", "1"),
        ("PORTICO_OTP_PER_EMAIL_PER_HOUR", "2"),
    ];
    let app = fast(&settings, app_backend(&app)).await;
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let id = maria["id"].as_str().unwrap();
    app.post(&format!("/api/v1/clients/{id}/invite"), &json!({})).await;
    let invitation = app.smtp.next_to("maria@lopez.es", 0, |m| m.subject().contains("invited you")).await;
    assert_eq!(ask_from(&app, "198.51.100.9", "maria@lopez.es").await.status(), 202);
    let pending = app.smtp.next_to("maria@lopez.es", 0, |m| m.subject().contains("login code")).await;

    // Someone asks for Maria's codes from four addresses: the code she had still works.
    let strangers = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"];
    for ip in strangers {
        assert_eq!(ask_from(&app, ip, "maria@lopez.es").await.status(), 202);
    }
    let tokens: Value = verify(&app, PORTAL, "maria@lopez.es", &pending.code()).await.json().await.unwrap();
    assert_eq!(tokens["status"], "authenticated", "the code she had: {tokens}");

    // They go on until each address is refused for the hour.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    for ip in strangers {
        assert_eq!(ask_from(&app, ip, "maria@lopez.es").await.status(), 202);
    }
    tokio::time::sleep(Duration::from_millis(1100)).await;
    for ip in strangers {
        let res = ask_from(&app, ip, "maria@lopez.es").await;
        let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!(retry > 3000, "the stranger's own hour is used up: {retry}");
        problem(res, 429).await;
    }

    // Maria is not: she asks again and her code works; the invitation keeps its 7 days.
    let before = app.smtp.count_to("maria@lopez.es");
    assert_eq!(ask_from(&app, "198.51.100.9", "maria@lopez.es").await.status(), 202);
    let newest = app.smtp.next_to("maria@lopez.es", before, |m| m.subject().contains("login code")).await;
    assert_eq!(verify(&app, PORTAL, "maria@lopez.es", &newest.code()).await.status(), 200);
    let link =
        app.http.post(app.url(&format!("{PORTAL}/magic-link"))).json(&json!({ "token": invitation.link_token() }));
    let body: Value = link.send().await.unwrap().json().await.unwrap();
    assert_eq!(body["status"], "authenticated", "the invitation: {body}");
}

async fn past_the_hourly_total_sending_slows_but_never_stops(app: TestApp) {
    let settings = [
        ("PORTICO_TRUST_PROXY", "true"),
        ("PORTICO_OTP_COOLDOWN_SECONDS", "2"),
        ("PORTICO_OTP_PER_EMAIL_ALL_PER_HOUR", "3"),
    ];
    let app = fast(&settings, app_backend(&app)).await;
    app.client("Ivy Chen", "ivy@example.com").await;
    for ip in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
        assert_eq!(ask_from(&app, ip, "ivy@example.com").await.status(), 202);
    }
    // The fourth within a cooldown waits that cooldown, not the hour.
    let res = ask_from(&app, "198.51.100.9", "ivy@example.com").await;
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry), "{retry}");
    problem(res, 429).await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(ask_from(&app, "198.51.100.9", "ivy@example.com").await.status(), 202);
    let fourth = app.smtp.nth_to("ivy@example.com", 4).await;
    assert_eq!(verify(&app, PORTAL, "ivy@example.com", &fourth.code()).await.status(), 200);
}

async fn the_sixth_guess_fails_even_with_the_right_code(app: TestApp) {
    app.client("Sofia Rossi", "sofia@rossi.it").await;
    let mail = mail_for(&app, &format!("{PORTAL}/otp"), "sofia@rossi.it").await;
    let wrong = if mail.code() == "000000" { "111111" } else { "000000" };
    for left in (0..5).rev() {
        let body = problem(verify(&app, PORTAL, "sofia@rossi.it", wrong).await, 401).await;
        let detail = body["detail"].as_str().unwrap();
        if left > 0 {
            assert!(detail.contains(&format!("{left} tr")), "{detail}");
        } else {
            assert!(detail.contains("request a new code"), "{detail}");
        }
    }
    problem(verify(&app, PORTAL, "sofia@rossi.it", &mail.code()).await, 401).await;
    // Guessing at someone's code does not take away the link in their inbox.
    let link = app.http.post(app.url(&format!("{PORTAL}/magic-link"))).json(&json!({ "token": mail.link_token() }));
    let body: Value = link.send().await.unwrap().json().await.unwrap();
    assert_eq!(body["status"], "authenticated", "{body}");
}

async fn answers_reveal_nothing_about_accounts(app: TestApp) {
    app.client("Known Person", "known@example.com").await;
    let off = app.client("Disabled Person", "disabled@example.com").await;
    app.patch(&format!("/api/v1/clients/{}", off["id"].as_str().unwrap()), &json!({ "portal_enabled": false })).await;
    let gone = app.client("Archived Person", "archived@example.com").await;
    app.post(&format!("/api/v1/clients/{}/archive", gone["id"].as_str().unwrap()), &json!({})).await;

    let mut bodies = Vec::new();
    for email in ["known@example.com", "unknown@example.com", "disabled@example.com", "archived@example.com"] {
        let res = ask(&app, &format!("{PORTAL}/otp"), email).await;
        assert_eq!(res.status(), 202, "{email}");
        bodies.push(res.bytes().await.unwrap());
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]), "byte-identical answers");
    app.smtp.nth_to("known@example.com", 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    for email in ["unknown@example.com", "disabled@example.com", "archived@example.com"] {
        assert_eq!(app.smtp.count_to(email), 0, "{email} gets no mail");
    }
    // Checking a wrong code answers alike too: a code exists for every address asked about.
    let known = problem(verify(&app, PORTAL, "known@example.com", "000000").await, 401).await;
    let unknown = problem(verify(&app, PORTAL, "unknown@example.com", "000000").await, 401).await;
    assert_eq!(known["detail"], unknown["detail"]);
    assert!(known["detail"].as_str().unwrap().contains("4 tries left"), "{known}");
    // The cooldown answers alike too.
    for email in ["known@example.com", "unknown@example.com"] {
        let res = ask(&app, &format!("{PORTAL}/otp"), email).await;
        let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=60).contains(&retry));
        problem(res, 429).await;
    }
    problem(ask(&app, "/api/v1/portal/nobody/auth/otp", "known@example.com").await, 404).await;
}

async fn hourly_limits_hold_per_email_and_per_ip(app: TestApp) {
    let app = fast(
        &[
            ("PORTICO_OTP_COOLDOWN_SECONDS", "1"),
            ("PORTICO_OTP_PER_EMAIL_PER_HOUR", "2"),
            ("PORTICO_OTP_PER_IP_PER_HOUR", "4"),
        ],
        app_backend(&app),
    )
    .await;
    for _ in 0..2 {
        assert_eq!(ask(&app, &format!("{PORTAL}/otp"), "a@example.com").await.status(), 202);
        tokio::time::sleep(Duration::from_millis(1100)).await;
    }
    let res = ask(&app, &format!("{PORTAL}/otp"), "a@example.com").await;
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 3000, "the hour's window: {retry}");
    problem(res, 429).await;

    // Every request counts against the IP, the refused third one included: 3 of 4 used.
    assert_eq!(ask(&app, &format!("{PORTAL}/otp"), "b@example.com").await.status(), 202);
    let body = problem(ask(&app, &format!("{PORTAL}/otp"), "c@example.com").await, 429).await;
    assert!(body["detail"].as_str().unwrap().contains("ask again"));
}

async fn limits_hold_across_two_api_processes(app: TestApp) {
    let other = app.twin(&[]).await;
    app.client("Ivy Chen", "ivy@example.com").await;
    assert_eq!(ask(&app, &format!("{PORTAL}/otp"), "ivy@example.com").await.status(), 202);
    // The second node sees the first node's cooldown.
    let res = app
        .http
        .post(format!("{other}{PORTAL}/otp"))
        .json(&json!({ "email": "ivy@example.com" }))
        .send()
        .await
        .unwrap();
    problem(res, 429).await;
    // And a code sent through one node is accepted by the other.
    let mail = app.smtp.nth_to("ivy@example.com", 1).await;
    let res = app
        .http
        .post(format!("{other}{PORTAL}/otp/verify"))
        .json(&json!({ "email": "ivy@example.com", "code": mail.code() }))
        .send()
        .await
        .unwrap();
    let tokens: Value = res.json().await.unwrap();
    let me = app.req_as(&bearer(&tokens), Method::GET, "/api/v1/portal/me").send().await.unwrap();
    assert_eq!(me.status(), 200, "a session from one node works on the other");
}

async fn behind_a_proxy_limits_count_per_forwarded_client(app: TestApp) {
    let limits = [("PORTICO_OTP_PER_IP_PER_HOUR", "2"), ("PORTICO_OTP_COOLDOWN_SECONDS", "1")];
    let from = |app: &TestApp, ip: &str, email: &str| {
        app.http
            .post(app.url(&format!("{PORTAL}/otp")))
            .header("x-forwarded-for", format!("203.0.113.77, {ip}"))
            .json(&json!({ "email": email }))
            .send()
    };
    let proxied = fast(&[limits[0], limits[1], ("PORTICO_TRUST_PROXY", "true")], app_backend(&app)).await;
    assert_eq!(from(&proxied, "198.51.100.1", "a@example.com").await.unwrap().status(), 202);
    assert_eq!(from(&proxied, "198.51.100.1", "b@example.com").await.unwrap().status(), 202);
    problem(from(&proxied, "198.51.100.1", "c@example.com").await.unwrap(), 429).await;
    assert_eq!(from(&proxied, "198.51.100.2", "c@example.com").await.unwrap().status(), 202, "another client");

    // Not trusted (the default): the header is ignored, the peer address counts.
    let direct = fast(&limits, app_backend(&app)).await;
    assert_eq!(from(&direct, "198.51.100.1", "a@example.com").await.unwrap().status(), 202);
    assert_eq!(from(&direct, "198.51.100.2", "b@example.com").await.unwrap().status(), 202);
    problem(from(&direct, "198.51.100.3", "c@example.com").await.unwrap(), 429).await;
}

async fn several_accounts_on_one_email_get_a_chooser(app: TestApp) {
    let cafe = app.client("Lukas Becker", "lukas@becker.de").await;
    let studio = app
        .post(
            "/api/v1/clients",
            &json!({ "name": "Lukas Becker", "email": "lukas@becker.de", "company": "Becker Architekten" }),
        )
        .await;
    let studio: Value = studio.json().await.unwrap();
    let other = app.client("Someone Else", "else@example.com").await;

    let mail = mail_for(&app, &format!("{PORTAL}/otp"), "lukas@becker.de").await;
    let body: Value = verify(&app, PORTAL, "lukas@becker.de", &mail.code()).await.json().await.unwrap();
    assert_eq!(body["status"], "choose_account");
    let ids: Vec<&str> = body["accounts"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&cafe["id"].as_str().unwrap()) && ids.contains(&studio["id"].as_str().unwrap()));
    let token = body["selection_token"].as_str().unwrap();

    let pick = |id: &str| {
        app.http.post(app.url(&format!("{PORTAL}/select"))).json(&json!({ "selection_token": token, "account_id": id }))
    };
    problem(pick(other["id"].as_str().unwrap()).send().await.unwrap(), 401).await;
    let chosen: Value = pick(studio["id"].as_str().unwrap()).send().await.unwrap().json().await.unwrap();
    let me: Value =
        app.req_as(&bearer(&chosen), Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], studio["id"]);
    assert_eq!(me["company"], "Becker Architekten");
    // The choice is single use: the same token makes no second session, for either account.
    for id in [&studio["id"], &cafe["id"]] {
        let body = problem(pick(id.as_str().unwrap()).send().await.unwrap(), 401).await;
        assert!(body["detail"].as_str().unwrap().contains("already used"), "{body}");
    }
}

async fn forged_expired_and_ended_tokens_are_refused(app: TestApp) {
    app.client("Chloé Dubois", "chloe@example.fr").await;
    let tokens = client_login(&app, "chloe@example.fr").await;
    let access = bearer(&tokens);
    let me = |t: String| app.req_as(&t, Method::GET, "/api/v1/portal/me").send();

    // Wrong signature.
    let mut forged = access.clone();
    forged.pop();
    forged.push(if access.ends_with('A') { 'B' } else { 'A' });
    problem(me(forged).await.unwrap(), 401).await;
    // alg: none with the same claims.
    let parts: Vec<&str> = access.split('.').collect();
    use base64::Engine;
    let none = format!(
        "{}.{}.",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        parts[1]
    );
    problem(me(none).await.unwrap(), 401).await;
    // Signed with the server's key but expired.
    let key = portico::secrets::Keys::load(&app.data_dir(), None, None).unwrap();
    let mut claims: portico::auth::jwt::AccessClaims =
        serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    claims.exp = chrono::Utc::now().timestamp() - 5;
    problem(me(portico::auth::jwt::sign(&key.jwt, &claims)).await.unwrap(), 401).await;
    // Good signature, another tenant named in the claims: the session does not match.
    claims.exp = chrono::Utc::now().timestamp() + 300;
    claims.tenant = "someone-else".into();
    problem(me(portico::auth::jwt::sign(&key.jwt, &claims)).await.unwrap(), 401).await;

    // Idle past the limit.
    {
        use portico::db::schema::sessions::dsl;
        let mut conn = app.db.conn().unwrap();
        let sid = tokens["session_id"].as_str().unwrap();
        let long_ago = portico::db::now() - chrono::TimeDelta::minutes(31);
        diesel::update(dsl::sessions.find(sid)).set(dsl::last_seen_at.eq(long_ago)).execute(&mut *conn).unwrap();
    }
    let body = problem(me(access).await.unwrap(), 401).await;
    assert!(body["detail"].as_str().unwrap().contains("inactivity"), "{body}");
}

async fn refresh_rotates_and_reuse_ends_the_session(app: TestApp) {
    app.client("Emma Johansson", "emma@example.se").await;
    let first = client_login(&app, "emma@example.se").await;
    let refresh = |t: &str| app.http.post(app.url("/api/v1/auth/refresh")).json(&json!({ "refresh_token": t })).send();

    let second: Value = refresh(first["refresh_token"].as_str().unwrap()).await.unwrap().json().await.unwrap();
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_eq!(second["session_id"], first["session_id"]);
    let me = app.req_as(&bearer(&second), Method::GET, "/api/v1/portal/me").send().await.unwrap();
    assert_eq!(me.status(), 200);

    // The first refresh token again: stolen. The whole session ends.
    let body = problem(refresh(first["refresh_token"].as_str().unwrap()).await.unwrap(), 401).await;
    assert!(body["detail"].as_str().unwrap().contains("already used"));
    problem(app.req_as(&bearer(&second), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;
    problem(refresh(second["refresh_token"].as_str().unwrap()).await.unwrap(), 401).await;
    problem(refresh("garbage").await.unwrap(), 401).await;
}

async fn logout_and_session_management(app: TestApp) {
    app.client("Oliver Brown", "oliver@brownlegal.com").await;
    let laptop = client_login(&app, "oliver@brownlegal.com").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let phone = {
        // A second device logs in: clear the counters rather than wait out the 60 s cooldown.
        let mut conn = app.db.conn().unwrap();
        use portico::db::schema::rate_limits::dsl;
        diesel::delete(dsl::rate_limits).execute(&mut *conn).unwrap();
        drop(conn);
        client_login(&app, "oliver@brownlegal.com").await
    };
    let list: Value =
        app.req_as(&bearer(&phone), Method::GET, "/api/v1/auth/sessions").send().await.unwrap().json().await.unwrap();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items.iter().filter(|s| s["current"] == true).count(), 1);

    // End the laptop's session from the phone.
    let laptop_id = laptop["session_id"].as_str().unwrap();
    let res = app
        .req_as(&bearer(&phone), Method::DELETE, &format!("/api/v1/auth/sessions/{laptop_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    problem(app.req_as(&bearer(&laptop), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;
    problem(app.req_as(&bearer(&phone), Method::DELETE, "/api/v1/auth/sessions/not-mine").send().await.unwrap(), 404)
        .await;

    let res = app.req_as(&bearer(&phone), Method::POST, "/api/v1/auth/logout").send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.req_as(&bearer(&phone), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;
}

async fn disabling_a_client_ends_their_sessions(app: TestApp) {
    let c = app.client("Hannah Schmidt", "hannah@alpen.example").await;
    let tokens = client_login(&app, "hannah@alpen.example").await;
    app.patch(&format!("/api/v1/clients/{}", c["id"].as_str().unwrap()), &json!({ "portal_enabled": false })).await;
    problem(app.req_as(&bearer(&tokens), Method::GET, "/api/v1/portal/me").send().await.unwrap(), 401).await;
}

async fn staff_log_in_and_see_only_their_tenant(app: TestApp) {
    let (_, beta_key) = app.other_tenant("beta");
    let theirs: Value = app
        .req_as(&beta_key, Method::POST, "/api/v1/clients")
        .json(&json!({ "name": "Beta Client", "email": "b@beta.example" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    let mail = mail_for(&app, "/api/v1/auth/otp", "owner@acme.example").await;
    assert!(mail.link().starts_with("https://portal.test/app/login/link#token="));
    let tokens: Value = verify(&app, "/api/v1/auth", "owner@acme.example", &mail.code()).await.json().await.unwrap();
    assert_eq!(tokens["status"], "authenticated", "{tokens}");
    let staff = bearer(&tokens);

    let me: Value = app.req_as(&staff, Method::GET, "/api/v1/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["role"], "owner");
    assert_eq!(me["tenant_slug"], "acme");
    let created = app
        .req_as(&staff, Method::POST, "/api/v1/clients")
        .json(&json!({ "name": "Via Console", "email": "v@c.example" }));
    assert_eq!(created.send().await.unwrap().status(), 201);
    let log: Value = app.get("/api/v1/clients?q=via").await.json().await.unwrap();
    let id = log["items"][0]["id"].as_str().unwrap();
    let activity: Value = app.get(&format!("/api/v1/clients/{id}/activity")).await.json().await.unwrap();
    assert_eq!(activity["items"][0]["actor_kind"], "staff");

    let other = format!("/api/v1/clients/{}", theirs["id"].as_str().unwrap());
    problem(app.req_as(&staff, Method::GET, &other).send().await.unwrap(), 404).await;
    let list: Value =
        app.req_as(&staff, Method::GET, "/api/v1/clients?status=all").send().await.unwrap().json().await.unwrap();
    assert!(!list.to_string().contains("Beta Client"));
    problem(app.req_as(&staff, Method::GET, "/api/v1/portal/me").send().await.unwrap(), 403).await;
}

async fn staff_of_several_businesses_choose_one(app: TestApp) {
    let (beta_id, _) = app.other_tenant("beta");
    let member = {
        let mut conn = app.db.conn().unwrap();
        portico::staff::store::insert(&mut conn, &beta_id, "owner@acme.example", "Ann Owner", "member").unwrap()
    };
    let mail = mail_for(&app, "/api/v1/auth/otp", "owner@acme.example").await;
    let body: Value = verify(&app, "/api/v1/auth", "owner@acme.example", &mail.code()).await.json().await.unwrap();
    assert_eq!(body["status"], "choose_account");
    let companies: Vec<&str> =
        body["accounts"].as_array().unwrap().iter().map(|a| a["company"].as_str().unwrap()).collect();
    assert_eq!(companies, ["acme Ltd", "beta Ltd"]);
    let pick = app
        .http
        .post(app.url("/api/v1/auth/select"))
        .json(&json!({ "selection_token": body["selection_token"], "account_id": member.id }));
    let tokens: Value = pick.send().await.unwrap().json().await.unwrap();
    let me: Value = app.req_as(&bearer(&tokens), Method::GET, "/api/v1/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["tenant_slug"], "beta");
    assert_eq!(me["role"], "member");
    // A member may not manage API keys.
    problem(app.req_as(&bearer(&tokens), Method::GET, "/api/v1/api-keys").send().await.unwrap(), 403).await;
}

async fn the_outbox_resumes_and_never_resends(app: TestApp) {
    use portico::mail::Email;
    use portico::outbox::store;
    let email = |to: &str| Email {
        to: to.into(),
        from_name: None,
        from_address: None,
        subject: "Hello".into(),
        text: "Plain".into(),
        html: "<p>Plain</p>".into(),
        attachments: Vec::new(),
    };
    {
        let mut conn = app.db.conn().unwrap();
        // Left mid-delivery by a worker that died: its lease ran out.
        let orphan = store::enqueue_email(&mut conn, None, &email("orphan@example.com")).unwrap();
        use portico::db::schema::outbox::dsl;
        let past = portico::db::now() - chrono::TimeDelta::seconds(5);
        diesel::update(dsl::outbox.find(&orphan)).set(dsl::locked_until.eq(Some(past))).execute(&mut *conn).unwrap();
        // Accepted by the SMTP server before a crash, and marked sent.
        let done = store::enqueue_email(&mut conn, None, &email("done@example.com")).unwrap();
        store::mark_sent(&mut conn, &done).unwrap();
    }
    app.smtp.nth_to("orphan@example.com", 1).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(app.smtp.count_to("orphan@example.com"), 1, "delivered once");
    assert_eq!(app.smtp.count_to("done@example.com"), 0, "never sent twice");
}

async fn stale_login_state_is_purged(app: TestApp) {
    assert_eq!(ask(&app, &format!("{PORTAL}/otp"), "someone@example.com").await.status(), 202);
    let mut conn = app.db.conn().unwrap();
    let now = portico::db::now();
    assert_eq!(
        portico::auth::store::purge_stale(&mut conn, now - chrono::TimeDelta::days(8)).unwrap(),
        0,
        "fresh rows stay"
    );
    // Four rate-limit windows (IP; email from this IP, from everywhere, emails sent) and one
    // code, all written just now.
    assert_eq!(portico::auth::store::purge_stale(&mut conn, now + chrono::TimeDelta::seconds(5)).unwrap(), 5);
}

fn app_backend(app: &TestApp) -> Backend {
    app.backend
}

/// A fresh app on the same backend with other settings.
async fn fast(extra: &[(&str, &str)], backend: Backend) -> TestApp {
    spawn_app_with(backend, extra).await
}

both!(
    a_client_logs_in_with_the_emailed_code,
    the_magic_link_logs_in_once_and_burns_the_code,
    a_tenant_may_send_from_its_own_address,
    earlier_codes_keep_working_up_to_five,
    strangers_who_know_an_email_cannot_lock_its_owner_out,
    past_the_hourly_total_sending_slows_but_never_stops,
    the_sixth_guess_fails_even_with_the_right_code,
    answers_reveal_nothing_about_accounts,
    hourly_limits_hold_per_email_and_per_ip,
    several_accounts_on_one_email_get_a_chooser,
    limits_hold_across_two_api_processes,
    behind_a_proxy_limits_count_per_forwarded_client,
    forged_expired_and_ended_tokens_are_refused,
    refresh_rotates_and_reuse_ends_the_session,
    logout_and_session_management,
    disabling_a_client_ends_their_sessions,
    staff_log_in_and_see_only_their_tenant,
    staff_of_several_businesses_choose_one,
    the_outbox_resumes_and_never_resends,
    stale_login_state_is_purged,
);
