//! A client books in the portal: what can be booked, the free slots, the booking.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, Booker, Request};
use super::model::{BookAppointment, BookingOptions, NewSlotQuery};
use crate::auth::{Actor, ClientPrincipal};
use crate::bookings::appointments::actions::{detail, the_client};
use crate::bookings::appointments::model::PortalAppointmentDetail;
use crate::bookings::availability::SlotList;
use crate::bookings::settings::store as settings_store;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_portal_booking_options).service(list_portal_booking_slots).service(book_portal_appointment);
}

/// What you can book: the business's active services, its staff, and its booking rules.
#[utoipa::path(
    tag = "portal-bookings",
    responses(
        (status = 200, description = "The booking options", body = BookingOptions),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/booking")]
pub async fn get_portal_booking_options(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<BookingOptions>, ApiError> {
    let options = state
        .db
        .read(move |conn| {
            let tenant = tenant_store::get(conn, &who.tenant_id)?;
            let settings = settings_store::for_tenant(conn, &tenant)?;
            actions::options(conn, &tenant, &settings, Booker::Client)
        })
        .await?;
    Ok(web::Json(options))
}

/// Free times for a new appointment of a service, with a staff member or anyone: inside
/// opening hours, after the business's notice, within its horizon, free (with its buffers),
/// on days the service is not fully booked. Instants are UTC.
#[utoipa::path(
    tag = "portal-bookings",
    params(NewSlotQuery),
    responses(
        (status = 200, description = "The free slots", body = SlotList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service or staff member to book", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/booking/slots")]
pub async fn list_portal_booking_slots(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    req: HttpRequest,
) -> Result<web::Json<SlotList>, ApiError> {
    let query: NewSlotQuery = crate::http::query::query(&req)?;
    let list = state
        .db
        .read(move |conn| {
            let settings = settings_store::load(conn, &who.tenant_id)?;
            actions::slots(conn, &who.tenant_id, &settings, &query, Some(Booker::Client))
        })
        .await?;
    Ok(web::Json(list))
}

/// Book an appointment at one of the free slots. It is `confirmed` at once, or `pending`
/// when the business confirms bookings itself. You and the staff member get an email with
/// a calendar file; reminders follow. Two clients racing for one slot: exactly one gets it,
/// the other 409.
#[utoipa::path(
    tag = "portal-bookings",
    request_body = BookAppointment,
    responses(
        (status = 201, description = "The appointment, booked", body = PortalAppointmentDetail,
            headers(("Location" = String, description = "URL of the new appointment"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a read-only one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service or staff member to book", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The time is not offered: in the past, too soon, too far ahead, outside hours, the day is full, or taken", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/appointments")]
pub async fn book_portal_appointment(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    body: JsonBody<BookAppointment>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let config = state.config.clone();
    let detail = state
        .db
        .write(move |conn| {
            let tenant = tenant_store::get(conn, &who.tenant_id)?;
            let settings = settings_store::for_tenant(conn, &tenant)?;
            let service = actions::service(conn, &tenant.id, &body.service_id, Booker::Client)?;
            actions::staff_member(conn, &tenant.id, body.staff_id.as_deref())?;
            let client = the_client(conn, &who)?;
            let request =
                Request { service: &service, staff_id: body.staff_id, starts_at: body.starts_at, notes: body.notes };
            let actor = Actor::Client { id: who.client_id.clone() };
            let named = actions::book(conn, &config, &tenant, &settings, &client, request, &actor)?;
            detail(conn, &who, named)
        })
        .await?;
    state.outbox.wake();
    let location = format!("/api/v1/portal/appointments/{}", detail.appointment.id);
    Ok(HttpResponse::Created().insert_header((LOCATION, location)).json(detail))
}
