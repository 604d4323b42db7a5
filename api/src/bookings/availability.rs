//! Free slots for a new appointment or for moving one: what `slots` computes, loaded from
//! the database and answered as `SlotList`. Staff see them at `/appointments/{id}/slots`
//! and `/availability`; the portal and the public booking page offer the same lists and
//! accept only their times.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use std::collections::HashMap;

use super::appointments::actions::{NOT_AVAILABLE, not_found};
use super::appointments::model::AppointmentRow;
use super::appointments::store::{self, Held};
use super::services::model::ServiceRow;
use super::services::store as service_store;
use super::settings::model::BookingSettings;
use super::settings::store as settings_store;
use super::slots::{self, Busy, Rules};
use crate::db::utc;
use crate::db::{DbConn, now};
use crate::error::ApiError;

/// The longest range one request may ask for.
pub const MAX_DAYS: i64 = 31;

/// One free start time.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Free times for an appointment, as UTC instants.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SlotList {
    /// The tenant's zone, in which `from`/`to` and opening hours are read.
    #[schema(example = "Europe/Berlin")]
    pub timezone: String,
    pub duration_minutes: i64,
    pub slots: Vec<Slot>,
}

/// The local dates to look at.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlotQuery {
    /// First local date, `YYYY-MM-DD` (default today in the tenant's zone).
    #[param(value_type = Option<NaiveDate>, pattern = "^20[0-9]{2}-")]
    pub from: Option<String>,
    /// Last local date, inclusive (default `from` + 13 days). At most 31 days are answered:
    /// a longer range stops at `from` + 30 days, and a `to` before `from` has no slots.
    #[param(value_type = Option<NaiveDate>, pattern = "^20[0-9]{2}-")]
    pub to: Option<String>,
}

fn date(name: &str, raw: &str) -> Result<NaiveDate, ApiError> {
    let bad = || ApiError::BadRequest(format!("'{name}' must be a date from 2000 to 2099 as YYYY-MM-DD, not '{raw}'."));
    let day = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| bad())?;
    crate::rules::sane_date(&day).map_err(|_| bad())?;
    Ok(day)
}

/// The dates to answer, defaults filled in from today in `tz`: `None` when `to` is before
/// `from` (no dates, so no slots), and never more than [`MAX_DAYS`].
pub fn range(q: &SlotQuery, tz: chrono_tz::Tz) -> Result<Option<(NaiveDate, NaiveDate)>, ApiError> {
    let today = Utc::now().with_timezone(&tz).date_naive();
    let from = q.from.as_deref().map(|f| date("from", f)).transpose()?.unwrap_or(today);
    let to = q.to.as_deref().map(|t| date("to", t)).transpose()?.unwrap_or(from + TimeDelta::days(13));
    if to < from {
        return Ok(None);
    }
    Ok(Some((from, to.min(from + TimeDelta::days(MAX_DAYS - 1)))))
}

/// What a time is wanted for.
pub struct Wanted<'a> {
    pub service: &'a ServiceRow,
    /// A staff member, or anyone.
    pub staff_id: Option<&'a str>,
    /// The appointment being moved, whose own time does not count as busy.
    pub except: Option<&'a str>,
    /// A client or a visitor: held to the notice and the horizon. Staff are offered every
    /// free time from now on.
    pub by_client: bool,
}

/// The tenant's live appointments around some local dates, and how many may run at once:
/// read once, then asked as often as a computation needs (every staff member for "anyone",
/// every rule for a refusal) without going back to the database.
pub struct Calendar {
    held: Vec<Held>,
    busy: Vec<Busy>,
    capacity: i64,
}

impl Calendar {
    /// Live appointments other than `except` around the local dates `from..=to`.
    pub fn load(
        conn: &mut DbConn,
        tenant_id: &str,
        except: Option<&str>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Calendar, ApiError> {
        // A day either side covers every zone's offset from UTC.
        let window = |d: NaiveDate| -> NaiveDateTime { d.and_hms_opt(0, 0, 0).unwrap_or_default() };
        let held =
            store::busy(conn, tenant_id, window(from - TimeDelta::days(1)), window(to + TimeDelta::days(2)), except)?;
        let busy = held
            .iter()
            .map(|(staff_id, _, starts, ends)| Busy {
                staff_id: staff_id.clone(),
                starts: utc(*starts),
                ends: utc(*ends),
            })
            .collect();
        Ok(Calendar { held, busy, capacity: store::staff_count(conn, tenant_id)? })
    }

    /// How many appointments matching `which` start on each local date.
    fn per_day(&self, tz: chrono_tz::Tz, which: impl Fn(&Held) -> bool) -> HashMap<NaiveDate, usize> {
        let mut days = HashMap::new();
        for h in self.held.iter().filter(|h| which(h)) {
            *days.entry(utc(h.2).with_timezone(&tz).date_naive()).or_default() += 1;
        }
        days
    }

    /// The local dates on which `service` reached its daily cap.
    fn full_days(&self, service: &ServiceRow, tz: chrono_tz::Tz) -> Vec<NaiveDate> {
        let Some(cap) = service.daily_cap else { return Vec::new() };
        let counts = self.per_day(tz, |h| h.1 == service.id);
        counts.into_iter().filter(|(_, n)| *n >= cap as usize).map(|(d, _)| d).collect()
    }

    /// How many appointments `staff_id` has on the local date `day`.
    pub fn load_of(&self, staff_id: &str, day: NaiveDate, tz: chrono_tz::Tz) -> usize {
        self.per_day(tz, |h| h.0.as_deref() == Some(staff_id)).get(&day).copied().unwrap_or(0)
    }

    /// Free starts on the local dates `from..=to` for `wanted`, under the tenant's settings.
    pub fn free(
        &self,
        settings: &BookingSettings,
        wanted: &Wanted<'_>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<DateTime<Utc>> {
        let tz = settings.tz();
        let full_days = self.full_days(wanted.service, tz);
        let at = utc(now());
        let rules = Rules {
            earliest: if wanted.by_client { at + TimeDelta::minutes(settings.min_notice_minutes.into()) } else { at },
            latest: wanted.by_client.then(|| at + TimeDelta::days(settings.max_days_ahead.into())),
            buffer_before_minutes: settings.buffer_before_minutes.into(),
            buffer_after_minutes: settings.buffer_after_minutes.into(),
            full_days: &full_days,
            staff_id: wanted.staff_id,
            capacity: self.capacity,
            busy: &self.busy,
            ..opening(settings, wanted.service)
        };
        slots::free_starts(&rules, from, to)
    }
}

/// The business's start times for `service` with nobody busy and no limit in time: the
/// base every computation narrows.
fn opening<'a>(settings: &'a BookingSettings, service: &ServiceRow) -> Rules<'a> {
    Rules {
        tz: settings.tz(),
        hours: &settings.weekly_hours,
        closed: &settings.closed_days,
        step_minutes: settings.slot_step_minutes.into(),
        duration_minutes: service.duration_minutes.into(),
        earliest: DateTime::<Utc>::MIN_UTC,
        latest: None,
        buffer_before_minutes: 0,
        buffer_after_minutes: 0,
        full_days: &[],
        staff_id: None,
        capacity: i64::MAX,
        busy: &[],
    }
}

