//! Booking a new appointment as a client or a visitor: the options a page shows, the free
//! slots, and the booking itself (held to the business's rules, serialised against every
//! other booking of the tenant, told to everyone, reminders set).

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::json;

use super::model::{BookableService, BookableStaff, BookingOptions, NewSlotQuery};
use crate::auth::Actor;
use crate::bookings::appointments::actions::{ensure_free, reload, subject, taken};
use crate::bookings::appointments::model::{AppointmentRow, AppointmentStatus, Named};
use crate::bookings::appointments::store;
use crate::bookings::availability::{self, Calendar, SlotList, SlotQuery, Wanted};
use crate::bookings::notices::{self, Told};
use crate::bookings::reminders;
use crate::bookings::services::model::ServiceRow;
use crate::bookings::services::store as service_store;
use crate::bookings::settings::model::BookingSettings;
use crate::bookings::tidy;
use crate::clients::model::ClientRow;
use crate::config::Config;
use crate::db::{DbConn, new_id, now, utc};
use crate::error::ApiError;
use crate::events;
use crate::staff::store as staff_store;
use crate::tenants::model::TenantRow;

/// Who is booking: a client in the portal may book every active service; a visitor only
/// those the business put on its public page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booker {
    Client,
    Visitor,
}

fn offered(service: &ServiceRow, booker: Booker) -> bool {
    service.active && (booker == Booker::Client || service.public_booking)
}

/// The services `booker` may book, by name.
pub fn services(conn: &mut DbConn, tenant_id: &str, booker: Booker) -> Result<Vec<ServiceRow>, ApiError> {
    Ok(service_store::list(conn, tenant_id, false)?.into_iter().filter(|s| offered(s, booker)).collect())
}

/// A service `booker` may book, or 404 naming the field (an inactive service, another
/// tenant's and one not on the public page read the same).
pub fn service(conn: &mut DbConn, tenant_id: &str, id: &str, booker: Booker) -> Result<ServiceRow, ApiError> {
    match service_store::get(conn, tenant_id, id)? {
        Some(s) if offered(&s, booker) => Ok(s),
        _ => Err(ApiError::reference("service_id", "is not a service you can book here")),
    }
}

/// A staff member of the tenant, or 404 naming the field.
pub fn staff_member(conn: &mut DbConn, tenant_id: &str, id: Option<&str>) -> Result<(), ApiError> {
    match id {
        Some(id) if staff_store::get(conn, tenant_id, id)?.is_none() => {
            Err(ApiError::reference("staff_id", "is not someone you can book with here"))
        }
        _ => Ok(()),
    }
}

pub fn options(
    conn: &mut DbConn,
    tenant: &TenantRow,
    settings: &BookingSettings,
    booker: Booker,
) -> Result<BookingOptions, ApiError> {
    let mut staff: Vec<BookableStaff> =
        staff_store::list(conn, &tenant.id)?.into_iter().map(|s| BookableStaff { id: s.id, name: s.name }).collect();
    staff.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(BookingOptions {
        business_name: tenant.name.clone(),
        timezone: tenant.timezone.clone(),
        services: services(conn, &tenant.id, booker)?.into_iter().map(BookableService::from).collect(),
        staff,
        min_notice_minutes: settings.min_notice_minutes,
        max_days_ahead: settings.max_days_ahead,
        requires_confirmation: settings.requires_confirmation,
        location: settings.location.clone(),
    })
}

