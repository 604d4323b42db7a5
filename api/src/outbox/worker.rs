//! The delivery loop: lease due rows, deliver, mark sent or schedule a retry with
//! exponential backoff (30 s doubling to 1 h between tries, about a day in all), then dead.
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
use futures_util::future::join_all;

use super::OutboxSignal;
use super::store::{self, KIND_EMAIL, KIND_SMS, KIND_WEBHOOK, OutboxRow};
use crate::db::{Db, now};
use crate::mail::{Email, Mailer};
use crate::sms::{Sms, SmsSender};
use crate::webhooks::deliver::{self as webhooks, Sender as WebhookSender};

/// Attempts before a message is marked dead.
pub const MAX_ATTEMPTS: i32 = 30;
const POLL: Duration = Duration::from_secs(2);
/// Longer than any delivery may take, so a live worker never loses its lease.
const LEASE: TimeDelta = TimeDelta::seconds(120);

pub fn backoff(attempts: i32) -> TimeDelta {
    let secs = 30i64.saturating_mul(1i64 << attempts.clamp(0, 20));
    TimeDelta::seconds(secs.min(3600))
}

/// The ways out: email and webhooks always, text messages when configured.
pub struct Channels {
    pub mailer: Mailer,
    pub sms: Option<SmsSender>,
    pub webhooks: WebhookSender,
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
        if row.kind == KIND_WEBHOOK {
            webhooks::deliver(db, &channels.webhooks, row).await
        } else {
            deliver(db, channels, row).await
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

async fn deliver(db: &Db, channels: &Channels, row: OutboxRow) {
    let result = match row.kind.as_str() {
        KIND_EMAIL => match serde_json::from_str::<Email>(&row.payload) {
            Ok(email) => channels.mailer.send(&row.id, &email).await.map_err(|e| e.to_string()),
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

    #[test]
    fn backoff_doubles_then_caps_at_an_hour() {
        assert_eq!(backoff(0), TimeDelta::seconds(30));
        assert_eq!(backoff(1), TimeDelta::seconds(60));
        assert_eq!(backoff(6), TimeDelta::seconds(1920));
        assert_eq!(backoff(7), TimeDelta::seconds(3600));
        assert_eq!(backoff(29), TimeDelta::seconds(3600));
        let total: i64 = (0..MAX_ATTEMPTS).map(|a| backoff(a).num_seconds()).sum();
        assert!((20 * 3600..=30 * 3600).contains(&total), "about a day: {total}s");
    }

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
