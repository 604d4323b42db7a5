//! Times every request and counts it under its route pattern.

use std::time::Instant;

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use super::HttpStats;

pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let stats = req.app_data::<web::Data<HttpStats>>().cloned();
    let Some(stats) = stats else { return next.call(req).await };
    let method = req.method().to_string();
    let start = Instant::now();
    stats.started();
    let result = next.call(req).await;
    let took = start.elapsed();
    match &result {
        // The pattern is known only once routing has run.
        Ok(res) => stats.finished(&method, res.request().match_pattern().as_deref(), res.status().as_u16(), took),
        Err(e) => stats.finished(&method, None, e.as_response_error().status_code().as_u16(), took),
    }
    result
}
