//! The feed itself, fetched by calendar apps with the token in the URL and no other login.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, get, web};
use chrono::TimeDelta;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::CLIENT;
use super::{AHEAD, PAST, store};
use crate::auth::otp::sha256_hex;
use crate::bookings::appointments::model::AppointmentStatus;
use crate::bookings::appointments::store::{self as appointment_store, ListFilter};
use crate::bookings::notices;
use crate::calendar::{self, Method};
use crate::clients::store as client_store;
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use crate::tenants::store as tenant_store;

/// The most events one feed holds.
const MAX_EVENTS: i64 = 2000;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_calendar_feed);
}

/// A calendar feed (`text/calendar`): the owner's pending, confirmed and completed
/// appointments from 60 days ago to 400 days ahead. The token is the credential.
#[utoipa::path(
    tag = "portal",
    params(("token" = String, Path, description = "The feed's token, optionally followed by `.ics`")),
    responses(
        (status = 200, description = "The calendar", content_type = "text/calendar", body = String),
        (status = 404, description = "No such feed (revoked, or never made)", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/calendar/{token}")]
pub async fn get_calendar_feed(state: web::Data<AppState>, token: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let hash = sha256_hex(token.strip_suffix(".ics").unwrap_or(&token));
    let config = state.config.clone();
    let text = state
        .db
        .write(move |conn| {
            let gone = || ApiError::NotFound("This calendar feed does not exist; it may have been replaced.".into());
            let feed = store::by_token(conn, &hash)?.ok_or_else(gone)?;
            let at = now();
            // Calendars poll often: note the use at most once an hour.
            if feed.last_used_at.is_none_or(|t| at - t > TimeDelta::hours(1)) {
                store::used(conn, &feed, at)?;
            }
            let tenant = tenant_store::get(conn, &feed.tenant_id)?;
            let client = if feed.owner_kind == CLIENT {
                Some(client_store::get(conn, &tenant.id, &feed.owner_id)?.ok_or_else(gone)?)
            } else {
                None
            };
            let filter = ListFilter {
                client_id: client.as_ref().map(|c| c.id.clone()),
                staff_id: client.is_none().then(|| feed.owner_id.clone()),
                from: Some(at - PAST),
                to: Some(at + AHEAD),
                limit: MAX_EVENTS,
                ..ListFilter::default()
            };
            let events: Vec<_> = appointment_store::list(conn, &tenant.id, &filter)?
                .into_iter()
                .filter(|n| {
                    let s = AppointmentStatus::stored_or(&n.row.status, AppointmentStatus::Cancelled);
                    s.is_live() || s == AppointmentStatus::Completed
                })
                .map(|n| notices::event(&config, &tenant, &n, client.as_ref()))
                .collect();
            Ok(calendar::calendar(Method::Publish, Some(&tenant.name), &events))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "private, max-age=300"))
        .body(text))
}
