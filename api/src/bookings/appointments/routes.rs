//! Appointment endpoints for staff and API keys: list with filters, book, read, change,
//! and move through the statuses.
//!
//! Overlap rule: a pending or confirmed appointment holds its time. One staff member
//! cannot hold two overlapping appointments, and at no moment may more appointments be
//! live than the tenant has staff members (so an unassigned booking needs someone free).
//! Staff may book outside opening hours; only the portal is held to them.

use super::actions::{
    after, bookable_service, cut_page, ensure_free, instant, known_staff, not_found, reload, subject, taken, transition,
};
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use chrono::TimeDelta;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    Appointment, AppointmentListQuery, AppointmentPage, AppointmentRow, AppointmentStatus, ChangeStatus,
    CreateAppointment, UpdateAppointment,
};
use super::store::{self, ListFilter};
use crate::auth::{Caller, Scope};
use crate::bookings::availability::{SlotList, SlotQuery, slot_list};
use crate::bookings::booking::{self, model::NewSlotQuery};
use crate::bookings::notices::{self, Told};
use crate::bookings::reminders;
use crate::bookings::services::store as service_store;
use crate::bookings::settings::store as settings_store;
use crate::bookings::tidy;
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::db::utc;
use crate::db::{new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::PageQuery;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_appointments)
        .service(create_appointment)
        .service(get_appointment)
        .service(update_appointment)
        .service(change_appointment_status)
        .service(list_appointment_slots)
        .service(list_availability);
}

/// Appointments by start time, filtered, keyset-paginated.
#[utoipa::path(
    tag = "bookings",
    params(AppointmentListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of appointments", body = AppointmentPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/appointments")]
pub async fn list_appointments(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AppointmentListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<AppointmentPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let q = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let status = match q.status.as_deref() {
        None => None,
        Some(s) => Some(AppointmentStatus::parse(s).map(AppointmentStatus::as_str).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "'status' must be pending, confirmed, cancelled, completed or no_show, not '{s}'."
            ))
        })?),
    };
    let filter = ListFilter {
        client_id: q.client_id,
        staff_id: q.staff_id,
        status,
        from: instant("from", q.from.as_deref())?,
        to: instant("to", q.to.as_deref())?,
        upcoming: None,
        descending: false,
        after: after(&page)?,
        limit: limit + 1,
    };
    let mut rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id, &filter)?)).await?;
    let next_cursor = cut_page(&mut rows, limit);
    Ok(web::Json(AppointmentPage { items: rows.into_iter().map(Appointment::from).collect(), next_cursor }))
}

