//! What appointment use cases share, for the staff routes, the portal and the reviews: find
//! one in reach, check a time is free, move it along its allowed transitions, tell it as a
//! sentence.

use chrono::{DateTime, NaiveDateTime, TimeDelta};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde_json::json;

use super::model::{
    AppointmentRow, AppointmentStatus, HistoryEntry, Named, PortalAppointment, PortalAppointmentDetail,
};
use super::store;
use crate::activity::model::ActivityRow;
use crate::activity::store::{self as activity_store, Subject};
use crate::auth::{Actor, ClientPrincipal};
use crate::bookings::reviews::model::{OwnReview, ReviewRow};
use crate::bookings::reviews::store as review_store;
use crate::bookings::services::model::ServiceRow;
use crate::bookings::services::store as service_store;
use crate::bookings::settings::model::BookingSettings;
use crate::bookings::settings::store as settings_store;
use crate::bookings::tidy;
use crate::clients::model::ClientRow;
use crate::db::{DbConn, now, utc};
use crate::error::ApiError;
use crate::events;
use crate::http::page::{Cursor, PageQuery, no_such_page};
use crate::i18n::{Formats, Language};
use crate::staff::store as staff_store;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;
use crate::tr;

pub const TAKEN: &str = "That time is no longer free: it overlaps another appointment. Pick another time.";

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no appointment '{id}' here."))
}

/// A unique-index violation on the live (staff, start) pair is a lost race, not a bug.
pub fn taken(err: DieselError) -> ApiError {
    match err {
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => ApiError::Conflict(TAKEN.into()),
        other => other.into(),
    }
}

/// As a cursor part: microseconds, so it reads back exactly.
pub fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

/// Keeps `limit` rows and returns the cursor after the last, if more follow.
pub fn cut_page(rows: &mut Vec<Named>, limit: i64) -> Option<String> {
    // The key borrows a formatted time, which `next_cursor`'s borrowed keys cannot hold.
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    rows.last().filter(|_| more).map(|n| Cursor::encode(&[&stamp(n.row.starts_at), &n.row.id]))
}

/// The (starts_at, id) of a cursor.
pub fn after(page: &PageQuery) -> Result<Option<(NaiveDateTime, String)>, ApiError> {
    let Some(cursor) = page.cursor()? else { return Ok(None) };
    let parts = cursor.parts(2)?;
    let at = NaiveDateTime::parse_from_str(&parts[0], "%Y-%m-%dT%H:%M:%S%.f").map_err(|_| no_such_page())?;
    Ok(Some((at, parts[1].clone())))
}

pub fn instant(name: &str, raw: Option<&str>) -> Result<Option<NaiveDateTime>, ApiError> {
    raw.map(|r| {
        DateTime::parse_from_rfc3339(r).map(|t| t.naive_utc()).map_err(|_| {
            ApiError::BadRequest(format!(
                "'{name}' must be an RFC 3339 instant such as 2026-12-01T09:00:00Z, not '{r}'."
            ))
        })
    })
    .transpose()
}

/// Refuses a time the overlap rule does not allow. Call inside the write transaction,
/// after `store::lock_bookings`.
pub fn ensure_free(conn: &mut DbConn, row: &AppointmentRow) -> Result<(), ApiError> {
    let tenant = &row.tenant_id;
    if let Some(staff_id) = row.staff_id.as_deref()
        && store::overlapping(conn, tenant, row.starts_at, row.ends_at, Some(staff_id), Some(&row.id))? > 0
    {
        return Err(ApiError::Conflict(TAKEN.into()));
    }
    let capacity = store::staff_count(conn, tenant)?.max(1);
    if store::overlapping(conn, tenant, row.starts_at, row.ends_at, None, Some(&row.id))? >= capacity {
        return Err(ApiError::Conflict(TAKEN.into()));
    }
    Ok(())
}

/// Who cancelled, as the API shows it.
pub fn side(actor: &Actor) -> &'static str {
    if matches!(actor, Actor::Client { .. }) { "client" } else { "staff" }
}

pub fn subject(row: &AppointmentRow) -> Subject<'_> {
    Subject { kind: "appointment", id: &row.id, client_id: Some(&row.client_id) }
}

/// Reloads with names after a write.
pub fn reload(conn: &mut DbConn, row: &AppointmentRow) -> Result<Named, ApiError> {
    store::get(conn, &row.tenant_id, None, &row.id)?.ok_or_else(|| not_found(&row.id))
}

