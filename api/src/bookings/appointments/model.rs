//! Appointment rows, statuses and the DTOs staff speak.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::bookings::reviews::model::OwnReview;
use crate::db::schema::appointments;
use crate::db::utc;
use crate::http::patch::{double_option, no_null};
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = appointments)]
pub struct AppointmentRow {
    pub id: String,
    pub tenant_id: String,
    pub client_id: String,
    pub service_id: String,
    pub staff_id: Option<String>,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub status: String,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub cancel_reason: Option<String>,
    pub cancelled_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Raised by every change a calendar must apply (RFC 5545 `SEQUENCE`).
    pub sequence: i32,
}

/// An appointment row with the names it is shown with.
#[derive(Debug, Clone)]
pub struct Named {
    pub row: AppointmentRow,
    pub client_name: String,
    pub service_name: String,
    pub staff_name: Option<String>,
}

crate::text_enum! {
    /// Where an appointment stands.
    pub enum AppointmentStatus {
        /// Requested, not yet confirmed by the business. Holds its time.
        Pending = "pending",
        /// Agreed. Holds its time.
        Confirmed = "confirmed",
        /// Called off, by the client or the business. Frees its time.
        Cancelled = "cancelled",
        /// It took place.
        Completed = "completed",
        /// The client did not come.
        NoShow = "no_show",
    }
}

impl AppointmentStatus {
    /// The statuses that hold a time: no other booking may overlap them.
    pub const LIVE: [&'static str; 2] = ["pending", "confirmed"];

    pub fn is_live(self) -> bool {
        matches!(self, AppointmentStatus::Pending | AppointmentStatus::Confirmed)
    }

    /// The allowed moves: pending → confirmed; pending or confirmed → cancelled;
    /// confirmed → completed or no_show. Everything else is final or a skip.
    pub fn can_become(self, to: AppointmentStatus) -> bool {
        use AppointmentStatus::*;
        matches!((self, to), (Pending, Confirmed) | (Pending | Confirmed, Cancelled) | (Confirmed, Completed | NoShow))
    }
}

/// An appointment as staff see it (with internal notes).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Appointment {
    pub id: String,
    pub client_id: String,
    #[schema(example = "Maria Lopez")]
    pub client_name: String,
    pub service_id: String,
    #[schema(example = "Design consultation")]
    pub service_name: String,
    /// The staff member it is assigned to; `null` when anyone may take it.
    pub staff_id: Option<String>,
    pub staff_name: Option<String>,
    pub starts_at: DateTime<Utc>,
    /// `starts_at` plus the service's duration at booking time.
    pub ends_at: DateTime<Utc>,
    pub status: AppointmentStatus,
    pub location: Option<String>,
    /// Internal notes; never shown to the client.
    pub notes: Option<String>,
    pub cancel_reason: Option<String>,
    /// `client` or `staff`, once cancelled.
    #[schema(example = "client")]
    pub cancelled_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Named> for Appointment {
    fn from(n: Named) -> Appointment {
        let r = n.row;
        Appointment {
            status: AppointmentStatus::stored_or(&r.status, AppointmentStatus::Cancelled),
            id: r.id,
            client_id: r.client_id,
            client_name: n.client_name,
            service_id: r.service_id,
            service_name: n.service_name,
            staff_id: r.staff_id,
            staff_name: n.staff_name,
            starts_at: utc(r.starts_at),
            ends_at: utc(r.ends_at),
            location: r.location,
            notes: r.notes,
            cancel_reason: r.cancel_reason,
            cancelled_by: r.cancelled_by,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// A page of appointments, by start time.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AppointmentPage {
    pub items: Vec<Appointment>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Filters of the appointment list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AppointmentListQuery {
    /// Only appointments starting at or after this instant (RFC 3339).
    #[param(value_type = Option<DateTime<Utc>>)]
    pub from: Option<String>,
    /// Only appointments starting before this instant (RFC 3339).
    #[param(value_type = Option<DateTime<Utc>>)]
    pub to: Option<String>,
    /// One status: pending, confirmed, cancelled, completed or no_show.
    #[param(value_type = Option<String>, pattern = "^(?:pending|confirmed|cancelled|completed|no_show)$")]
    pub status: Option<String>,
    pub client_id: Option<String>,
    pub staff_id: Option<String>,
}

/// A new appointment booked by staff. Staff may book outside opening hours.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"client_id": "019a7b1c-0a2b-7c3d-8e4f-5a6b7c8d9e0f", "service_id": "019a7b10-7e21-7a4b-b1c2-d3e4f5a6b7c8", "starts_at": "2026-12-03T09:30:00Z", "location": "Studio, 12 rue Oberkampf", "notes": "First fitting"}))]
pub struct CreateAppointment {
    pub client_id: String,
    pub service_id: String,
    /// Leave out to let anyone take it.
    pub staff_id: Option<String>,
    #[validate(custom(function = "rules::sane_instant"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub starts_at: DateTime<Utc>,
    /// Default: the booking settings' location.
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub location: Option<String>,
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
    /// `pending` or `confirmed` (default).
    #[validate(custom(function = "bookable"))]
    pub status: Option<AppointmentStatus>,
}

fn bookable(status: &AppointmentStatus) -> Result<(), validator::ValidationError> {
    if status.is_live() {
        Ok(())
    } else {
        Err(validator::ValidationError::new("status").with_message("must be 'pending' or 'confirmed'".into()))
    }
}

/// Changes to a pending or confirmed appointment. Fields left out stay as they are; `null`
/// unassigns the staff member or clears the location or notes.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"starts_at": "2026-12-03T10:00:00Z", "location": "Video call"}))]
pub struct UpdateAppointment {
    #[serde(default, deserialize_with = "no_null")]
    #[schema(nullable = false)]
    pub service_id: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub staff_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "no_null")]
    #[validate(custom(function = "rules::sane_instant"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    #[schema(nullable = false)]
    pub starts_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 500)]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 10000)]
    pub notes: Option<Option<String>>,
}

