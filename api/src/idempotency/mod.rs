//! `Idempotency-Key` on creates and actions (every POST under `/api/v1`): a client that
//! retries after a timeout or a dropped connection gets the first answer again instead of a
//! second quote, payment or message.
//!
//! The rules, as `docs/API.md` states them for integrators:
//! - the key is the caller's own (a staff member, a client or an API key): two callers may
//!   use the same key without meeting;
//! - the first successful (2xx) answer is kept for 24 hours and replayed, byte for byte, with
//!   `Idempotency-Replayed: true`, to a retry with the same key, method, path and body;
//! - the same key with a different request is refused (422); while the first request runs,
//!   a retry is refused (409, `Retry-After: 1`);
//! - an answer that is not a success does not bind the key: fix the request and retry.
//!
//! Only JSON (or empty) bodies are fingerprinted; an upload (multipart) passes through
//! without idempotency, as its body may be far larger than is worth hashing and keeping.

mod middleware;
mod store;

pub use middleware::honour;
pub use store::purge_before;

/// How long an answer is kept for replay.
pub const KEEP: chrono::TimeDelta = chrono::TimeDelta::hours(24);
