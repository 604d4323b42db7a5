//! A client's own calendar feed of their appointments.

use actix_web::{HttpResponse, delete, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{CLIENT, CalendarFeed};
use super::{make, status, store};
use crate::auth::ClientPrincipal;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_portal_calendar_feed).service(make_portal_calendar_feed).service(revoke_portal_calendar_feed);
}

/// Whether you have a calendar subscription of your appointments.
#[utoipa::path(
    tag = "portal-bookings",
    responses((status = 200, description = "Your feed", body = CalendarFeed)),
    security(("client_session" = [])),
)]
#[get("/portal/me/calendar-feed")]
pub async fn get_portal_calendar_feed(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<CalendarFeed>, ApiError> {
    let feed = state.db.read(move |conn| status(conn, &who.tenant_id, CLIENT, &who.client_id)).await?;
    Ok(web::Json(feed))
}

/// Make a subscription URL of your appointments for your calendar app (shown in this answer
/// only); an earlier URL stops working.
#[utoipa::path(
    tag = "portal-bookings",
    responses(
        (status = 201, description = "Your new feed, with its URL", body = CalendarFeed),
        (status = 403, description = "Not a client session, or a read-only one", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/me/calendar-feed")]
pub async fn make_portal_calendar_feed(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<HttpResponse, ApiError> {
    let config = state.config.clone();
    let feed = state.db.write(move |conn| make(conn, &config, &who.tenant_id, CLIENT, &who.client_id)).await?;
    Ok(HttpResponse::Created().json(feed))
}

/// Stop your subscription URL.
#[utoipa::path(
    tag = "portal-bookings",
    responses(
        (status = 204, description = "The URL no longer works"),
        (status = 403, description = "Not a client session, or a read-only one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no feed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[delete("/portal/me/calendar-feed")]
pub async fn revoke_portal_calendar_feed(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<HttpResponse, ApiError> {
    let n = state.db.write(move |conn| Ok(store::remove(conn, &who.tenant_id, CLIENT, &who.client_id)?)).await?;
    if n == 0 {
        return Err(ApiError::NotFound("You have no calendar feed.".into()));
    }
    Ok(HttpResponse::NoContent().finish())
}
