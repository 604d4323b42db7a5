//! Service rows and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::bookings::tidy;
use crate::db::schema::services;
use crate::db::utc;
use crate::http::patch::{double_option, no_null};
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = services)]
pub struct ServiceRow {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    pub description: Option<String>,
    pub duration_minutes: i32,
    pub price_minor: i64,
    pub currency: String,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub public_booking: bool,
    pub daily_cap: Option<i32>,
}

/// Something a client can book: a consultation, a workshop, a call.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Service {
    pub id: String,
    #[schema(example = "Design consultation")]
    pub name: String,
    pub description: Option<String>,
    /// How long one appointment lasts, 5 to 720 minutes.
    #[schema(example = 60)]
    pub duration_minutes: i32,
    /// The price in the currency's minor units (cents); 0 for a free service.
    #[schema(example = 9000)]
    pub price_minor: i64,
    /// The tenant's ISO 4217 currency.
    #[schema(example = "EUR")]
    pub currency: String,
    /// Inactive services cannot be booked and are left out of lists unless asked for.
    pub active: bool,
    /// Offered on the public booking page to visitors (clients in the portal may book
    /// every active service).
    pub public_booking: bool,
    /// At most this many live appointments of this service per day (the business's day);
    /// `null`: no cap.
    #[schema(example = 8)]
    pub daily_cap: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ServiceRow> for Service {
    fn from(r: ServiceRow) -> Service {
        Service {
            id: r.id,
            name: r.name,
            description: r.description,
            duration_minutes: r.duration_minutes,
            price_minor: r.price_minor,
            currency: r.currency,
            active: r.active,
            public_booking: r.public_booking,
            daily_cap: r.daily_cap,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// The tenant's services, by name.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceList {
    pub items: Vec<Service>,
}

/// Filters of the service list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceListQuery {
    /// `true` to list inactive services too.
    pub include_inactive: Option<bool>,
}

/// A new service, priced in the tenant's currency.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateService {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Design consultation")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    #[validate(range(min = 5, max = 720, message = "must be 5 to 720 minutes"))]
    #[schema(example = 60)]
    #[schema(minimum = 5, maximum = 720)]
    pub duration_minutes: i32,
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(example = 9000)]
    #[schema(minimum = 0)]
    pub price_minor: i64,
    /// Default `true`.
    pub active: Option<bool>,
    /// Default `false`: only clients in the portal can book it.
    pub public_booking: Option<bool>,
    /// Default none.
    #[validate(range(min = 1, max = 500, message = "must be 1 to 500 appointments a day"))]
    #[schema(minimum = 1, maximum = 500)]
    pub daily_cap: Option<i32>,
}

/// Changes to a service. Fields left out stay as they are; `null` clears the description.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"duration_minutes": 45, "price_minor": 6500, "active": true}))]
pub struct UpdateService {
    #[serde(default, deserialize_with = "no_null")]
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 2000)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "no_null")]
    #[validate(range(min = 5, max = 720, message = "must be 5 to 720 minutes"))]
    #[schema(minimum = 5, maximum = 720, nullable = false)]
    pub duration_minutes: Option<i32>,
    #[serde(default, deserialize_with = "no_null")]
    #[validate(range(min = 0, message = "must not be negative"))]
    #[schema(minimum = 0, nullable = false)]
    pub price_minor: Option<i64>,
    #[serde(default, deserialize_with = "no_null")]
    #[schema(nullable = false)]
    pub active: Option<bool>,
    #[serde(default, deserialize_with = "no_null")]
    #[schema(nullable = false)]
    pub public_booking: Option<bool>,
    /// `null` removes the cap.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(range(min = 1, max = 500, message = "must be 1 to 500 appointments a day"))]
    #[schema(value_type = Option<i32>, nullable, minimum = 1, maximum = 500)]
    pub daily_cap: Option<Option<i32>>,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = services)]
pub struct ServiceChanges {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
    pub duration_minutes: Option<i32>,
    pub price_minor: Option<i64>,
    pub active: Option<bool>,
    pub public_booking: Option<bool>,
    pub daily_cap: Option<Option<i32>>,
    pub updated_at: NaiveDateTime,
}

impl CreateService {
    pub fn into_row(self, tenant_id: &str, currency: &str, id: String, now: NaiveDateTime) -> ServiceRow {
        ServiceRow {
            id,
            tenant_id: tenant_id.to_string(),
            name: self.name.trim().to_string(),
            description: tidy(self.description),
            duration_minutes: self.duration_minutes,
            price_minor: self.price_minor,
            currency: currency.to_string(),
            active: self.active.unwrap_or(true),
            created_at: now,
            updated_at: now,
            public_booking: self.public_booking.unwrap_or(false),
            daily_cap: self.daily_cap,
        }
    }
}

impl UpdateService {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("name", self.name.is_some()),
            ("description", self.description.is_some()),
            ("duration_minutes", self.duration_minutes.is_some()),
            ("price_minor", self.price_minor.is_some()),
            ("active", self.active.is_some()),
            ("public_booking", self.public_booking.is_some()),
            ("daily_cap", self.daily_cap.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }

    pub fn into_changes(self, now: NaiveDateTime) -> ServiceChanges {
        ServiceChanges {
            name: self.name.map(|n| n.trim().to_string()),
            description: self.description.map(tidy),
            duration_minutes: self.duration_minutes,
            price_minor: self.price_minor,
            active: self.active,
            public_booking: self.public_booking,
            daily_cap: self.daily_cap,
            updated_at: now,
        }
    }
}
