//! Money received against invoices: manual payments recorded by staff, online payments
//! through a provider (Stripe Checkout, Paystack) confirmed by its signed webhook, the audit
//! log of every webhook, and the tenant's billing settings and provider keys.

pub mod checkout;
pub mod keys;
pub mod model;
pub mod providers;
pub mod routes;
pub mod settings;
pub mod store;
pub mod webhooks;
