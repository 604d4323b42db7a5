//! A staff member's own calendar feed (console sessions only: an API key is nobody's calendar).

use actix_web::{HttpResponse, delete, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{CalendarFeed, STAFF};
use super::{make, status, store};
use crate::auth::StaffSession;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_my_calendar_feed).service(make_my_calendar_feed).service(revoke_my_calendar_feed);
}

/// Whether you have a calendar subscription of your appointments.
#[utoipa::path(
    tag = "staff-auth",
    responses((status = 200, description = "Your feed", body = CalendarFeed)),
    security(("staff_session" = [])),
)]
#[get("/me/calendar-feed")]
pub async fn get_my_calendar_feed(
    state: web::Data<AppState>,
    who: StaffSession,
) -> Result<web::Json<CalendarFeed>, ApiError> {
    let s = who.session;
    let feed = state.db.read(move |conn| status(conn, &s.tenant_id, STAFF, &s.subject_id)).await?;
    Ok(web::Json(feed))
}

/// Make a subscription URL of your appointments (the URL is shown in this answer only);
/// an earlier URL stops working.
#[utoipa::path(
    tag = "staff-auth",
    responses((status = 201, description = "Your new feed, with its URL", body = CalendarFeed)),
    security(("staff_session" = [])),
)]
#[post("/me/calendar-feed")]
pub async fn make_my_calendar_feed(state: web::Data<AppState>, who: StaffSession) -> Result<HttpResponse, ApiError> {
    let s = who.session;
    let config = state.config.clone();
    let feed = state.db.write(move |conn| make(conn, &config, &s.tenant_id, STAFF, &s.subject_id)).await?;
    Ok(HttpResponse::Created().json(feed))
}

/// Stop your subscription URL.
#[utoipa::path(
    tag = "staff-auth",
    responses(
        (status = 204, description = "The URL no longer works"),
        (status = 404, description = "You have no feed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("staff_session" = [])),
)]
#[delete("/me/calendar-feed")]
pub async fn revoke_my_calendar_feed(state: web::Data<AppState>, who: StaffSession) -> Result<HttpResponse, ApiError> {
    let s = who.session;
    let n = state.db.write(move |conn| Ok(store::remove(conn, &s.tenant_id, STAFF, &s.subject_id)?)).await?;
    if n == 0 {
        return Err(ApiError::NotFound("You have no calendar feed.".into()));
    }
    Ok(HttpResponse::NoContent().finish())
}
