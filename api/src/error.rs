//! One error type for the whole API, answered as RFC 9457 `application/problem+json`.
//! Handlers return `Result<_, ApiError>`; database, validation and body errors convert into it.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem document: what went wrong, in words a person can act on.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URN naming the kind of problem, e.g. `urn:portico:problem:validation-failed`.
    #[serde(rename = "type")]
    #[schema(example = "urn:portico:problem:validation-failed")]
    pub type_: String,
    /// Short summary of the kind of problem.
    #[schema(example = "Validation failed")]
    pub title: String,
    /// The HTTP status code.
    #[schema(example = 422)]
    pub status: u16,
    /// What happened in this request and how to fix it.
    #[schema(
        example = "Please correct 2 fields: name (must be 1 to 200 characters); email (must be a valid email address)."
    )]
    pub detail: String,
    /// For validation problems: each invalid field and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FieldError {
    /// The field's name as sent, dotted for nested fields.
    #[schema(example = "email")]
    pub field: String,
    /// What is wrong with it.
    #[schema(example = "must be a valid email address")]
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError { field: field.into(), message: message.into() }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    MalformedJson(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    MethodNotAllowed(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    /// The body stopped arriving (a client that stalls holds a connection and a worker).
    #[error("{0}")]
    RequestTimeout(String),
    /// The request's headers are larger than we read.
    #[error("{0}")]
    HeadersTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("invalid fields: {0:?}")]
    Validation(Vec<FieldError>),
    /// A well-formed body names an object (a client, a staff member…) the caller has not
    /// got. 404, as the object's own address would answer, not 422: the request is one the
    /// spec allows, so a client generated from it could not have known better.
    #[error("unknown references: {0:?}")]
    MissingReference(Vec<FieldError>),
    #[error("{detail}")]
    RateLimited { detail: String, retry_after_secs: u64 },
    /// The database is momentarily unable to answer (pool exhausted, SQLite locked).
    #[error("{0}")]
    Unavailable(String),
    /// A service we depend on (a payment provider) failed or did not answer in time.
    #[error("{0}")]
    BadGateway(String),
    /// A bug or an outage. The message goes to the log, never to the caller.
    #[error("{0}")]
    Internal(String),
}

/// Each field with its problem, as a sentence lists them: `name (must be …); email (…)`.
fn listed(errors: &[FieldError]) -> String {
    errors.iter().map(|e| format!("{} ({})", e.field, e.message)).collect::<Vec<_>>().join("; ")
}

impl ApiError {
    pub fn validation(field: &str, message: &str) -> ApiError {
        ApiError::Validation(vec![FieldError::new(field, message)])
    }

    /// The field names an object that is not there, or not the caller's.
    pub fn reference(field: &str, message: &str) -> ApiError {
        ApiError::MissingReference(vec![FieldError::new(field, message)])
    }

