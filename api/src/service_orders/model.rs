//! Service order rows and the DTOs the API speaks, for staff and for the portal.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::schema::{service_order_events, service_order_lines, service_orders};
use crate::db::utc;
use crate::http::patch::double_option;
use crate::rules;

/// The counter kind numbers come from (see `db::counters`).
pub const COUNTER: &str = "service_order";
/// Most lines one order may hold.
pub const MAX_LINES: usize = 100;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = service_orders)]
pub struct ServiceOrderRow {
    pub id: String,
    pub tenant_id: String,
    pub client_id: String,
    pub number: i64,
    pub title: String,
    pub description: Option<String>,
    pub currency: String,
    pub estimated_completion: Option<NaiveDate>,
    pub status: String,
    pub status_changed_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = service_order_lines)]
pub struct LineRow {
    pub id: String,
    pub tenant_id: String,
    pub service_order_id: String,
    pub position: i32,
    pub description: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = service_order_events)]
pub struct EventRow {
    pub id: String,
    pub tenant_id: String,
    pub service_order_id: String,
    pub status: String,
    pub note: Option<String>,
    pub at: NaiveDateTime,
}

/// An order with everything its answer shows: the client's name, lines and history.
#[derive(Debug, Clone)]
pub struct OrderParts {
    pub order: ServiceOrderRow,
    pub client_name: String,
    pub lines: Vec<LineRow>,
    pub events: Vec<EventRow>,
}

crate::text_enum! {
    /// Where an order stands. It moves forward one step at a time, or is cancelled before delivery.
    pub enum ServiceOrderStatus {
        /// Taken in, not started.
        Received = "received",
        /// Being worked on.
        InProgress = "in_progress",
        /// Done, waiting for the client to collect it.
        Ready = "ready",
        /// Handed over. Final.
        Delivered = "delivered",
        /// Called off. Final.
        Cancelled = "cancelled",
    }
}

impl ServiceOrderStatus {
    /// Still being handled: the portal's "open" orders.
    pub const OPEN: [&'static str; 3] = ["received", "in_progress", "ready"];
    /// Finished one way or the other: the portal's "completed" orders.
    pub const COMPLETED: [&'static str; 2] = ["delivered", "cancelled"];

    /// Delivered and cancelled orders are records: they no longer change.
    pub fn is_final(self) -> bool {
        matches!(self, ServiceOrderStatus::Delivered | ServiceOrderStatus::Cancelled)
    }

    /// The transitions staff may make.
    pub fn can_become(self, to: ServiceOrderStatus) -> bool {
        use ServiceOrderStatus::*;
        matches!(
            (self, to),
            (Received, InProgress)
                | (InProgress, Ready)
                | (Ready, Delivered)
                | (Received | InProgress | Ready, Cancelled)
        )
    }

    /// The news as an email's headline in the reader's language: "Your order SO-0007 is
    /// ready for pickup".
    pub fn headline(self, lang: crate::i18n::Language, reference: &str) -> String {
        match self {
            ServiceOrderStatus::Received => crate::tr!(lang, "order-received", reference = reference),
            ServiceOrderStatus::InProgress => crate::tr!(lang, "order-in-progress", reference = reference),
            ServiceOrderStatus::Ready => crate::tr!(lang, "order-ready", reference = reference),
            ServiceOrderStatus::Delivered => crate::tr!(lang, "order-delivered", reference = reference),
            ServiceOrderStatus::Cancelled => crate::tr!(lang, "order-cancelled", reference = reference),
        }
    }

    /// How the order's state reads after "Order SO-0007 " in the timeline.
    pub fn phrase(self) -> &'static str {
        match self {
            ServiceOrderStatus::Received => "has been received",
            ServiceOrderStatus::InProgress => "is in progress",
            ServiceOrderStatus::Ready => "is ready for pickup",
            ServiceOrderStatus::Delivered => "has been delivered",
            ServiceOrderStatus::Cancelled => "has been cancelled",
        }
    }
}

/// `SO-0007`: the number as people quote it.
pub fn reference(number: i64) -> String {
    format!("SO-{number:04}")
}

/// One line of an order.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceOrderLine {
    pub id: String,
    #[schema(example = "Brochure print, A5, 4 pages")]
    pub description: String,
    #[schema(example = 200)]
    pub quantity: i64,
    /// Price of one unit, in minor units of the order's currency.
    #[schema(example = 150)]
    pub unit_price_minor: i64,
    /// `quantity × unit_price_minor`.
    #[schema(example = 30000)]
    pub total_minor: i64,
}

/// One status an order went through.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceOrderEvent {
    pub at: DateTime<Utc>,
    pub status: ServiceOrderStatus,
    /// What staff wrote with the change; shown to the client too.
    pub note: Option<String>,
}

