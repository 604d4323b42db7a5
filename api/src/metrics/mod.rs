//! Prometheus metrics: what each route is asked and how long it takes, the database pool,
//! the outbox's backlog and failures, the process's memory. Written in the text exposition
//! format by hand: it is a few lines of formatting, not worth a dependency.
//!
//! `GET /metrics` answers on the main address only with `PORTICO_METRICS_TOKEN` as a bearer
//! token, or without a token on the separate `PORTICO_METRICS_LISTEN` address (bind it to a
//! private interface); with neither set it is off (404).

mod exposition;
mod http_stats;
pub mod middleware;
pub mod routes;

pub use http_stats::HttpStats;