    fn code_and_title(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::BadRequest(_) => ("bad-request", "Bad request"),
            ApiError::MalformedJson(_) => ("malformed-json", "Malformed JSON"),
            ApiError::Unauthorized(_) => ("unauthorized", "Unauthorized"),
            ApiError::Forbidden(_) => ("forbidden", "Forbidden"),
            ApiError::NotFound(_) => ("not-found", "Not found"),
            ApiError::MethodNotAllowed(_) => ("method-not-allowed", "Method not allowed"),
            ApiError::Conflict(_) => ("conflict", "Conflict"),
            ApiError::PayloadTooLarge(_) => ("payload-too-large", "Payload too large"),
            ApiError::RequestTimeout(_) => ("request-timeout", "Request timeout"),
            ApiError::HeadersTooLarge(_) => ("headers-too-large", "Request header fields too large"),
            ApiError::UnsupportedMediaType(_) => ("unsupported-media-type", "Unsupported media type"),
            ApiError::Validation(_) => ("validation-failed", "Validation failed"),
            ApiError::MissingReference(_) => ("reference-not-found", "Not found"),
            ApiError::RateLimited { .. } => ("rate-limited", "Too many requests"),
            ApiError::Unavailable(_) => ("unavailable", "Service unavailable"),
            ApiError::BadGateway(_) => ("bad-gateway", "Bad gateway"),
            ApiError::Internal(_) => ("internal", "Internal server error"),
        }
    }

    pub fn to_problem(&self) -> Problem {
        let (code, title) = self.code_and_title();
        let (detail, errors) = match self {
            ApiError::Validation(errors) => {
                let detail = match errors.as_slice() {
                    [one] => format!("Please correct {}: it {}.", one.field, one.message),
                    many => format!("Please correct {} fields: {}.", many.len(), listed(many)),
                };
                (detail, errors.clone())
            }
            ApiError::MissingReference(errors) => {
                let detail = match errors.as_slice() {
                    [one] => format!("The field '{}' names nothing of yours: it {}.", one.field, one.message),
                    many => format!("{} fields name nothing of yours: {}.", many.len(), listed(many)),
                };
                (detail, errors.clone())
            }
            ApiError::Internal(_) => (
                "Something went wrong on our side. It has been logged; quote the X-Request-Id header if you report it."
                    .to_string(),
                Vec::new(),
            ),
            ApiError::Unavailable(_) => ("The service is busy. Please retry in a moment.".to_string(), Vec::new()),
            other => (other.to_string(), Vec::new()),
        };
        Problem {
            type_: format!("urn:portico:problem:{code}"),
            title: title.to_string(),
            status: self.status_code().as_u16(),
            detail,
            errors,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::MalformedJson(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) | ApiError::MissingReference(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RequestTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            ApiError::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::BadGateway(_) => StatusCode::BAD_GATEWAY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        match self {
            ApiError::Internal(cause) => tracing::error!(error = %cause, "internal error"),
            ApiError::Unavailable(cause) => tracing::warn!(error = %cause, "service unavailable"),
            _ => {}
        }
        let mut res = HttpResponse::build(self.status_code());
        res.content_type(PROBLEM_JSON);
        match self {
            ApiError::Unauthorized(_) => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            ApiError::RateLimited { retry_after_secs, .. } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::Unavailable(_) => {
                res.insert_header((header::RETRY_AFTER, "1"));
            }
            _ => {}
        }
        res.json(self.to_problem())
    }
}

impl From<DieselError> for ApiError {
    fn from(err: DieselError) -> ApiError {
        match err {
            DieselError::NotFound => ApiError::NotFound("The requested resource does not exist.".into()),
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                ApiError::Conflict(format!("This would duplicate an existing record ({}).", info.message()))
            }
            DieselError::DatabaseError(_, ref info)
                if info.message().contains("database is locked") || info.message().contains("database is busy") =>
            {
                ApiError::Unavailable(err.to_string())
            }
            other => ApiError::Internal(format!("database: {other}")),
        }
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(err: actix_web::error::BlockingError) -> ApiError {
        ApiError::Internal(format!("blocking pool: {err}"))
    }
}

impl From<validator::ValidationErrors> for ApiError {
    fn from(errs: validator::ValidationErrors) -> ApiError {
        let mut out = Vec::new();
        flatten_validation("", &errs, &mut out);
        // One message per field (the first rule it broke) reads better than a pile.
        out.sort_by(|a, b| a.field.cmp(&b.field));
        out.dedup_by(|a, b| a.field == b.field);
        ApiError::Validation(out)
    }
}

fn flatten_validation(prefix: &str, errs: &validator::ValidationErrors, out: &mut Vec<FieldError>) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errs.errors() {
        let name = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let message =
                        e.message.as_ref().map(|m| m.to_string()).unwrap_or_else(|| format!("is invalid ({})", e.code));
                    out.push(FieldError::new(name.clone(), message));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten_validation(&name, inner, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    flatten_validation(&format!("{name}[{i}]"), inner, out);
                }
            }
        }
    }
}

/// Bad query strings (`?limit=abc`) → 400 naming the problem.
pub fn query_error(err: actix_web::error::QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::BadRequest(format!("The query string is invalid: {err}.")).into()
}

/// Path segments that do not parse are treated like absent resources.
pub fn path_error(_err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::NotFound("No resource matches this path.".into()).into()
}

/// Safety net for errors produced outside our handlers (actix's own 404/405, extractor
/// defaults, panics turned into 500): give them a problem+json body too.
pub fn ensure_problem_body<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .response()
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let err = match status {
        StatusCode::NOT_FOUND => ApiError::NotFound("No resource matches this path.".into()),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed(format!(
            "{} is not allowed on {}.",
            res.request().method(),
            res.request().path()
        )),
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge("The request body is too large.".into()),
        StatusCode::UNAUTHORIZED => ApiError::Unauthorized("Authentication is required.".into()),
        s if s.is_client_error() => ApiError::BadRequest(format!(
            "The request could not be processed ({}).",
            s.canonical_reason().unwrap_or("client error")
        )),
        _ => ApiError::Internal(format!("unhandled {status} response")),
    };
    let (req, mut original) = res.into_parts();
    let mut fresh = err.error_response();
    // Keep headers such as Allow or X-Request-Id set further in.
    for (name, value) in original.headers_mut().drain() {
        if let Some(name) = name
            && name != header::CONTENT_TYPE
            && name != header::CONTENT_LENGTH
        {
            fresh.headers_mut().insert(name, value);
        }
    }
    *fresh.status_mut() = status;
    fresh.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, fresh).map_into_right_body()))
}