/// A service order (a repair or a job), as staff see it: the client's view plus who the
/// client is.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceOrder {
    pub client_id: String,
    #[schema(example = "Maria Lopez")]
    pub client_name: String,
    #[serde(flatten)]
    pub order: PortalServiceOrder,
}

/// A service order as its client sees it in the portal.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalServiceOrder {
    pub id: String,
    #[schema(example = 7)]
    pub number: i64,
    #[schema(example = "SO-0007")]
    pub reference: String,
    #[schema(example = "Print run: 200 brochures")]
    pub title: String,
    pub description: Option<String>,
    pub lines: Vec<ServiceOrderLine>,
    #[schema(example = 30000)]
    pub total_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    pub estimated_completion: Option<NaiveDate>,
    pub status: ServiceOrderStatus,
    pub status_changed_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Every status the order went through, oldest first.
    pub history: Vec<ServiceOrderEvent>,
}

/// A page of service orders, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceOrderPage {
    pub items: Vec<ServiceOrder>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A page of the client's service orders, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalServiceOrderPage {
    pub items: Vec<PortalServiceOrder>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

fn status_of(s: &str) -> ServiceOrderStatus {
    ServiceOrderStatus::stored_or(s, ServiceOrderStatus::Received)
}

impl From<LineRow> for ServiceOrderLine {
    fn from(r: LineRow) -> ServiceOrderLine {
        ServiceOrderLine {
            total_minor: r.quantity.saturating_mul(r.unit_price_minor),
            id: r.id,
            description: r.description,
            quantity: r.quantity,
            unit_price_minor: r.unit_price_minor,
        }
    }
}

impl From<EventRow> for ServiceOrderEvent {
    fn from(r: EventRow) -> ServiceOrderEvent {
        ServiceOrderEvent { at: utc(r.at), status: status_of(&r.status), note: r.note }
    }
}

impl From<OrderParts> for PortalServiceOrder {
    fn from(p: OrderParts) -> PortalServiceOrder {
        let lines: Vec<ServiceOrderLine> = p.lines.into_iter().map(ServiceOrderLine::from).collect();
        let o = p.order;
        PortalServiceOrder {
            total_minor: lines.iter().fold(0i64, |sum, l| sum.saturating_add(l.total_minor)),
            lines,
            reference: reference(o.number),
            id: o.id,
            number: o.number,
            title: o.title,
            description: o.description,
            currency: o.currency,
            estimated_completion: o.estimated_completion,
            status: status_of(&o.status),
            status_changed_at: utc(o.status_changed_at),
            created_at: utc(o.created_at),
            updated_at: utc(o.updated_at),
            history: p.events.into_iter().map(ServiceOrderEvent::from).collect(),
        }
    }
}

impl From<OrderParts> for ServiceOrder {
    fn from(p: OrderParts) -> ServiceOrder {
        ServiceOrder { client_id: p.order.client_id.clone(), client_name: p.client_name.clone(), order: p.into() }
    }
}

impl EventRow {
    /// A history entry, at the same instant as the order's `status_changed_at`.
    pub fn of(
        order: &ServiceOrderRow,
        status: ServiceOrderStatus,
        note: Option<String>,
        at: NaiveDateTime,
    ) -> EventRow {
        EventRow {
            id: crate::db::new_id(),
            tenant_id: order.tenant_id.clone(),
            service_order_id: order.id.clone(),
            status: status.as_str().to_string(),
            note,
            at,
        }
    }
}

/// One line of a new or changed order.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLine {
    #[validate(
        length(min = 1, max = 500, message = "must be 1 to 500 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Brochure print, A5, 4 pages")]
    #[schema(min_length = 1, max_length = 500, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub description: String,
    #[validate(range(min = 1, max = 100_000, message = "must be a whole number from 1 to 100000"))]
    #[schema(example = 200, minimum = 1, maximum = 100000)]
    pub quantity: i64,
    /// Price of one unit in minor units of the tenant's currency (`150` is EUR 1.50).
    #[validate(range(min = 0, max = 100_000_000_000_i64, message = "must be a whole number from 0 to 100000000000"))]
    #[schema(example = 150, minimum = 0, maximum = 100000000000_i64)]
    pub unit_price_minor: i64,
}

/// Refuses more than `MAX_LINES` lines while reading the body, naming the field.
fn lines<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<NewLine>, D::Error> {
    let lines = Vec::<NewLine>::deserialize(de)?;
    if lines.len() > MAX_LINES {
        return Err(D::Error::custom(format!("must hold at most {MAX_LINES} lines")));
    }
    Ok(lines)
}

