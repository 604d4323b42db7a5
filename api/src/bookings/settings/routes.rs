//! Booking settings endpoints: read them, replace them.

use actix_web::{get, put, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{BookingSettings, UpdateBookingSettings};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_booking_settings).service(update_booking_settings);
}

/// When clients can book: opening hours, closed days, the cancellation cutoff. Defaults
/// (Monday–Friday 09:00–17:00, 24 h cutoff, 15 min step) until first saved.
#[utoipa::path(
    tag = "bookings",
    responses(
        (status = 200, description = "The booking settings", body = BookingSettings),
    ),
    security(("api_key" = ["tenant:read"]), ("staff_session" = ["tenant:read"])),
)]
#[get("/booking-settings")]
pub async fn get_booking_settings(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<BookingSettings>, ApiError> {
    caller.require(Scope::TenantRead)?;
    let settings = state.db.read(move |conn| Ok(store::load(conn, &caller.tenant_id)?)).await?;
    Ok(web::Json(settings))
}

/// Replace the booking settings. The time zone is the tenant's and is changed there.
#[utoipa::path(
    tag = "bookings",
    request_body = UpdateBookingSettings,
    responses(
        (status = 200, description = "The settings as saved", body = BookingSettings),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[put("/booking-settings")]
pub async fn update_booking_settings(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<UpdateBookingSettings>,
) -> Result<web::Json<BookingSettings>, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let update = body.into_inner();
    let settings = state
        .db
        .write(move |conn| {
            let current = store::load(conn, &caller.tenant_id)?;
            store::save(conn, &update.into_row(&caller.tenant_id, &current, now()))?;
            let subject = Subject { kind: "booking_settings", id: &caller.tenant_id, client_id: None };
            events::record(conn, &caller.tenant_id, &caller.actor, "updated", subject, json!({}))?;
            Ok(store::load(conn, &caller.tenant_id)?)
        })
        .await?;
    Ok(web::Json(settings))
}
