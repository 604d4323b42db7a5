//! What every handler can reach: the shared parts of a running server.

use std::sync::Arc;

use crate::config::Config;
use crate::db::Db;
use crate::http::throttle::AuthThrottle;
use crate::outbox::OutboxSignal;
use crate::secrets::Keys;
use crate::storage::Storage;

/// What every handler can reach.
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub throttle: AuthThrottle,
    pub keys: Keys,
    pub outbox: OutboxSignal,
    pub storage: Storage,
    /// When this process started serving, for `/metrics`.
    pub started: std::time::Instant,
}
