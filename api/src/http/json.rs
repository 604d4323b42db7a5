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
    let Some(value) = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = is_json(req);
        let mut payload = payload.take();
        let req = req.clone();
        Box::pin(async move {
            let checked = async {
                if !json {
                    return Err(ApiError::UnsupportedMediaType(
                        "Send the body as JSON with 'Content-Type: application/json'.".into(),
                    ));
                }
                let bytes = read_limited(&mut payload).await?;
                let value = parse::<T>(&bytes)?;
                value.validate()?;
                Ok(JsonBody(value))
            }
            .await;
            if checked.is_err() {
                // Who is asking is answered first (401/403), then what is wrong with the body.
                crate::http::gate::AuthGate::decided(&req).await;
            }
            checked
        })
    }
}

/// Bodies up to this size are read to the end even when over the limit, so the client
/// (which is still sending) gets to read the 413 instead of a reset connection.
const DRAIN_BYTES: usize = 16 * MAX_JSON_BYTES;

async fn read_limited(payload: &mut Payload) -> Result<web::BytesMut, ApiError> {
    use futures_util::StreamExt;
    let mut body = web::BytesMut::new();
    let mut seen = 0usize;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            super::limits::payload_error(&e, || {
                ApiError::BadRequest(format!("The request body could not be read: {e}."))
            })
        })?;
        seen += chunk.len();
        if seen <= MAX_JSON_BYTES {
            body.extend_from_slice(&chunk);
        } else if seen > DRAIN_BYTES {
            break;
        }
    }
    if seen > MAX_JSON_BYTES {
        return Err(ApiError::PayloadTooLarge(format!(
            "The request body is larger than the {} KiB allowed.",
            MAX_JSON_BYTES / 1024
        )));
    }
    Ok(body)
}

/// Syntax errors are 400; well-formed JSON of the wrong shape is 422 naming the field.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::MalformedJson("The request body is empty; send a JSON object.".into()));
    }
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::MalformedJson(format!(
            "The request body is not valid JSON (line {}, column {}).",
            e.line(),
            e.column()
        ))
    })?;
    // serde would read an array into a struct field by field (`[null, null]` as a PATCH):
    // every body of this API is an object, and the spec says so.
    if !value.is_object() {
        return Err(ApiError::Validation(vec![FieldError::new("body", "must be a JSON object")]));
    }
    if let Some(path) = find_nul(&value, String::new()) {
        // PostgreSQL cannot store U+0000 in text; no person types it either.
        return Err(ApiError::Validation(vec![FieldError::new(path, "must not contain NUL characters")]));
    }
    whole_numbers_as_integers(&mut value);
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        shape_error(&path, &err.into_inner().to_string())
    })
}

/// JSON has one number type: `445.0` is the integer 445 to JSON Schema (and to the spec's
/// `integer` fields), but serde refuses a float where it reads an integer. Whole numbers
/// written with a fraction become integers before serde sees them.
fn whole_numbers_as_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f >= i64::MIN as f64
                && f < i64::MAX as f64
            {
                *value = Value::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        Value::Object(map) => map.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
    }
}

/// The path of the first string (or key) holding U+0000.
fn find_nul(value: &serde_json::Value, path: String) -> Option<String> {
    use serde_json::Value;
    let name = |path: &str| {
        if path.is_empty() { "body".to_string() } else { path.to_string() }
    };
    match value {
        Value::String(s) if s.contains('\0') => Some(name(&path)),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| find_nul(v, format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let child = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
            if k.contains('\0') { Some(name(&path)) } else { find_nul(v, child) }
        }),
        _ => None,
    }
}

fn shape_error(path: &str, message: &str) -> ApiError {
    // serde_json appends " at line L column C"; the field name says more to a person.
    let message = message.split(" at line ").next().unwrap_or(message);
    let named = |msg: &str| msg.split('`').nth(1).map(str::to_string);
    let join = |field: String| {
        if path == "." || path.is_empty() { field } else { format!("{path}.{field}") }
    };
    if message.starts_with("missing field")
        && let Some(field) = named(message)
    {
        return ApiError::Validation(vec![FieldError::new(join(field), "is required")]);
    }
    if message.starts_with("unknown field")
        && let Some(field) = named(message)
    {
        return ApiError::Validation(vec![FieldError::new(field, "is not a known field")]);
    }
    let field = if path == "." || path.is_empty() { "body".to_string() } else { path.to_string() };
    ApiError::Validation(vec![FieldError::new(field, message)])
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use validator::Validate;

    #[derive(Debug, Deserialize, Validate)]
    struct Minutes {
        duration_minutes: i32,
        rate: f64,
    }

    #[test]
    fn a_whole_number_with_a_fraction_is_an_integer() {
        // JSON Schema's `integer` takes 445.0; so must the body reader.
        let m: Minutes = super::parse(br#"{"duration_minutes": 445.0, "rate": 2}"#).unwrap();
        assert_eq!((m.duration_minutes, m.rate), (445, 2.0));
        assert!(super::parse::<Minutes>(br#"{"duration_minutes": 445.5, "rate": 1}"#).is_err());
    }
}