/// Free starts on the local dates `from..=to` for `wanted`, under the tenant's settings.
pub fn offer(
    conn: &mut DbConn,
    tenant_id: &str,
    settings: &BookingSettings,
    wanted: &Wanted<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DateTime<Utc>>, ApiError> {
    Ok(Calendar::load(conn, tenant_id, wanted.except, from, to)?.free(settings, wanted, from, to))
}

/// Why `starts` is not offered to a client, in words they can act on; `None` when it is.
pub fn refusal(
    conn: &mut DbConn,
    tenant_id: &str,
    settings: &BookingSettings,
    wanted: &Wanted<'_>,
    starts: DateTime<Utc>,
) -> Result<Option<String>, ApiError> {
    let at = utc(now());
    let notice = i64::from(settings.min_notice_minutes);
    if starts < at + TimeDelta::minutes(notice) {
        return Ok(Some(if starts < at {
            "That time is in the past; pick a time from the free slots.".to_string()
        } else {
            format!("Bookings need at least {notice} minutes' notice; pick a later time.")
        }));
    }
    if starts > at + TimeDelta::days(settings.max_days_ahead.into()) {
        return Ok(Some(format!("Bookings open at most {} days ahead; pick an earlier day.", settings.max_days_ahead)));
    }
    let tz = settings.tz();
    let day = starts.with_timezone(&tz).date_naive();
    let calendar = Calendar::load(conn, tenant_id, wanted.except, day, day)?;
    if calendar.free(settings, wanted, day, day).contains(&starts) {
        return Ok(None);
    }
    // The same computation with nobody busy: whether the time is a start at all.
    let alone = Rules { earliest: starts, latest: Some(starts), ..opening(settings, wanted.service) };
    if !slots::free_starts(&alone, day, day).contains(&starts) {
        return Ok(Some(
            "That time is outside the business's opening hours, or not one of its start times; pick a time from the free slots."
                .to_string(),
        ));
    }
    if let Some(cap) = wanted.service.daily_cap
        && calendar.full_days(wanted.service, tz).contains(&day)
    {
        return Ok(Some(format!("{} is fully booked that day ({cap} a day); pick another day.", wanted.service.name)));
    }
    Ok(Some(NOT_AVAILABLE.to_string()))
}

/// Free starts for moving `row` on the local dates `from..=to`, held to the client's rules.
pub fn free_starts(
    conn: &mut DbConn,
    row: &AppointmentRow,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(String, i64, Vec<DateTime<Utc>>), ApiError> {
    let settings = settings_store::load(conn, &row.tenant_id)?;
    let service = service_store::get(conn, &row.tenant_id, &row.service_id)?.ok_or_else(|| not_found(&row.id))?;
    let wanted =
        Wanted { service: &service, staff_id: row.staff_id.as_deref(), except: Some(&row.id), by_client: true };
    let starts = offer(conn, &row.tenant_id, &settings, &wanted, from, to)?;
    Ok((settings.timezone.clone(), service.duration_minutes.into(), starts))
}

/// `free_starts` as the API answers it.
pub fn slot_list(conn: &mut DbConn, row: &AppointmentRow, q: &SlotQuery) -> Result<SlotList, ApiError> {
    let settings = settings_store::load(conn, &row.tenant_id)?;
    let Some((from, to)) = range(q, settings.tz())? else {
        let minutes = service_store::get(conn, &row.tenant_id, &row.service_id)?
            .ok_or_else(|| not_found(&row.id))?
            .duration_minutes;
        return Ok(SlotList { timezone: settings.timezone, duration_minutes: minutes.into(), slots: vec![] });
    };
    let (timezone, minutes, starts) = free_starts(conn, row, from, to)?;
    Ok(list(timezone, minutes, starts))
}

/// Starts as the API answers them.
pub fn list(timezone: String, minutes: i64, starts: Vec<DateTime<Utc>>) -> SlotList {
    let slots = starts.into_iter().map(|s| Slot { starts_at: s, ends_at: s + TimeDelta::minutes(minutes) }).collect();
    SlotList { timezone, duration_minutes: minutes, slots }
}
