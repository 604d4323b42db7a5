//! Free slots for moving an appointment: what `slots` computes, loaded from the database
//! and answered as `SlotList`. Staff see them at `/appointments/{id}/slots`
//! (`appointments::routes`); the portal
//! offers the same list and accepts only its times when a client reschedules.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::appointments::actions::not_found;
use super::appointments::model::AppointmentRow;
use super::appointments::store;
use super::services::store as service_store;
use super::settings::store as settings_store;
use super::slots::{self, Busy, Rules};
use crate::db::utc;
use crate::db::{DbConn, now};
use crate::error::ApiError;

/// Clients may not book closer to now than this.
pub const NOTICE_MINUTES: i64 = 60;

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

/// Free starts for moving `row` on the local dates `from..=to`, never before `now` + 1 h.
pub fn free_starts(
    conn: &mut DbConn,
    row: &AppointmentRow,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(String, i64, Vec<DateTime<Utc>>), ApiError> {
    let settings = settings_store::load(conn, &row.tenant_id)?;
    let service = service_store::get(conn, &row.tenant_id, &row.service_id)?.ok_or_else(|| not_found(&row.id))?;
    // A day either side covers every zone's offset from UTC.
    let window = |d: NaiveDate| -> NaiveDateTime { d.and_hms_opt(0, 0, 0).unwrap_or_default() };
    let busy: Vec<Busy> = store::busy(
        conn,
        &row.tenant_id,
        window(from - TimeDelta::days(1)),
        window(to + TimeDelta::days(2)),
        Some(&row.id),
    )?
    .into_iter()
    .map(|(staff_id, starts, ends)| Busy { staff_id, starts: utc(starts), ends: utc(ends) })
    .collect();
    let rules = Rules {
        tz: settings.tz(),
        hours: &settings.weekly_hours,
        closed: &settings.closed_days,
        step_minutes: settings.slot_step_minutes.into(),
        duration_minutes: service.duration_minutes.into(),
        earliest: utc(now()) + TimeDelta::minutes(NOTICE_MINUTES),
        staff_id: row.staff_id.as_deref(),
        capacity: store::staff_count(conn, &row.tenant_id)?,
        busy: &busy,
    };
    let starts = slots::free_starts(&rules, from, to);
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
    let slots = starts.into_iter().map(|s| Slot { starts_at: s, ends_at: s + TimeDelta::minutes(minutes) }).collect();
    Ok(SlotList { timezone, duration_minutes: minutes, slots })
}
