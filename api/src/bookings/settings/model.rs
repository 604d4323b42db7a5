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
pub const DEFAULT_NOTICE_MINUTES: i32 = 60;
pub const DEFAULT_DAYS_AHEAD: i32 = 60;
/// A day and two hours before, as Cal.com and most salons do.
pub const DEFAULT_REMINDERS: [i32; 2] = [1440, 120];
/// At most this many reminders per appointment.
pub const MAX_REMINDERS: usize = 5;

crate::text_enum! {
    /// What a visitor who books on the public page becomes.
    pub enum NewClientStatus {
        /// A lead: staff decide whether they become a client (no portal until then).
        Lead = "lead",
        /// An active client with portal access.
        Active = "active",
    }
}

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
    pub min_notice_minutes: i32,
    pub max_days_ahead: i32,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub requires_confirmation: bool,
    pub public_booking: bool,
    pub new_client_status: String,
    pub reminder_offsets: String,
    pub sms_notices: bool,
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
    /// Clients and visitors may not book a start closer to now than this.
    #[schema(example = 60)]
    pub min_notice_minutes: i32,
    /// Nor further ahead than this many days.
    #[schema(example = 60)]
    pub max_days_ahead: i32,
    /// Free time kept before each appointment (counted against every other appointment).
    #[schema(example = 0)]
    pub buffer_before_minutes: i32,
    /// Free time kept after each appointment.
    #[schema(example = 10)]
    pub buffer_after_minutes: i32,
    /// Bookings made by clients and visitors stay `pending` until staff confirm them.
    pub requires_confirmation: bool,
    /// Whether the public booking page (`/book/{slug}`) takes bookings at all; which
    /// services it offers is set on each service (`public_booking`).
    pub public_booking: bool,
    /// What a visitor with an unknown email becomes when they book.
    pub new_client_status: NewClientStatus,
    /// Reminders before each appointment, in minutes before its start (by email, and by
    /// text message when `sms_notices` is on and the client has a phone).
    #[schema(example = json!([1440, 120]))]
    pub reminder_offsets_minutes: Vec<i32>,
    /// Appointment confirmations, changes and reminders also go by text message to clients
    /// with a phone (when the server has an SMS provider).
    pub sms_notices: bool,
}

/// The whole settings, replacing what was there.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"weekly_hours": [{"weekday": 1, "opens": "09:00", "closes": "17:30"}, {"weekday": 2, "opens": "09:00", "closes": "17:30"}], "closed_days": ["2026-12-25"], "cancellation_cutoff_hours": 24, "slot_step_minutes": 30, "location": "12 rue Oberkampf, Paris", "min_notice_minutes": 120, "max_days_ahead": 60, "buffer_after_minutes": 10, "requires_confirmation": false, "reminder_offsets_minutes": [1440, 120]}))]
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
    /// Left out: unchanged (so are the fields below).
    #[validate(range(min = 0, max = 43200, message = "must be 0 to 43200 minutes (30 days)"))]
    #[schema(minimum = 0, maximum = 43200)]
    pub min_notice_minutes: Option<i32>,
    #[validate(range(min = 1, max = 3650, message = "must be 1 to 3650 days"))]
    #[schema(minimum = 1, maximum = 3650)]
    pub max_days_ahead: Option<i32>,
    #[validate(range(min = 0, max = 240, message = "must be 0 to 240 minutes"))]
    #[schema(minimum = 0, maximum = 240)]
    pub buffer_before_minutes: Option<i32>,
    #[validate(range(min = 0, max = 240, message = "must be 0 to 240 minutes"))]
    #[schema(minimum = 0, maximum = 240)]
    pub buffer_after_minutes: Option<i32>,
    pub requires_confirmation: Option<bool>,
    pub public_booking: Option<bool>,
    pub new_client_status: Option<NewClientStatus>,
    /// At most 5, each 5 to 20160 minutes (14 days), no two alike; `[]` sends none.
    #[validate(custom(function = "valid_offsets"))]
    #[schema(value_type = Option<ReminderOffsets>, example = json!([1440, 120]))]
    pub reminder_offsets_minutes: Option<Vec<i32>>,
    pub sms_notices: Option<bool>,
}