pub fn bookable_service(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<ServiceRow, ApiError> {
    match service_store::get(conn, tenant_id, id)? {
        Some(s) if s.active => Ok(s),
        Some(_) => Err(ApiError::Conflict(
            "The service named in 'service_id' is inactive; activate it or pick another.".into(),
        )),
        None => Err(ApiError::reference("service_id", "is not a service of this tenant")),
    }
}

pub fn known_staff(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<(), ApiError> {
    match staff_store::get(conn, tenant_id, id)? {
        Some(_) => Ok(()),
        None => Err(ApiError::reference("staff_id", "is not a staff member of this tenant")),
    }
}

/// Moves `row` to `to` if the transition is allowed (409 naming both statuses otherwise),
/// recording who did it. The caller's transaction holds the write.
pub fn transition(
    conn: &mut DbConn,
    actor: &Actor,
    mut row: AppointmentRow,
    to: AppointmentStatus,
    reason: Option<String>,
) -> Result<AppointmentRow, ApiError> {
    let from = AppointmentStatus::stored_or(&row.status, AppointmentStatus::Cancelled);
    if !from.can_become(to) {
        return Err(ApiError::Conflict(format!(
            "This appointment is {}; it cannot become {}.",
            from.as_str(),
            to.as_str()
        )));
    }
    row.status = to.as_str().to_string();
    crate::bookings::notices::bump(&mut row);
    let reason = tidy(reason);
    if to == AppointmentStatus::Cancelled {
        row.cancel_reason = reason.clone();
        row.cancelled_by = Some(side(actor).to_string());
    }
    store::save(conn, &row)?;
    let data = json!({ "from": from.as_str(), "reason": reason, "by": side(actor) });
    events::record(conn, &row.tenant_id, actor, to.as_str(), subject(&row), data)?;
    Ok(row)
}

/// A time in the tenant's zone, as an API message writes it: "Tue 1 Dec, 10:00".
pub fn local(settings: &BookingSettings, t: NaiveDateTime) -> String {
    utc(t).with_timezone(&settings.tz()).format("%a %-d %b, %H:%M").to_string()
}

/// A log entry as a sentence for the client, in their language with times on the
/// business's clock; `None` for entries they need not see.
pub fn sentence(row: &ActivityRow, settings: &BookingSettings, business: &str, f: &Formats) -> Option<String> {
    let data: serde_json::Value = serde_json::from_str(&row.data).unwrap_or_default();
    let when = |key: &str| {
        data[key]
            .as_str()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| f.date_time(t.with_timezone(&chrono::Utc), &settings.timezone))
            .unwrap_or_default()
    };
    let lang = f.language;
    let reason = data["reason"].as_str();
    Some(match (row.verb.as_str(), reason) {
        ("booked", _) => tr!(lang, "history-booked", when = when("starts_at")),
        ("moved", _) => tr!(lang, "history-moved", from = when("from"), to = when("to")),
        ("confirmed", _) => tr!(lang, "history-confirmed"),
        ("cancelled", None) if row.actor_kind == "client" => tr!(lang, "history-cancelled-by-you"),
        ("cancelled", Some(r)) if row.actor_kind == "client" => tr!(lang, "history-cancelled-by-you-why", reason = r),
        ("cancelled", None) => tr!(lang, "history-cancelled-by", business = business),
        ("cancelled", Some(r)) => tr!(lang, "history-cancelled-by-why", business = business, reason = r),
        ("completed", _) => tr!(lang, "history-completed"),
        ("no_show", _) => tr!(lang, "history-no-show"),
        ("updated", _) => tr!(lang, "history-updated"),
        _ => return None,
    })
}

pub fn deadline(settings: &BookingSettings, starts: NaiveDateTime) -> NaiveDateTime {
    starts - TimeDelta::hours(settings.cancellation_cutoff_hours.into())
}

pub fn view(n: Named, settings: &BookingSettings, at: NaiveDateTime, reviews: &[ReviewRow]) -> PortalAppointment {
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

pub fn detail(conn: &mut DbConn, who: &ClientPrincipal, named: Named) -> Result<PortalAppointmentDetail, ApiError> {
    let tenant = tenant_store::get(conn, &who.tenant_id)?;
    let settings = settings_store::for_tenant(conn, &tenant)?;
    let log = activity_store::list_for_subject(conn, &who.tenant_id, &who.client_id, "appointment", &named.row.id)?;
    let lang = who.accept_language.as_deref().and_then(Language::from_accept);
    let f = Formats::new(lang.unwrap_or_else(|| tenant.language()), &tenant.locale);
    let history = log
        .iter()
        .filter_map(|r| sentence(r, &settings, &tenant.name, &f).map(|text| HistoryEntry { at: utc(r.at), text }))
        .collect();
    let reviews = review_store::for_appointments(conn, &who.tenant_id, std::slice::from_ref(&named.row.id))?;
    Ok(PortalAppointmentDetail { appointment: view(named, &settings, now(), &reviews), history })
}

/// The client's appointment, refused (409) when it is over or past the cutoff.
pub fn changeable(
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

pub fn the_client(conn: &mut DbConn, who: &ClientPrincipal) -> Result<ClientRow, ApiError> {
    crate::clients::store::get(conn, &who.tenant_id, &who.client_id)?
        .ok_or_else(|| ApiError::Unauthorized("Your client account no longer exists.".into()))
}

pub const NOT_AVAILABLE: &str = "That time is not available any more; pick another.";
