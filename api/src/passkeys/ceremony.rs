//! The two WebAuthn ceremonies, on webauthn-rs: registering a passkey for a logged-in
//! person, and a discoverable login, where the authenticator names the account (no email
//! typed, so nothing to enumerate). Each ceremony's state waits in the database between its
//! two requests and is used once.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::TimeDelta;
use serde_json::json;
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential, Uuid,
    Webauthn, WebauthnBuilder,
};

use super::model::{NewPasskey, PasskeyLogin, PasskeyOptions};
use super::store::{self, CeremonyRow, PasskeyRow};
use crate::config::Config;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;

const REGISTER: &str = "register";
const LOGIN: &str = "login";
const TTL_MINUTES: i64 = 5;

/// Whose passkey is being registered.
pub struct Owner<'a> {
    pub tenant_id: &'a str,
    /// `client` or `staff`.
    pub kind: &'a str,
    pub subject_id: &'a str,
    /// Shown by the authenticator: the login email and the person's name.
    pub email: &'a str,
    pub name: &'a str,
}

/// The relying party is the public URL's host: passkeys work on it (and not on a tenant's
/// custom domain, which is another site to the browser). Browsers accept only a domain name:
/// a server whose public URL is an IP address has no passkeys (404, said in words).
fn relying_party(config: &Config, rp_name: &str) -> Result<Webauthn, ApiError> {
    let url = &config.public_url;
    let unavailable = || {
        ApiError::NotFound(format!(
            "Passkeys are not available on this server: its public address ({url}) is not a domain name, \
             and browsers accept passkeys only on one. Log in with a code instead."
        ))
    };
    let Some(url::Host::Domain(host)) = url.host() else { return Err(unavailable()) };
    WebauthnBuilder::new(host, url).and_then(|b| b.rp_name(rp_name).build()).map_err(|_| unavailable())
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(format!("passkeys: {e}"))
}

fn credential_id(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn ceremony(
    conn: &mut DbConn,
    purpose: &str,
    realm: &str,
    owner: Option<&Owner<'_>>,
    state: serde_json::Value,
) -> Result<String, ApiError> {
    let row = CeremonyRow {
        id: new_id(),
        purpose: purpose.into(),
        realm: realm.into(),
        tenant_id: owner.map(|o| o.tenant_id.to_string()),
        kind: owner.map(|o| o.kind.to_string()),
        subject_id: owner.map(|o| o.subject_id.to_string()),
        state: state.to_string(),
        expires_at: now() + TimeDelta::minutes(TTL_MINUTES),
    };
    store::insert_ceremony(conn, &row)?;
    Ok(row.id)
}

fn owner_realm(owner: &Owner<'_>) -> String {
    format!("{}:{}:{}", owner.kind, owner.tenant_id, owner.subject_id)
}

/// Options to create a passkey for `owner`; their existing passkeys are excluded, so one
/// authenticator is not registered twice.
pub fn start_registration(
    conn: &mut DbConn,
    config: &Config,
    rp_name: &str,
    owner: &Owner<'_>,
) -> Result<PasskeyOptions, ApiError> {
    let existing = store::of(conn, owner.tenant_id, owner.kind, owner.subject_id)?;
    // One WebAuthn user id per person, whatever the number of passkeys.
    let handle = existing
        .first()
        .and_then(|p| Uuid::parse_str(&p.user_handle).ok())
        .unwrap_or_else(|| Uuid::from_bytes(rand::random()));
    let exclude = existing
        .iter()
        .filter_map(|p| serde_json::from_str::<Passkey>(&p.credential).ok())
        .map(|p| p.cred_id().clone())
        .collect();
    let webauthn = relying_party(config, rp_name)?;
    let (challenge, state) =
        webauthn.start_passkey_registration(handle, owner.email, owner.name, Some(exclude)).map_err(internal)?;
    let mut options = serde_json::to_value(&challenge).map_err(internal)?;
    // Ask for a discoverable credential where the authenticator can keep one: then "sign in
    // with a passkey" needs no email. (webauthn-rs asks for none, not to break security keys
    // with little storage; "preferred" leaves them free to decline.)
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection") {
        selection["residentKey"] = json!("preferred");
    }
    let state = json!({ "handle": handle.to_string(), "state": state });
    let ceremony_id = ceremony(conn, REGISTER, &owner_realm(owner), Some(owner), state)?;
    Ok(PasskeyOptions { ceremony_id, options })
}

