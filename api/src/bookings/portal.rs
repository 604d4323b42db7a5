//! A client's own appointments in the portal: upcoming and past lists, one appointment with
//! its history, and cancelling before the cutoff. Every query is scoped to the client.
//! Internal notes never leave the staff side.

use actix_web::{get, post, web};
use chrono::TimeDelta;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::appointments::actions::{
    NOT_AVAILABLE, after, changeable, cut_page, detail, ensure_free, not_found, reload, taken, the_client, transition,
    view,
};
use super::appointments::model::{
    AppointmentStatus, CancelAppointment, PortalAppointmentDetail, PortalAppointmentPage, PortalAppointmentQuery,
    RescheduleAppointment,
};
use super::appointments::store::{self, ListFilter};
use super::availability::{SlotList, SlotQuery, free_starts, slot_list};
use super::notices::{self, Told};
use super::reminders;
use super::reviews::store as review_store;
use super::settings::store as settings_store;
use crate::activity::store::Subject;
use crate::auth::{Actor, ClientPrincipal};
use crate::db::{now, utc};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::PageQuery;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_appointments)
        .service(get_portal_appointment)
        .service(cancel_portal_appointment)
        .service(list_portal_appointment_slots)
        .service(reschedule_portal_appointment);
}

/// Your appointments: upcoming (soonest first) or past (latest first).
#[utoipa::path(
    tag = "portal-bookings",
    params(PortalAppointmentQuery, PageQuery),
    responses(
        (status = 200, description = "A page of your appointments", body = PortalAppointmentPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/appointments")]
pub async fn list_portal_appointments(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    query: web::Query<PortalAppointmentQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<PortalAppointmentPage>, ApiError> {
    let q = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let upcoming = match q.when.as_deref() {
        None | Some("upcoming") => true,
        Some("past") => false,
        Some(other) => return Err(ApiError::BadRequest(format!("'when' must be upcoming or past, not '{other}'."))),
    };
    let at = now();
    let filter = ListFilter {
        client_id: Some(who.client_id.clone()),
        upcoming: Some((upcoming, at)),
        descending: !upcoming,
        after: after(&page)?,
        limit: limit + 1,
        ..ListFilter::default()
    };
    let loaded = state
        .db
        .read(move |conn| {
            let rows = store::list(conn, &who.tenant_id, &filter)?;
            let ids: Vec<String> = rows.iter().map(|n| n.row.id.clone()).collect();
            let reviews = review_store::for_appointments(conn, &who.tenant_id, &ids)?;
            Ok((rows, settings_store::load(conn, &who.tenant_id)?, reviews))
        })
        .await?;
    let (mut rows, settings, reviews) = loaded;
    let next_cursor = cut_page(&mut rows, limit);
    let items = rows.into_iter().map(|n| view(n, &settings, at, &reviews)).collect();
    Ok(web::Json(PortalAppointmentPage { items, next_cursor }))
}

/// One of your appointments, with its history.
#[utoipa::path(
    tag = "portal-bookings",
    params(("id" = String, Path, description = "The appointment's id")),
    responses(
        (status = 200, description = "The appointment", body = PortalAppointmentDetail),
        (status = 404, description = "You have no such appointment", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/appointments/{id}")]
pub async fn get_portal_appointment(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalAppointmentDetail>, ApiError> {
    let id = id.into_inner();
    let detail = state
        .db
        .read(move |conn| {
            let named = store::get(conn, &who.tenant_id, Some(&who.client_id), &id)?.ok_or_else(|| not_found(&id))?;
            detail(conn, &who, named)
        })
        .await?;
    Ok(web::Json(detail))
}

/// Cancel one of your appointments, up to the business's cutoff before it starts. The time
/// becomes free again; you and the business get an email.
#[utoipa::path(
    tag = "portal-bookings",
    params(("id" = String, Path, description = "The appointment's id")),
    request_body = CancelAppointment,
    responses(
        (status = 200, description = "The appointment, cancelled", body = PortalAppointmentDetail),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a read-only one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such appointment", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already over or cancelled, or past the cancellation cutoff", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/appointments/{id}/cancel")]
pub async fn cancel_portal_appointment(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<CancelAppointment>,
) -> Result<web::Json<PortalAppointmentDetail>, ApiError> {
    let id = id.into_inner();
    let reason = body.into_inner().reason;
    let config = state.config.clone();
    let detail = state
        .db
        .write(move |conn| {
            let (named, settings, tenant) = changeable(conn, &who, &id, "cancelled")?;
            let actor = Actor::Client { id: who.client_id.clone() };
            let row = transition(conn, &actor, named.row, AppointmentStatus::Cancelled, reason)?;
            reminders::schedule(conn, &settings, &row)?;
            let named = reload(conn, &row)?;
            let client = the_client(conn, &who)?;
            notices::tell(conn, &config, &tenant, &settings, &named, &client, Told::Cancelled, &actor)?;
            detail(conn, &who, named)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(detail))
}

/// Times you could move this appointment to: inside opening hours, after the business's
/// minimum notice, within its horizon, and free.
#[utoipa::path(
    tag = "portal-bookings",
    params(("id" = String, Path, description = "The appointment's id"), SlotQuery),
    responses(
        (status = 200, description = "The free slots", body = SlotList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such appointment", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/appointments/{id}/slots")]
pub async fn list_portal_appointment_slots(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    query: web::Query<SlotQuery>,
) -> Result<web::Json<SlotList>, ApiError> {
    let id = id.into_inner();
    let list = state
        .db
        .read(move |conn| {
            let named = store::get(conn, &who.tenant_id, Some(&who.client_id), &id)?.ok_or_else(|| not_found(&id))?;
            slot_list(conn, &named.row, &query)
        })
        .await?;
    Ok(web::Json(list))
}

/// Move one of your appointments to one of its free slots. Concurrent moves into one time:
/// exactly one wins, the others get 409.
#[utoipa::path(
    tag = "portal-bookings",
    params(("id" = String, Path, description = "The appointment's id")),
    request_body = RescheduleAppointment,
    responses(
        (status = 200, description = "The appointment at its new time", body = PortalAppointmentDetail),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a read-only one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such appointment", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Over, past the cutoff, or the time is not free", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/appointments/{id}/reschedule")]
pub async fn reschedule_portal_appointment(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<RescheduleAppointment>,
) -> Result<web::Json<PortalAppointmentDetail>, ApiError> {
    let id = id.into_inner();
    let wanted = body.into_inner().starts_at;
    let config = state.config.clone();
    let detail = state
        .db
        .write(move |conn| {
            // Taken first, so the check below and the update see no concurrent booking.
            store::lock_bookings(conn, &who.tenant_id)?;
            let (named, settings, tenant) = changeable(conn, &who, &id, "moved")?;
            let day = wanted.with_timezone(&settings.tz()).date_naive();
            let (_, minutes, starts) = free_starts(conn, &named.row, day, day)?;
            if !starts.contains(&wanted) {
                return Err(ApiError::Conflict(NOT_AVAILABLE.into()));
            }
            let mut row = named.row.clone();
            row.starts_at = wanted.naive_utc();
            row.ends_at = row.starts_at + TimeDelta::minutes(minutes);
            notices::bump(&mut row);
            // Only a clash is the client's "not available"; a database failure stays one.
            let unavailable = |e: ApiError| match e {
                ApiError::Conflict(_) => ApiError::Conflict(NOT_AVAILABLE.into()),
                other => other,
            };
            ensure_free(conn, &row).map_err(unavailable)?;
            store::save(conn, &row).map_err(|e| unavailable(taken(e)))?;
            let actor = Actor::Client { id: who.client_id.clone() };
            let data = json!({ "fields": ["starts_at"], "from": utc(named.row.starts_at), "to": wanted });
            let subject = Subject { kind: "appointment", id: &row.id, client_id: Some(&row.client_id) };
            events::record(conn, &who.tenant_id, &actor, "moved", subject, data)?;
            reminders::schedule(conn, &settings, &row)?;
            let moved = reload(conn, &row)?;
            let client = the_client(conn, &who)?;
            let told = Told::Moved { from: named.row.starts_at };
            notices::tell(conn, &config, &tenant, &settings, &moved, &client, told, &actor)?;
            detail(conn, &who, moved)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(detail))
}
