//! The demo's bookings: services, opening hours, a few appointments (Maria has one of each
//! kind) and a review.

use chrono::TimeDelta;
use serde_json::json;

use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::bookings::appointments::model::{AppointmentRow, AppointmentStatus};
use crate::bookings::appointments::store as appointment_store;
use crate::bookings::reviews::model::ReviewRow;
use crate::bookings::reviews::store as review_store;
use crate::bookings::services::model::ServiceRow;
use crate::bookings::services::store as service_store;
use crate::bookings::settings::model::{BookingSettings, UpdateBookingSettings, default_hours};
use crate::bookings::settings::store as settings_store;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::staff::store as staff_store;
use crate::tenants::model::TenantRow;

/// name, minutes, price in cents
const SERVICES: &[(&str, &str, i32, i64)] = &[
    ("Design consultation", "An hour to talk through your space, your brand or your site.", 60, 9000),
    ("Brand workshop", "Two hours to shape your brand's voice, colours and type.", 120, 24000),
    ("Website review", "A walk through your website with concrete fixes.", 45, 7000),
    ("Quick call", "Half an hour for a question or a next step.", 30, 0),
];

/// client index, service index, days from today (moved off weekends), local hour, status
type DemoAppointment = (usize, usize, i64, u32, AppointmentStatus);

const APPOINTMENTS: &[DemoAppointment] = &[
    (0, 0, 3, 10, AppointmentStatus::Confirmed),
    (0, 1, 10, 14, AppointmentStatus::Pending),
    (0, 2, -14, 11, AppointmentStatus::Completed),
    (0, 3, 5, 15, AppointmentStatus::Cancelled),
    (1, 3, 2, 9, AppointmentStatus::Confirmed),
    (5, 0, -7, 10, AppointmentStatus::Completed),
    (6, 2, 4, 13, AppointmentStatus::Confirmed),
];

/// A weekday `days` from today at `hour` local time, in UTC (a weekend moves to Monday).
fn local_slot(tz: chrono_tz::Tz, days: i64, hour: u32) -> chrono::NaiveDateTime {
    use chrono::{Datelike, TimeZone, Weekday};
    let mut day = chrono::Utc::now().with_timezone(&tz).date_naive() + TimeDelta::days(days);
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day += TimeDelta::days(1);
    }
    let local = day.and_hms_opt(hour, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&local).earliest().map(|t| t.naive_utc()).unwrap_or(local)
}

/// Services, opening hours, a few appointments (Maria has one of each kind) and a review.
pub fn seed(conn: &mut DbConn, tenant: &TenantRow, clients: &[String]) -> Result<(), ApiError> {
    let at = now();
    let settings = UpdateBookingSettings {
        weekly_hours: default_hours(),
        closed_days: Vec::new(),
        cancellation_cutoff_hours: 24,
        slot_step_minutes: 15,
        location: Some("Lumen Design Studio, Torstraße 12, Berlin".into()),
        min_notice_minutes: None,
        max_days_ahead: None,
        buffer_before_minutes: None,
        buffer_after_minutes: Some(10),
        requires_confirmation: None,
        public_booking: None,
        new_client_status: None,
        reminder_offsets_minutes: None,
        sms_notices: None,
    };
    let defaults = BookingSettings::of(tenant.timezone.clone(), None);
    settings_store::save(conn, &settings.into_row(&tenant.id, &defaults, at))?;
    let mut services = Vec::new();
    for (name, description, minutes, price) in SERVICES {
        let row = ServiceRow {
            id: new_id(),
            tenant_id: tenant.id.clone(),
            name: name.to_string(),
            description: Some(description.to_string()),
            duration_minutes: *minutes,
            price_minor: *price,
            currency: tenant.currency.clone(),
            active: true,
            created_at: at,
            updated_at: at,
            // Every demo service is on the public page, so `/book/demo` shows the whole loop.
            public_booking: true,
            daily_cap: None,
        };
        service_store::insert(conn, &row)?;
        services.push(row);
    }
    let owner = staff_store::list(conn, &tenant.id)?.into_iter().next().map(|s| s.id);
    let tz: chrono_tz::Tz = tenant.timezone.parse().unwrap_or(chrono_tz::UTC);
    for (client, service, days, hour, status) in APPOINTMENTS {
        let (client_id, service) = (&clients[*client], &services[*service]);
        let starts = local_slot(tz, *days, *hour);
        let cancelled = *status == AppointmentStatus::Cancelled;
        let row = AppointmentRow {
            id: new_id(),
            tenant_id: tenant.id.clone(),
            client_id: client_id.clone(),
            service_id: service.id.clone(),
            staff_id: owner.clone(),
            starts_at: starts,
            ends_at: starts + TimeDelta::minutes(service.duration_minutes.into()),
            status: status.as_str().to_string(),
            location: Some("Lumen Design Studio, Torstraße 12, Berlin".into()),
            notes: None,
            cancel_reason: cancelled.then(|| "Travelling that week".to_string()),
            cancelled_by: cancelled.then(|| "client".to_string()),
            created_at: at,
            updated_at: at,
            sequence: 0,
        };
        appointment_store::insert(conn, &row)?;
        let subject = Subject { kind: "appointment", id: &row.id, client_id: Some(client_id) };
        let data = json!({ "starts_at": crate::db::utc(starts), "service_name": service.name });
        events::record(conn, &tenant.id, &Actor::System, "booked", subject, data)?;
        if *client == 5 {
            let review = ReviewRow {
                id: new_id(),
                tenant_id: tenant.id.clone(),
                appointment_id: row.id.clone(),
                client_id: client_id.clone(),
                rating: 5,
                text: Some("Lumen turned our messy ideas into a clear plan. Warmly recommended.".into()),
                status: "approved".into(),
                created_at: at,
                moderated_at: Some(at),
            };
            review_store::insert(conn, &review)?;
        }
    }
    Ok(())
}
