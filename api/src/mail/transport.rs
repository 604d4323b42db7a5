//! Transports: `console` writes each email to the log (so a fresh checkout works with no
//! mail server), `smtp` speaks SMTP through lettre.

use base64::Engine;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::Email;
use crate::rules::flattened;

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("PORTICO_SMTP_URL: {0}")]
    Config(String),
    #[error("{0}")]
    Send(String),
    /// The receiving side refused the message for good (an SMTP 5xx: no such mailbox, a
    /// blocked sender): trying again cannot help.
    #[error("{0}")]
    Rejected(String),
}

pub enum Mailer {
    Console { from: Mailbox },
    Smtp { from: Mailbox, transport: AsyncSmtpTransport<Tokio1Executor> },
}

impl Mailer {
    pub fn console(from: &str) -> Result<Mailer, MailerError> {
        Ok(Mailer::Console { from: parse_from(from)? })
    }

    /// `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://host:465` (TLS), or
    /// `smtp://host:25` (plain, for a relay on the same machine).
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailerError::Config(format!("'{}' is not usable: {e}", redact(url))))?
            .build();
        Ok(Mailer::Smtp { from: parse_from(from)?, transport })
    }

    /// Delivers one email. `id` becomes its Message-ID, so a receiver can drop a duplicate
    /// if a crash makes the outbox send it twice.
    pub async fn send(&self, id: &str, email: &Email) -> Result<(), MailerError> {
        match self {
            Mailer::Console { from } => {
                let from = display(from, email);
                tracing::info!(
                    target: "portico::mail",
                    message_id = id,
                    from = %from,
                    to = %email.to,
                    subject = %flattened(&email.subject),
                    "email (console transport; set PORTICO_MAIL_TRANSPORT=smtp to send):\n{}",
                    email.text
                );
                Ok(())
            }
            Mailer::Smtp { from, transport } => {
                let message = build(id, &display(from, email), email)?;
                transport.send(message).await.map(|_| ()).map_err(|e| {
                    if e.is_permanent() {
                        MailerError::Rejected(e.to_string())
                    } else {
                        MailerError::Send(e.to_string())
                    }
                })
            }
        }
    }
}

fn parse_from(from: &str) -> Result<Mailbox, MailerError> {
    from.parse::<Mailbox>().map_err(|e| {
        MailerError::Config(format!(
            "PORTICO_MAIL_FROM '{from}' is not an address like 'Portico <no-reply@example.com>': {e}"
        ))
    })
}

/// The tenant's name and, if it has one, its own address; otherwise the server's. The name
/// is made header-safe: lettre cannot write a line break in a display name (its `Display`
/// fails, and formatting the mailbox then panics).
fn display(from: &Mailbox, email: &Email) -> Mailbox {
    let address = email.from_address.as_deref().and_then(|a| a.parse().ok()).unwrap_or_else(|| from.email.clone());
    let name = email.from_name.as_deref().or(from.name.as_deref()).map(flattened).filter(|n| !n.is_empty());
    Mailbox::new(name, address)
}

fn build(id: &str, from: &Mailbox, email: &Email) -> Result<Message, MailerError> {
    let to: Mailbox = email.to.parse().map_err(|e| MailerError::Send(format!("bad recipient '{}': {e}", email.to)))?;
    let domain = from.email.domain().to_string();
    let message = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(flattened(&email.subject))
        .message_id(Some(format!("<{id}@{domain}>")));
    let body = MultiPart::alternative_plain_html(email.text.clone(), email.html.clone());
    if email.attachments.is_empty() {
        return message.multipart(body).map_err(|e| MailerError::Send(e.to_string()));
    }
    let mut mixed = MultiPart::mixed().multipart(body);
    for file in &email.attachments {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&file.content_base64)
            .map_err(|e| MailerError::Send(format!("attachment '{}' is not base64: {e}", file.filename)))?;
        let content_type = ContentType::parse(&file.content_type)
            .map_err(|e| MailerError::Send(format!("attachment '{}': {e}", file.filename)))?;
        mixed = mixed.singlepart(Attachment::new(flattened(&file.filename)).body(bytes, content_type));
    }
    message.multipart(mixed).map_err(|e| MailerError::Send(e.to_string()))
}

fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poisoned() -> Email {
        Email {
            to: "maria@example.com".into(),
            from_name: Some("Lumen\nStudio".into()),
            from_address: None,
            subject: "Your invoice\r\nBcc: evil@example.com".into(),
            text: "Hello".into(),
            html: "<p>Hello</p>".into(),
            attachments: vec![super::super::Attachment::new("a\r\nb.pdf", "application/pdf", b"%PDF")],
        }
    }

    #[test]
    fn a_name_with_a_line_break_still_makes_a_sender_that_formats() {
        let from: Mailbox = "Portico <no-reply@portal.test>".parse().unwrap();
        // `to_string` panics when a Display fails: the worker crashed here before.
        assert_eq!(display(&from, &poisoned()).to_string(), "Lumen Studio <no-reply@portal.test>");
    }

    #[test]
    fn no_header_of_a_poisoned_email_breaks_its_line() {
        let from: Mailbox = "Portico <no-reply@portal.test>".parse().unwrap();
        let message = build("0190-id", &display(&from, &poisoned()), &poisoned()).expect("builds");
        let raw = String::from_utf8(message.formatted()).unwrap();
        let headers = &raw[..raw.find("\r\n\r\n").unwrap()];
        assert!(!headers.lines().any(|l| l.starts_with("Bcc:")), "no injected header: {headers}");
        assert!(headers.contains("Subject: Your invoice Bcc: evil@example.com"), "{headers}");
        assert!(headers.contains("From: \"Lumen Studio\" <no-reply@portal.test>"), "{headers}");
    }
}