/// Book an appointment for a client. 409 when the time is taken.
#[utoipa::path(
    tag = "bookings",
    request_body = CreateAppointment,
    responses(
        (status = 201, description = "The appointment, booked", body = Appointment,
            headers(("Location" = String, description = "URL of the new appointment"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The time overlaps another appointment", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or name no client, service or staff member of yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/appointments")]
pub async fn create_appointment(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateAppointment>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let body = body.into_inner();
    let config = state.config.clone();
    let named = state
        .db
        .write(move |conn| {
            let tenant_id = caller.tenant_id.clone();
            // Every field's trouble at once: objects not there (404), then the rest (422).
            let (mut missing, mut bad) = (Vec::new(), Vec::new());
            let mut sort = |result: Result<(), ApiError>| match result {
                Ok(()) => Ok(()),
                Err(ApiError::MissingReference(mut e)) => {
                    missing.append(&mut e);
                    Ok(())
                }
                Err(ApiError::Validation(mut e)) => {
                    bad.append(&mut e);
                    Ok(())
                }
                Err(e) => Err(e),
            };
            sort(match client_store::get(conn, &tenant_id, &body.client_id)? {
                Some(c) if c.status != ClientStatus::Archived.as_str() => Ok(()),
                Some(_) => {
                    Err(ApiError::Conflict("The client named in 'client_id' is archived; restore them first.".into()))
                }
                None => Err(ApiError::reference("client_id", "is not a client of this tenant")),
            })?;
            let service = bookable_service(conn, &tenant_id, &body.service_id);
            let service = match service {
                Ok(s) => Some(s),
                Err(e) => sort(Err(e)).map(|()| None)?,
            };
            if let Some(staff_id) = &body.staff_id {
                sort(known_staff(conn, &tenant_id, staff_id))?;
            }
            if !missing.is_empty() {
                return Err(ApiError::MissingReference(missing));
            }
            let Some(service) = service.filter(|_| bad.is_empty()) else {
                return Err(ApiError::Validation(bad));
            };
            let settings = settings_store::load(conn, &tenant_id)?;
            let at = now();
            let starts = body.starts_at.naive_utc();
            let row = AppointmentRow {
                id: new_id(),
                tenant_id: tenant_id.clone(),
                client_id: body.client_id,
                service_id: service.id.clone(),
                staff_id: body.staff_id,
                starts_at: starts,
                ends_at: starts + TimeDelta::minutes(service.duration_minutes.into()),
                status: body.status.unwrap_or(AppointmentStatus::Confirmed).as_str().to_string(),
                location: tidy(body.location).or(settings.location.clone()),
                notes: tidy(body.notes),
                cancel_reason: None,
                cancelled_by: None,
                created_at: at,
                updated_at: at,
                sequence: 0,
            };
            store::lock_bookings(conn, &tenant_id)?;
            ensure_free(conn, &row)?;
            store::insert(conn, &row).map_err(taken)?;
            let data = json!({ "starts_at": utc(row.starts_at), "service_name": service.name, "status": row.status });
            events::record(conn, &tenant_id, &caller.actor, "booked", subject(&row), data)?;
            reminders::schedule(conn, &settings, &row)?;
            let named = reload(conn, &row)?;
            notices::tell_about(conn, &config, &named, Told::Booked, &caller.actor)?;
            Ok(named)
        })
        .await?;
    state.outbox.wake();
    let location = format!("/api/v1/appointments/{}", named.row.id);
    Ok(HttpResponse::Created().insert_header((LOCATION, location)).json(Appointment::from(named)))
}

/// One appointment.
#[utoipa::path(
    tag = "bookings",
    params(("id" = String, Path, description = "The appointment's id")),
    responses(
        (status = 200, description = "The appointment", body = Appointment),
        (status = 404, description = "No such appointment in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/appointments/{id}")]
pub async fn get_appointment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Appointment>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let wanted = id.clone();
    let row = state.db.read(move |conn| Ok(store::get(conn, &caller.tenant_id, None, &wanted)?)).await?;
    row.map(|r| web::Json(r.into())).ok_or_else(|| not_found(&id))
}

/// Change a pending or confirmed appointment: its service, staff member, time, location or
/// notes. 409 once it is cancelled, completed or a no-show, or when the new time is taken.
#[utoipa::path(
    tag = "bookings",
    params(("id" = String, Path, description = "The appointment's id")),
    request_body = UpdateAppointment,
    responses(
        (status = 200, description = "The appointment as changed", body = Appointment),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such appointment in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The appointment is over, or the new time is taken", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/appointments/{id}")]
pub async fn update_appointment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateAppointment>,
) -> Result<web::Json<Appointment>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let config = state.config.clone();
    let named = state
        .db
        .write(move |conn| {
            let tenant_id = caller.tenant_id.clone();
            store::lock_bookings(conn, &tenant_id)?;
            let current = store::get(conn, &tenant_id, None, &id)?.ok_or_else(|| not_found(&id))?.row;
            let status = AppointmentStatus::stored_or(&current.status, AppointmentStatus::Cancelled);
            if !status.is_live() {
                return Err(ApiError::Conflict(format!(
                    "This appointment is {}; only pending or confirmed appointments can be changed.",
                    status.as_str()
                )));
            }
            let fields = update.fields();
            let mut row = current.clone();
            let service_id = update.service_id.clone().unwrap_or_else(|| current.service_id.clone());
            let service = if update.service_id.is_some() {
                bookable_service(conn, &tenant_id, &service_id)?
            } else {
                service_store::get(conn, &tenant_id, &service_id)?.ok_or_else(|| not_found(&id))?
            };
            if let Some(Some(staff_id)) = &update.staff_id {
                known_staff(conn, &tenant_id, staff_id)?;
            }
            if let Some(staff_id) = update.staff_id {
                row.staff_id = staff_id;
            }
            if let Some(starts) = update.starts_at {
                row.starts_at = starts.naive_utc();
            }
            if update.service_id.is_some() || update.starts_at.is_some() {
                row.service_id = service.id.clone();
                row.ends_at = row.starts_at + TimeDelta::minutes(service.duration_minutes.into());
            }
            if let Some(location) = update.location {
                row.location = tidy(location);
            }
            if let Some(notes) = update.notes {
                row.notes = tidy(notes);
            }
            row.updated_at = now();
            let moved = row.starts_at != current.starts_at;
            if moved || row.ends_at != current.ends_at || row.staff_id != current.staff_id {
                ensure_free(conn, &row)?;
            }
            // What a calendar shows changed: a new SEQUENCE for the next calendar file.
            if moved || row.ends_at != current.ends_at || row.location != current.location {
                notices::bump(&mut row);
            }
            store::save(conn, &row).map_err(taken)?;
            let data = if moved {
                json!({ "fields": fields, "from": utc(current.starts_at), "to": utc(row.starts_at) })
            } else {
                json!({ "fields": fields })
            };
            let verb = if moved { "moved" } else { "updated" };
            events::record(conn, &tenant_id, &caller.actor, verb, subject(&row), data)?;
            let named = reload(conn, &row)?;
            if moved {
                let settings = settings_store::load(conn, &tenant_id)?;
                reminders::schedule(conn, &settings, &row)?;
                let told = Told::Moved { from: current.starts_at };
                notices::tell_about(conn, &config, &named, told, &caller.actor)?;
            }
            Ok(named)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(named.into()))
}