impl UpdateAppointment {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("service_id", self.service_id.is_some()),
            ("staff_id", self.staff_id.is_some()),
            ("starts_at", self.starts_at.is_some()),
            ("location", self.location.is_some()),
            ("notes", self.notes.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }
}

/// A status change.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "completed", "reason": null}))]
pub struct ChangeStatus {
    pub status: AppointmentStatus,
    /// Why, for a cancellation; shown to the client.
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// An appointment as its client sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalAppointment {
    pub id: String,
    pub service_name: String,
    pub duration_minutes: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: AppointmentStatus,
    pub staff_name: Option<String>,
    pub location: Option<String>,
    pub cancel_reason: Option<String>,
    /// Whether the client may cancel it now (live, and before `cancel_deadline`).
    pub can_cancel: bool,
    /// `starts_at` minus the business's cancellation cutoff.
    pub cancel_deadline: DateTime<Utc>,
    /// Whether the client may move it now (same rule as cancelling).
    pub can_reschedule: bool,
    /// Whether the client may review it now (completed, not yet reviewed).
    pub can_review: bool,
    /// The client's review of it, if any.
    pub review: Option<OwnReview>,
}

/// One line of an appointment's history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    #[schema(example = "Booked for Tue 1 Dec, 10:00")]
    pub text: String,
}

/// An appointment with what happened to it, oldest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalAppointmentDetail {
    #[serde(flatten)]
    pub appointment: PortalAppointment,
    pub history: Vec<HistoryEntry>,
}

/// A page of the client's appointments.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalAppointmentPage {
    pub items: Vec<PortalAppointment>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Which appointments to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalAppointmentQuery {
    /// `upcoming` (default: pending or confirmed, not yet started, soonest first) or
    /// `past` (everything else, latest first).
    #[param(value_type = Option<String>, pattern = "^(?:upcoming|past)$")]
    pub when: Option<String>,
}

/// Calling an appointment off.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Something came up at work; I will book another day."}))]
pub struct CancelAppointment {
    /// Why, for the business.
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

/// Moving an appointment.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"starts_at": "2026-12-04T14:00:00Z"}))]
pub struct RescheduleAppointment {
    /// One of the `starts_at` of the appointment's slots.
    #[validate(custom(function = "rules::sane_instant"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub starts_at: DateTime<Utc>,
}
