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
    /// Files sent with the message (a signed contract's PDF). Kept in the outbox row itself,
    /// so a delivery after a restart sends exactly what was committed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A file attached to an email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    /// The bytes, base64 (standard alphabet).
    pub content_base64: String,
}

impl Attachment {
    pub fn new(filename: impl Into<String>, content_type: impl Into<String>, bytes: &[u8]) -> Attachment {
        use base64::Engine;
        Attachment {
            filename: filename.into(),
            content_type: content_type.into(),
            content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }
}

impl Email {
    pub fn with_attachment(mut self, attachment: Attachment) -> Email {
        self.attachments.push(attachment);
        self
    }
}
