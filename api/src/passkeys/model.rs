//! Passkey DTOs. The WebAuthn options and credentials are the standard JSON forms
//! (`PublicKeyCredentialCreationOptionsJSON`, `RegistrationResponseJSON` and their assertion
//! twins, base64url for binary): a browser passes them to and from
//! `navigator.credentials` (`PublicKeyCredential.parse…OptionsFromJSON`, `toJSON()`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::store::PasskeyRow;
use crate::db::utc;
use crate::rules;

/// The options for `navigator.credentials.create()` or `.get()`, and the ceremony they open.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PasskeyOptions {
    /// Send back with the authenticator's answer, within 5 minutes.
    pub ceremony_id: String,
    /// `{"publicKey": {…}}` as WebAuthn defines it (binary fields in base64url).
    #[schema(value_type = Object)]
    pub options: serde_json::Value,
}

/// The authenticator's answer to a registration, and what to call the passkey.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"ceremony_id": "019a7b1c-0a2b-7c3d-8e4f-5a6b7c8d9e0f", "name": "MacBook", "credential": {"id": "…", "rawId": "…", "type": "public-key", "response": {"attestationObject": "…", "clientDataJSON": "…"}}}))]
pub struct NewPasskey {
    #[validate(length(min = 1, max = 100, message = "is required"))]
    #[schema(min_length = 1, max_length = 100)]
    pub ceremony_id: String,
    /// A name to recognise it by in the list ("MacBook", "Phone").
    #[validate(
        length(min = 1, max = 60, message = "must be 1 to 60 characters"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::one_line")
    )]
    #[schema(
        min_length = 1,
        max_length = 60,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    pub name: String,
    /// `PublicKeyCredential.toJSON()` of the new credential.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// A passkey, as its owner sees it in the list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Passkey {
    pub id: String,
    #[schema(example = "MacBook")]
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PasskeyList {
    pub items: Vec<Passkey>,
}

impl From<PasskeyRow> for Passkey {
    fn from(r: PasskeyRow) -> Passkey {
        Passkey { id: r.id, name: r.name, created_at: utc(r.created_at), last_used_at: r.last_used_at.map(utc) }
    }
}

/// Log in with a passkey: the authenticator's answer to the login options.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"ceremony_id": "019a7b1c-0a2b-7c3d-8e4f-5a6b7c8d9e0f", "credential": {"id": "…", "rawId": "…", "type": "public-key", "response": {"authenticatorData": "…", "clientDataJSON": "…", "signature": "…", "userHandle": "…"}}, "cookie": true}))]
pub struct PasskeyLogin {
    #[validate(length(min = 1, max = 100, message = "is required"))]
    #[schema(min_length = 1, max_length = 100)]
    pub ceremony_id: String,
    /// `PublicKeyCredential.toJSON()` of the assertion.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
    /// As at a code login: the refresh token goes in the `HttpOnly` cookie.
    #[serde(default)]
    pub cookie: bool,
    /// As at a code login: "keep me signed in on this device", when the business allows it.
    #[serde(default)]
    pub remember: bool,
}
