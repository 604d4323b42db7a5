//! Requests carrying NUL characters in the URL are refused up front.

use actix_web::Error;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

/// Refuses NUL characters anywhere in the path or query: they are never meaningful, and
/// PostgreSQL cannot compare text holding them (it would answer an error, not "no match").
pub async fn reject_nul(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let raw = req.uri().path_and_query().map(|pq| pq.as_str()).unwrap_or("");
    let has_nul = raw.as_bytes().windows(3).any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0');
    if has_nul {
        let err = crate::error::ApiError::BadRequest("The URL contains a NUL character (%00); remove it.".into());
        let (req, _) = req.into_parts();
        let res = actix_web::ResponseError::error_response(&err);
        return Ok(ServiceResponse::new(req, res).map_into_right_body());
    }
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}
