//! Webhook endpoints for owners, admins and API keys with the `webhooks` scope (members get
//! 403): register endpoints (the signing secret is shown once), read each one's delivery log,
//! resend, send a test event, rotate the secret.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::deliver::secret_context;
use super::emit::{self, new_message_id};
use super::events::{EVENT_TYPES, TEST_EVENT};
use super::model::{
    CreateWebhookEndpoint, EndpointRow, MAX_ENDPOINTS, MessageRow, QueuedWebhook, UpdateWebhookEndpoint,
    WebhookDelivery, WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointList, WebhookEndpointWithSecret,
    WebhookEventTypeList,
};
use super::{address, signing, store};
use crate::activity::store::{self as activity_store, Subject};
use crate::auth::{Caller, Scope};
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::rules::tidy;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_webhook_event_types)
        .service(list_webhook_endpoints)
        .service(create_webhook_endpoint)
        .service(get_webhook_endpoint)
        .service(update_webhook_endpoint)
        .service(delete_webhook_endpoint)
        .service(rotate_webhook_secret)
        .service(send_webhook_test)
        .service(list_webhook_deliveries)
        .service(resend_webhook_delivery);
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no webhook endpoint '{id}'."))
}

fn endpoint(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<EndpointRow, ApiError> {
    store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))
}

/// The URL as given, once it passed the SSRF rules (422 naming `url` otherwise).
async fn checked_url(state: &AppState, raw: &str) -> Result<String, ApiError> {
    let allow = state.config.webhooks_allow_private;
    let url = address::check_url(raw, allow).map_err(|why| ApiError::validation("url", &why))?;
    address::resolve(&url, allow).await.map_err(|why| ApiError::validation("url", &why))?;
    Ok(url.to_string())
}

/// Event types without repeats, in the catalogue's order, space-separated.
fn event_column(events: &[String]) -> String {
    EVENT_TYPES.iter().filter(|e| events.iter().any(|x| x == e.name)).map(|e| e.name).collect::<Vec<_>>().join(" ")
}

fn record(
    conn: &mut DbConn,
    caller: &Caller,
    row: &EndpointRow,
    verb: &str,
    extra: serde_json::Value,
) -> Result<(), ApiError> {
    let mut data = json!({ "url": row.url });
    if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
        data.extend(extra.clone());
    }
    let subject = Subject { kind: "webhook_endpoint", id: &row.id, client_id: None };
    activity_store::insert(conn, &row.tenant_id, &caller.actor, verb, subject, data)?;
    Ok(())
}

fn refuse_disabled(row: &EndpointRow) -> Result<(), ApiError> {
    if row.enabled {
        Ok(())
    } else {
        Err(ApiError::Conflict(format!("The endpoint {} is disabled; enable it first.", row.url)))
    }
}

/// Every event type an endpoint can subscribe to, with when it is sent. Each is delivered
/// as a Standard Webhooks request: the body is `{"type", "timestamp", "data"}` (see the
/// `WebhookPayload` schema) and the `webhook-id`, `webhook-timestamp` and
/// `webhook-signature` headers sign it.
#[utoipa::path(
    tag = "webhooks",
    responses(
        (status = 200, description = "The event types", body = WebhookEventTypeList),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[get("/webhooks/event-types")]
pub async fn list_webhook_event_types(caller: Caller) -> Result<web::Json<WebhookEventTypeList>, ApiError> {
    caller.require(Scope::Webhooks)?;
    Ok(web::Json(WebhookEventTypeList { items: EVENT_TYPES.to_vec() }))
}

/// The tenant's webhook endpoints, oldest first, with their status.
#[utoipa::path(
    tag = "webhooks",
    responses(
        (status = 200, description = "The endpoints", body = WebhookEndpointList),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[get("/webhooks/endpoints")]
pub async fn list_webhook_endpoints(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<WebhookEndpointList>, ApiError> {
    caller.require(Scope::Webhooks)?;
    let rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id)?)).await?;
    Ok(web::Json(WebhookEndpointList { items: rows.into_iter().map(WebhookEndpoint::from).collect() }))
}

