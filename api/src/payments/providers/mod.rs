//! The online payment providers behind "Pay now": one `Provider` enum, one real
//! implementation per provider over reqwest (`stripe`, `paystack`). Each can open a hosted
//! checkout, verify its webhook's signature and read the webhook into a `PaymentNotice`.

pub mod paystack;
pub mod stripe;

use std::sync::OnceLock;
use std::time::Duration;

use actix_web::http::header::HeaderMap;
use hmac::{Hmac, KeyInit, Mac};

use super::model::ProviderKind;

/// What we ask a provider to collect.
#[derive(Debug, Clone)]
pub struct CheckoutRequest {
    /// Our checkout session's id: Paystack's `reference`, Stripe's `metadata[checkout_id]`.
    pub reference: String,
    pub tenant_id: String,
    pub invoice_id: String,
    /// `INV-2026-0001`, shown on the provider's page.
    pub description: String,
    pub amount_minor: i64,
    pub currency: String,
    pub email: String,
    /// Where the provider sends the client after paying.
    pub success_url: String,
    /// Where the provider sends the client who gives up.
    pub cancel_url: String,
}

/// The provider's hosted checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedCheckout {
    /// The provider's id for it (Stripe session id; Paystack: our reference echoed back).
    pub provider_ref: String,
    pub url: String,
}

/// A verified webhook, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentNotice {
    pub event_id: String,
    pub event_type: String,
    /// Set for a completed payment: which checkout it settles and what was collected.
    pub payment: Option<Collected>,
}

/// Money a provider says it collected for one of our checkouts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collected {
    /// The checkout's `provider_ref`.
    pub checkout_ref: String,
    pub amount_minor: i64,
    /// Upper-case ISO 4217.
    pub currency: String,
}

/// An online payment provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Stripe,
    Paystack,
}

/// The keys a tenant gave for a provider, opened from the vault.
pub struct Keys {
    pub secret_key: String,
    pub webhook_secret: Option<String>,
}

impl Provider {
    pub fn of(kind: ProviderKind) -> Provider {
        match kind {
            ProviderKind::Stripe => Provider::Stripe,
            ProviderKind::Paystack => Provider::Paystack,
        }
    }

    /// Opens a hosted checkout; the error says what went wrong, for the log.
    pub async fn create_checkout(&self, base_url: &str, keys: &Keys, req: &CheckoutRequest) -> Result<CreatedCheckout, String> {
        match self {
            Provider::Stripe => stripe::create_checkout(http(), base_url, &keys.secret_key, req).await,
            Provider::Paystack => paystack::create_checkout(http(), base_url, &keys.secret_key, req).await,
        }
    }

    /// Checks the webhook's signature with the tenant's keys, at `now` (unix seconds).
    pub fn verify_webhook(&self, headers: &HeaderMap, body: &[u8], keys: &Keys, now: i64) -> Result<(), String> {
        match self {
            Provider::Stripe => {
                let secret = keys.webhook_secret.as_deref().ok_or("no Stripe webhook secret is set")?;
                let header = headers.get("stripe-signature").and_then(|v| v.to_str().ok()).ok_or("no Stripe-Signature header")?;
                stripe::verify(header, body, secret, now)
            }
            Provider::Paystack => {
                let header =
                    headers.get("x-paystack-signature").and_then(|v| v.to_str().ok()).ok_or("no x-paystack-signature header")?;
                paystack::verify(header, body, &keys.secret_key)
            }
        }
    }

    /// Reads a verified webhook body.
    pub fn parse_event(&self, body: &[u8]) -> Result<PaymentNotice, String> {
        match self {
            Provider::Stripe => stripe::parse_event(body),
            Provider::Paystack => paystack::parse_event(body),
        }
    }
}

/// One HTTP client for every provider call: 10 s for the whole request, so a provider that
/// hangs answers the client with a 502 instead of holding the request.
fn http() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new())
    })
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex HMAC-SHA256.
pub fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message);
    hex(&mac.finalize().into_bytes())
}

/// Hex HMAC-SHA512.
pub fn hmac_sha512_hex(key: &[u8], message: &[u8]) -> String {
    let mut mac = <Hmac<sha2::Sha512> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message);
    hex(&mac.finalize().into_bytes())
}

/// Compares two signatures in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    crate::auth::otp::same(&a.to_ascii_lowercase(), &b.to_ascii_lowercase())
}
