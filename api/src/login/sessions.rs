//! Sessions after login: refresh (by token, or by the browser's cookie), logout, the
//! caller's own sessions, and switching to another account the login email opens.

use actix_web::{HttpRequest, HttpResponse, ResponseError, delete, get, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::flow::{Origin, guarded, portal_tenant};
use super::model::{AccountList, RefreshRequest, SwitchAccount};
use super::switch;
use crate::activity;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::auth::cookie;
use crate::auth::model::{SessionInfo, SessionList};
use crate::auth::principal::{READ_ONLY, SessionPrincipal};
use crate::auth::session::{self, CLIENT, Refreshed, Tokens};
use crate::auth::store;
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(refresh_session)
        .service(refresh_portal_session)
        .service(log_out)
        .service(list_my_sessions)
        .service(end_my_session)
        .service(list_my_accounts)
        .service(switch_account);
}

/// Which session a refresh may renew.
enum Scope {
    Any,
    /// A portal's path: only a client session of that business.
    Portal(String),
}

async fn refresh(
    state: &AppState,
    req: &HttpRequest,
    body: RefreshRequest,
    scope: Scope,
    path: String,
) -> Result<HttpResponse, ApiError> {
    let from_cookie = body.refresh_token.is_none();
    let token = match body.refresh_token {
        Some(token) => token,
        None => {
            // A new tab asks before it knows whether the browser holds a session: no cookie
            // is a plain "none", not an error.
            let Some(token) = cookie::read(req) else { return Ok(HttpResponse::NoContent().finish()) };
            cookie::require_csrf(req)?;
            token
        }
    };
    let settings = state.config.auth.clone();
    let keys = state.keys.clone();
    let attempt = async {
        let outcome = state
            .db
            .write(move |conn| {
                let accept = |s: &store::SessionRow| match &scope {
                    Scope::Any => true,
                    Scope::Portal(tenant_id) => s.kind == CLIENT && &s.tenant_id == tenant_id,
                };
                Ok(session::refresh(conn, &keys, &settings, &token, accept)?)
            })
            .await?;
        match outcome {
            Refreshed::Tokens(tokens) => Ok(tokens),
            Refreshed::Reused => Err(ApiError::Unauthorized(
                "This refresh token was already used, so the session has been ended for safety. Log in again.".into(),
            )),
            Refreshed::Invalid(why) => Err(ApiError::Unauthorized(why.into())),
        }
    };
    match guarded(state, req, attempt).await {
        Ok(mut tokens) => {
            let mut response = HttpResponse::Ok();
            if from_cookie && let Some(kept) = cookie::keep(&mut tokens, path, &state.config) {
                response.cookie(kept);
            }
            Ok(response.json(tokens))
        }
        // A cookie that no longer works is forgotten, so the browser stops sending it.
        Err(e) if from_cookie && matches!(e, ApiError::Unauthorized(_)) => {
            let mut response = e.error_response();
            // A cookie built here always makes a valid header.
            let _ = response.add_cookie(&cookie::clear(path, &state.config));
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

/// New tokens for a refresh token. Each refresh token works once; presenting one that was
/// already used ends the session (it was copied). A browser session sends no token: its
/// `portico_refresh` cookie is used, with the `X-Portico-CSRF` header, and the answer sets
/// the next one.
#[utoipa::path(
    tag = "sessions",
    request_body = RefreshRequest,
    params(("X-Portico-CSRF" = Option<String>, Header, description = "Required when the refresh token comes from the cookie (any value, e.g. `1`)")),
    responses(
        (status = 200, description = "New tokens", body = Tokens),
        (status = 204, description = "No `refresh_token` was sent and the browser holds no session cookie: there is no session to renew"),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Invalid, expired, ended or reused refresh token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The cookie was sent without the X-Portico-CSRF header", body = Problem, content_type = "application/problem+json"),
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
) -> Result<HttpResponse, ApiError> {
    refresh(&state, &req, body.into_inner(), Scope::Any, cookie::console_path()).await
}

/// New tokens for a client of this portal: the same as `/auth/refresh`, at the path the
/// portal's session cookie is sent to.
#[utoipa::path(
    tag = "portal-auth",
    request_body = RefreshRequest,
    params(
        ("slug" = String, Path, description = "The portal's slug"),
        ("X-Portico-CSRF" = Option<String>, Header, description = "Required when the refresh token comes from the cookie (any value, e.g. `1`)"),
    ),
    responses(
        (status = 200, description = "New tokens", body = Tokens),
        (status = 204, description = "No `refresh_token` was sent and the browser holds no session cookie: there is no session to renew"),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Invalid, expired, ended or reused refresh token, or not a session of this portal", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The cookie was sent without the X-Portico-CSRF header", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No portal has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/auth/refresh")]
pub async fn refresh_portal_session(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let tenant = portal_tenant(&state, slug.into_inner()).await?;
    refresh(&state, &req, body.into_inner(), Scope::Portal(tenant.id), cookie::portal_path(&tenant.slug)).await
}

/// The cookie path of a session's realm.
fn cookie_path(conn: &mut crate::db::DbConn, s: &store::SessionRow) -> Result<String, ApiError> {
    if s.kind == CLIENT {
        return Ok(cookie::portal_path(&tenant_store::get(conn, &s.tenant_id)?.slug));
    }
    Ok(cookie::console_path())
}

/// End the current session (every tab of a browser session, at once), and forget the
/// browser's session cookie.
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
    let path = state
        .db
        .write(move |conn| {
            store::revoke(conn, &s.tenant_id, &s.id, now())?;
            let (actor, verb, subject_kind, client_id) = match (s.kind.as_str(), &s.impersonated_by) {
                (CLIENT, Some(staff_id)) => (
                    Actor::Staff { id: staff_id.clone() },
                    "impersonation_ended",
                    "client",
                    Some(s.subject_id.as_str()),
                ),
                (CLIENT, None) => {
                    (Actor::Client { id: s.subject_id.clone() }, "logged_out", "client", Some(s.subject_id.as_str()))
                }
                _ => (Actor::Staff { id: s.subject_id.clone() }, "logged_out", "staff", None),
            };
            let subject = Subject { kind: subject_kind, id: &s.subject_id, client_id };
            activity::store::insert(conn, &s.tenant_id, &actor, verb, subject, json!({ "session_id": s.id }))?;
            // A staff member viewing as a client has no cookie of theirs at the portal's path.
            if s.impersonated_by.is_some() { Ok(None) } else { cookie_path(conn, &s).map(Some) }
        })
        .await?;
    let mut response = HttpResponse::NoContent();
    if let Some(path) = path {
        response.cookie(cookie::clear(path, &state.config));
    }
    Ok(response.finish())
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
        return Err(ApiError::Forbidden(READ_ONLY.into()));
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

/// The accounts the caller's login email opens: for a client, the accounts of this portal
/// that share it; for staff, each business they work for. The current one is marked.
#[utoipa::path(
    tag = "sessions",
    responses(
        (status = 200, description = "The accounts, the current one marked", body = AccountList),
        (status = 403, description = "An API key has no session, or a staff member viewing as the client", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[get("/auth/accounts")]
pub async fn list_my_accounts(
    state: web::Data<AppState>,
    who: SessionPrincipal,
) -> Result<web::Json<AccountList>, ApiError> {
    let s = who.session;
    if s.impersonated_by.is_some() {
        return Err(ApiError::Forbidden(READ_ONLY.into()));
    }
    let items = state.db.read(move |conn| switch::accounts(conn, &s)).await?;
    Ok(web::Json(AccountList { items }))
}

/// Continue as another account the login email opens, without logging in again: this
/// session ends and a new one starts (kept on the device as long as this one was).
#[utoipa::path(
    tag = "sessions",
    request_body = SwitchAccount,
    responses(
        (status = 200, description = "The new session", body = Tokens),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key has no session, or a staff member viewing as the client", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an account this login email opens", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[post("/auth/switch")]
pub async fn switch_account(
    state: web::Data<AppState>,
    req: HttpRequest,
    who: SessionPrincipal,
    body: JsonBody<SwitchAccount>,
) -> Result<HttpResponse, ApiError> {
    let s = who.session;
    if s.impersonated_by.is_some() {
        return Err(ApiError::Forbidden(READ_ONLY.into()));
    }
    let body = body.into_inner();
    let (keys, settings, origin) = (state.keys.clone(), state.config.auth.clone(), Origin::of(&req));
    let (mut tokens, path) = state
        .db
        .write(move |conn| {
            let (tokens, tenant) = switch::switch(conn, &keys, &settings, &s, &body.account_id, &origin)?;
            let path = if s.kind == CLIENT { cookie::portal_path(&tenant.slug) } else { cookie::console_path() };
            Ok((tokens, path))
        })
        .await?;
    let mut response = HttpResponse::Ok();
    if body.cookie
        && let Some(kept) = cookie::keep(&mut tokens, path, &state.config)
    {
        response.cookie(kept);
    }
    Ok(response.json(tokens))
}
