//! Login endpoints for the portal (`/portal/{slug}/auth/…`) and the console (`/auth/…`),
//! and sessions (`/auth/refresh`, `/auth/logout`, `/auth/sessions`).

use actix_web::http::header::USER_AGENT;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::flow::{self as login, Origin, Realm};
use super::model::{
    Channel, CodeRequested, LoginResponse, RedeemLink, RefreshRequest, RequestCode, SelectAccount, VerifyCode,
};
use crate::activity;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::auth::codes::normalize_email;
use crate::auth::model::{SessionInfo, SessionList};
use crate::auth::principal::SessionPrincipal;
use crate::auth::session::{self, Refreshed, Tokens};
use crate::auth::store;
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::client_ip::client_ip;
use crate::i18n::Language;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(request_portal_login_code)
        .service(verify_portal_login_code)
        .service(redeem_portal_magic_link)
        .service(select_portal_account)
        .service(request_staff_login_code)
        .service(verify_staff_login_code)
        .service(redeem_staff_magic_link)
        .service(select_staff_account)
        .service(refresh_session)
        .service(log_out)
        .service(list_my_sessions)
        .service(end_my_session);
}

fn origin(req: &HttpRequest) -> Origin {
    Origin {
        ip: client_ip(req).to_string(),
        user_agent: req.headers().get(USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string),
    }
}

async fn portal(state: &AppState, slug: String) -> Result<Realm, ApiError> {
    let wanted = slug.to_ascii_lowercase();
    let tenant = state.db.read(move |conn| Ok(tenant_store::find_by_slug(conn, &wanted)?)).await?;
    tenant
        .map(|t| Realm::Portal(Box::new(t)))
        .ok_or_else(|| ApiError::NotFound(format!("There is no portal at '{slug}'; check the link you were sent.")))
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
    login::request_code(&state, realm, normalize_email(&body.email), by_sms, language, origin(&req)).await?;
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
) -> Result<web::Json<LoginResponse>, ApiError> {
    let body = body.into_inner();
    let realm = portal(&state, slug.into_inner()).await?;
    guarded(&state, &req, login::verify_code(&state, realm, normalize_email(&body.email), body.code, origin(&req)))
        .await
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
) -> Result<web::Json<LoginResponse>, ApiError> {
    let realm = portal(&state, slug.into_inner()).await?;
    guarded(&state, &req, login::redeem_link(&state, realm, body.into_inner().token, origin(&req))).await
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
) -> Result<web::Json<LoginResponse>, ApiError> {
    let body = body.into_inner();
    let realm = portal(&state, slug.into_inner()).await?;
    guarded(&state, &req, login::select(&state, realm, body.selection_token, body.account_id, origin(&req))).await
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
    login::request_code(&state, Realm::Console, normalize_email(&body.email), false, language, origin(&req)).await?;
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
) -> Result<web::Json<LoginResponse>, ApiError> {
    let body = body.into_inner();
    guarded(
        &state,
        &req,
        login::verify_code(&state, Realm::Console, normalize_email(&body.email), body.code, origin(&req)),
    )
    .await
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
) -> Result<web::Json<LoginResponse>, ApiError> {
    guarded(&state, &req, login::redeem_link(&state, Realm::Console, body.into_inner().token, origin(&req))).await
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
) -> Result<web::Json<LoginResponse>, ApiError> {
    let body = body.into_inner();
    guarded(&state, &req, login::select(&state, Realm::Console, body.selection_token, body.account_id, origin(&req)))
        .await
}

/// Login proofs share the per-IP brake of credentials: many wrong codes → 429.
async fn guarded<T>(
    state: &AppState,
    req: &HttpRequest,
    attempt: impl std::future::Future<Output = Result<T, ApiError>>,
) -> Result<web::Json<T>, ApiError> {
    let ip = client_ip(req);
    state.throttle.refuse_if_blocked(ip)?;
    let result = attempt.await;
    state.throttle.count(ip, &result);
    result.map(web::Json)
}

