//! The middleware: identify the caller, fingerprint the request, then run it once or replay.

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};
use sha2::{Digest, Sha256};

use super::store::{self, Claim};
use crate::auth::api_key;
use crate::auth::credential::{bearer, session_of, valid_api_key};
use crate::error::ApiError;
use crate::state::AppState;

pub static IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
pub static IDEMPOTENCY_REPLAYED: HeaderName = HeaderName::from_static("idempotency-replayed");
/// Answers larger than this are not kept (no create or action returns one this big).
const MAX_KEPT_BYTES: usize = 1024 * 1024;
const MAX_KEY_LEN: usize = 255;

pub async fn honour(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let pass = |req: ServiceRequest, next: Next<_>| async move { Ok(next.call(req).await?.map_into_boxed_body()) };
    if req.method() != Method::POST || !req.path().starts_with("/api/v1/") {
        return pass(req, next).await;
    }
    let Some(raw) = req.headers().get(&IDEMPOTENCY_KEY) else { return pass(req, next).await };
    let key = match raw.to_str() {
        Ok(k) if !k.is_empty() && k.len() <= MAX_KEY_LEN && k.bytes().all(|b| b.is_ascii_graphic()) => k.to_string(),
        _ => {
            let problem = ApiError::BadRequest(format!(
                "The Idempotency-Key header must be 1 to {MAX_KEY_LEN} visible ASCII characters (a UUID is a good choice)."
            ));
            return Ok(req.error_response(problem));
        }
    };
    let json_or_empty = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|t| t.trim_start().to_ascii_lowercase().starts_with("application/json"));
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else { return pass(req, next).await };
    let authorization = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
    // Without a known caller the handler answers 401 (or it is a public endpoint, where a
    // key could not be kept apart from anyone else's).
    let Some((tenant_id, principal)) = principal_of(&state, authorization).await else {
        return pass(req, next).await;
    };
    if !json_or_empty {
        return pass(req, next).await;
    }

    let bytes = match req.extract::<web::Bytes>().await {
        Ok(bytes) => bytes,
        Err(e) => return Ok(req.error_response(e)),
    };
    req.set_payload(Payload::from(bytes.clone()));
    let fingerprint = fingerprint(&req, &bytes);

    let claimed = {
        let key = key.clone();
        state.db.write(move |conn| Ok(store::claim(conn, &tenant_id, &principal, &key, &fingerprint)?)).await
    };
    let id = match claimed {
        Err(e) => return Ok(req.error_response(e)),
        Ok(Claim::Mismatch) => {
            // 409, not the 422 the IETF draft suggests: the request itself is well formed (a
            // client generated from the spec could send it); it conflicts with the key's
            // earlier use, which is state on our side.
            let problem = ApiError::Conflict(
                "This Idempotency-Key was already used for a different request (another path or body); \
                 use a new key for a new request."
                    .into(),
            );
            return Ok(req.error_response(problem));
        }
        Ok(Claim::InProgress) => {
            let mut res = req.error_response(ApiError::Conflict(
                "A request with this Idempotency-Key is still being processed; retry in a moment.".into(),
            ));
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return Ok(res);
        }
        Ok(Claim::Replay(kept)) => {
            let status = u16::try_from(kept.status.unwrap_or(200))
                .ok()
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(StatusCode::OK);
            let mut answer = HttpResponse::build(status);
            if let Some(kind) = kept.content_type {
                answer.insert_header((header::CONTENT_TYPE, kind));
            }
            if let Some(location) = kept.location {
                answer.insert_header((header::LOCATION, location));
            }
            answer.insert_header((IDEMPOTENCY_REPLAYED.clone(), "true"));
            let (http_req, _) = req.into_parts();
            return Ok(ServiceResponse::new(http_req, answer.body(kept.body.unwrap_or_default())));
        }
        Ok(Claim::Run { id }) => id,
    };

    let res = match next.call(req).await {
        Ok(res) => res,
        Err(e) => {
            release(&state, id).await;
            return Err(e);
        }
    };
    if !res.status().is_success() {
        release(&state, id).await;
        return Ok(res.map_into_boxed_body());
    }
    // Only an answer of known, modest size is kept (every JSON answer is); anything else
    // goes out as it is and the key is freed.
    let keepable = matches!(res.response().body().size(), BodySize::Sized(n) if n <= MAX_KEPT_BYTES as u64);
    if !keepable {
        release(&state, id).await;
        return Ok(res.map_into_boxed_body());
    }
    let (http_req, res) = res.into_parts();
    let (head, res_body) = res.into_parts();
    let bytes = match body::to_bytes(res_body).await {
        Ok(bytes) => bytes,
        Err(e) => {
            release(&state, id).await;
            return Err(actix_web::error::ErrorInternalServerError(e.into().to_string()));
        }
    };
    let text = |name: header::HeaderName| head.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (status, kind, location) = (head.status().as_u16(), text(header::CONTENT_TYPE), text(header::LOCATION));
    let kept = bytes.to_vec();
    if let Err(e) = state.db.write(move |conn| Ok(store::keep(conn, &id, status, kind, location, kept)?)).await {
        // The answer stands; only a retry will not be recognised.
        tracing::warn!(error = %e, "idempotency: could not keep the answer");
    }
    Ok(ServiceResponse::new(http_req, head.set_body(bytes).map_into_boxed_body()))
}

async fn release(state: &web::Data<AppState>, id: String) {
    if let Err(e) = state.db.write(move |conn| Ok(store::release(conn, &id)?)).await {
        tracing::warn!(error = %e, "idempotency: could not free a key");
    }
}

/// The same key may only replay the very same request.
fn fingerprint(req: &ServiceRequest, body: &[u8]) -> String {
    let mut hash = Sha256::new();
    for part in [req.method().as_str().as_bytes(), req.path().as_bytes(), req.query_string().as_bytes(), body] {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// (tenant, principal) of a credential that may act now; `None` for none, an invalid one, an
/// ended session or a read-only view of the portal, all of which go on to the handler to be
/// refused as usual — a kept answer is never replayed to them. A staff member's role is part
/// of the principal, so an answer kept under another role is not replayed either. No failure
/// is counted here: the handler counts.
async fn principal_of(state: &web::Data<AppState>, authorization: Option<String>) -> Option<(String, String)> {
    let token = bearer(&authorization?)?.to_string();
    if token.starts_with(api_key::KEY_PREFIX) {
        let row = valid_api_key(state, &token).await.ok()?;
        return Some((row.tenant_id, format!("api_key:{}", row.id)));
    }
    let (claims, session) = session_of(state, &token).await.ok()?;
    if session.impersonated_by.is_some() {
        return None;
    }
    let principal = match session.role {
        Some(role) => format!("{}:{}:{role}", claims.kind, claims.sub),
        None => format!("{}:{}", claims.kind, claims.sub),
    };
    Some((claims.tenant, principal))
}
