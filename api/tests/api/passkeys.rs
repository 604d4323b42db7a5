//! Passkeys, with a software authenticator standing in for the browser's: a client and a
//! staff member add one after a code login, log in with it next time without an email, list
//! and remove it; a passkey opens only its own realm, and every ceremony works once.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use reqwest::header::SET_COOKIE;
use serde_json::{Value, json};
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{CreationChallengeResponse, RequestChallengeResponse, Url};

use crate::both;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, problem};

/// The test server's public origin: the relying party.
fn origin() -> Url {
    Url::parse("https://portal.test").unwrap()
}

/// Registers a passkey on `authenticator` for the session of access token `token`; returns
/// the new credential's id and the person's WebAuthn user handle.
pub async fn register(app: &TestApp, token: &str, authenticator: &mut SoftPasskey, name: &str) -> (String, Vec<u8>) {
    let res = app.req_as(token, Method::POST, "/api/v1/auth/passkeys/options").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let opts: Value = res.json().await.unwrap();
    let public_key = &opts["options"]["publicKey"];
    assert_eq!(public_key["rp"]["id"], "portal.test");
    // Asked discoverable where the authenticator can, so no email is needed next time.
    assert_eq!(public_key["authenticatorSelection"]["residentKey"], "preferred");
    let handle = URL_SAFE_NO_PAD.decode(public_key["user"]["id"].as_str().unwrap()).unwrap();
    let ccr: CreationChallengeResponse = serde_json::from_value(opts["options"].clone()).unwrap();
    let credential = authenticator.do_registration(origin(), ccr).expect("the authenticator registers");
    let credential = serde_json::to_value(&credential).unwrap();
    let body = json!({ "ceremony_id": opts["ceremony_id"], "name": name, "credential": credential });
    let res = app.req_as(token, Method::POST, "/api/v1/auth/passkeys").json(&body).send().await.unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    // A ceremony finishes once.
    let again = app.req_as(token, Method::POST, "/api/v1/auth/passkeys").json(&body).send().await.unwrap();
    problem(again, 404).await;
    (credential["rawId"].as_str().unwrap().to_string(), handle)
}