/// New tokens for a refresh token. Each refresh token works once; presenting one that was
/// already used ends the session (it was copied).
#[utoipa::path(
    tag = "sessions",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens", body = Tokens),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Invalid, expired, ended or reused refresh token", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<RefreshRequest>,
) -> Result<web::Json<Tokens>, ApiError> {
    let token = body.into_inner().refresh_token;
    let settings = state.config.auth.clone();
    let keys = state.keys.clone();
    let attempt = async {
        let outcome = state.db.write(move |conn| Ok(session::refresh(conn, &keys, &settings, &token)?)).await?;
        match outcome {
            Refreshed::Tokens(tokens) => Ok(tokens),
            Refreshed::Reused => Err(ApiError::Unauthorized(
                "This refresh token was already used, so the session has been ended for safety. Log in again.".into(),
            )),
            Refreshed::Invalid(why) => Err(ApiError::Unauthorized(why.into())),
        }
    };
    guarded(&state, &req, attempt).await
}

/// End the current session.
#[utoipa::path(
    tag = "sessions",
    responses(
        (status = 204, description = "Logged out"),
        (status = 403, description = "An API key has no session", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[post("/auth/logout")]
pub async fn log_out(state: web::Data<AppState>, who: SessionPrincipal) -> Result<HttpResponse, ApiError> {
    let s = who.session;
    state
        .db
        .write(move |conn| {
            store::revoke(conn, &s.tenant_id, &s.id, now())?;
            let (actor, verb, subject_kind, client_id) = match (s.kind.as_str(), &s.impersonated_by) {
                (session::CLIENT, Some(staff_id)) => (
                    Actor::Staff { id: staff_id.clone() },
                    "impersonation_ended",
                    "client",
                    Some(s.subject_id.as_str()),
                ),
                (session::CLIENT, None) => {
                    (Actor::Client { id: s.subject_id.clone() }, "logged_out", "client", Some(s.subject_id.as_str()))
                }
                _ => (Actor::Staff { id: s.subject_id.clone() }, "logged_out", "staff", None),
            };
            let subject = Subject { kind: subject_kind, id: &s.subject_id, client_id };
            activity::store::insert(conn, &s.tenant_id, &actor, verb, subject, json!({ "session_id": s.id }))?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's own live sessions (this device and others).
#[utoipa::path(
    tag = "sessions",
    responses(
        (status = 200, description = "Live sessions, newest first", body = SessionList),
        (status = 403, description = "An API key has no session", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[get("/auth/sessions")]
pub async fn list_my_sessions(
    state: web::Data<AppState>,
    who: SessionPrincipal,
) -> Result<web::Json<SessionList>, ApiError> {
    let s = who.session;
    let current = s.id.clone();
    let rows =
        state.db.read(move |conn| Ok(store::live_sessions(conn, &s.tenant_id, &s.kind, &s.subject_id, now())?)).await?;
    Ok(web::Json(SessionList { items: rows.into_iter().map(|r| SessionInfo::of(r, Some(&current))).collect() }))
}

/// End one of the caller's own sessions (for example a lost phone).
#[utoipa::path(
    tag = "sessions",
    params(("id" = String, Path, description = "The session's id")),
    responses(
        (status = 204, description = "Ended"),
        (status = 403, description = "An API key has no session", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session of yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[delete("/auth/sessions/{id}")]
pub async fn end_my_session(
    state: web::Data<AppState>,
    who: SessionPrincipal,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let s = who.session;
    if s.impersonated_by.is_some() {
        return Err(ApiError::Forbidden(crate::auth::principal::READ_ONLY.into()));
    }
    let id = id.into_inner();
    state
        .db
        .write(move |conn| {
            let at = now();
            let mine =
                store::live_sessions(conn, &s.tenant_id, &s.kind, &s.subject_id, at)?.into_iter().any(|r| r.id == id);
            if !mine {
                return Err(ApiError::NotFound(format!("You have no live session '{id}'.")));
            }
            store::revoke(conn, &s.tenant_id, &id, at)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
