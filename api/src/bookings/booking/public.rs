//! The public booking page for visitors (`/book/{slug}` in the web app): the same steps as
//! the portal's, plus who they are. The visitor proves their email with a 6-digit code
//! before anything is booked; the answer to asking for one is the same for every address,
//! so the page tells nobody who is a client. An unknown email becomes a client (a lead or
//! active, as the business set); a known one books as that client. Requests are throttled
//! per IP and portal, like intake forms.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::TimeDelta;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, Booker, Request};
use super::model::{BookingCodeSent, BookingMade, BookingOptions, NewSlotQuery, PublicBooking, RequestBookingCode};
use crate::auth::Actor;
use crate::auth::codes::{self, Checked, normalize_email};
use crate::auth::rate_limit::{self, Limit};
use crate::bookings::appointments::actions::view;
use crate::bookings::availability::SlotList;
use crate::bookings::settings::model::{BookingSettings, NewClientStatus};
use crate::bookings::settings::store as settings_store;
use crate::bookings::tidy;
use crate::clients::model::{ClientRow, ClientStatus};
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::client_ip::client_ip;
use crate::i18n::Language;
use crate::mail::templates;
use crate::outbox;
use crate::state::AppState;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;

/// How long a booking code works.
const CODE_MINUTES: i64 = 15;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_public_booking)
        .service(list_public_booking_slots)
        .service(request_booking_code)
        .service(make_public_booking);
}

/// The portal at `slug` when it takes bookings online, with its settings; 404 otherwise
/// (no such portal and online booking off read the same).
fn open(conn: &mut DbConn, slug: &str) -> Result<(TenantRow, BookingSettings), ApiError> {
    let closed = || ApiError::NotFound(format!("There is no booking page at '{slug}'; check the link you followed."));
    let tenant = tenant_store::find_by_slug(conn, &slug.to_ascii_lowercase())?.ok_or_else(closed)?;
    let settings = settings_store::for_tenant(conn, &tenant)?;
    if !settings.public_booking {
        return Err(closed());
    }
    Ok((tenant, settings))
}

fn realm(tenant: &TenantRow) -> String {
    format!("booking:{}", tenant.id)
}

fn throttled(wait: u64) -> ApiError {
    ApiError::RateLimited {
        detail: format!("Too many booking requests from your address; try again in {wait} s."),
        retry_after_secs: wait,
    }
}

/// Counts one request of this IP on this portal; `Err(wait)` past the hourly limit.
fn per_ip(conn: &mut DbConn, config: &Config, tenant: &TenantRow, ip: &str) -> Result<Result<(), u64>, ApiError> {
    let limit = Limit { max: config.bookings_per_ip_per_hour, window: TimeDelta::hours(1), cooldown: None };
    Ok(rate_limit::hit(conn, &format!("booking-ip:{}:{ip}", tenant.id), limit)?)
}

/// What can be booked online: the services on the public page, the staff, the rules.
#[utoipa::path(
    tag = "portal",
    params(("slug" = String, Path, description = "The portal's slug")),
    responses(
        (status = 200, description = "The booking options", body = BookingOptions),
        (status = 404, description = "No such portal, or it takes no bookings online", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/portal/{slug}/booking")]
pub async fn get_public_booking(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<web::Json<BookingOptions>, ApiError> {
    let slug = slug.into_inner();
    let options = state
        .db
        .read(move |conn| {
            let (tenant, settings) = open(conn, &slug)?;
            actions::options(conn, &tenant, &settings, Booker::Visitor)
        })
        .await?;
    Ok(web::Json(options))
}

/// Free times for a service on the public page (same rules as the portal's).
#[utoipa::path(
    tag = "portal",
    params(("slug" = String, Path, description = "The portal's slug"), NewSlotQuery),
    responses(
        (status = 200, description = "The free slots", body = SlotList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such portal, service on its public page, or staff member", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/portal/{slug}/booking/slots")]
pub async fn list_public_booking_slots(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<NewSlotQuery>,
) -> Result<web::Json<SlotList>, ApiError> {
    let slug = slug.into_inner();
    let list = state
        .db
        .read(move |conn| {
            let (tenant, settings) = open(conn, &slug)?;
            actions::slots(conn, &tenant.id, &settings, &query, Some(Booker::Visitor))
        })
        .await?;
    Ok(web::Json(list))
}

/// Email a 6-digit code that proves the visitor's address, for `POST …/bookings`. The
/// answer is the same for every address.
#[utoipa::path(
    tag = "portal",
    params(("slug" = String, Path, description = "The portal's slug")),
    request_body = RequestBookingCode,
    responses(
        (status = 202, description = "A code is on its way", body = BookingCodeSent),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such portal, or it takes no bookings online", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The email is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from your address or for this email; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/booking/code")]
pub async fn request_booking_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<RequestBookingCode>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let body = body.into_inner();
    let email = normalize_email(&body.email);
    let ip = client_ip(&req).to_string();
    let config = state.config.clone();
    let keys = state.keys.clone();
    let shown = email.clone();
    let outcome = state
        .db
        .write(move |conn| {
            let (tenant, _) = open(conn, &slug)?;
            if let Err(wait) = per_ip(conn, &config, &tenant, &ip)? {
                return Ok(Err(wait));
            }
            let auth = &config.auth;
            let per_email = Limit {
                max: auth.codes_per_email_all_ips_per_hour,
                window: TimeDelta::hours(1),
                cooldown: Some(TimeDelta::seconds(auth.resend_cooldown_seconds)),
            };
            if let Err(wait) = rate_limit::hit(conn, &format!("booking-email:{}:{email}", tenant.id), per_email)? {
                return Ok(Err(wait));
            }
            let ttl = TimeDelta::minutes(CODE_MINUTES);
            let (code, _, _) =
                codes::issue(conn, &keys, &realm(&tenant), Some(&tenant.id), &email, ttl, TimeDelta::zero())?;
            // A known client reads it in their language; a stranger in the page's.
            let known = client_store::by_email(conn, &tenant.id, &email)?;
            let chosen = known.iter().find_map(|c| Language::stored(c.language.as_deref()));
            let lang = chosen.or(body.language).unwrap_or_else(|| tenant.language());
            let mail = templates::booking_code(&tenant.brand(), lang, &email, &code, CODE_MINUTES);
            outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
            Ok(Ok(()))
        })
        .await?;
    if let Err(wait) = outcome {
        return Err(throttled(wait));
    }
    state.outbox.wake();
    Ok(HttpResponse::Accepted().json(BookingCodeSent {
        message: format!("We sent a 6-digit code to {shown}."),
        expires_in: CODE_MINUTES * 60,
    }))
}

/// The client this visitor is: the one with this email (active before leads), or a new one.
fn visitor(
    conn: &mut DbConn,
    tenant: &TenantRow,
    settings: &BookingSettings,
    body: &PublicBooking,
    email: &str,
) -> Result<ClientRow, ApiError> {
    let known = client_store::by_email(conn, &tenant.id, email)?;
    let archived = ClientStatus::Archived.as_str();
    if let Some(client) = known
        .iter()
        .find(|c| c.status == ClientStatus::Active.as_str())
        .or_else(|| known.iter().find(|c| c.status != archived))
    {
        return Ok(client.clone());
    }
    if !known.is_empty() {
        return Err(ApiError::Conflict(format!(
            "{} cannot take bookings for this email online; please contact them directly.",
            tenant.name
        )));
    }
    let active = settings.new_client_status == NewClientStatus::Active;
    let at = now();
    let row = ClientRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        email: email.to_string(),
        name: body.name.trim().to_string(),
        phone: tidy(body.phone.clone()),
        company: None,
        notes: None,
        status: if active { ClientStatus::Active } else { ClientStatus::Lead }.as_str().to_string(),
        portal_enabled: active,
        invited_at: None,
        last_login_at: None,
        created_at: at,
        updated_at: at,
        email_opt_out: false,
        billing_address: None,
        tax_id: None,
        language: body.language.map(|l| l.as_str().to_string()),
        time_zone: body.time_zone.clone(),
    };
    client_store::insert(conn, &row)?;
    Ok(row)
}

