//! The delivery loop: lease due rows, deliver, mark sent or schedule a retry with
//! exponential backoff (30 s doubling to 1 h between tries, about a day in all).
//! Webhooks of a batch go out side by side: each may take its full 10 s timeout, and one
//! after another they could outlast the lease.

use std::sync::Arc;
use std::time::Duration;

use chrono::TimeDelta;
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
    if row.kind == KIND_WEBHOOK {
        webhooks::deliver(db, &channels.webhooks, row).await
    } else {
        deliver(db, channels, row).await
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
    let id = row.id.clone();
    let outcome = match result {
        Ok(()) => db.write(move |conn| Ok(store::mark_sent(conn, &id)?)).await,
        Err(error) => {
            let attempts = row.attempts + 1;
            let retry_at = (attempts < MAX_ATTEMPTS).then(|| now() + backoff(row.attempts));
            tracing::warn!(outbox_id = %row.id, attempts, error = %error, "outbox: delivery failed");
            db.write(move |conn| Ok(store::mark_failed(conn, &id, &error, retry_at)?)).await
        }
    };
    if let Err(e) = outcome {
        tracing::error!(outbox_id = %row.id, error = %e, "outbox: cannot record delivery outcome");
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
}
