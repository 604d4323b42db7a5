//! Payment, provider, checkout and webhook-event rows, and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::db::schema::{checkout_sessions, payment_events, payment_providers};
use crate::db::utc;
use crate::http::patch::double_option;
use crate::invoices::model::{PaymentMethod, rules_error};
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = payment_providers)]
pub struct ProviderRow {
    pub tenant_id: String,
    pub provider: String,
    /// Sealed by the vault; never the plain key.
    pub secret_key: String,
    pub webhook_secret: Option<String>,
    pub key_hint: String,
    pub enabled: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = checkout_sessions)]
pub struct CheckoutRow {
    pub id: String,
    pub tenant_id: String,
    pub invoice_id: String,
    pub provider: String,
    pub provider_ref: String,
    pub amount_minor: i64,
    pub currency: String,
    pub checkout_url: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub completed_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = payment_events)]
pub struct PaymentEventRow {
    pub id: String,
    pub tenant_id: String,
    pub provider: String,
    pub event_id: String,
    pub event_type: String,
    pub invoice_id: Option<String>,
    pub outcome: String,
    pub detail: Option<String>,
    pub received_at: NaiveDateTime,
}

/// A provider webhook we received, and what we did with it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PaymentEvent {
    pub id: String,
    #[schema(example = "stripe")]
    pub provider: String,
    /// The provider's event id.
    pub event_id: String,
    #[schema(example = "checkout.session.completed")]
    pub event_type: String,
    pub invoice_id: Option<String>,
    /// `recorded` (a payment was recorded), `duplicate` (already recorded), `rejected`
    /// (amount, currency or session did not match, or the invoice could not take it),
    /// `ignored` (an event type we do not act on).
    #[schema(example = "recorded")]
    pub outcome: String,
    /// Why it was rejected or ignored.
    pub detail: Option<String>,
    pub received_at: DateTime<Utc>,
}

impl From<PaymentEventRow> for PaymentEvent {
    fn from(r: PaymentEventRow) -> PaymentEvent {
        PaymentEvent {
            id: r.id,
            provider: r.provider,
            event_id: r.event_id,
            event_type: r.event_type,
            invoice_id: r.invoice_id,
            outcome: r.outcome,
            detail: r.detail,
            received_at: utc(r.received_at),
        }
    }
}

/// A page of webhook events, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PaymentEventPage {
    pub items: Vec<PaymentEvent>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

crate::text_enum! {
    /// An online payment provider.
    pub enum ProviderKind {
        Stripe = "stripe",
        Paystack = "paystack",
    }
}

impl ProviderKind {
    pub fn method(self) -> PaymentMethod {
        match self {
            ProviderKind::Stripe => PaymentMethod::Stripe,
            ProviderKind::Paystack => PaymentMethod::Paystack,
        }
    }
}

/// A provider as staff see it: never the key itself.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PaymentProviderInfo {
    pub provider: ProviderKind,
    /// Whether clients are offered it ("Pay now").
    pub enabled: bool,
    /// The last four characters of the secret key; `null` when no key is set.
    #[schema(example = "4242")]
    pub key_hint: Option<String>,
    /// Paste this into the provider's dashboard as the webhook endpoint.
    #[schema(example = "https://portal.example/api/v1/payments/webhooks/stripe/0193…")]
    pub webhook_url: String,
}

/// The tenant's billing settings and payment providers.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BillingSettings {
    #[schema(example = "Q")]
    pub quote_prefix: String,
    #[schema(example = "INV")]
    pub invoice_prefix: String,
    /// Days from issue to due date for new invoices.
    #[schema(example = 14)]
    pub payment_terms_days: i32,
    /// Days a new quote stays valid.
    #[schema(example = 30)]
    pub quote_valid_days: i32,
    /// Address, tax number, bank details: printed on every quote and invoice.
    pub billing_details: Option<String>,
    /// Both providers, configured or not.
    pub providers: Vec<PaymentProviderInfo>,
}

fn prefix(value: &str) -> Result<(), ValidationError> {
    let ok = (1..=10).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    if ok { Ok(()) } else { Err(rules_error("must be 1 to 10 characters of A–Z, 0–9 and '-'")) }
}

/// Changes to the billing settings; fields left out stay as they are.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateBillingSettings {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(custom(function = "prefix"))]
    #[schema(example = "Q")]
    #[schema(nullable = false, pattern = "^[A-Z0-9-]{1,10}$")]
    pub quote_prefix: Option<String>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(custom(function = "prefix"))]
    #[schema(example = "INV")]
    #[schema(nullable = false, pattern = "^[A-Z0-9-]{1,10}$")]
    pub invoice_prefix: Option<String>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(range(min = 0, max = 365, message = "must be from 0 to 365 days"))]
    #[schema(minimum = 0, maximum = 365, nullable = false)]
    pub payment_terms_days: Option<i32>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(range(min = 1, max = 365, message = "must be from 1 to 365 days"))]
    #[schema(minimum = 1, maximum = 365, nullable = false)]
    pub quote_valid_days: Option<i32>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 2000)]
    pub billing_details: Option<Option<String>>,
}

/// A provider's keys. Stored encrypted; never shown again (only the last four characters).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"secret_key": "sk_live_51Hx…", "webhook_secret": "whsec_9f…", "enabled": true}))]
pub struct SetPaymentProvider {
    /// Stripe `sk_live_…` / `sk_test_…`; Paystack `sk_live_…` (it also signs Paystack's
    /// webhooks).
    #[validate(
        length(min = 8, max = 500, message = "must be 8 to 500 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 8, max_length = 500, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub secret_key: String,
    /// Stripe's webhook signing secret (`whsec_…`); required for Stripe, unused by Paystack.
    #[validate(length(min = 8, max = 500, message = "must be 8 to 500 characters"))]
    #[schema(min_length = 8, max_length = 500)]
    pub webhook_secret: Option<String>,
    /// Offer it to clients; default `true`.
    pub enabled: Option<bool>,
}

/// Offer a configured provider to clients, or stop offering it, keeping its keys.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"enabled": false}))]
pub struct ToggleProvider {
    pub enabled: bool,
}

/// Which provider the client pays with.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"provider": "stripe"}))]
pub struct PayInvoice {
    pub provider: ProviderKind,
}

/// Where to send the client to pay.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Checkout {
    /// The provider's hosted payment page.
    #[schema(example = "https://checkout.stripe.com/c/pay/cs_test_…")]
    pub checkout_url: String,
}
