//! Session-backed principals: `ClientPrincipal` for the portal, `SessionPrincipal` for
//! endpoints any logged-in person may call (logout, their own sessions). Every request
//! checks the session row, so ending a session stops its access tokens at once.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::credential::{RequestAuth, session_of};
use super::session::CLIENT;
use super::store::SessionRow;
use crate::error::ApiError;

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
    /// The request's `Accept-Language`: the portal sends the language it shows, and the
    /// sentences the server writes for the client (timeline, history) follow it.
    pub accept_language: Option<String>,
}

impl FromRequest for ClientPrincipal {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<ClientPrincipal, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let ctx = RequestAuth::of(req);
        let writes = !req.method().is_safe();
        let accept_language = req
            .headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
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
                    accept_language,
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

/// A live session whose client or staff row is gone cannot act as anyone.
pub fn account_gone() -> ApiError {
    ApiError::Unauthorized("This account no longer exists.".into())
}
