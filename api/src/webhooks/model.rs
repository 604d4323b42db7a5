//! Webhook rows and their API shapes. The signing secret leaves the server only in the
//! answers to create and rotate-secret.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use super::events;
use crate::db::schema::{webhook_deliveries, webhook_endpoints, webhook_messages};
use crate::db::utc;
use crate::http::patch::{double_option, no_null};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointRow {
    pub id: String,
    pub tenant_id: String,
    pub url: String,
    pub description: Option<String>,
    /// Space-separated event types.
    pub events: String,
    pub enabled: bool,
    /// Sealed by the vault under `context(tenant, id)`.
    pub secret: String,
    pub failing_since: Option<NaiveDateTime>,
    pub last_success_at: Option<NaiveDateTime>,
    pub last_failure_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl EndpointRow {
    pub fn event_list(&self) -> Vec<String> {
        self.events.split_whitespace().map(str::to_string).collect()
    }

    pub fn subscribes_to(&self, event: &str) -> bool {
        self.events.split_whitespace().any(|e| e == event)
    }

    pub fn status(&self) -> EndpointStatus {
        match (self.enabled, self.failing_since) {
            (false, _) => EndpointStatus::Disabled,
            (true, Some(_)) => EndpointStatus::Failing,
            (true, None) => EndpointStatus::Active,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_messages)]
pub struct MessageRow {
    pub id: String,
    pub tenant_id: String,
    pub event_type: String,
    pub body: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: String,
    pub tenant_id: String,
    pub endpoint_id: String,
    pub message_id: String,
    pub event_type: String,
    pub attempt: i32,
    pub status_code: Option<i32>,
    pub delivered: bool,
    pub duration_ms: i64,
    pub error: Option<String>,
    pub at: NaiveDateTime,
}

/// Whether an endpoint receives events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EndpointStatus {
    /// Enabled, and its last message got through (or none has run out of retries).
    Active,
    /// Enabled, but a message ran out of retries (about a day of them); events are still
    /// sent, and the next success makes it active again.
    Failing,
    /// Turned off by staff: nothing is sent to it.
    Disabled,
}

/// A registered webhook endpoint, without its secret.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookEndpoint {
    pub id: String,
    #[schema(example = "https://hooks.example.com/portico")]
    pub url: String,
    #[schema(example = "Sync paid invoices to the accounting system")]
    pub description: Option<String>,
    /// The event types it receives.
    #[schema(example = json!(["quote.accepted", "invoice.paid"]))]
    pub events: Vec<String>,
    pub enabled: bool,
    pub status: EndpointStatus,
    /// Since when a message has run out of retries; `null` unless failing.
    pub failing_since: Option<DateTime<Utc>>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub last_failure_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<EndpointRow> for WebhookEndpoint {
    fn from(r: EndpointRow) -> WebhookEndpoint {
        WebhookEndpoint {
            events: r.event_list(),
            status: r.status(),
            id: r.id,
            url: r.url,
            description: r.description,
            enabled: r.enabled,
            failing_since: r.failing_since.map(utc),
            last_success_at: r.last_success_at.map(utc),
            last_failure_at: r.last_failure_at.map(utc),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// An endpoint just created, or whose secret was just rotated: the only time the signing
/// secret is shown.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookEndpointWithSecret {
    #[serde(flatten)]
    pub endpoint: WebhookEndpoint,
    /// The signing secret, `whsec_` + base64. Store it now: it cannot be shown again.
    /// Verify each request as Standard Webhooks says: HMAC-SHA256, keyed with the
    /// base64-decoded part after `whsec_`, over `{webhook-id}.{webhook-timestamp}.{body}`.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

/// All endpoints of the tenant, oldest first (a tenant has a handful).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookEndpointList {
    pub items: Vec<WebhookEndpoint>,
}

/// At most this many endpoints per tenant, so one event cannot fan out without bound.
pub const MAX_ENDPOINTS: i64 = 20;

fn known_events(events: &[String]) -> Result<(), ValidationError> {
    match events.iter().find(|e| !events::is_known(e)) {
        None => Ok(()),
        Some(bad) => {
            let mut e = ValidationError::new("event");
            e.message =
                Some(format!("'{bad}' is not an event type; GET /api/v1/webhooks/event-types lists them").into());
            Err(e)
        }
    }
}

/// A new endpoint.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhookEndpoint {
    /// Where events are POSTed: `https://` (plain `http` and private addresses only when the
    /// server allows them for development).
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(example = "https://hooks.example.com/portico")]
    #[schema(min_length = 1, max_length = 2000)]
    #[schema(
        pattern = "^https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#]\\S*)?$"
    )]
    pub url: String,
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// The event types to receive; at least one.
    #[validate(
        length(min = 1, max = 50, message = "must list 1 to 50 event types"),
        custom(function = "known_events")
    )]
    #[schema(example = json!(["quote.accepted", "invoice.paid"]))]
    #[schema(min_items = 1, max_items = 50, value_type = Vec<super::events::EventName>)]
    pub events: Vec<String>,
    /// Defaults to true.
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// Changes to an endpoint; what is left out stays as it is.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"events": ["quote.accepted", "invoice.paid", "payment.received"], "enabled": true}))]
pub struct UpdateWebhookEndpoint {
    #[serde(default, deserialize_with = "no_null")]
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000, nullable = false)]
    #[schema(
        pattern = "^https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,4})?(?:[/?#]\\S*)?$"
    )]
    pub url: Option<String>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "no_null")]
    #[validate(
        length(min = 1, max = 50, message = "must list 1 to 50 event types"),
        custom(function = "known_events")
    )]
    #[schema(min_items = 1, max_items = 50, nullable = false, value_type = Vec<super::events::EventName>)]
    pub events: Option<Vec<String>>,
    /// Turning an endpoint off stops deliveries to it, retries included; turning it on
    /// again clears `failing`.
    #[serde(default, deserialize_with = "no_null")]
    #[schema(nullable = false)]
    pub enabled: Option<bool>,
}

