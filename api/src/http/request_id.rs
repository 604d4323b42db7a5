//! Echo the request id that `tracing-actix-web` put on the request's span as `X-Request-Id`,
//! so a person reporting a problem can quote it and an operator can find the log line.

use actix_web::Error;
use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use tracing_actix_web::RequestId;

pub static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub async fn echo_request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = req.extensions().get::<RequestId>().copied();
    let mut res = next.call(req).await?;
    if let Some(id) = id
        && let Ok(value) = HeaderValue::from_str(&id.to_string())
    {
        res.headers_mut().insert(X_REQUEST_ID.clone(), value);
    }
    Ok(res)
}
