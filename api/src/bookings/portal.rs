//! A client's own appointments in the portal: upcoming and past lists, one appointment with
//! its history, and cancelling before the cutoff. Every query is scoped to the client.
//! Internal notes never leave the staff side.

use actix_web::{get, post, web};
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use super::appointments::actions::{
    after, cut_page, ensure_free, local, not_found, reload, sentence, taken, transition,
};
use super::appointments::model::{AppointmentStatus, Named};
use super::appointments::store::{self, ListFilter};
use super::availability::{SlotList, SlotQuery, free_starts, slot_list};
use super::reviews::model::{OwnReview, ReviewRow};
use super::reviews::store as review_store;
use super::settings::model::BookingSettings;
use super::settings::store as settings_store;
use crate::activity::store::{self as activity_store, Subject};
use crate::auth::{Actor, ClientPrincipal};
use crate::clients::email::{self, ClientEmail};
use crate::clients::model::ClientRow;
use crate::config::Config;
use crate::db::utc;
use crate::db::{DbConn, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::PageQuery;
use crate::mail::templates;
use crate::outbox;
use crate::rules;
use crate::staff::store as staff_store;
use crate::state::AppState;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_appointments)
        .service(get_portal_appointment)
        .service(cancel_portal_appointment)
        .service(list_portal_appointment_slots)
        .service(reschedule_portal_appointment);
}

/// An appointment as its client sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalAppointment {
    pub id: String,
    pub service_name: String,
    pub duration_minutes: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: AppointmentStatus,
    pub staff_name: Option<String>,
    pub location: Option<String>,
    pub cancel_reason: Option<String>,
    /// Whether the client may cancel it now (live, and before `cancel_deadline`).
    pub can_cancel: bool,
    /// `starts_at` minus the business's cancellation cutoff.
    pub cancel_deadline: DateTime<Utc>,
    /// Whether the client may move it now (same rule as cancelling).
    pub can_reschedule: bool,
    /// Whether the client may review it now (completed, not yet reviewed).
    pub can_review: bool,
    /// The client's review of it, if any.
    pub review: Option<OwnReview>,
}

/// One line of an appointment's history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    #[schema(example = "Booked for Tue 1 Dec, 10:00")]
    pub text: String,
}

/// An appointment with what happened to it, oldest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalAppointmentDetail {
    #[serde(flatten)]
    pub appointment: PortalAppointment,
    pub history: Vec<HistoryEntry>,
}

/// A page of the client's appointments.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalAppointmentPage {
    pub items: Vec<PortalAppointment>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Which appointments to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalAppointmentQuery {
    /// `upcoming` (default: pending or confirmed, not yet started, soonest first) or
    /// `past` (everything else, latest first).
    #[param(value_type = Option<String>, pattern = "^(?:upcoming|past)$")]
    pub when: Option<String>,
}

