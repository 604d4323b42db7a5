//! The outbox: side effects (emails, text messages, webhooks) written in the same transaction as
//! the change that causes them, then delivered by a worker with retries. A crash loses
//! nothing: what was committed is delivered after restart.

pub mod retry;
pub mod store;
pub mod worker;

use std::sync::Arc;

use tokio::sync::Notify;

/// Wakes the worker after a commit, so mail leaves at once instead of at the next poll.
#[derive(Clone, Default)]
pub struct OutboxSignal(Arc<Notify>);

impl OutboxSignal {
    pub fn wake(&self) {
        self.0.notify_one();
    }

    pub async fn woken(&self) {
        self.0.notified().await
    }
}