impl UpdateWebhookEndpoint {
    /// The names of the fields present, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        let mut f = Vec::new();
        if self.url.is_some() {
            f.push("url");
        }
        if self.description.is_some() {
            f.push("description");
        }
        if self.events.is_some() {
            f.push("events");
        }
        if self.enabled.is_some() {
            f.push("enabled");
        }
        f
    }
}

/// The event types an endpoint can subscribe to.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEventTypeList {
    pub items: Vec<events::EventType>,
}

/// One delivery attempt.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookDelivery {
    pub id: String,
    /// The message (`webhook-id` header): the same on every attempt and resend.
    #[schema(example = "msg_01938f2a7c4e7b1d9a3f5e6d7c8b9a0f")]
    pub message_id: String,
    #[schema(example = "quote.accepted")]
    pub event_type: String,
    /// 1 for the first try of a message or of a resend, one more per retry.
    pub attempt: i32,
    /// The receiver's HTTP status; `null` when no answer came.
    pub status_code: Option<i32>,
    /// A 2xx answer.
    pub delivered: bool,
    pub duration_ms: i64,
    /// Why it failed: the status, a timeout, a refused address, a connection error.
    pub error: Option<String>,
    pub at: DateTime<Utc>,
}

impl From<DeliveryRow> for WebhookDelivery {
    fn from(r: DeliveryRow) -> WebhookDelivery {
        WebhookDelivery {
            id: r.id,
            message_id: r.message_id,
            event_type: r.event_type,
            attempt: r.attempt,
            status_code: r.status_code,
            delivered: r.delivered,
            duration_ms: r.duration_ms,
            error: r.error,
            at: utc(r.at),
        }
    }
}

/// A page of delivery attempts, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookDeliveryPage {
    pub items: Vec<WebhookDelivery>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A message queued for delivery (test event, resend).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QueuedWebhook {
    /// The `webhook-id` it will carry.
    pub message_id: String,
    pub event_type: String,
    pub endpoint_id: String,
}

/// The body every endpoint receives, as Standard Webhooks shapes it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookPayload {
    /// The event type, e.g. `quote.accepted`, or `webhook.test`.
    #[schema(example = "quote.accepted")]
    #[serde(rename = "type")]
    pub kind: String,
    /// When the event happened (RFC 3339, UTC); the same on retries and resends.
    pub timestamp: DateTime<Utc>,
    pub data: WebhookPayloadData,
}

/// What the event is about. Besides the fields below, `data` carries the details of the
/// activity entry the event comes from (e.g. `number`, `title`, `from`, `to`, `comment`,
/// `amount_minor`, `currency`); fetch the object with the REST API for the rest.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookPayloadData {
    /// The object's id.
    pub id: String,
    /// Its kind: `client`, `appointment`, `service_order`, `deliverable`, `message`,
    /// `quote`, `contract`, `invoice`, `payment`, `feedback` (or `webhook` for the test).
    #[schema(example = "quote")]
    pub object: String,
    /// The client concerned; `null` for staff-only entries (an internal note).
    pub client_id: Option<String>,
    /// The project, for objects that live in one (deliverables, messages, feedback).
    pub project_id: Option<String>,
    /// Who did it: `kind` is `staff`, `client`, `api_key` or `system`.
    #[schema(value_type = Object, example = json!({ "kind": "client", "id": "0193…" }))]
    pub actor: serde_json::Value,
}
