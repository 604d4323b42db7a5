//! `JsonBody<T>`: the one way a handler receives a JSON body. It checks the content type,
//! enforces the size limit, names the offending field of a wrongly shaped body, and runs
//! `validator` rules, so every handler sees only well-formed, valid input.

use actix_web::dev::Payload;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use validator::Validate;

use crate::error::{ApiError, FieldError};

/// Largest JSON body accepted (1 MiB); more answers 413.
pub const MAX_JSON_BYTES: usize = 1 << 20;

pub struct JsonBody<T>(pub T);

impl<T> JsonBody<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = is_json(req);
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !json {
                return Err(ApiError::UnsupportedMediaType(
                    "Send the body as JSON with 'Content-Type: application/json'.".into(),
                ));
            }
            let bytes = bytes.await.map_err(|e| {
                if e.as_response_error().status_code().as_u16() == 413 {
                    ApiError::PayloadTooLarge(format!(
                        "The request body is larger than the {} KiB allowed.",
                        MAX_JSON_BYTES / 1024
                    ))
                } else {
                    ApiError::BadRequest(format!("The request body could not be read: {e}."))
                }
            })?;
            let value = parse::<T>(&bytes)?;
            value.validate()?;
            Ok(JsonBody(value))
        })
    }
}

/// Syntax errors are 400; well-formed JSON of the wrong shape is 422 naming the field.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::MalformedJson(
            "The request body is empty; send a JSON object.".into(),
        ));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        use serde_json::error::Category;
        match inner.classify() {
            Category::Syntax | Category::Eof | Category::Io => ApiError::MalformedJson(format!(
                "The request body is not valid JSON (line {}, column {}).",
                inner.line(),
                inner.column()
            )),
            Category::Data => shape_error(&path, &inner.to_string()),
        }
    })
}

fn shape_error(path: &str, message: &str) -> ApiError {
    // serde_json appends " at line L column C"; the field name says more to a person.
    let message = message.split(" at line ").next().unwrap_or(message);
    let named = |msg: &str| msg.split('`').nth(1).map(str::to_string);
    let join = |field: String| {
        if path == "." || path.is_empty() {
            field
        } else {
            format!("{path}.{field}")
        }
    };
    if message.starts_with("missing field") {
        if let Some(field) = named(message) {
            return ApiError::Validation(vec![FieldError::new(join(field), "is required")]);
        }
    }
    if message.starts_with("unknown field") {
        if let Some(field) = named(message) {
            return ApiError::Validation(vec![FieldError::new(field, "is not a known field")]);
        }
    }
    let field = if path == "." || path.is_empty() {
        "body".to_string()
    } else {
        path.to_string()
    };
    ApiError::Validation(vec![FieldError::new(field, message)])
}
