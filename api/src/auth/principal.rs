//! Session-backed principals: `ClientPrincipal` for the portal, `SessionPrincipal` for
//! endpoints any logged-in person may call (logout, their own sessions). Every request
//! checks the session row, so ending a session stops its access tokens at once.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use super::caller::RequestAuth;
use super::jwt::{self, ACCESS, AccessClaims};
use super::session::{self, CLIENT};
use super::store::{self, SessionRow};
use crate::AppState;
use crate::db::now;
use crate::error::ApiError;

/// Validates an access token and its session; records activity at most once a minute.
pub async fn session_of(state: &web::Data<AppState>, token: &str) -> Result<(AccessClaims, SessionRow), ApiError> {
    let claims: AccessClaims = jwt::verify(&state.keys.jwt, token, ACCESS).ok_or_else(|| {
        ApiError::Unauthorized("The access token is invalid or has expired; refresh it or log in again.".into())
    })?;
    let sid = claims.sid.clone();
    let row = state.db.read(move |conn| Ok(store::session(conn, &sid)?)).await?;
    let at = now();
    let row = row
        .filter(|r| r.tenant_id == claims.tenant && r.subject_id == claims.sub && r.kind == claims.kind)
        .ok_or_else(|| ApiError::Unauthorized("This session does not exist; log in again.".into()))?;
    if let Some(why) = session::unusable(&row, &state.config.auth, at) {
        return Err(ApiError::Unauthorized(why.into()));
    }
    if at - row.last_seen_at > chrono::TimeDelta::minutes(1) {
        let id = row.id.clone();
        if let Err(e) = state.db.write(move |conn| Ok(store::touch_session(conn, &id, at)?)).await {
            tracing::warn!(error = %e, "could not record session activity");
        }
    }
    Ok((claims, row))
}

pub const READ_ONLY: &str = "You are viewing the portal as this client: it is read-only.";

/// A client logged in to their tenant's portal.
#[derive(Debug, Clone)]
pub struct ClientPrincipal {
    pub tenant_id: String,
    pub client_id: String,
    pub session_id: String,
    /// Set when a staff member is viewing the portal as this client (read-only).
    pub impersonated_by: Option<String>,
    /// The address this session's login was proved with: what a signature or an acceptance
    /// records, whatever the client's email is changed to later.
    pub login_email: Option<String>,
}

impl FromRequest for ClientPrincipal {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<ClientPrincipal, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let ctx = RequestAuth::of(req);
        let writes = !req.method().is_safe();
        Box::pin(async move {
            ctx.guarded(|state, token| async move {
                if token.starts_with(super::api_key::KEY_PREFIX) {
                    return Err(ApiError::Forbidden(
                        "API keys act for the business; this endpoint is for clients logged in to the portal.".into(),
                    ));
                }
                let (claims, row) = session_of(&state, &token).await?;
                if claims.kind != CLIENT {
                    return Err(ApiError::Forbidden("This endpoint is for clients logged in to the portal.".into()));
                }
                if writes && row.impersonated_by.is_some() {
                    return Err(ApiError::Forbidden(READ_ONLY.into()));
                }
                Ok(ClientPrincipal {
                    tenant_id: row.tenant_id,
                    client_id: row.subject_id,
                    session_id: row.id,
                    impersonated_by: row.impersonated_by,
                    login_email: row.login_email,
                })
            })
            .await
        })
    }
}

/// Any logged-in person, client or staff.
#[derive(Debug, Clone)]
pub struct SessionPrincipal {
    pub session: SessionRow,
}

impl FromRequest for SessionPrincipal {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<SessionPrincipal, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let ctx = RequestAuth::of(req);
        Box::pin(async move {
            ctx.guarded(|state, token| async move {
                if token.starts_with(super::api_key::KEY_PREFIX) {
                    return Err(ApiError::Forbidden("API keys have no session; this endpoint is for people.".into()));
                }
                let (_, session) = session_of(&state, &token).await?;
                Ok(SessionPrincipal { session })
            })
            .await
        })
    }
}

/// A logged-in staff member: a client's session is refused with 403 before the body is read.
#[derive(Debug, Clone)]
pub struct StaffSession {
    pub session: SessionRow,
}

impl FromRequest for StaffSession {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<StaffSession, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let who = SessionPrincipal::from_request(req, payload);
        Box::pin(async move {
            let session = who.await?.session;
            if session.kind != super::session::STAFF {
                return Err(ApiError::Forbidden("This endpoint is for staff; clients use /api/v1/portal/me.".into()));
            }
            Ok(StaffSession { session })
        })
    }
}
