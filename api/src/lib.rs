//! Portico: a self-hostable, multi-tenant client portal.
//!
//! `startup::Application` is the server; `routes` the route list; `state::AppState` what
//! every handler reaches. ARCHITECTURE.md at the repository's root draws the floors.

pub mod activity;
pub mod api_keys;
pub mod auth;
/// The benchmark's dataset generator: only in builds for `make bench` and the tests, so the
/// production binary does not carry it.
#[cfg(feature = "bench")]
pub mod bench;
pub mod bookings;
pub mod calendar;
pub mod client_overview;
pub mod clients;
pub mod color;
pub mod config;
pub mod contracts;
pub mod dashboard;
pub mod db;
pub mod deliverables;
pub mod demo;
pub mod error;
pub mod events;
pub mod feedback;
pub mod files;
pub mod forms;
pub mod health;
pub mod home;
pub mod housekeeping;
pub mod http;
pub mod i18n;
pub mod idempotency;
pub mod invoices;
pub mod login;
pub mod mail;
pub mod memory;
pub mod messages;
pub mod metrics;
pub mod money;
pub mod notifications;
pub mod openapi;
pub mod outbox;
pub mod parties;
pub mod passkeys;
pub mod payments;
pub mod pdf;
pub mod products;
pub mod projects;
pub mod provision;
pub mod quotes;
pub mod routes;
pub mod rules;
pub mod secrets;
pub mod service_orders;
pub mod sms;
pub mod spa;
pub mod staff;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod templates;
pub mod tenants;
pub mod text_enum;
pub mod time_logs;
pub mod vault;
pub mod webhooks;

pub use startup::{Application, StartError};