/// Checks the authenticator's answer and keeps the new passkey.
pub fn finish_registration(
    conn: &mut DbConn,
    config: &Config,
    rp_name: &str,
    owner: &Owner<'_>,
    body: NewPasskey,
) -> Result<PasskeyRow, ApiError> {
    let at = now();
    let row = store::take_ceremony(conn, &body.ceremony_id, REGISTER, &owner_realm(owner), at)?.ok_or_else(|| {
        ApiError::NotFound("This passkey setup has expired or was already finished; start again.".into())
    })?;
    let saved: serde_json::Value = serde_json::from_str(&row.state).map_err(internal)?;
    let state: PasskeyRegistration = serde_json::from_value(saved["state"].clone()).map_err(internal)?;
    let handle = saved["handle"].as_str().unwrap_or_default().to_string();
    let credential: RegisterPublicKeyCredential = serde_json::from_value(body.credential)
        .map_err(|_| ApiError::validation("credential", "is not a WebAuthn registration response"))?;
    let webauthn = relying_party(config, rp_name)?;
    let passkey = webauthn
        .finish_passkey_registration(&credential, &state)
        .map_err(|e| ApiError::validation("credential", &format!("was not accepted: {e}")))?;
    let credential_id = credential_id(passkey.cred_id().as_ref());
    if store::by_credential_id(conn, &credential_id)?.is_some() {
        return Err(ApiError::Conflict("This passkey is already registered.".into()));
    }
    let row = PasskeyRow {
        id: new_id(),
        tenant_id: owner.tenant_id.into(),
        kind: owner.kind.into(),
        subject_id: owner.subject_id.into(),
        user_handle: handle,
        credential_id,
        credential: serde_json::to_string(&passkey).map_err(internal)?,
        name: body.name.trim().to_string(),
        created_at: at,
        last_used_at: None,
    };
    store::insert(conn, &row)?;
    Ok(row)
}

/// Options for a discoverable login in `realm` (`client:{tenant}` or `staff`).
pub fn start_login(conn: &mut DbConn, config: &Config, rp_name: &str, realm: &str) -> Result<PasskeyOptions, ApiError> {
    let webauthn = relying_party(config, rp_name)?;
    let (challenge, state) = webauthn.start_discoverable_authentication().map_err(internal)?;
    let mut options = serde_json::to_value(&challenge).map_err(internal)?;
    // A button the person pressed, not autofill: the browser's own dialog.
    if let Some(o) = options.as_object_mut() {
        o.remove("mediation");
    }
    let state = serde_json::to_value(&state).map_err(internal)?;
    let ceremony_id = ceremony(conn, LOGIN, realm, None, state)?;
    Ok(PasskeyOptions { ceremony_id, options })
}

const NOT_HERE: &str = "This passkey does not open an account here. Log in with your email, then add a passkey.";

/// The passkey a login assertion proves, if it is one of `realm`'s (`owns` says whether a
/// stored passkey belongs to it); its counter and last use are updated.
pub fn finish_login(
    conn: &mut DbConn,
    config: &Config,
    rp_name: &str,
    realm: &str,
    owns: impl Fn(&PasskeyRow) -> bool,
    body: &PasskeyLogin,
) -> Result<PasskeyRow, ApiError> {
    let at = now();
    let row = store::take_ceremony(conn, &body.ceremony_id, LOGIN, realm, at)?
        .ok_or_else(|| ApiError::Unauthorized("This passkey sign-in has expired; try again.".into()))?;
    let state: DiscoverableAuthentication = serde_json::from_str(&row.state).map_err(internal)?;
    let credential: PublicKeyCredential = serde_json::from_value(body.credential.clone())
        .map_err(|_| ApiError::validation("credential", "is not a WebAuthn assertion response"))?;
    let webauthn = relying_party(config, rp_name)?;
    let (handle, id) = webauthn
        .identify_discoverable_authentication(&credential)
        .map_err(|_| ApiError::Unauthorized("The passkey did not say whose it is; try another passkey.".into()))?;
    let stored = store::by_credential_id(conn, &credential_id(id))?
        .filter(|p| owns(p) && p.user_handle == handle.to_string())
        .ok_or_else(|| ApiError::Unauthorized(NOT_HERE.into()))?;
    let mut passkey: Passkey = serde_json::from_str(&stored.credential).map_err(internal)?;
    let result = webauthn
        .finish_discoverable_authentication_v2(&credential, state, &passkey)
        .map_err(|_| ApiError::Unauthorized("The passkey's answer could not be verified; try again.".into()))?;
    passkey.update_credential(&result);
    let credential = serde_json::to_string(&passkey).map_err(internal)?;
    store::used(conn, &stored.id, &credential, at)?;
    Ok(stored)
}
