//! Time log endpoints for staff and API keys (`clients:read` to look, `clients:write` to
//! log and change). A billable entry needs an hourly rate: there is no default rate, so an
//! amount is never a guess.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{CreateTimeLog, TimeLog, TimeLogChanges, TimeLogList, TimeLogRow, TimeTotals, UpdateTimeLog};
use super::store;
use crate::auth::{Actor, Caller, Scope};
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::projects::access;
use crate::staff::store as staff_store;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_time_logs).service(create_time_log).service(update_time_log).service(delete_time_log);
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no time log entry '{id}'."))
}

fn check_rate(billable: bool, rate: Option<i64>) -> Result<(), ApiError> {
    if billable && rate.is_none() {
        return Err(ApiError::validation("hourly_rate_minor", "is required for billable time"));
    }
    Ok(())
}

/// An entry with its staff member's name and the tenant's currency.
fn view(conn: &mut DbConn, tenant_id: &str, row: TimeLogRow) -> Result<TimeLog, ApiError> {
    let currency = tenant_store::get(conn, tenant_id)?.currency;
    let ids: Vec<String> = row.staff_id.iter().cloned().collect();
    let name = store::staff_names(conn, tenant_id, &ids)?.into_values().next();
    Ok(TimeLog::of(row, name, &currency))
}

/// A project's time, newest work date first, with totals: all minutes, billable minutes
/// and the billable amount (the sum of each entry's rounded amount), in your currency.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's time", body = TimeLogList),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects/{id}/time-logs")]
pub async fn list_time_logs(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<TimeLogList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let list = state
        .db
        .read(move |conn| {
            let tenant_id = &caller.tenant_id;
            access::staff_project(conn, tenant_id, &id)?;
            let currency = tenant_store::get(conn, tenant_id)?.currency;
            let rows = store::of_project(conn, tenant_id, &id, false)?;
            let ids: Vec<String> = rows.iter().filter_map(|r| r.staff_id.clone()).collect();
            let names = store::staff_names(conn, tenant_id, &ids)?;
            let totals = TimeTotals::of(&rows, &currency);
            let items = rows
                .into_iter()
                .map(|r| {
                    let name = r.staff_id.as_ref().and_then(|s| names.get(s).cloned());
                    TimeLog::of(r, name, &currency)
                })
                .collect();
            Ok(TimeLogList { items, totals })
        })
        .await?;
    Ok(web::Json(list))
}

/// Log time on a project. `staff_id` defaults to you (to nobody for an API key); a billable
/// entry needs `hourly_rate_minor`.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body = CreateTimeLog,
    responses(
        (status = 201, description = "The entry, logged", body = TimeLog),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, a billable entry has no rate, or the staff member is unknown", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects/{id}/time-logs")]
pub async fn create_time_log(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CreateTimeLog>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let new = body.into_inner();
    check_rate(new.billable, new.hourly_rate_minor)?;
    let entry = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let project = access::staff_project(conn, tenant_id, &id)?;
            let staff_id = match (new.staff_id, &caller.actor) {
                (Some(given), _) => Some(given),
                (None, Actor::Staff { id }) => Some(id.clone()),
                (None, _) => None,
            };
            staff_store::ensure_member(conn, tenant_id, staff_id.as_deref())?;
            let at = now();
            let row = TimeLogRow {
                id: new_id(),
                tenant_id: tenant_id.clone(),
                project_id: project.id,
                staff_id,
                work_date: new.work_date,
                minutes: new.minutes,
                description: new.description.trim().to_string(),
                billable: new.billable,
                hourly_rate_minor: new.hourly_rate_minor,
                created_at: at,
                updated_at: at,
            };
            store::insert(conn, &row)?;
            view(conn, tenant_id, row)
        })
        .await?;
    Ok(HttpResponse::Created().json(entry))
}

/// Change an entry. Making it billable needs a rate, given now or already there.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The entry's id")),
    request_body = UpdateTimeLog,
    responses(
        (status = 200, description = "The entry as changed", body = TimeLog),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, a billable entry has no rate, or the staff member is unknown", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/time-logs/{id}")]
pub async fn update_time_log(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateTimeLog>,
) -> Result<web::Json<TimeLog>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let entry = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let current = store::get(conn, tenant_id, &id)?.ok_or_else(|| not_found(&id))?;
            let billable = update.billable.unwrap_or(current.billable);
            let rate = update.hourly_rate_minor.unwrap_or(current.hourly_rate_minor);
            check_rate(billable, rate)?;
            if let Some(staff_id) = &update.staff_id {
                staff_store::ensure_member(conn, tenant_id, staff_id.as_deref())?;
            }
            let changes = TimeLogChanges {
                staff_id: update.staff_id,
                work_date: update.work_date,
                minutes: update.minutes,
                description: update.description.map(|d| d.trim().to_string()),
                billable: update.billable,
                hourly_rate_minor: update.hourly_rate_minor,
                updated_at: Some(now()),
            };
            store::update(conn, tenant_id, &id, &changes)?;
            let row = store::get(conn, tenant_id, &id)?.ok_or_else(|| not_found(&id))?;
            view(conn, tenant_id, row)
        })
        .await?;
    Ok(web::Json(entry))
}

/// Remove an entry.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The entry's id")),
    responses(
        (status = 204, description = "The entry is gone"),
        (status = 404, description = "No such entry in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[delete("/time-logs/{id}")]
pub async fn delete_time_log(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| match store::delete(conn, &caller.tenant_id, &id)? {
            0 => Err(not_found(&id)),
            _ => Ok(()),
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
