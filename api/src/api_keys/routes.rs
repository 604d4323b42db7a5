//! API key endpoints: list, create (secret shown once), revoke.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{ApiKey, ApiKeyPage, CreateApiKey, CreatedApiKey};
use super::store;
use crate::activity::{self, store::Subject};
use crate::auth::{Caller, Scope, api_key};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_api_keys).service(create_api_key).service(revoke_api_key);
}

/// The tenant's API keys, newest first, revoked ones included.
#[utoipa::path(
    tag = "api-keys",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of API keys", body = ApiKeyPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["api_keys:manage"]), ("staff_session" = ["api_keys:manage"])),
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ApiKeyPage>, ApiError> {
    caller.require(Scope::ApiKeysManage)?;
    let limit = page.limit()?;
    let before = page.after_id()?;
    let mut rows =
        state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id, before.as_deref(), limit + 1)?)).await?;
    let next_cursor = next_cursor(&mut rows, limit, |r| vec![&r.id]);
    Ok(web::Json(ApiKeyPage { items: rows.into_iter().map(ApiKey::from).collect(), next_cursor }))
}

/// Create an API key. The response holds the secret: it is never shown again.
#[utoipa::path(
    tag = "api-keys",
    request_body = CreateApiKey,
    responses(
        (status = 201, description = "The key, with its secret", body = CreatedApiKey),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `api_keys:manage`, or a scope it asks to grant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateApiKey>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ApiKeysManage)?;
    let mut req = body.into_inner();
    req.scopes.sort_by_key(|s| s.as_str());
    req.scopes.dedup();
    // A key may not mint a key more powerful than itself.
    if let Some(missing) = req.scopes.iter().find(|s| !caller.has(**s)) {
        return Err(ApiError::Forbidden(format!(
            "You cannot grant '{}': the calling credential does not hold it.",
            missing.as_str()
        )));
    }
    let key = api_key::generate();
    let secret = key.plaintext.clone();
    let row = state
        .db
        .write(move |conn| {
            let row = store::insert(conn, &caller.tenant_id, &req.name, &key, &req.scopes)?;
            let subject = Subject { kind: "api_key", id: &row.id, client_id: None };
            let data = json!({ "name": row.name, "scopes": row.scopes });
            activity::store::insert(conn, &caller.tenant_id, &caller.actor, "created", subject, data)?;
            Ok(row)
        })
        .await?;
    let location = format!("/api/v1/api-keys/{}", row.id);
    Ok(HttpResponse::Created().insert_header((LOCATION, location)).json(CreatedApiKey { key: row.into(), secret }))
}

/// Revoke an API key at once. Revoking is final; revoking again changes nothing.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = String, Path, description = "The key's id")),
    responses(
        (status = 200, description = "The key, revoked", body = ApiKey),
        (status = 404, description = "No such key in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["api_keys:manage"]), ("staff_session" = ["api_keys:manage"])),
)]
#[post("/api-keys/{id}/revoke")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<ApiKey>, ApiError> {
    caller.require(Scope::ApiKeysManage)?;
    let id = id.into_inner();
    let row = state
        .db
        .write(move |conn| {
            let revoked = store::revoke(conn, &caller.tenant_id, &id, now())?;
            let row = store::get(conn, &caller.tenant_id, &id)?
                .ok_or_else(|| ApiError::NotFound(format!("There is no API key '{id}' in your tenant.")))?;
            if revoked > 0 {
                let subject = Subject { kind: "api_key", id: &row.id, client_id: None };
                activity::store::insert(
                    conn,
                    &caller.tenant_id,
                    &caller.actor,
                    "revoked",
                    subject,
                    json!({ "name": row.name }),
                )?;
            }
            Ok(row)
        })
        .await?;
    Ok(web::Json(row.into()))
}
