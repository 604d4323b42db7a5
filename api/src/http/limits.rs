//! Limits on how a request arrives, before any handler: its headers are capped well below
//! the 128 KiB the HTTP parser would buffer (431), and a body that stops arriving is given
//! up on after `PORTICO_BODY_IDLE_SECONDS` without a byte (408), so a slow or stalled client
//! cannot hold a worker and a connection for as long as it likes.

use std::io;
use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use futures_util::StreamExt;

use crate::config::Config;
use crate::error::ApiError;

/// Names and values of every request header, in all.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// What a stalled body reads as, for the extractors to answer 408.
pub const STALLED: &str = "the request body stopped arriving";

pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let size: usize = req.headers().iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if size > MAX_HEADER_BYTES {
        let err = ApiError::HeadersTooLarge(format!(
            "The request headers add up to {} KiB; at most {} KiB are read.",
            size.div_ceil(1024),
            MAX_HEADER_BYTES / 1024
        ));
        return Ok(req.into_response(err.error_response()));
    }
    let idle = req
        .app_data::<web::Data<Config>>()
        .map(|config| Duration::from_secs(config.body_idle_seconds))
        .unwrap_or(Duration::from_secs(20));
    let body = req.take_payload();
    req.set_payload(Payload::from(idle_limited(body, idle)));
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// The body's chunks, ending in a timed-out error when none comes for `idle`.
fn idle_limited(
    body: Payload,
    idle: Duration,
) -> std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<web::Bytes, PayloadError>>>> {
    Box::pin(
        futures_util::stream::unfold(Some(body), move |body| async move {
            let mut body = body?;
            match tokio::time::timeout(idle, body.next()).await {
                Ok(Some(chunk)) => Some((chunk, Some(body))),
                Ok(None) => None,
                Err(_) => Some((Err(PayloadError::Io(io::Error::new(io::ErrorKind::TimedOut, STALLED))), None)),
            }
        })
        // Readers (multipart) may poll again after the end: a fused stream keeps answering None.
        .fuse(),
    )
}

/// A payload error as the caller should read it: 408 for a stalled body, else `otherwise`.
pub fn payload_error(e: &PayloadError, otherwise: impl FnOnce() -> ApiError) -> ApiError {
    match e {
        PayloadError::Io(io) if io.kind() == io::ErrorKind::TimedOut => {
            ApiError::RequestTimeout(format!("The request body stopped arriving; send it again in one go. ({STALLED})"))
        }
        _ => otherwise(),
    }
}
