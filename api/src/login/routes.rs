//! Login endpoints for the portal (`/portal/{slug}/auth/…`) and the console (`/auth/…`),
//! each able to hand the session's refresh token to the browser as a cookie (`cookie: true`).

use actix_web::{HttpRequest, HttpResponse, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::flow::{self as login, Origin, Realm, guarded, realm_path, respond};
use super::model::{Channel, CodeRequested, LoginResponse, RedeemLink, RequestCode, SelectAccount, VerifyCode};
use crate::auth::codes::normalize_email;
use crate::auth::cookie;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::i18n::Language;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(request_portal_login_code)
        .service(verify_portal_login_code)
        .service(redeem_portal_magic_link)
        .service(select_portal_account)
        .service(request_staff_login_code)
        .service(verify_staff_login_code)
        .service(redeem_staff_magic_link)
        .service(select_staff_account);
}

async fn portal(state: &AppState, slug: String) -> Result<Realm, ApiError> {
    Ok(Realm::Portal(Box::new(login::portal_tenant(state, slug).await?)))
}

/// The same answer for every address; it depends only on what was asked and what is set up.
fn code_requested(state: &AppState, asked: Option<Channel>) -> HttpResponse {
    let sms_ready = state.config.sms.is_some();
    let (message, channel) = match asked {
        Some(Channel::Sms) if sms_ready => (
            "If this email belongs to an account, a login code is on its way by text message, or by email where no phone number is on file.",
            Channel::Sms,
        ),
        Some(Channel::Sms) => (
            "Text messages are not available here, so if this email belongs to an account, a login code and link are on their way by email.",
            Channel::Email,
        ),
        _ => ("If this email belongs to an account, a login code and link are on their way by email.", Channel::Email),
    };
    let resend_in = state.config.auth.resend_cooldown_seconds;
    HttpResponse::Accepted().insert_header(("Retry-After", resend_in.to_string())).json(CodeRequested {
        message: message.into(),
        channel,
        expires_in: state.config.auth.code_ttl_minutes * 60,
        resend_in,
    })
}

/// Email a login code and link to a client of this portal. The answer is the same whether
/// or not the email belongs to a client, so it reveals nothing.
#[utoipa::path(
    tag = "portal-auth",
    params(("slug" = String, Path, description = "The portal's slug")),
    request_body = RequestCode,
    responses(
        (status = 202, description = "Accepted; an email is sent if the address has an account", body = CodeRequested),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No portal has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The email is not an email address", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Asked too often; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/auth/otp")]
pub async fn request_portal_login_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<RequestCode>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let realm = portal(&state, slug.into_inner()).await?;
    let by_sms = body.channel == Some(Channel::Sms);
    let language = body.language.or_else(|| Language::accepted_by(&req));
    login::request_code(&state, realm, normalize_email(&body.email), by_sms, language, Origin::of(&req)).await?;
    Ok(code_requested(&state, body.channel))
}

/// Log in to the portal with the emailed code.
#[utoipa::path(
    tag = "portal-auth",
    params(("slug" = String, Path, description = "The portal's slug")),
    request_body = VerifyCode,
    responses(
        (status = 200, description = "A session, or the accounts to choose from", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Wrong, expired or used code", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No portal has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/auth/otp/verify")]
pub async fn verify_portal_login_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<VerifyCode>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let realm = portal(&state, slug.into_inner()).await?;
    let path = realm_path(&realm);
    let email = normalize_email(&body.email);
    let attempt = login::verify_code(&state, realm, email, body.code, body.remember, Origin::of(&req));
    respond(&state, guarded(&state, &req, attempt).await?, body.cookie, path)
}

/// Log in to the portal with the token of the emailed link. The link opens a page that asks
/// the person to confirm first, so mail scanners that fetch links do not use it up.
#[utoipa::path(
    tag = "portal-auth",
    params(("slug" = String, Path, description = "The portal's slug")),
    request_body = RedeemLink,
    responses(
        (status = 200, description = "A session, or the accounts to choose from", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Expired or used link", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No portal has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/auth/magic-link")]
pub async fn redeem_portal_magic_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<RedeemLink>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let realm = portal(&state, slug.into_inner()).await?;
    let path = realm_path(&realm);
    let attempt = login::redeem_link(&state, realm, body.token, body.remember, Origin::of(&req));
    respond(&state, guarded(&state, &req, attempt).await?, body.cookie, path)
}

/// Continue as one of the client accounts that share the email.
#[utoipa::path(
    tag = "portal-auth",
    params(("slug" = String, Path, description = "The portal's slug")),
    request_body = SelectAccount,
    responses(
        (status = 200, description = "A session", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "The choice expired, or the account is not one offered", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No portal has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/auth/select")]
pub async fn select_portal_account(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<SelectAccount>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let realm = portal(&state, slug.into_inner()).await?;
    let path = realm_path(&realm);
    let attempt = login::select(&state, realm, body.selection_token, body.account_id, body.remember, Origin::of(&req));
    respond(&state, guarded(&state, &req, attempt).await?, body.cookie, path)
}

/// Email a login code and link to a staff member.
#[utoipa::path(
    tag = "staff-auth",
    request_body = RequestCode,
    responses(
        (status = 202, description = "Accepted; an email is sent if the address has an account", body = CodeRequested),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The email is not an email address", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Asked too often; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/otp")]
pub async fn request_staff_login_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RequestCode>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let language = body.language.or_else(|| Language::accepted_by(&req));
    login::request_code(&state, Realm::Console, normalize_email(&body.email), false, language, Origin::of(&req))
        .await?;
    Ok(code_requested(&state, body.channel))
}

/// Log in to the console with the emailed code.
#[utoipa::path(
    tag = "staff-auth",
    request_body = VerifyCode,
    responses(
        (status = 200, description = "A session, or the businesses to choose from", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Wrong, expired or used code", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/otp/verify")]
pub async fn verify_staff_login_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<VerifyCode>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let email = normalize_email(&body.email);
    let attempt = login::verify_code(&state, Realm::Console, email, body.code, body.remember, Origin::of(&req));
    respond(&state, guarded(&state, &req, attempt).await?, body.cookie, cookie::console_path())
}

/// Log in to the console with the token of the emailed link.
#[utoipa::path(
    tag = "staff-auth",
    request_body = RedeemLink,
    responses(
        (status = 200, description = "A session, or the businesses to choose from", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Expired or used link", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/magic-link")]
pub async fn redeem_staff_magic_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RedeemLink>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let attempt = login::redeem_link(&state, Realm::Console, body.token, body.remember, Origin::of(&req));
    respond(&state, guarded(&state, &req, attempt).await?, body.cookie, cookie::console_path())
}

/// Continue as staff of one of the businesses this email belongs to.
#[utoipa::path(
    tag = "staff-auth",
    request_body = SelectAccount,
    responses(
        (status = 200, description = "A session", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "The choice expired, or the account is not one offered", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/select")]
pub async fn select_staff_account(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<SelectAccount>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let (token, account) = (body.selection_token, body.account_id);
    let attempt = login::select(&state, Realm::Console, token, account, body.remember, Origin::of(&req));
    respond(&state, guarded(&state, &req, attempt).await?, body.cookie, cookie::console_path())
}
