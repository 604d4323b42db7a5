//! Service order endpoints for staff and API keys: list, create, read, edit, and move an
//! order through its statuses.
//!
//! Status changes are an action (`POST …/status`), not a field edit, so each one can check
//! the transition, append to the history and the activity log, and email the client in the
//! same transaction.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    COUNTER, ChangeServiceOrderStatus, CreateServiceOrder, EventRow, OrderChanges, OrderParts, ServiceOrder,
    ServiceOrderListQuery, ServiceOrderPage, ServiceOrderRow, ServiceOrderStatus, UpdateServiceOrder, line_rows,
    reference, tidy,
};
use super::store::{self, ListFilter};
use crate::AppState;
use crate::activity::{self, store::Subject};
use crate::auth::{Actor, Caller, Scope};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{DbConn, counters, new_id, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::mail::templates::{self, Brand, OrderNews};
use crate::notifications::email::{self, ClientEmail};
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_service_orders)
        .service(create_service_order)
        .service(get_service_order)
        .service(update_service_order)
        .service(change_service_order_status);
}

pub(super) fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no service order '{id}'."))
}

/// `SO-0007`, `so-7` or `7` → 7, so a search by the number people quote finds the order.
fn number_in(q: &str) -> Option<i64> {
    let q = q.trim();
    let digits = q.get(..3).filter(|p| p.eq_ignore_ascii_case("so-")).map_or(q, |_| &q[3..]);
    digits.parse::<i64>().ok().filter(|n| *n > 0)
}

/// List service orders, newest first, keyset-paginated.
#[utoipa::path(
    tag = "service-orders",
    params(ServiceOrderListQuery),
    responses(
        (status = 200, description = "A page of service orders", body = ServiceOrderPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:read`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/service-orders")]
pub async fn list_service_orders(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ServiceOrderListQuery>,
) -> Result<web::Json<ServiceOrderPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let query = query.into_inner();
    let page = PageQuery { limit: query.limit.clone(), cursor: query.cursor.clone() };
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses = match query.status.as_deref() {
        None | Some("") => vec![],
        Some(s) => match ServiceOrderStatus::parse(s) {
            Some(status) => vec![status.as_str()],
            None => {
                return Err(ApiError::BadRequest(format!(
                    "'status' must be received, in_progress, ready, delivered or cancelled, not '{s}'."
                )));
            }
        },
    };
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
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:write`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the client is unknown or archived", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
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

/// Creates an order, its lines, its first history entry and its activity entry. Runs
/// inside the caller's transaction, which also holds the counter's bump.
pub fn create_in(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    new: CreateServiceOrder,
) -> Result<OrderParts, ApiError> {
    let client = client_store::get(conn, tenant_id, &new.client_id)?
        .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
    if client.status == ClientStatus::Archived.as_str() {
        return Err(ApiError::Conflict("The client named in 'client_id' is archived; restore them first.".into()));
    }
    let tenant = tenant_store::get(conn, tenant_id)?;
    let number = counters::next(conn, tenant_id, COUNTER)?;
    let at = now();
    let row = ServiceOrderRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        client_id: client.id.clone(),
        number,
        title: new.title.trim().to_string(),
        description: tidy(new.description),
        currency: tenant.currency,
        estimated_completion: new.estimated_completion,
        status: ServiceOrderStatus::Received.as_str().to_string(),
        status_changed_at: at,
        created_at: at,
        updated_at: at,
    };
    store::insert(conn, &row)?;
    store::replace_lines(conn, tenant_id, &row.id, &line_rows(tenant_id, &row.id, new.lines))?;
    store::insert_event(conn, &EventRow::of(&row, ServiceOrderStatus::Received, None, at))?;
    let subject = Subject { kind: "service_order", id: &row.id, client_id: Some(&row.client_id) };
    let data = json!({ "number": number, "reference": reference(number), "title": row.title });
    activity::record(conn, tenant_id, actor, "created", subject, data)?;
    store::get(conn, tenant_id, None, &row.id)?.ok_or_else(|| not_found(&row.id))
}

/// One service order, with its lines and history.
#[utoipa::path(
    tag = "service-orders",
    params(("id" = String, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The order", body = ServiceOrder),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:read`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
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
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order is delivered or cancelled", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
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
            let status = ServiceOrderStatus::parse(&current.order.status).unwrap_or(ServiceOrderStatus::Received);
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
            activity::record(conn, tenant_id, &caller.actor, "updated", subject, data)?;
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
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order cannot go from its current status to the one asked for", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
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

/// Checks the transition, then writes the status, its history entry, its activity entry
/// and the client's email, all in the caller's transaction.
pub fn change_status(
    conn: &mut DbConn,
    config: &Config,
    tenant_id: &str,
    actor: &Actor,
    id: &str,
    change: ChangeServiceOrderStatus,
) -> Result<OrderParts, ApiError> {
    let current = store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))?;
    let order = &current.order;
    let from = ServiceOrderStatus::parse(&order.status).unwrap_or(ServiceOrderStatus::Received);
    let to = change.status;
    if !from.can_become(to) {
        return Err(ApiError::Conflict(format!(
            "Order {} is {} and cannot be moved to {}: an order goes received → in_progress → ready → delivered, \
             and can be cancelled until it is delivered.",
            reference(order.number),
            from.as_str(),
            to.as_str()
        )));
    }
    let at = now();
    let changes = OrderChanges {
        title: None,
        description: None,
        estimated_completion: None,
        status: Some(to.as_str().to_string()),
        status_changed_at: Some(at),
        updated_at: at,
    };
    store::update(conn, tenant_id, id, &changes)?;
    let note = tidy(change.note);
    store::insert_event(conn, &EventRow::of(order, to, note.clone(), at))?;
    let subject = Subject { kind: "service_order", id, client_id: Some(&order.client_id) };
    let data = json!({
        "reference": reference(order.number),
        "title": order.title,
        "from": from.as_str(),
        "to": to.as_str(),
        "note": note,
    });
    activity::record(conn, tenant_id, actor, "status_changed", subject, data)?;
    let client = client_store::get(conn, tenant_id, &order.client_id)?;
    // An archived client has left: the order still moves, but nobody is emailed.
    if let Some(client) = client.filter(|c| c.status != ClientStatus::Archived.as_str()) {
        let tenant = tenant_store::get(conn, tenant_id)?;
        let link = config.public(&format!("/portal/{}/orders/{}", tenant.slug, order.id));
        let reference = reference(order.number);
        let news = OrderNews {
            reference: &reference,
            title: &order.title,
            phrase: to.phrase(),
            note: note.as_deref(),
            link: &link,
        };
        let mail = templates::order_status(&Brand::of(&tenant), &client.email, &client.name, &news);
        email::send(conn, config, &tenant, &client, ClientEmail::Notice, mail)?;
    }
    store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))
}