/// How the spec states the reminders: at most 5 distinct integers from 5 to 20160, so a
/// generated client refuses what the server would.
pub struct ReminderOffsets;

impl utoipa::PartialSchema for ReminderOffsets {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
        let item = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Int32)))
            .minimum(Some(5))
            .maximum(Some(20160));
        ArrayBuilder::new()
            .items(item)
            .max_items(Some(MAX_REMINDERS))
            .unique_items(true)
            .description(Some(
                "Minutes before the start, at most 5, each 5 to 20160 (14 days), no two alike; `[]` sends none.",
            ))
            .into()
    }
}

impl utoipa::ToSchema for ReminderOffsets {}

fn valid_offsets(offsets: &[i32]) -> Result<(), ValidationError> {
    let bad = |m: &str| Err(ValidationError::new("reminder_offsets_minutes").with_message(m.to_string().into()));
    if offsets.len() > MAX_REMINDERS {
        return bad("must list at most 5 reminders");
    }
    if offsets.iter().any(|m| !(5..=20160).contains(m)) {
        return bad("each reminder must be 5 to 20160 minutes (14 days) before the start");
    }
    let mut sorted = offsets.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != offsets.len() {
        return bad("must not list the same reminder twice");
    }
    Ok(())
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
                min_notice_minutes: r.min_notice_minutes,
                max_days_ahead: r.max_days_ahead,
                buffer_before_minutes: r.buffer_before_minutes,
                buffer_after_minutes: r.buffer_after_minutes,
                requires_confirmation: r.requires_confirmation,
                public_booking: r.public_booking,
                new_client_status: NewClientStatus::stored_or(&r.new_client_status, NewClientStatus::Active),
                reminder_offsets_minutes: serde_json::from_str(&r.reminder_offsets)
                    .unwrap_or_else(|_| DEFAULT_REMINDERS.to_vec()),
                sms_notices: r.sms_notices,
            },
            None => BookingSettings {
                timezone,
                weekly_hours: default_hours(),
                closed_days: Vec::new(),
                cancellation_cutoff_hours: DEFAULT_CUTOFF_HOURS,
                slot_step_minutes: DEFAULT_STEP_MINUTES,
                location: None,
                min_notice_minutes: DEFAULT_NOTICE_MINUTES,
                max_days_ahead: DEFAULT_DAYS_AHEAD,
                buffer_before_minutes: 0,
                buffer_after_minutes: 0,
                requires_confirmation: false,
                public_booking: true,
                new_client_status: NewClientStatus::Active,
                reminder_offsets_minutes: DEFAULT_REMINDERS.to_vec(),
                sms_notices: false,
            },
        }
    }

    /// The tenant's zone; UTC if the stored name is unknown (it is validated on write).
    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::UTC)
    }
}

impl UpdateBookingSettings {
    /// The row to store: what this update says, and `current` for what it leaves out.
    pub fn into_row(self, tenant_id: &str, current: &BookingSettings, now: NaiveDateTime) -> SettingsRow {
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
            min_notice_minutes: self.min_notice_minutes.unwrap_or(current.min_notice_minutes),
            max_days_ahead: self.max_days_ahead.unwrap_or(current.max_days_ahead),
            buffer_before_minutes: self.buffer_before_minutes.unwrap_or(current.buffer_before_minutes),
            buffer_after_minutes: self.buffer_after_minutes.unwrap_or(current.buffer_after_minutes),
            requires_confirmation: self.requires_confirmation.unwrap_or(current.requires_confirmation),
            public_booking: self.public_booking.unwrap_or(current.public_booking),
            new_client_status: self.new_client_status.unwrap_or(current.new_client_status).as_str().to_string(),
            reminder_offsets: serde_json::to_string(&{
                let mut offsets =
                    self.reminder_offsets_minutes.unwrap_or_else(|| current.reminder_offsets_minutes.clone());
                offsets.sort_unstable_by(|a, b| b.cmp(a));
                offsets
            })
            .unwrap_or_else(|_| "[]".into()),
            sms_notices: self.sms_notices.unwrap_or(current.sms_notices),
        }
    }
}
