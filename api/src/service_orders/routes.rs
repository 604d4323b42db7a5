//! Service order endpoints for staff and API keys: list, create, read, edit, and move an
//! order through its statuses.
//!
//! Status changes are an action (`POST …/status`), not a field edit, so each one can check
//! the transition, append to the history and the activity log, and email the client in the
//! same transaction.

use super::actions::{change_status, create_in, not_found, number_in};
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    ChangeServiceOrderStatus, CreateServiceOrder, ServiceOrder, ServiceOrderListQuery, ServiceOrderPage,
    ServiceOrderStatus, UpdateServiceOrder, line_rows, reference,
};
use super::store::{self, ListFilter};
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_service_orders)
        .service(create_service_order)
        .service(get_service_order)
        .service(update_service_order)
        .service(change_service_order_status);
}

/// List service orders, newest first, keyset-paginated.
#[utoipa::path(
    tag = "service-orders",
    params(ServiceOrderListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of service orders", body = ServiceOrderPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/service-orders")]
pub async fn list_service_orders(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ServiceOrderListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ServiceOrderPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses: Vec<&str> = ServiceOrderStatus::filter("status", query.status.as_deref())?
        .map(ServiceOrderStatus::as_str)
        .into_iter()
        .collect();
    if query.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        return Err(ApiError::BadRequest("'q' must be at most 200 characters.".into()));
    }
    let number = query.q.as_deref().and_then(number_in);
    let filter = ListFilter { statuses, client_id: query.client_id, q: query.q, number, before_id, limit: limit + 1 };
    let mut rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id, &filter)?)).await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| vec![&last.order.id]);
    Ok(web::Json(ServiceOrderPage { items: rows.into_iter().map(ServiceOrder::from).collect(), next_cursor }))
}

/// Take in a service order for a client. It starts as `received`, numbered from the
/// tenant's sequence (`SO-0001`, `SO-0002`, …), priced in the tenant's currency.
#[utoipa::path(
    tag = "service-orders",
    request_body = CreateServiceOrder,
    responses(
        (status = 201, description = "The order, created", body = ServiceOrder,
            headers(("Location" = String, description = "URL of the new order"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the client is unknown or archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/service-orders")]
pub async fn create_service_order(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateServiceOrder>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let new = body.into_inner();
    let parts = state.db.write(move |conn| create_in(conn, &caller.tenant_id, &caller.actor, new)).await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/service-orders/{}", parts.order.id)))
        .json(ServiceOrder::from(parts)))
}

/// One service order, with its lines and history.
#[utoipa::path(
    tag = "service-orders",
    params(("id" = String, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The order", body = ServiceOrder),
        (status = 404, description = "No such order in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/service-orders/{id}")]
pub async fn get_service_order(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<ServiceOrder>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let wanted = id.clone();
    let parts = state.db.read(move |conn| Ok(store::get(conn, &caller.tenant_id, None, &wanted)?)).await?;
    parts.map(|p| web::Json(p.into())).ok_or_else(|| not_found(&id))
}

/// Change an order's title, description, lines or estimated completion. Delivered and
/// cancelled orders are records and no longer change.
#[utoipa::path(
    tag = "service-orders",
    params(("id" = String, Path, description = "The order's id")),
    request_body = UpdateServiceOrder,
    responses(
        (status = 200, description = "The order as changed", body = ServiceOrder),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order is delivered or cancelled", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/service-orders/{id}")]
pub async fn update_service_order(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateServiceOrder>,
) -> Result<web::Json<ServiceOrder>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let fields = update.fields();
    let (changes, lines) = update.into_changes(now());
    let parts = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let current = store::get(conn, tenant_id, None, &id)?.ok_or_else(|| not_found(&id))?;
            let status = ServiceOrderStatus::stored_or(&current.order.status, ServiceOrderStatus::Received);
            if status.is_final() {
                return Err(ApiError::Conflict(format!(
                    "Order {} is {}; delivered and cancelled orders can no longer be changed.",
                    reference(current.order.number),
                    status.as_str()
                )));
            }
            store::update(conn, tenant_id, &id, &changes)?;
            if let Some(lines) = lines {
                store::replace_lines(conn, tenant_id, &id, &line_rows(tenant_id, &id, lines))?;
            }
            let o = &current.order;
            let subject = Subject { kind: "service_order", id: &o.id, client_id: Some(&o.client_id) };
            let data = json!({ "reference": reference(o.number), "fields": fields });
            events::record(conn, tenant_id, &caller.actor, "updated", subject, data)?;
            store::get(conn, tenant_id, None, &id)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    Ok(web::Json(parts.into()))
}

/// Move an order on: received → in_progress → ready → delivered, or cancelled before it is
/// delivered. The client gets an email and the change appears in the order's history and
/// the client's activity.
#[utoipa::path(
    tag = "service-orders",
    params(("id" = String, Path, description = "The order's id")),
    request_body = ChangeServiceOrderStatus,
    responses(
        (status = 200, description = "The order in its new status", body = ServiceOrder),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order cannot go from its current status to the one asked for", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/service-orders/{id}/status")]
pub async fn change_service_order_status(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<ChangeServiceOrderStatus>,
) -> Result<web::Json<ServiceOrder>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let change = body.into_inner();
    let config = state.config.clone();
    let parts =
        state.db.write(move |conn| change_status(conn, &config, &caller.tenant_id, &caller.actor, &id, change)).await?;
    state.outbox.wake();
    Ok(web::Json(parts.into()))
}