/// Answers `base`'s passkey login options with `authenticator`, as a browser's resident
/// passkey does: it names the account by its user handle.
async fn assertion(
    app: &TestApp,
    base: &str,
    authenticator: &mut SoftPasskey,
    credential_id: &str,
    handle: &[u8],
) -> Value {
    let res = app.http.post(app.url(&format!("{base}/passkey/options"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let mut opts: Value = res.json().await.unwrap();
    assert_eq!(opts["options"]["publicKey"]["allowCredentials"], json!([]), "discoverable: no account named");
    // The software token keeps no discoverable credentials: point it at the one it holds,
    // as a browser's authenticator finds its own.
    opts["options"]["publicKey"]["allowCredentials"] = json!([{ "type": "public-key", "id": credential_id }]);
    let rcr: RequestChallengeResponse = serde_json::from_value(opts["options"].clone()).unwrap();
    let mut answer = authenticator.do_authentication(origin(), rcr).expect("the authenticator signs");
    answer.response.user_handle = Some(handle.to_vec());
    json!({ "ceremony_id": opts["ceremony_id"], "credential": answer, "cookie": true })
}

async fn a_client_logs_in_with_a_passkey_and_no_email(app: TestApp) {
    let client = app.client("Maria Lopez", "maria@lopez.es").await;
    let tokens = client_login(&app, "maria@lopez.es").await;
    let mut authenticator = SoftPasskey::new(true);
    let (credential_id, handle) = register(&app, &bearer(&tokens), &mut authenticator, "Phone").await;

    let list: Value =
        app.req_as(&bearer(&tokens), Method::GET, "/api/v1/auth/passkeys").send().await.unwrap().json().await.unwrap();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!((items[0]["name"].as_str(), items[0]["last_used_at"].is_null()), (Some("Phone"), true));

    let portal = "/api/v1/portal/acme/auth";
    let body = assertion(&app, portal, &mut authenticator, &credential_id, &handle).await;
    let res = app.http.post(app.url(&format!("{portal}/passkey"))).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get_all(SET_COOKIE).iter().any(|c| c.to_str().unwrap().starts_with("portico_refresh=")));
    let session: Value = res.json().await.unwrap();
    assert_eq!(session["status"], "authenticated");
    let me: Value =
        app.req_as(&bearer(&session), Method::GET, "/api/v1/portal/me").send().await.unwrap().json().await.unwrap();
    assert_eq!(me["id"], client["id"]);
    // The same answer again is a replay.
    let replay = app.http.post(app.url(&format!("{portal}/passkey"))).json(&body).send().await.unwrap();
    problem(replay, 401).await;

    let list: Value =
        app.req_as(&bearer(&tokens), Method::GET, "/api/v1/auth/passkeys").send().await.unwrap().json().await.unwrap();
    assert!(list["items"][0]["last_used_at"].is_string(), "{list}");

    // A signature that does not verify opens nothing.
    let mut forged = assertion(&app, portal, &mut authenticator, &credential_id, &handle).await;
    let signature = forged["credential"]["response"]["signature"].as_str().unwrap().to_string();
    let flipped =
        if signature.starts_with('A') { signature.replacen('A', "B", 1) } else { format!("A{}", &signature[1..]) };
    forged["credential"]["response"]["signature"] = json!(flipped);
    problem(app.http.post(app.url(&format!("{portal}/passkey"))).json(&forged).send().await.unwrap(), 401).await;

    // A client's passkey opens neither the console nor another business's portal.
    let console = assertion(&app, "/api/v1/auth", &mut authenticator, &credential_id, &handle).await;
    problem(app.http.post(app.url("/api/v1/auth/passkey")).json(&console).send().await.unwrap(), 401).await;
    app.other_tenant("beta");
    let beta = "/api/v1/portal/beta/auth";
    let elsewhere = assertion(&app, beta, &mut authenticator, &credential_id, &handle).await;
    problem(app.http.post(app.url(&format!("{beta}/passkey"))).json(&elsewhere).send().await.unwrap(), 401).await;

    // Not an assertion at all: a 422 naming the field, not a 500.
    let res = app.http.post(app.url(&format!("{portal}/passkey/options"))).send().await.unwrap();
    let opts: Value = res.json().await.unwrap();
    let junk = json!({ "ceremony_id": opts["ceremony_id"], "credential": { "id": 1 } });
    let bad =
        problem(app.http.post(app.url(&format!("{portal}/passkey"))).json(&junk).send().await.unwrap(), 422).await;
    assert_eq!(crate::helpers::fields(&bad), ["credential"]);

    // Removed, it logs no one in.
    let id = list["items"][0]["id"].as_str().unwrap();
    let res =
        app.req_as(&bearer(&tokens), Method::DELETE, &format!("/api/v1/auth/passkeys/{id}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let res =
        app.req_as(&bearer(&tokens), Method::DELETE, &format!("/api/v1/auth/passkeys/{id}")).send().await.unwrap();
    problem(res, 404).await;
    let body = assertion(&app, portal, &mut authenticator, &credential_id, &handle).await;
    problem(app.http.post(app.url(&format!("{portal}/passkey"))).json(&body).send().await.unwrap(), 401).await;
}

async fn staff_log_in_with_a_passkey(app: TestApp) {
    let tokens = staff_login(&app, "owner@acme.example").await;
    let mut authenticator = SoftPasskey::new(true);
    let (credential_id, handle) = register(&app, &bearer(&tokens), &mut authenticator, "Laptop").await;
    let body = assertion(&app, "/api/v1/auth", &mut authenticator, &credential_id, &handle).await;
    let res = app.http.post(app.url("/api/v1/auth/passkey")).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let session: Value = res.json().await.unwrap();
    let me: Value =
        app.req_as(&bearer(&session), Method::GET, "/api/v1/me").send().await.unwrap().json().await.unwrap();
    assert_eq!((me["email"].as_str(), me["tenant_slug"].as_str()), (Some("owner@acme.example"), Some("acme")));
    // A staff passkey opens no portal.
    let portal = "/api/v1/portal/acme/auth";
    let body = assertion(&app, portal, &mut authenticator, &credential_id, &handle).await;
    problem(app.http.post(app.url(&format!("{portal}/passkey"))).json(&body).send().await.unwrap(), 401).await;
    // An API key has no passkeys.
    problem(app.req(Method::GET, "/api/v1/auth/passkeys").send().await.unwrap(), 403).await;
}

both!(a_client_logs_in_with_a_passkey_and_no_email, staff_log_in_with_a_passkey);

const ON_AN_IP: &[(&str, &str)] = &[("PORTICO_PUBLIC_URL", "http://127.0.0.1:8080")];

/// Browsers take passkeys only on a domain name: a server reached by IP address says so.
async fn a_server_on_an_ip_address_offers_no_passkeys(app: TestApp) {
    for path in ["/api/v1/auth/passkey/options", "/api/v1/portal/acme/auth/passkey/options"] {
        let body = problem(app.http.post(app.url(path)).send().await.unwrap(), 404).await;
        assert!(body["detail"].as_str().unwrap().contains("not a domain name"), "{body}");
    }
    let tokens = staff_login(&app, "owner@acme.example").await;
    let res = app.req_as(&bearer(&tokens), Method::POST, "/api/v1/auth/passkeys/options").send().await.unwrap();
    problem(res, 404).await;
}

both!(with ON_AN_IP; a_server_on_an_ip_address_offers_no_passkeys);