/// Calling an appointment off.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Something came up at work; I will book another day."}))]
pub struct CancelAppointment {
    /// Why, for the business.
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

fn deadline(settings: &BookingSettings, starts: NaiveDateTime) -> NaiveDateTime {
    starts - TimeDelta::hours(settings.cancellation_cutoff_hours.into())
}

fn view(n: Named, settings: &BookingSettings, at: NaiveDateTime, reviews: &[ReviewRow]) -> PortalAppointment {
    let review = reviews.iter().find(|r| r.appointment_id == n.row.id).map(OwnReview::from);
    let r = n.row;
    let status = AppointmentStatus::stored_or(&r.status, AppointmentStatus::Cancelled);
    let cancel_deadline = deadline(settings, r.starts_at);
    PortalAppointment {
        duration_minutes: (r.ends_at - r.starts_at).num_minutes(),
        can_cancel: status.is_live() && at < cancel_deadline,
        cancel_deadline: utc(cancel_deadline),
        can_reschedule: status.is_live() && at < cancel_deadline,
        can_review: status == AppointmentStatus::Completed && review.is_none(),
        review,
        id: r.id,
        service_name: n.service_name,
        starts_at: utc(r.starts_at),
        ends_at: utc(r.ends_at),
        status,
        staff_name: n.staff_name,
        location: r.location,
        cancel_reason: r.cancel_reason,
    }
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

fn detail(conn: &mut DbConn, who: &ClientPrincipal, named: Named) -> Result<PortalAppointmentDetail, ApiError> {
    let tenant = tenant_store::get(conn, &who.tenant_id)?;
    let settings = settings_store::for_tenant(conn, &tenant)?;
    let log = activity_store::list_for_subject(conn, &who.tenant_id, &who.client_id, "appointment", &named.row.id)?;
    let history = log
        .iter()
        .filter_map(|r| sentence(r, &settings, &tenant.name).map(|text| HistoryEntry { at: utc(r.at), text }))
        .collect();
    let reviews = review_store::for_appointments(conn, &who.tenant_id, std::slice::from_ref(&named.row.id))?;
    Ok(PortalAppointmentDetail { appointment: view(named, &settings, now(), &reviews), history })
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

/// Who hears about the business's side: its owners and admins, else its sender address.
fn business_addresses(conn: &mut DbConn, tenant: &TenantRow) -> Result<Vec<String>, ApiError> {
    let mut to: Vec<String> = staff_store::list(conn, &tenant.id)?
        .into_iter()
        .filter(|s| s.role == "owner" || s.role == "admin")
        .map(|s| s.email)
        .collect();
    if to.is_empty() {
        to.extend(tenant.mail_from.clone());
    }
    Ok(to)
}

/// What each side is told about a change.
struct Notice<'a> {
    client_heading: &'a str,
    client_line: String,
    business_heading: &'a str,
    business_line: String,
}

/// Queues the client's confirmation and the business's notice, in the caller's transaction.
fn notify(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    named: &Named,
    client: &ClientRow,
    notice: Notice<'_>,
) -> Result<(), ApiError> {
    let brand = tenant.brand();
    let reason =
        named.row.cancel_reason.as_deref().filter(|_| named.row.status == "cancelled").map(|r| format!("Reason: {r}"));
    let link = config.public(&format!("/portal/{}/appointments/{}", tenant.slug, named.row.id));
    let mut lines = vec![notice.client_line.as_str()];
    lines.extend(reason.as_deref());
    let mail = templates::appointment_notice(&brand, &client.email, notice.client_heading, &lines, &link);
    email::send(conn, config, tenant, client, ClientEmail::Notice, mail)?;
    let mut lines = vec![notice.business_line.as_str()];
    lines.extend(reason.as_deref());
    let staff_link = config.public(&format!("/app/appointments/{}", named.row.id));
    for to in business_addresses(conn, tenant)? {
        let mail = templates::appointment_notice(&brand, &to, notice.business_heading, &lines, &staff_link);
        outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    }
    Ok(())
}

/// The client's appointment, refused (409) when it is over or past the cutoff.
fn changeable(
    conn: &mut DbConn,
    who: &ClientPrincipal,
    id: &str,
    verb: &str,
) -> Result<(Named, BookingSettings, TenantRow), ApiError> {
    let named = store::get(conn, &who.tenant_id, Some(&who.client_id), id)?.ok_or_else(|| not_found(id))?;
    let tenant = tenant_store::get(conn, &who.tenant_id)?;
    let settings = settings_store::for_tenant(conn, &tenant)?;
    let status = AppointmentStatus::stored_or(&named.row.status, AppointmentStatus::Cancelled);
    if !status.is_live() {
        return Err(ApiError::Conflict(format!(
            "This appointment is {}; only pending or confirmed appointments can be {verb}.",
            status.as_str()
        )));
    }
    let until = deadline(&settings, named.row.starts_at);
    if now() >= until {
        return Err(ApiError::Conflict(format!(
            "Appointments can be {verb} up to {} hours before they start (until {}). Please contact {}.",
            settings.cancellation_cutoff_hours,
            local(&settings, until),
            tenant.name
        )));
    }
    Ok((named, settings, tenant))
}

fn the_client(conn: &mut DbConn, who: &ClientPrincipal) -> Result<ClientRow, ApiError> {
    crate::clients::store::get(conn, &who.tenant_id, &who.client_id)?
        .ok_or_else(|| ApiError::Unauthorized("Your client account no longer exists.".into()))
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
            let named = reload(conn, &row)?;
            let when = local(&settings, row.starts_at);
            let notice = Notice {
                client_heading: "Appointment cancelled",
                client_line: format!("Your {} on {when} is cancelled.", named.service_name),
                business_heading: "A client cancelled",
                business_line: format!("{} cancelled their {} on {when}.", named.client_name, named.service_name),
            };
            let client = the_client(conn, &who)?;
            notify(conn, &config, &tenant, &named, &client, notice)?;
            detail(conn, &who, named)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(detail))
}

pub const NOT_AVAILABLE: &str = "That time is not available any more; pick another.";

/// Moving an appointment.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"starts_at": "2026-12-04T14:00:00Z"}))]
pub struct RescheduleAppointment {
    /// One of the `starts_at` of the appointment's slots.
    #[validate(custom(function = "rules::sane_instant"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub starts_at: DateTime<Utc>,
}

/// Times you could move this appointment to: inside opening hours, at least an hour ahead,
/// and free.
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
            row.updated_at = now();
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
            let moved = reload(conn, &row)?;
            let (before, after) = (local(&settings, named.row.starts_at), local(&settings, row.starts_at));
            let notice = Notice {
                client_heading: "Appointment moved",
                client_line: format!("Your {} moved from {before} to {after}.", moved.service_name),
                business_heading: "A client moved an appointment",
                business_line: format!(
                    "{} moved their {} from {before} to {after}.",
                    moved.client_name, moved.service_name
                ),
            };
            let client = the_client(conn, &who)?;
            notify(conn, &config, &tenant, &moved, &client, notice)?;
            detail(conn, &who, moved)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(detail))
}
