//! Delivering one queued webhook: sign, POST with a 10 s timeout, log the attempt, and
//! settle the outbox row in the same transaction as the log (so the log and the retry
//! schedule never disagree). The outbox's backoff spreads retries over about a day; when
//! they run out the endpoint is marked failing and the owners and admins are emailed once.

use std::time::{Duration, Instant};

use reqwest::redirect::Policy;

use super::emit::{OUTBOX_KIND, WebhookJob};
use super::model::{DeliveryRow, EndpointRow, MessageRow};
use super::{address, signing, store};
use crate::config::Config;
use crate::db::{Db, DbConn, new_id, now};
use crate::error::ApiError;
use crate::mail::templates::{self, Words};
use crate::outbox;
use crate::outbox::retry::{MAX_ATTEMPTS, backoff};
use crate::outbox::store::OutboxRow;
use crate::outbox::worker::Courier;
use crate::staff::store as staff_store;
use crate::tenants::store as tenant_store;
use crate::tr;
use crate::vault::Vault;

/// How long a receiver has to answer, connection included.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How much of a failing answer's body the log keeps.
/// What of a refusing endpoint's answer is kept with the attempt: the receiver chooses these
/// bytes, so only a short, one-line, printable excerpt, and never more than this is read.
const ERROR_BODY_CHARS: usize = 160;
const ERROR_BODY_READ: usize = 1024;

/// The vault context an endpoint's secret is sealed under.
pub fn secret_context(tenant_id: &str, endpoint_id: &str) -> String {
    format!("{tenant_id}/webhook/{endpoint_id}")
}

/// What the worker needs to deliver webhooks.
pub struct Sender {
    http: reqwest::Client,
    allow_private: bool,
    vault: Vault,
    /// The console's webhooks page, linked from the "endpoint failing" email.
    console_link: String,
}

impl Sender {
    pub fn new(config: &Config, vault: Vault) -> Result<Sender, String> {
        let mut builder = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            // A redirect could lead anywhere, the server's own network included.
            .redirect(Policy::none())
            // A proxy would resolve the name itself, out of reach of the address check.
            .no_proxy()
            .user_agent(concat!("Portico-Webhooks/", env!("CARGO_PKG_VERSION")));
        if !config.webhooks_allow_private {
            builder = builder.dns_resolver(address::PublicOnly);
        }
        let http = builder.build().map_err(|e| e.to_string())?;
        Ok(Sender {
            http,
            allow_private: config.webhooks_allow_private,
            vault,
            console_link: config.public("/app/settings/webhooks"),
        })
    }
}

impl Courier for Sender {
    fn kind(&self) -> &'static str {
        OUTBOX_KIND
    }

    fn deliver<'a>(&'a self, db: &'a Db, row: OutboxRow) -> futures_util::future::BoxFuture<'a, ()> {
        Box::pin(deliver(db, self, row))
    }
}

/// How one attempt went.
struct Attempt {
    status_code: Option<i32>,
    delivered: bool,
    duration_ms: i64,
    error: Option<String>,
}

impl Attempt {
    fn refused(error: String) -> Attempt {
        Attempt { status_code: None, delivered: false, duration_ms: 0, error: Some(error) }
    }
}

/// Delivers one outbox row of kind `webhook` and records the outcome.
pub async fn deliver(db: &Db, sender: &Sender, row: OutboxRow) {
    let outbox_id = row.id.clone();
    if let Err(e) = try_deliver(db, sender, row).await {
        tracing::error!(outbox_id = %outbox_id, error = %e, "webhooks: cannot record a delivery");
    }
}

async fn try_deliver(db: &Db, sender: &Sender, row: OutboxRow) -> Result<(), ApiError> {
    let job = match serde_json::from_str::<WebhookJob>(&row.payload) {
        Ok(job) => job,
        Err(e) => return give_up(db, &row.id, format!("unreadable payload: {e}")).await,
    };
    let tenant_id = row.tenant_id.clone().unwrap_or_default();
    let (t, j) = (tenant_id.clone(), (job.endpoint_id.clone(), job.message_id.clone()));
    let found = db.read(move |conn| Ok((store::get(conn, &t, &j.0)?, store::message(conn, &t, &j.1)?))).await?;
    let (endpoint, message) = match found {
        (Some(e), Some(m)) if e.enabled => (e, m),
        (Some(_), Some(_)) => return give_up(db, &row.id, "the endpoint is disabled".into()).await,
        (None, _) => return give_up(db, &row.id, "the endpoint was deleted".into()).await,
        (_, None) => return give_up(db, &row.id, "the message is gone".into()).await,
    };
    let attempt = send(sender, &endpoint, &message).await;
    if let Some(error) = &attempt.error {
        tracing::warn!(endpoint_id = %endpoint.id, message_id = %message.id, error = %error, "webhooks: attempt failed");
    }
    let link = sender.console_link.clone();
    let kept = db.write(move |conn| settle(conn, &row, &endpoint, &message, &attempt, &link)).await?;
    if !kept {
        tracing::info!(endpoint_id = %job.endpoint_id, "webhooks: endpoint deleted during delivery");
    }
    Ok(())
}

/// Ends an outbox row that can never be delivered (no retry), without a log row.
async fn give_up(db: &Db, outbox_id: &str, why: String) -> Result<(), ApiError> {
    tracing::info!(outbox_id = %outbox_id, reason = %why, "webhooks: dropped");
    let id = outbox_id.to_string();
    db.write(move |conn| Ok(outbox::store::mark_failed(conn, &id, &why, None)?)).await?;
    Ok(())
}

