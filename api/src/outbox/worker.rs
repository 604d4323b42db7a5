//! The delivery loop: lease due rows, deliver, mark sent or schedule a retry (`retry`),
//! then dead.
//! Webhooks of a batch go out side by side: each may take its full 10 s timeout, and one
//! after another they could outlast the lease.
//! Each message fails alone: an error or even a panic while rendering or sending one row is
//! that row's failed attempt, never the worker's end (one tenant's bad name once stopped
//! every later email, other tenants' login codes included).

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use chrono::TimeDelta;
use futures_util::FutureExt;
use futures_util::future::{BoxFuture, join_all};

use super::OutboxSignal;
use super::retry::{MAX_ATTEMPTS, backoff};
use super::store::{self, KIND_EMAIL, KIND_SMS, OutboxRow};
use crate::db::{Db, now};
use crate::mail::{Email, Mailer, MailerError};
use crate::sms::{Sms, SmsSender};

const POLL: Duration = Duration::from_secs(2);
/// Longer than any delivery may take, so a live worker never loses its lease.
const LEASE: TimeDelta = TimeDelta::seconds(120);

/// A way out that a higher module provides (webhooks): it delivers the rows of its `kind`
/// and settles them itself, so it can record its own log in the same transaction.
pub trait Courier: Send + Sync {
    fn kind(&self) -> &'static str;
    fn deliver<'a>(&'a self, db: &'a Db, row: OutboxRow) -> BoxFuture<'a, ()>;
}

/// The ways out: email always, text messages when configured, and the couriers.
pub struct Channels {
    pub mailer: Mailer,
    pub sms: Option<SmsSender>,
    pub couriers: Vec<Box<dyn Courier>>,
}

pub async fn run(db: Db, channels: Arc<Channels>, signal: OutboxSignal) {
    loop {
        let batch = db.write(|conn| Ok(store::claim_due(conn, 20, LEASE)?)).await;
        let batch = match batch {
            Ok(rows) => rows,
            Err(e) => {
                tracing::warn!(error = %e, "outbox: cannot read due messages");
                Vec::new()
            }
        };
        let idle = batch.is_empty();
        // All at once: one slow receiver must not hold back the others, and a login code
        // should not wait behind the emails queued before it (each SMTP delivery is a few
        // round trips; one after the other they capped logins at a few per second).
        join_all(batch.into_iter().map(|row| deliver_any(&db, &channels, row))).await;
        if idle {
            tokio::select! {
                _ = signal.woken() => {}
                _ = tokio::time::sleep(POLL) => {}
            }
        }
    }
}

async fn deliver_any(db: &Db, channels: &Channels, row: OutboxRow) {
    let (id, attempts) = (row.id.clone(), row.attempts);
    let delivery = async {
        match channels.couriers.iter().find(|courier| courier.kind() == row.kind) {
            Some(courier) => courier.deliver(db, row).await,
            None => deliver(db, channels, row).await,
        }
    };
    if let Err(panic) = isolated(delivery).await {
        record_failure(db, id, attempts, panic).await;
    }
}

/// Runs one delivery; a panic inside it comes back as an error that says what panicked.
/// (The panic hook has already logged it with its location.)
pub async fn isolated(delivery: impl Future<Output = ()>) -> Result<(), String> {
    AssertUnwindSafe(delivery).catch_unwind().await.map_err(|panic| format!("delivery panicked: {}", reason(&*panic)))
}

fn reason(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// A failed attempt of the row: retried after the backoff, dead once the budget is spent.
async fn record_failure(db: &Db, id: String, attempts_before: i32, error: String) {
    let attempts = attempts_before + 1;
    let retry_at = (attempts < MAX_ATTEMPTS).then(|| now() + backoff(attempts_before));
    tracing::warn!(outbox_id = %id, attempts, error = %error, "outbox: delivery failed");
    let row = id.clone();
    if let Err(e) = db.write(move |conn| Ok(store::mark_failed(conn, &row, &error, retry_at)?)).await {
        tracing::error!(outbox_id = %id, error = %e, "outbox: cannot record delivery outcome");
    }
}

/// The receiving server refused the message for good: no retries, and staff see it bounced.
async fn record_bounce(db: &Db, id: String, error: String) {
    tracing::warn!(outbox_id = %id, error = %error, "outbox: message rejected for good");
    let row = id.clone();
    if let Err(e) = db.write(move |conn| Ok(store::mark_bounced(conn, &row, &error)?)).await {
        tracing::error!(outbox_id = %id, error = %e, "outbox: cannot record delivery outcome");
    }
}

async fn deliver(db: &Db, channels: &Channels, row: OutboxRow) {
    let result = match row.kind.as_str() {
        KIND_EMAIL => match serde_json::from_str::<Email>(&row.payload) {
            Ok(email) => match channels.mailer.send(&row.id, &email).await {
                Err(MailerError::Rejected(why)) => return record_bounce(db, row.id, why).await,
                sent => sent.map_err(|e| e.to_string()),
            },
            Err(e) => Err(format!("unreadable payload: {e}")),
        },
        KIND_SMS => match (serde_json::from_str::<Sms>(&row.payload), &channels.sms) {
            (Ok(sms), Some(sender)) => sender.send(&sms).await,
            (Ok(_), None) => Err("SMS is not configured (PORTICO_SMS_*)".to_string()),
            (Err(e), _) => Err(format!("unreadable payload: {e}")),
        },
        other => Err(format!("unknown outbox kind '{other}'")),
    };
    match result {
        Ok(()) => {
            let id = row.id.clone();
            if let Err(e) = db.write(move |conn| Ok(store::mark_sent(conn, &id)?)).await {
                tracing::error!(outbox_id = %row.id, error = %e, "outbox: cannot record delivery outcome");
            }
        }
        Err(error) => record_failure(db, row.id, row.attempts, error).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_delivery_is_an_error_not_the_workers_end() {
        let failed = isolated(async { panic!("formatting the From header failed") }).await;
        assert_eq!(failed, Err("delivery panicked: formatting the From header failed".to_string()));
        let name = String::from("Lumen\nStudio");
        let failed = isolated(async move { panic!("bad name {name:?}") }).await;
        assert_eq!(failed, Err("delivery panicked: bad name \"Lumen\\nStudio\"".to_string()));
        assert_eq!(isolated(async {}).await, Ok(()));
    }
}
