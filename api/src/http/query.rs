//! A query string read after the caller is known. `web::Query<T>` as a handler argument is
//! extracted beside the credential, so a query missing a required field answered 400 to
//! callers who should have met 401 or 403 first; a handler that calls this after its auth
//! extractor keeps the order every other endpoint has: who you are, then what you asked.

use actix_web::HttpRequest;
use actix_web::web;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

pub fn query<T: DeserializeOwned>(req: &HttpRequest) -> Result<T, ApiError> {
    web::Query::<T>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| ApiError::BadRequest(format!("The query string is invalid: {e}.")))
}
