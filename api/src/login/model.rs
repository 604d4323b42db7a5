//! Login DTOs.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::session::Tokens;
use crate::i18n::Language;
use crate::rules;

/// How the code should travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
}

/// Ask for a login code and link.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestCode {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(example = "maria@example.com")]
    #[schema(max_length = 254)]
    #[schema(format = Email)]
    pub email: String,
    /// `email` (default) or `sms`: by text message to the phone on file, when SMS is set up
    /// and the client has a phone; by email otherwise. Staff codes always go by email.
    pub channel: Option<Channel>,
    /// The language of the page the code is asked from. The email or text is written in
    /// the account's own language; this one applies when the account has none, before the
    /// business's default.
    pub language: Option<Language>,
}

/// The same answer whether or not the email belongs to an account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CodeRequested {
    #[schema(example = "If this email belongs to an account, a login code and link are on their way.")]
    pub message: String,
    /// How the code travels: `sms` only when asked for and SMS is set up.
    pub channel: Channel,
    /// Seconds the code stays valid.
    #[schema(example = 600)]
    pub expires_in: i64,
    /// Seconds before another code may be requested for this address (also sent as
    /// `Retry-After`); asking sooner answers 429.
    #[schema(example = 60)]
    pub resend_in: i64,
}

/// A code from the login email.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyCode {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(max_length = 254)]
    #[schema(format = Email)]
    pub email: String,
    /// The 6 digits; spaces and dashes are ignored.
    #[validate(custom(function = "rules::login_code"))]
    #[schema(example = "123456")]
    #[schema(pattern = "^[ -]*(?:[0-9][ -]*){6}$")]
    pub code: String,
    /// Keep the refresh token in the `HttpOnly` cookie `portico_refresh` instead of the
    /// answer: the web app's way, so no script can read it. Refresh it with an empty body and
    /// the `X-Portico-CSRF` header.
    #[serde(default)]
    pub cookie: bool,
    /// "Keep me signed in on this device": the session lasts 30 days with no idle limit
    /// instead of ending with the browser, when the business allows it (`remember_device`
    /// in its branding). Ignored when it does not.
    #[serde(default)]
    pub remember: bool,
}

/// The token of a magic link (the part after `#token=`).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"token": "q3v9Xr2bT0uJ5mW8yA1cD4eF7gH6iK"}))]
pub struct RedeemLink {
    #[validate(length(min = 20, max = 200, message = "is not a login link token"))]
    #[schema(min_length = 20, max_length = 200)]
    pub token: String,
    /// Keep the refresh token in the `HttpOnly` cookie `portico_refresh` instead of the
    /// answer: the web app's way, so no script can read it. Refresh it with an empty body and
    /// the `X-Portico-CSRF` header.
    #[serde(default)]
    pub cookie: bool,
    /// "Keep me signed in on this device": the session lasts 30 days with no idle limit
    /// instead of ending with the browser, when the business allows it (`remember_device`
    /// in its branding). Ignored when it does not.
    #[serde(default)]
    pub remember: bool,
}

/// Pick one of the accounts offered after a login.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"selection_token": "eyJhbGciOiJIUzI1NiJ9.eyJyZWFsbSI6ImRlbW8ifQ.sig", "account_id": "019a7b1c-0a2b-7c3d-8e4f-5a6b7c8d9e0f"}))]
pub struct SelectAccount {
    #[validate(length(min = 1, max = 2000, message = "is required"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub selection_token: String,
    #[validate(length(min = 1, max = 100, message = "is required"))]
    #[schema(min_length = 1, max_length = 100)]
    pub account_id: String,
    /// Keep the refresh token in the `HttpOnly` cookie `portico_refresh` instead of the
    /// answer: the web app's way, so no script can read it. Refresh it with an empty body and
    /// the `X-Portico-CSRF` header.
    #[serde(default)]
    pub cookie: bool,
    /// "Keep me signed in on this device": the session lasts 30 days with no idle limit
    /// instead of ending with the browser, when the business allows it (`remember_device`
    /// in its branding). Ignored when it does not.
    #[serde(default)]
    pub remember: bool,
}

/// One account a person may continue as.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AccountChoice {
    pub id: String,
    #[schema(example = "Lukas Becker")]
    pub name: String,
    /// The client's company, or for staff the business's name.
    #[schema(example = "Café Kiez")]
    pub company: Option<String>,
}

// Untagged, with `status` inside each variant, so the document names each variant's schema
// and maps the discriminator to it: generators (openapi-python-client among them) drop a
// `oneOf` of anonymous `allOf`s they cannot tell apart.
/// The outcome of a successful code or link: `status` says which of the two it is.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
#[schema(discriminator(property_name = "status", mapping(
    ("authenticated" = "#/components/schemas/LoggedIn"),
    ("choose_account" = "#/components/schemas/AccountsToChoose"),
)))]
pub enum LoginResponse {
    Authenticated(LoggedIn),
    ChooseAccount(AccountsToChoose),
}

impl LoginResponse {
    pub fn authenticated(tokens: Tokens) -> Self {
        LoginResponse::Authenticated(LoggedIn { status: LoggedInStatus::Authenticated, tokens })
    }

    pub fn choose_account(selection_token: String, accounts: Vec<AccountChoice>) -> Self {
        LoginResponse::ChooseAccount(AccountsToChoose {
            status: ChooseAccountStatus::ChooseAccount,
            selection_token,
            accounts,
        })
    }
}

/// Logged in: the session's tokens.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LoggedIn {
    pub status: LoggedInStatus,
    #[serde(flatten)]
    pub tokens: Tokens,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LoggedInStatus {
    Authenticated,
}

/// Several accounts share this email: pick one with `…/auth/select` within 5 minutes.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AccountsToChoose {
    pub status: ChooseAccountStatus,
    pub selection_token: String,
    pub accounts: Vec<AccountChoice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChooseAccountStatus {
    ChooseAccount,
}

/// Exchange a refresh token for new tokens.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"refresh_token": "019a7b2e-51c4-7d2e-9f3a-0c1b2d3e4f50.3.Vx9kQ2mR7tY1uI4oP8aS"}))]
pub struct RefreshRequest {
    /// Left out by a browser session: the `portico_refresh` cookie is used instead, and the
    /// request must carry the `X-Portico-CSRF` header.
    #[validate(length(min = 1, max = 500, message = "is required"))]
    #[schema(min_length = 1, max_length = 500)]
    pub refresh_token: Option<String>,
}

/// Continue as another account the session's login email opens.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"account_id": "019a7b1c-0a2b-7c3d-8e4f-5a6b7c8d9e0f", "cookie": true}))]
pub struct SwitchAccount {
    #[validate(length(min = 1, max = 100, message = "is required"))]
    #[schema(min_length = 1, max_length = 100)]
    pub account_id: String,
    /// As at login: the new session's refresh token goes in the cookie, not the answer.
    #[serde(default)]
    pub cookie: bool,
}

/// An account the caller's login email opens.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SwitchableAccount {
    pub id: String,
    #[schema(example = "Lukas Becker")]
    pub name: String,
    /// The client's company, or for staff the business's name.
    #[schema(example = "Café Kiez")]
    pub company: Option<String>,
    /// For staff: the business's portal slug.
    pub tenant_slug: String,
    /// The account of the calling session.
    pub current: bool,
}

/// The accounts to switch between: clients of this portal with the same email, or the
/// businesses a staff email works for. One item when there is nothing to switch to.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AccountList {
    pub items: Vec<SwitchableAccount>,
}