/// Book as a visitor, with the code emailed to them. A wrong code counts against its tries
/// (401 says how many are left); a time no longer offered is 409 and the code stays good
/// for another try.
#[utoipa::path(
    tag = "portal",
    params(("slug" = String, Path, description = "The portal's slug")),
    request_body = PublicBooking,
    responses(
        (status = 201, description = "Booked", body = BookingMade,
            headers(("Location" = String, description = "URL of the appointment in the portal API"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "The code is wrong, expired or used up; ask for a new one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such portal, service on its public page, or staff member", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The time is not offered (past, too soon, too far ahead, outside hours, day full, taken), or this email cannot book online", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from your address; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/bookings")]
pub async fn make_public_booking(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: JsonBody<PublicBooking>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let body = body.into_inner();
    let ip = client_ip(&req).to_string();
    let config = state.config.clone();
    let keys = state.keys.clone();
    let max_tries = state.config.auth.code_max_attempts;
    // Refusals that must be kept (a counted hit, a wrong guess) come back as Ok(Err(…)),
    // so their transaction commits; a refused booking rolls back and leaves the code live.
    let outcome = state
        .db
        .write(move |conn| {
            let (tenant, settings) = open(conn, &slug)?;
            if let Err(wait) = per_ip(conn, &config, &tenant, &ip)? {
                return Ok(Err(throttled(wait)));
            }
            let service = actions::service(conn, &tenant.id, &body.service_id, Booker::Visitor)?;
            actions::staff_member(conn, &tenant.id, body.staff_id.as_deref())?;
            let email = normalize_email(&body.email);
            let code: String = body.code.chars().filter(char::is_ascii_digit).collect();
            match codes::check_code(conn, &keys, &realm(&tenant), &email, &code, max_tries)? {
                Checked::Proved => {}
                Checked::Wrong { left } if left > 0 => {
                    return Ok(Err(ApiError::Unauthorized(format!(
                        "That code is not right; {left} {} left.",
                        if left == 1 { "try" } else { "tries" }
                    ))));
                }
                _ => {
                    return Ok(Err(ApiError::Unauthorized(
                        "There is no live code for this email: it expired, was used, or had too many wrong tries. Ask for a new one."
                            .into(),
                    )));
                }
            }
            let client = visitor(conn, &tenant, &settings, &body, &email)?;
            let request = Request {
                service: &service,
                staff_id: body.staff_id.clone(),
                starts_at: body.starts_at,
                notes: body.notes.clone(),
            };
            let actor = Actor::Client { id: client.id.clone() };
            let named = actions::book(conn, &config, &tenant, &settings, &client, request, &actor)?;
            let portal_url = config.public(&format!("/portal/{}/appointments/{}", tenant.slug, named.row.id));
            let portal_access = client.portal_enabled && client.status == ClientStatus::Active.as_str();
            let appointment = view(named, &settings, now(), &[]);
            Ok(Ok(BookingMade { appointment, portal_url, portal_access }))
        })
        .await?;
    let made = outcome?;
    state.outbox.wake();
    let location = format!("/api/v1/portal/appointments/{}", made.appointment.id);
    Ok(HttpResponse::Created().insert_header((LOCATION, location)).json(made))
}
