//! The booking settings row and its API shape. Opening hours are local wall-clock times in
//! the tenant's time zone; they are stored as JSON text because they are read and written whole.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::db::schema::booking_settings;

pub const DEFAULT_CUTOFF_HOURS: i32 = 24;
pub const DEFAULT_STEP_MINUTES: i32 = 15;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = booking_settings)]
pub struct SettingsRow {
    pub tenant_id: String,
    pub weekly_hours: String,
    pub closed_days: String,
    pub cancellation_cutoff_hours: i32,
    pub slot_step_minutes: i32,
    pub location: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// One opening interval on one weekday, in the tenant's local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpeningInterval {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    #[schema(example = 1, minimum = 1, maximum = 7)]
    pub weekday: u8,
    /// `HH:MM`, local time.
    #[schema(example = "09:00", pattern = "^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub opens: String,
    /// `HH:MM`, local time, after `opens`.
    #[schema(example = "17:30", pattern = "^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub closes: String,
}

impl OpeningInterval {
    /// The interval as times; `None` when either is not `HH:MM`.
    pub fn times(&self) -> Option<(NaiveTime, NaiveTime)> {
        let parse = |s: &str| if s.len() == 5 { NaiveTime::parse_from_str(s, "%H:%M").ok() } else { None };
        Some((parse(&self.opens)?, parse(&self.closes)?))
    }
}

/// When and how clients can book.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BookingSettings {
    /// The tenant's IANA time zone (change it on the tenant); every local time here is in it.
    #[schema(example = "Europe/Berlin")]
    pub timezone: String,
    /// Opening intervals; several per day are allowed, none overlapping.
    pub weekly_hours: Vec<OpeningInterval>,
    /// Local dates the business is closed.
    #[schema(value_type = Vec<String>, example = json!(["2026-12-25"]))]
    pub closed_days: Vec<NaiveDate>,
    /// Clients may cancel in the portal until this many hours before the start.
    #[schema(example = 24)]
    pub cancellation_cutoff_hours: i32,
    /// Offered start times are this many minutes apart.
    #[schema(example = 15)]
    pub slot_step_minutes: i32,
    /// Where appointments take place unless an appointment says otherwise.
    pub location: Option<String>,
}

/// The whole settings, replacing what was there.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"weekly_hours": [{"weekday": 1, "opens": "09:00", "closes": "17:30"}, {"weekday": 2, "opens": "09:00", "closes": "17:30"}], "closed_days": ["2026-12-25"], "cancellation_cutoff_hours": 24, "slot_step_minutes": 30, "location": "12 rue Oberkampf, Paris"}))]
pub struct UpdateBookingSettings {
    #[validate(custom(function = "valid_hours"))]
    #[schema(max_items = 100)]
    pub weekly_hours: Vec<OpeningInterval>,
    #[validate(length(max = 1000, message = "must list at most 1000 days"))]
    #[schema(value_type = Vec<NaiveDate>)]
    #[schema(max_items = 1000)]
    pub closed_days: Vec<NaiveDate>,
    #[validate(range(min = 0, max = 720, message = "must be 0 to 720 hours"))]
    #[schema(minimum = 0, maximum = 720)]
    pub cancellation_cutoff_hours: i32,
    #[validate(range(min = 5, max = 120, message = "must be 5 to 120 minutes"))]
    #[schema(minimum = 5, maximum = 120)]
    pub slot_step_minutes: i32,
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub location: Option<String>,
}

fn invalid(message: String) -> ValidationError {
    ValidationError::new("weekly_hours").with_message(message.into())
}

/// Weekdays 1–7, `HH:MM` times, opens before closes, no two intervals of a day overlapping.
fn valid_hours(hours: &[OpeningInterval]) -> Result<(), ValidationError> {
    if hours.len() > 100 {
        return Err(invalid("must list at most 100 intervals".into()));
    }
    let mut parsed = Vec::with_capacity(hours.len());
    for (i, h) in hours.iter().enumerate() {
        if !(1..=7).contains(&h.weekday) {
            return Err(invalid(format!("item {i}: weekday must be 1 (Monday) to 7 (Sunday)")));
        }
        let Some((opens, closes)) = h.times() else {
            return Err(invalid(format!("item {i}: opens and closes must be times as HH:MM")));
        };
        if opens >= closes {
            return Err(invalid(format!("item {i}: opens must be before closes")));
        }
        parsed.push((h.weekday, opens, closes));
    }
    parsed.sort();
    for pair in parsed.windows(2) {
        if pair[0].0 == pair[1].0 && pair[1].1 < pair[0].2 {
            return Err(invalid(format!("intervals of weekday {} overlap", pair[0].0)));
        }
    }
    Ok(())
}

/// Monday to Friday, 09:00–17:00.
pub fn default_hours() -> Vec<OpeningInterval> {
    (1..=5).map(|weekday| OpeningInterval { weekday, opens: "09:00".into(), closes: "17:00".into() }).collect()
}

impl BookingSettings {
    /// The stored settings, or the defaults when the tenant never saved any.
    pub fn of(timezone: String, row: Option<SettingsRow>) -> BookingSettings {
        match row {
            Some(r) => BookingSettings {
                timezone,
                weekly_hours: serde_json::from_str(&r.weekly_hours).unwrap_or_else(|_| default_hours()),
                closed_days: serde_json::from_str(&r.closed_days).unwrap_or_default(),
                cancellation_cutoff_hours: r.cancellation_cutoff_hours,
                slot_step_minutes: r.slot_step_minutes,
                location: r.location,
            },
            None => BookingSettings {
                timezone,
                weekly_hours: default_hours(),
                closed_days: Vec::new(),
                cancellation_cutoff_hours: DEFAULT_CUTOFF_HOURS,
                slot_step_minutes: DEFAULT_STEP_MINUTES,
                location: None,
            },
        }
    }

    /// The tenant's zone; UTC if the stored name is unknown (it is validated on write).
    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::UTC)
    }
}

impl UpdateBookingSettings {
    pub fn into_row(self, tenant_id: &str, now: NaiveDateTime) -> SettingsRow {
        let mut hours = self.weekly_hours;
        hours.sort_by(|a, b| (a.weekday, &a.opens).cmp(&(b.weekday, &b.opens)));
        let mut days = self.closed_days;
        days.sort();
        days.dedup();
        SettingsRow {
            tenant_id: tenant_id.to_string(),
            weekly_hours: serde_json::to_string(&hours).unwrap_or_else(|_| "[]".into()),
            closed_days: serde_json::to_string(&days).unwrap_or_else(|_| "[]".into()),
            cancellation_cutoff_hours: self.cancellation_cutoff_hours,
            slot_step_minutes: self.slot_step_minutes,
            location: self.location.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()),
            updated_at: now,
        }
    }
}
