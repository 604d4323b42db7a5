//! Logging in with a passkey, for a portal's clients and for staff: the options for a
//! discoverable login (no email typed: the authenticator names the account), then its
//! answer, which starts a session as a code login would (cookie and "keep me signed in"
//! included).

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::TimeDelta;
use utoipa_actix_web::service_config::ServiceConfig;

use super::flow::{self, Login, Origin, Realm, guarded, portal_tenant, realm_path, respond};
use super::model::LoginResponse;
use crate::auth::rate_limit::{self, Limit};
use crate::auth::session::{CLIENT, STAFF};
use crate::clients::store as client_store;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::client_ip::client_ip;
use crate::passkeys::ceremony;
use crate::passkeys::model::{PasskeyLogin, PasskeyOptions};
use crate::staff::store as staff_store;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(portal_passkey_options)
        .service(log_in_to_portal_with_passkey)
        .service(console_passkey_options)
        .service(log_in_to_console_with_passkey);
}

const GONE: &str = "This account can no longer log in. Contact the business if you think this is wrong.";

async fn options(state: &AppState, req: &HttpRequest, realm: Realm) -> Result<PasskeyOptions, ApiError> {
    let config = state.config.clone();
    let per_hour = state.config.auth.requests_per_ip_per_hour;
    let ip = client_ip(req).to_string();
    state
        .db
        .write(move |conn| {
            // Each ask stores a ceremony: the same hourly brake per address as login codes.
            let limit = Limit { max: per_hour, window: TimeDelta::hours(1), cooldown: None };
            if let Err(wait) = rate_limit::hit(conn, &format!("passkey-ip:{ip}"), limit)? {
                let detail = format!("Too many passkey sign-ins from here; try again in {wait} s.");
                return Err(ApiError::RateLimited { detail, retry_after_secs: wait });
            }
            let rp_name = match &realm {
                Realm::Portal(t) => t.name.clone(),
                Realm::Console => "Portico".into(),
            };
            ceremony::start_login(conn, &config, &rp_name, &realm.key())
        })
        .await
}

async fn finish(
    state: &AppState,
    req: &HttpRequest,
    realm: Realm,
    body: PasskeyLogin,
) -> Result<HttpResponse, ApiError> {
    let (keys, settings, config) = (state.keys.clone(), state.config.auth.clone(), state.config.clone());
    let origin = Origin::of(req);
    let (cookie, path) = (body.cookie, realm_path(&realm));
    let attempt = state.db.write(move |conn| {
        let tokens = match &realm {
            Realm::Portal(tenant) => {
                let owns = |p: &crate::passkeys::store::PasskeyRow| p.kind == CLIENT && p.tenant_id == tenant.id;
                let key = ceremony::finish_login(conn, &config, &tenant.name, &realm.key(), owns, &body)?;
                let client = client_store::get(conn, &tenant.id, &key.subject_id)?
                    .filter(|c| c.status == "active" && c.portal_enabled)
                    .ok_or_else(|| ApiError::Unauthorized(GONE.into()))?;
                let login = Login { email: &client.email, remember: body.remember, origin: &origin };
                flow::start_client(conn, &keys, &settings, tenant, &client.id, login)?
            }
            Realm::Console => {
                let owns = |p: &crate::passkeys::store::PasskeyRow| p.kind == STAFF;
                let key = ceremony::finish_login(conn, &config, "Portico", &realm.key(), owns, &body)?;
                let member = staff_store::get(conn, &key.tenant_id, &key.subject_id)?
                    .ok_or_else(|| ApiError::Unauthorized(GONE.into()))?;
                let tenant = tenant_store::get(conn, &key.tenant_id)?;
                let login = Login { email: &member.email, remember: body.remember, origin: &origin };
                flow::start_staff(conn, &keys, &settings, &member, &tenant, login)?
            }
        };
        Ok(LoginResponse::authenticated(tokens))
    });
    respond(state, guarded(state, req, attempt).await?, cookie, path)
}

/// Options for "sign in with a passkey" on this portal: pass them to
/// `navigator.credentials.get()`, and its answer to `…/auth/passkey` within 5 minutes.
#[utoipa::path(
    tag = "portal-auth",
    params(("slug" = String, Path, description = "The portal's slug")),
    responses(
        (status = 200, description = "The options, and the ceremony they open", body = PasskeyOptions),
        (status = 404, description = "No portal has this slug, or passkeys are not available on this server (its public URL is not a domain name)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Asked too often from this address; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/auth/passkey/options")]
pub async fn portal_passkey_options(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<web::Json<PasskeyOptions>, ApiError> {
    let tenant = portal_tenant(&state, slug.into_inner()).await?;
    Ok(web::Json(options(&state, &req, Realm::Portal(Box::new(tenant))).await?))
}

/// Log in to the portal with a passkey: the authenticator's answer to the options.
#[utoipa::path(
    tag = "portal-auth",
    params(("slug" = String, Path, description = "The portal's slug")),
    request_body = PasskeyLogin,
    responses(
        (status = 200, description = "A session", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "The sign-in expired, the passkey opens no account here, or its answer does not verify", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No portal has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The credential is not a WebAuthn assertion", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/auth/passkey")]
pub async fn log_in_to_portal_with_passkey(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<PasskeyLogin>,
) -> Result<HttpResponse, ApiError> {
    let tenant = portal_tenant(&state, slug.into_inner()).await?;
    finish(&state, &req, Realm::Portal(Box::new(tenant)), body.into_inner()).await
}

/// Options for "sign in with a passkey" to the console.
#[utoipa::path(
    tag = "staff-auth",
    responses(
        (status = 200, description = "The options, and the ceremony they open", body = PasskeyOptions),
        (status = 404, description = "Passkeys are not available on this server (its public URL is not a domain name)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Asked too often from this address; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/passkey/options")]
pub async fn console_passkey_options(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<web::Json<PasskeyOptions>, ApiError> {
    Ok(web::Json(options(&state, &req, Realm::Console).await?))
}

/// Log in to the console with a passkey: the authenticator's answer to the options.
#[utoipa::path(
    tag = "staff-auth",
    request_body = PasskeyLogin,
    responses(
        (status = 200, description = "A session", body = LoginResponse),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "The sign-in expired, the passkey opens no account here, or its answer does not verify", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The credential is not a WebAuthn assertion", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/passkey")]
pub async fn log_in_to_console_with_passkey(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<PasskeyLogin>,
) -> Result<HttpResponse, ApiError> {
    finish(&state, &req, Realm::Console, body.into_inner()).await
}