/// Move an appointment along its statuses: pending → confirmed; pending or confirmed →
/// cancelled; confirmed → completed or no_show. Anything else is 409.
#[utoipa::path(
    tag = "bookings",
    params(("id" = String, Path, description = "The appointment's id")),
    request_body = ChangeStatus,
    responses(
        (status = 200, description = "The appointment in its new status", body = Appointment),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such appointment in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The transition is not allowed from the current status", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/appointments/{id}/status")]
pub async fn change_appointment_status(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<ChangeStatus>,
) -> Result<web::Json<Appointment>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let body = body.into_inner();
    let config = state.config.clone();
    let named = state
        .db
        .write(move |conn| {
            let current = store::get(conn, &caller.tenant_id, None, &id)?.ok_or_else(|| not_found(&id))?.row;
            let row = transition(conn, &caller.actor, current, body.status, body.reason)?;
            let settings = settings_store::load(conn, &caller.tenant_id)?;
            reminders::schedule(conn, &settings, &row)?;
            let named = reload(conn, &row)?;
            let told = match body.status {
                AppointmentStatus::Confirmed => Some(Told::Confirmed),
                AppointmentStatus::Cancelled => Some(Told::Cancelled),
                AppointmentStatus::Completed => Some(Told::Completed),
                AppointmentStatus::Pending | AppointmentStatus::NoShow => None,
            };
            if let Some(told) = told {
                notices::tell_about(conn, &config, &named, told, &caller.actor)?;
            }
            Ok(named)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(named.into()))
}

/// Free times this appointment could move to, inside opening hours (staff may still book
/// any time with PATCH).
#[utoipa::path(
    tag = "bookings",
    params(("id" = String, Path, description = "The appointment's id"), SlotQuery),
    responses(
        (status = 200, description = "The free slots", body = SlotList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such appointment in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/appointments/{id}/slots")]
pub async fn list_appointment_slots(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<SlotQuery>,
) -> Result<web::Json<SlotList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let list = state
        .db
        .read(move |conn| {
            let named = store::get(conn, &caller.tenant_id, None, &id)?.ok_or_else(|| not_found(&id))?;
            slot_list(conn, &named.row, &query)
        })
        .await?;
    Ok(web::Json(list))
}

/// Free times for a new appointment of a service, with a staff member or anyone, from now
/// on inside opening hours (without the clients' notice and horizon). Staff may still book
/// other times: the console warns and lets them.
#[utoipa::path(
    tag = "bookings",
    params(NewSlotQuery),
    responses(
        (status = 200, description = "The free slots", body = SlotList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service or staff member in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/availability")]
pub async fn list_availability(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<web::Json<SlotList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let query: NewSlotQuery = crate::http::query::query(&req)?;
    let list = state
        .db
        .read(move |conn| {
            let settings = settings_store::load(conn, &caller.tenant_id)?;
            booking::actions::slots(conn, &caller.tenant_id, &settings, &query, None)
        })
        .await?;
    Ok(web::Json(list))
}