/// `lines` for PATCH: may be left out, never `null`.
fn some_lines<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Vec<NewLine>>, D::Error> {
    match Option::<serde_json::Value>::deserialize(de)? {
        None => Err(D::Error::custom("must not be null; leave the field out to keep the lines")),
        Some(value) => lines(value).map(Some).map_err(D::Error::custom),
    }
}

/// A new service order. It starts as `received`, numbered from the tenant's sequence.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateServiceOrder {
    /// The client the order is for, in your tenant.
    #[validate(length(min = 1, max = 100, message = "must be a client id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Print run: 200 brochures")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(max_length = 5000)]
    pub description: Option<String>,
    /// 0 to 100 lines. The totals are computed by the server.
    #[serde(default, deserialize_with = "lines")]
    #[validate(nested)]
    #[schema(max_items = 100)]
    pub lines: Vec<NewLine>,
    /// `YYYY-MM-DD`.
    #[schema(example = "2026-12-01")]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub estimated_completion: Option<NaiveDate>,
}

/// Changes to an order. Fields left out stay as they are; `null` clears `description` or
/// `estimated_completion`; `lines`, when sent, replaces every line.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"estimated_completion": "2026-12-10", "lines": [{"description": "Screen replacement", "quantity": 1, "unit_price_minor": 14900}]}))]
pub struct UpdateServiceOrder {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 5000)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "some_lines")]
    #[validate(nested)]
    #[schema(max_items = 100, nullable = false)]
    pub lines: Option<Vec<NewLine>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub estimated_completion: Option<Option<NaiveDate>>,
}

/// Move an order to another status.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "ready", "note": "Ready for pick-up at the front desk."}))]
pub struct ChangeServiceOrderStatus {
    /// received → in_progress → ready → delivered; or cancelled before delivery.
    pub status: ServiceOrderStatus,
    /// Shown to the client in the order's history and the email.
    #[validate(length(max = 1000, message = "must be at most 1000 characters"))]
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = service_orders)]
pub struct OrderChanges {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub estimated_completion: Option<Option<NaiveDate>>,
    pub status: Option<String>,
    pub status_changed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

pub use crate::rules::tidy;

/// The rows of `lines` for order `order_id`, in the order sent.
pub fn line_rows(tenant_id: &str, order_id: &str, lines: Vec<NewLine>) -> Vec<LineRow> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| LineRow {
            id: crate::db::new_id(),
            tenant_id: tenant_id.to_string(),
            service_order_id: order_id.to_string(),
            position: i as i32,
            description: l.description.trim().to_string(),
            quantity: l.quantity,
            unit_price_minor: l.unit_price_minor,
        })
        .collect()
}

impl UpdateServiceOrder {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("title", self.title.is_some()),
            ("description", self.description.is_some()),
            ("lines", self.lines.is_some()),
            ("estimated_completion", self.estimated_completion.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }

    /// The column changes, and the new lines when they are replaced.
    pub fn into_changes(self, now: NaiveDateTime) -> (OrderChanges, Option<Vec<NewLine>>) {
        let changes = OrderChanges {
            title: self.title.map(|t| t.trim().to_string()),
            description: self.description.map(tidy),
            estimated_completion: self.estimated_completion,
            status: None,
            status_changed_at: None,
            updated_at: now,
        };
        (changes, self.lines)
    }
}

/// Filters of the staff list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceOrderListQuery {
    /// `received`, `in_progress`, `ready`, `delivered` or `cancelled`. Default: all.
    #[param(value_type = Option<String>, pattern = "^(?:received|in_progress|ready|delivered|cancelled)?$")]
    pub status: Option<String>,
    /// Only this client's orders.
    pub client_id: Option<String>,
    /// Case-insensitive search in the title and the client's name; `SO-0007` or `7` finds
    /// order number 7.
    #[param(max_length = 200)]
    pub q: Option<String>,
}

/// Filters of the portal list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalServiceOrderListQuery {
    /// `open` (received, in progress, ready) or `completed` (delivered, cancelled).
    /// Default: both.
    #[param(value_type = Option<String>, pattern = "^(?:open|completed)?$")]
    pub state: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::ServiceOrderStatus::{self, *};
    use super::reference;

    #[test]
    fn only_the_documented_transitions_are_allowed() {
        let allowed = [
            (Received, InProgress),
            (InProgress, Ready),
            (Ready, Delivered),
            (Received, Cancelled),
            (InProgress, Cancelled),
            (Ready, Cancelled),
        ];
        for from in ServiceOrderStatus::ALL {
            for to in ServiceOrderStatus::ALL {
                assert_eq!(from.can_become(to), allowed.contains(&(from, to)), "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn references_are_zero_padded_to_four_digits() {
        assert_eq!(reference(7), "SO-0007");
        assert_eq!(reference(12345), "SO-12345");
    }
}