/// One signed POST.
async fn send(sender: &Sender, endpoint: &EndpointRow, message: &MessageRow) -> Attempt {
    let url = match address::check_url(&endpoint.url, sender.allow_private) {
        Ok(url) => url,
        Err(why) => return Attempt::refused(format!("refused: the URL {why}")),
    };
    let secret = match sender.vault.open(&secret_context(&endpoint.tenant_id, &endpoint.id), &endpoint.secret) {
        Ok(secret) => secret,
        Err(e) => return Attempt::refused(format!("cannot sign: {e}")),
    };
    let timestamp = chrono::Utc::now().timestamp();
    let Some(signature) = signing::sign(&secret, &message.id, timestamp, &message.body) else {
        return Attempt::refused("cannot sign: the stored secret is not a whsec_ secret".into());
    };
    let started = Instant::now();
    let result = sender
        .http
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("webhook-id", &message.id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(message.body.clone())
        .send()
        .await;
    let outcome = match result {
        Ok(res) => {
            let status = res.status();
            if status.is_success() {
                Attempt { status_code: Some(status.as_u16().into()), delivered: true, duration_ms: 0, error: None }
            } else {
                let excerpt = excerpt(res).await;
                let excerpt = excerpt.trim();
                let error = if excerpt.is_empty() {
                    format!("the endpoint answered {status}")
                } else {
                    format!("the endpoint answered {status}: {excerpt}")
                };
                Attempt {
                    status_code: Some(status.as_u16().into()),
                    delivered: false,
                    duration_ms: 0,
                    error: Some(error),
                }
            }
        }
        Err(e) => Attempt::refused(describe(&e)),
    };
    Attempt { duration_ms: started.elapsed().as_millis() as i64, ..outcome }
}

/// reqwest's message plus its causes ("error sending request" alone says nothing).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return format!("no answer within {} s", TIMEOUT.as_secs());
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Logs the attempt and settles the outbox row and the endpoint's health. `false` when the
/// endpoint was deleted meanwhile (the row is simply dropped).
fn settle(
    conn: &mut DbConn,
    row: &OutboxRow,
    endpoint: &EndpointRow,
    message: &MessageRow,
    attempt: &Attempt,
    console_link: &str,
) -> Result<bool, ApiError> {
    let at = now();
    if store::get(conn, &endpoint.tenant_id, &endpoint.id)?.is_none() {
        outbox::store::mark_failed(conn, &row.id, "the endpoint was deleted", None)?;
        return Ok(false);
    }
    let number = row.attempts + 1;
    store::insert_delivery(
        conn,
        &DeliveryRow {
            id: new_id(),
            tenant_id: endpoint.tenant_id.clone(),
            endpoint_id: endpoint.id.clone(),
            message_id: message.id.clone(),
            event_type: message.event_type.clone(),
            attempt: number,
            status_code: attempt.status_code,
            delivered: attempt.delivered,
            duration_ms: attempt.duration_ms,
            error: attempt.error.clone(),
            at,
        },
    )?;
    if attempt.delivered {
        outbox::store::mark_sent(conn, &row.id)?;
        store::mark_success(conn, &endpoint.tenant_id, &endpoint.id, at)?;
        return Ok(true);
    }
    let error = attempt.error.clone().unwrap_or_default();
    let retry_at = (number < MAX_ATTEMPTS).then(|| at + backoff(row.attempts));
    outbox::store::mark_failed(conn, &row.id, &error, retry_at)?;
    store::mark_failure(conn, &endpoint.tenant_id, &endpoint.id, at)?;
    if retry_at.is_none() && store::mark_failing(conn, &endpoint.tenant_id, &endpoint.id, at)? == 1 {
        email_failing(conn, endpoint, message, &error, console_link)?;
    }
    Ok(true)
}

/// Tells the owners and admins that an endpoint stopped taking events.
fn email_failing(
    conn: &mut DbConn,
    endpoint: &EndpointRow,
    message: &MessageRow,
    error: &str,
    console_link: &str,
) -> Result<(), ApiError> {
    let tenant = tenant_store::get(conn, &endpoint.tenant_id)?;
    let brand = tenant.brand();
    for member in staff_store::owners_and_admins(conn, &endpoint.tenant_id)? {
        let lang = tenant.language_for(member.language.as_deref());
        let words = Words {
            heading: tr!(lang, "webhook-failing-heading", url = &endpoint.url),
            lines: vec![
                tr!(
                    lang,
                    "webhook-failing-line",
                    event = &message.event_type,
                    message = &message.id,
                    attempts = MAX_ATTEMPTS
                ),
                tr!(lang, "webhook-failing-last", error = error),
                tr!(lang, "webhook-failing-next"),
            ],
            button: tr!(lang, "webhook-failing-button"),
        };
        let mail = templates::notice(&brand, lang, &member.email, &words, console_link);
        outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    }
    Ok(())
}

/// The start of a refusing endpoint's answer, read no further than [`ERROR_BODY_READ`]
/// bytes (a receiver could answer gigabytes), with control characters and runs of
/// whitespace made single spaces, cut to [`ERROR_BODY_CHARS`].
async fn excerpt(mut res: reqwest::Response) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < ERROR_BODY_READ {
        match res.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    bytes.truncate(ERROR_BODY_READ);
    one_line(&String::from_utf8_lossy(&bytes), ERROR_BODY_CHARS)
}

fn one_line(text: &str, max: usize) -> String {
    crate::rules::flattened(text).chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn a_refusing_answer_is_kept_as_one_short_printable_line() {
        let answer = "<html>\r\n<title>Bad\u{0}gateway</title>\t\u{1b}[31m\n".to_string() + &"x".repeat(500);
        let kept = one_line(&answer, 160);
        assert!(kept.starts_with("<html> <title>Bad gateway</title> [31m x"), "{kept}");
        assert_eq!(kept.chars().count(), 160);
        assert!(!kept.chars().any(char::is_control));
    }
}
