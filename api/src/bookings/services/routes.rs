//! Service endpoints for staff and API keys: list, create, change. Services are never
//! deleted (appointments refer to them); set `active` to false to stop bookings.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{CreateService, Service, ServiceList, ServiceListQuery, UpdateService};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::db::{new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_services).service(create_service).service(update_service);
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no service '{id}' in your tenant."))
}

/// The services the business offers, by name; active ones only unless asked.
#[utoipa::path(
    tag = "bookings",
    params(ServiceListQuery),
    responses(
        (status = 200, description = "The services", body = ServiceList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:read"]), ("staff_session" = ["tenant:read"])),
)]
#[get("/services")]
pub async fn list_services(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ServiceListQuery>,
) -> Result<web::Json<ServiceList>, ApiError> {
    caller.require(Scope::TenantRead)?;
    let all = query.include_inactive.unwrap_or(false);
    let rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id, all)?)).await?;
    Ok(web::Json(ServiceList { items: rows.into_iter().map(Service::from).collect() }))
}

/// Add a service, priced in the tenant's currency.
#[utoipa::path(
    tag = "bookings",
    request_body = CreateService,
    responses(
        (status = 201, description = "The service, created", body = Service,
            headers(("Location" = String, description = "URL of the new service"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[post("/services")]
pub async fn create_service(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateService>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let body = body.into_inner();
    let row = state
        .db
        .write(move |conn| {
            let tenant = tenant_store::get(conn, &caller.tenant_id)?;
            let row = body.into_row(&tenant.id, &tenant.currency, new_id(), now());
            store::insert(conn, &row)?;
            let subject = Subject { kind: "service", id: &row.id, client_id: None };
            events::record(conn, &caller.tenant_id, &caller.actor, "created", subject, json!({}))?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/services/{}", row.id)))
        .json(Service::from(row)))
}

/// Change a service. Existing appointments keep their times; a new duration applies to
/// bookings and moves made from now on.
#[utoipa::path(
    tag = "bookings",
    params(("id" = String, Path, description = "The service's id")),
    request_body = UpdateService,
    responses(
        (status = 200, description = "The service as changed", body = Service),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[patch("/services/{id}")]
pub async fn update_service(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateService>,
) -> Result<web::Json<Service>, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let fields = update.fields();
    let changes = update.into_changes(now());
    let row = state
        .db
        .write(move |conn| {
            let row = store::update(conn, &caller.tenant_id, &id, &changes)?.ok_or_else(|| not_found(&id))?;
            let subject = Subject { kind: "service", id: &row.id, client_id: None };
            events::record(conn, &caller.tenant_id, &caller.actor, "updated", subject, json!({ "fields": fields }))?;
            Ok(row)
        })
        .await?;
    Ok(web::Json(row.into()))
}