/// The free slots for a new appointment.
pub fn slots(
    conn: &mut DbConn,
    tenant_id: &str,
    settings: &BookingSettings,
    q: &NewSlotQuery,
    booker: Option<Booker>,
) -> Result<SlotList, ApiError> {
    let service = match booker {
        Some(b) => self::service(conn, tenant_id, &q.service_id, b)?,
        None => service_store::get(conn, tenant_id, &q.service_id)?
            .ok_or_else(|| ApiError::reference("service_id", "is not a service of this tenant"))?,
    };
    staff_member(conn, tenant_id, q.staff_id.as_deref())?;
    let minutes = i64::from(service.duration_minutes);
    let range = SlotQuery { from: q.from.clone(), to: q.to.clone() };
    let Some((from, to)) = availability::range(&range, settings.tz())? else {
        return Ok(availability::list(settings.timezone.clone(), minutes, vec![]));
    };
    let wanted =
        Wanted { service: &service, staff_id: q.staff_id.as_deref(), except: None, by_client: booker.is_some() };
    let starts = availability::offer(conn, tenant_id, settings, &wanted, from, to)?;
    Ok(availability::list(settings.timezone.clone(), minutes, starts))
}

/// For "anyone": the staff member free at `starts` with the fewest appointments that day;
/// `None` when only the capacity rule leaves room (unassigned bookings hold the others).
fn pick(
    conn: &mut DbConn,
    tenant_id: &str,
    settings: &BookingSettings,
    service: &ServiceRow,
    starts: DateTime<Utc>,
) -> Result<Option<String>, ApiError> {
    let tz = settings.tz();
    let day = starts.with_timezone(&tz).date_naive();
    let calendar = Calendar::load(conn, tenant_id, None, day, day)?;
    let mut best: Option<(usize, String)> = None;
    for member in staff_store::list(conn, tenant_id)? {
        let wanted = Wanted { service, staff_id: Some(&member.id), except: None, by_client: true };
        if !calendar.free(settings, &wanted, day, day).contains(&starts) {
            continue;
        }
        let load = calendar.load_of(&member.id, day, tz);
        if best.as_ref().is_none_or(|(n, _)| load < *n) {
            best = Some((load, member.id));
        }
    }
    Ok(best.map(|(_, id)| id))
}

/// What a booking asks for.
pub struct Request<'a> {
    pub service: &'a ServiceRow,
    pub staff_id: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub notes: Option<String>,
}

/// Books `request` for `client`, in the caller's write transaction: 409 with the reason when
/// the time is not offered (notice, horizon, hours, daily cap, taken), and otherwise the
/// appointment, told to the client and the staff, with its reminders.
pub fn book(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    settings: &BookingSettings,
    client: &ClientRow,
    request: Request<'_>,
    actor: &Actor,
) -> Result<Named, ApiError> {
    // Taken first: no other booking of the tenant can slip between the check and the insert.
    store::lock_bookings(conn, &tenant.id)?;
    let wanted =
        Wanted { service: request.service, staff_id: request.staff_id.as_deref(), except: None, by_client: true };
    if let Some(why) = availability::refusal(conn, &tenant.id, settings, &wanted, request.starts_at)? {
        return Err(ApiError::Conflict(why));
    }
    let staff_id = match request.staff_id {
        Some(id) => Some(id),
        None => pick(conn, &tenant.id, settings, request.service, request.starts_at)?,
    };
    let at = now();
    let starts = request.starts_at.naive_utc();
    let status = if settings.requires_confirmation { AppointmentStatus::Pending } else { AppointmentStatus::Confirmed };
    let row = AppointmentRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        client_id: client.id.clone(),
        service_id: request.service.id.clone(),
        staff_id,
        starts_at: starts,
        ends_at: starts + TimeDelta::minutes(request.service.duration_minutes.into()),
        status: status.as_str().to_string(),
        location: settings.location.clone(),
        notes: tidy(request.notes),
        cancel_reason: None,
        cancelled_by: None,
        created_at: at,
        updated_at: at,
        sequence: 0,
    };
    ensure_free(conn, &row)?;
    store::insert(conn, &row).map_err(taken)?;
    let data = json!({ "starts_at": utc(row.starts_at), "service_name": request.service.name, "status": row.status });
    events::record(conn, &tenant.id, actor, "booked", subject(&row), data)?;
    reminders::schedule(conn, settings, &row)?;
    let named = reload(conn, &row)?;
    notices::tell(conn, config, tenant, settings, &named, client, Told::Booked, actor)?;
    Ok(named)
}