/// Register an endpoint. The answer holds its signing secret, shown this once. The URL must
/// be `https://` on a public address: loopback, private, link-local and other special
/// addresses are refused (unless the server runs with `PORTICO_WEBHOOKS_ALLOW_PRIVATE`).
#[utoipa::path(
    tag = "webhooks",
    request_body = CreateWebhookEndpoint,
    responses(
        (status = 201, description = "The endpoint, with its signing secret", body = WebhookEndpointWithSecret,
            headers(("Location" = String, description = "URL of the new endpoint"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The business already has the most endpoints allowed (20)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid: an unknown event type, a URL that is not https or not public", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[post("/webhooks/endpoints")]
pub async fn create_webhook_endpoint(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateWebhookEndpoint>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::Webhooks)?;
    let new = body.into_inner();
    let url = checked_url(&state, &new.url).await?;
    let secret = signing::new_secret();
    let at = now();
    let id = new_id();
    let row = EndpointRow {
        secret: state.keys.vault.seal(&secret_context(&caller.tenant_id, &id), &secret),
        id,
        tenant_id: caller.tenant_id.clone(),
        url,
        description: tidy(new.description),
        events: event_column(&new.events),
        enabled: new.enabled.unwrap_or(true),
        failing_since: None,
        last_success_at: None,
        last_failure_at: None,
        created_at: at,
        updated_at: at,
    };
    let row = state
        .db
        .write(move |conn| {
            if store::count(conn, &caller.tenant_id)? >= MAX_ENDPOINTS {
                return Err(ApiError::Conflict(format!(
                    "You already have {MAX_ENDPOINTS} webhook endpoints, the most one business may have; delete one first."
                )));
            }
            store::insert(conn, &row)?;
            record(conn, &caller, &row, "created", json!({ "events": row.event_list() }))?;
            Ok(row)
        })
        .await?;
    let location = format!("/api/v1/webhooks/endpoints/{}", row.id);
    let body = WebhookEndpointWithSecret { endpoint: row.into(), secret };
    Ok(HttpResponse::Created().insert_header((LOCATION, location)).json(body))
}

/// One endpoint, without its secret.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses(
        (status = 200, description = "The endpoint", body = WebhookEndpoint),
        (status = 404, description = "No such endpoint in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[get("/webhooks/endpoints/{id}")]
pub async fn get_webhook_endpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<WebhookEndpoint>, ApiError> {
    caller.require(Scope::Webhooks)?;
    let id = id.into_inner();
    let row = state.db.read(move |conn| endpoint(conn, &caller.tenant_id, &id)).await?;
    Ok(web::Json(row.into()))
}

/// Change an endpoint's URL, description, events, or turn it on or off. Turning it off
/// stops deliveries, pending retries included; turning it on again clears `failing`.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    request_body = UpdateWebhookEndpoint,
    responses(
        (status = 200, description = "The endpoint as changed", body = WebhookEndpoint),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[patch("/webhooks/endpoints/{id}")]
pub async fn update_webhook_endpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateWebhookEndpoint>,
) -> Result<web::Json<WebhookEndpoint>, ApiError> {
    caller.require(Scope::Webhooks)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let url = match &update.url {
        Some(raw) => Some(checked_url(&state, raw).await?),
        None => None,
    };
    let row = state
        .db
        .write(move |conn| {
            let mut row = endpoint(conn, &caller.tenant_id, &id)?;
            let fields = update.fields();
            if let Some(url) = url {
                row.url = url;
            }
            if let Some(description) = update.description {
                row.description = tidy(description);
            }
            if let Some(events) = &update.events {
                row.events = event_column(events);
            }
            if let Some(enabled) = update.enabled {
                if enabled && !row.enabled {
                    row.failing_since = None;
                }
                row.enabled = enabled;
            }
            row.updated_at = now();
            store::save(conn, &row)?;
            record(conn, &caller, &row, "updated", json!({ "fields": fields }))?;
            Ok(row)
        })
        .await?;
    Ok(web::Json(row.into()))
}

/// Delete an endpoint, its delivery log and whatever was still to be sent to it.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such endpoint in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[delete("/webhooks/endpoints/{id}")]
pub async fn delete_webhook_endpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::Webhooks)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| {
            let row = endpoint(conn, &caller.tenant_id, &id)?;
            store::delete(conn, &caller.tenant_id, &id)?;
            record(conn, &caller, &row, "deleted", json!({}))
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Replace the signing secret at once; the answer holds the new one, shown this once.
/// Requests from now on, retries included, are signed with it.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses(
        (status = 200, description = "The endpoint, with its new signing secret", body = WebhookEndpointWithSecret),
        (status = 404, description = "No such endpoint in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[post("/webhooks/endpoints/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<WebhookEndpointWithSecret>, ApiError> {
    caller.require(Scope::Webhooks)?;
    let id = id.into_inner();
    let secret = signing::new_secret();
    let sealed = state.keys.vault.seal(&secret_context(&caller.tenant_id, &id), &secret);
    let row = state
        .db
        .write(move |conn| {
            let mut row = endpoint(conn, &caller.tenant_id, &id)?;
            row.secret = sealed;
            row.updated_at = now();
            store::save(conn, &row)?;
            record(conn, &caller, &row, "secret_rotated", json!({}))?;
            Ok(row)
        })
        .await?;
    Ok(web::Json(WebhookEndpointWithSecret { endpoint: row.into(), secret }))
}

/// Send a `webhook.test` event to the endpoint now, whatever it subscribes to. The attempt
/// appears in its delivery log within seconds.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id")),
    responses(
        (status = 202, description = "Queued for delivery", body = QueuedWebhook),
        (status = 404, description = "No such endpoint in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[post("/webhooks/endpoints/{id}/test")]
pub async fn send_webhook_test(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::Webhooks)?;
    let id = id.into_inner();
    let queued = state
        .db
        .write(move |conn| {
            let row = endpoint(conn, &caller.tenant_id, &id)?;
            refuse_disabled(&row)?;
            let at = now();
            let message = MessageRow {
                id: new_message_id(),
                tenant_id: row.tenant_id.clone(),
                event_type: TEST_EVENT.to_string(),
                body: emit::test_body(&row.id, at, &caller.actor),
                created_at: at,
            };
            store::insert_message(conn, &message)?;
            emit::enqueue(conn, &row.tenant_id, &row.id, &message.id)?;
            Ok(QueuedWebhook { message_id: message.id, event_type: message.event_type, endpoint_id: row.id })
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Accepted().json(queued))
}

/// The endpoint's delivery attempts, newest first: status code, duration, error, attempt.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id"), PageQuery),
    responses(
        (status = 200, description = "A page of attempts", body = WebhookDeliveryPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[get("/webhooks/endpoints/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<WebhookDeliveryPage>, ApiError> {
    caller.require(Scope::Webhooks)?;
    let id = id.into_inner();
    let limit = page.limit()?;
    let before = page.after_id()?;
    let mut rows = state
        .db
        .read(move |conn| {
            endpoint(conn, &caller.tenant_id, &id)?;
            Ok(store::deliveries(conn, &caller.tenant_id, &id, before.as_deref(), limit + 1)?)
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |r| vec![&r.id]);
    Ok(web::Json(WebhookDeliveryPage { items: rows.into_iter().map(WebhookDelivery::from).collect(), next_cursor }))
}

/// Send the message of a logged attempt again: same `webhook-id` and body (receivers
/// deduplicate on the id), a fresh timestamp and signature, its own retries.
#[utoipa::path(
    tag = "webhooks",
    params(
        ("id" = String, Path, description = "The endpoint's id"),
        ("delivery_id" = String, Path, description = "The attempt's id, from the delivery log"),
    ),
    responses(
        (status = 202, description = "Queued for delivery", body = QueuedWebhook),
        (status = 404, description = "No such endpoint in your tenant, or no such attempt of it", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["webhooks"]), ("staff_session" = ["webhooks"])),
)]
#[post("/webhooks/endpoints/{id}/deliveries/{delivery_id}/resend")]
pub async fn resend_webhook_delivery(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::Webhooks)?;
    let (id, delivery_id) = path.into_inner();
    let queued = state
        .db
        .write(move |conn| {
            let row = endpoint(conn, &caller.tenant_id, &id)?;
            let delivery = store::delivery(conn, &caller.tenant_id, &id, &delivery_id)?.ok_or_else(|| {
                ApiError::NotFound(format!("The endpoint has no delivery '{delivery_id}' in its log."))
            })?;
            refuse_disabled(&row)?;
            emit::enqueue(conn, &row.tenant_id, &row.id, &delivery.message_id)?;
            let data = json!({ "message_id": delivery.message_id, "event_type": delivery.event_type });
            record(conn, &caller, &row, "resent", data)?;
            Ok(QueuedWebhook { message_id: delivery.message_id, event_type: delivery.event_type, endpoint_id: row.id })
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Accepted().json(queued))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_stored_once_in_catalogue_order() {
        let given = ["invoice.paid", "client.created", "invoice.paid"].map(String::from);
        assert_eq!(event_column(&given), "client.created invoice.paid");
    }
}
