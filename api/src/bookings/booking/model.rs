//! What clients and visitors send and get back when they book.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::bookings::appointments::model::PortalAppointment;
use crate::bookings::services::model::ServiceRow;
use crate::i18n::Language;
use crate::rules;

/// A service as the booking page offers it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BookableService {
    pub id: String,
    #[schema(example = "Cut and colour")]
    pub name: String,
    pub description: Option<String>,
    #[schema(example = 60)]
    pub duration_minutes: i32,
    /// In the currency's minor units; 0 for free.
    #[schema(example = 9000)]
    pub price_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
}

impl From<ServiceRow> for BookableService {
    fn from(s: ServiceRow) -> BookableService {
        BookableService {
            id: s.id,
            name: s.name,
            description: s.description,
            duration_minutes: s.duration_minutes,
            price_minor: s.price_minor,
            currency: s.currency,
        }
    }
}

/// Someone appointments can be with.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BookableStaff {
    pub id: String,
    #[schema(example = "Anna Weber")]
    pub name: String,
}

/// Everything a booking page shows before the slots: what can be booked, with whom, and
/// the rules.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BookingOptions {
    #[schema(example = "Lumen Design Studio")]
    pub business_name: String,
    /// The business's IANA time zone: opening hours and days are on its clock.
    #[schema(example = "Europe/Berlin")]
    pub timezone: String,
    pub services: Vec<BookableService>,
    /// Whom a client may pick; leave the choice out for "anyone".
    pub staff: Vec<BookableStaff>,
    /// Bookings start at least this many minutes from now.
    pub min_notice_minutes: i32,
    /// And at most this many days ahead.
    pub max_days_ahead: i32,
    /// Bookings wait for the business's confirmation (`pending`) before they are final.
    pub requires_confirmation: bool,
    /// Where appointments take place, unless told otherwise.
    pub location: Option<String>,
}

/// The free times for a new appointment.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NewSlotQuery {
    /// The service to book.
    pub service_id: String,
    /// A staff member; left out: anyone free.
    pub staff_id: Option<String>,
    /// First local date, `YYYY-MM-DD` (default today in the business's zone).
    #[param(value_type = Option<NaiveDate>, pattern = "^20[0-9]{2}-")]
    pub from: Option<String>,
    /// Last local date, inclusive (default `from` + 13 days; at most 31 days are answered).
    #[param(value_type = Option<NaiveDate>, pattern = "^20[0-9]{2}-")]
    pub to: Option<String>,
}

/// A client books an appointment in the portal.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"service_id": "019a7b10-7e21-7a4b-b1c2-d3e4f5a6b7c8", "starts_at": "2027-03-02T09:30:00Z", "notes": "First visit"}))]
pub struct BookAppointment {
    pub service_id: String,
    /// Left out: anyone free (the business assigns someone).
    pub staff_id: Option<String>,
    /// One of the `starts_at` of the slots.
    #[validate(custom(function = "rules::sane_instant"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub starts_at: DateTime<Utc>,
    /// For the business: what the appointment is about.
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
}

/// A visitor asks for the code that proves their email.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "maria@example.com", "language": "es"}))]
pub struct RequestBookingCode {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(max_length = 254, format = Email)]
    pub email: String,
    /// The page's language, for the email.
    pub language: Option<Language>,
}

/// The same answer whatever the address.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BookingCodeSent {
    #[schema(example = "We sent a 6-digit code to maria@example.com.")]
    pub message: String,
    /// Seconds the code stays valid.
    #[schema(example = 900)]
    pub expires_in: i64,
}

/// A visitor books on the public page, with the code emailed to them.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"service_id": "019a7b10-7e21-7a4b-b1c2-d3e4f5a6b7c8", "starts_at": "2027-03-02T09:30:00Z", "name": "Maria Lopez", "email": "maria@example.com", "phone": "+34 612 345 678", "code": "123456", "time_zone": "Europe/Madrid", "language": "es"}))]
pub struct PublicBooking {
    pub service_id: String,
    /// Left out: anyone free.
    pub staff_id: Option<String>,
    #[validate(custom(function = "rules::sane_instant"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub starts_at: DateTime<Utc>,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::one_line")
    )]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    pub name: String,
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(max_length = 254, format = Email)]
    pub email: String,
    #[validate(custom(function = "rules::phone"))]
    #[schema(min_length = 5, max_length = 32, pattern = "^[ +()./-]*(?:[0-9][ +()./-]*){5,}$")]
    pub phone: Option<String>,
    /// The 6 digits emailed by `…/booking/code`; spaces and dashes are ignored.
    #[validate(custom(function = "rules::login_code"))]
    #[schema(example = "123456", pattern = "^[ -]*(?:[0-9][ -]*){6}$")]
    pub code: String,
    /// The visitor's IANA zone (from the browser), kept for a new client.
    #[validate(custom(function = "rules::timezone"))]
    #[schema(value_type = Option<rules::TimeZoneName>)]
    pub time_zone: Option<String>,
    /// The page's language, kept for a new client.
    pub language: Option<Language>,
}

/// A booking made.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BookingMade {
    pub appointment: PortalAppointment,
    /// The appointment in the portal (log in with the same email).
    #[schema(example = "https://portal.example.com/portal/lumen/appointments/019a…")]
    pub portal_url: String,
    /// Whether the person can log in to the portal: a visitor who became a lead cannot
    /// until the business makes them a client.
    pub portal_access: bool,
}
