//! Email: what a message holds, and the transports that deliver it. Messages are never
//! sent from a request handler: they go through the outbox (`crate::outbox`).

pub mod templates;
mod transport;

use serde::{Deserialize, Serialize};

pub use transport::{Mailer, MailerError};

/// One email, as stored in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    pub to: String,
    /// Display name of the sender (the tenant's name); the address is the configured one.
    pub from_name: Option<String>,
    /// The tenant's own sender address, when it has one.
    #[serde(default)]
    pub from_address: Option<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
}
