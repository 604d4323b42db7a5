//! The one place a request's credential is read: the `Authorization: Bearer` header (its
//! scheme in any case, as RFC 9110 says), the API key or access token it carries, and the
//! brute-force brake around both. The extractors (`caller`, `principal`) and the
//! idempotency layer all read it here, so they can never disagree on who is calling.

use std::future::Future;
use std::net::IpAddr;

use actix_web::http::header::AUTHORIZATION;
use actix_web::{HttpRequest, web};

use super::jwt::{self, ACCESS, AccessClaims};
use super::store::{self, ApiKeyRow, SessionRow};
use super::{api_key, session};
use crate::db::now;
use crate::error::ApiError;
use crate::state::AppState;

/// The token of an `Authorization` header value, if it uses the Bearer scheme.
pub fn bearer(header: &str) -> Option<&str> {
    match header.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Some(token.trim())
        }
        _ => None,
    }
}

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

/// The stored key a presented API key proves, or 401 saying why not.
pub async fn valid_api_key(state: &AppState, token: &str) -> Result<ApiKeyRow, ApiError> {
    let Some(lookup) = api_key::lookup_of(token).map(str::to_owned) else {
        return Err(ApiError::Unauthorized("The credential is malformed: API keys start with 'pk_live_'.".into()));
    };
    let row = state.db.read(move |conn| Ok(store::api_key_by_lookup(conn, &lookup)?)).await?;
    let Some(row) = row.filter(|r| api_key::verify(token, &r.hash)) else {
        return Err(ApiError::Unauthorized("This API key is not valid.".into()));
    };
    if row.revoked_at.is_some() {
        return Err(ApiError::Unauthorized("This API key has been revoked.".into()));
    }
    Ok(row)
}

/// What every credential check needs from the request, taken before the async part.
pub struct RequestAuth {
    /// Held until the credential is decided: a wrong body waits for it (see `gate`).
    _gate: crate::http::gate::Opener,
    state: Option<web::Data<AppState>>,
    header: Option<Result<String, ()>>,
    ip: IpAddr,
}

impl RequestAuth {
    pub fn of(req: &HttpRequest) -> RequestAuth {
        RequestAuth {
            _gate: crate::http::gate::AuthGate::arm(req),
            state: req.app_data::<web::Data<AppState>>().cloned(),
            header: req.headers().get(AUTHORIZATION).map(|v| v.to_str().map(str::to_owned).map_err(|_| ())),
            ip: crate::http::client_ip::client_ip(req),
        }
    }

    /// Runs `check` on the bearer token, with the brute-force brake around it: a blocked IP
    /// gets 429 before any lookup, and every 401 counts against it.
    pub async fn guarded<T, F, Fut>(self, check: F) -> Result<T, ApiError>
    where
        F: FnOnce(web::Data<AppState>, String) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let state = self.state.ok_or_else(|| ApiError::Internal("AppState missing".into()))?;
        state.throttle.refuse_if_blocked(self.ip)?;
        let token = match self.header {
            None => {
                return Err(ApiError::Unauthorized(
                    "Send a credential as 'Authorization: Bearer <API key or access token>'.".into(),
                ));
            }
            Some(Err(())) => Err(ApiError::Unauthorized("The Authorization header is not readable text.".into())),
            Some(Ok(h)) => bearer(&h).map(str::to_string).ok_or_else(|| {
                ApiError::Unauthorized("Use the Bearer scheme: 'Authorization: Bearer <token>'.".into())
            }),
        };
        let result = match token {
            Ok(token) => check(state.clone(), token).await,
            Err(e) => Err(e),
        };
        state.throttle.count(self.ip, &result);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::bearer;

    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer abc "), Some("abc"));
        assert_eq!(bearer("BEARER  abc"), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("Bearerabc"), None);
    }
}
