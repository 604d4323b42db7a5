//! Integration tests: each spawns the real server on a random port over a fresh database
//! (a new SQLite file; a new PostgreSQL database when PORTICO_TEST_PG_URL is set) and
//! speaks HTTP to it. One test binary, so the crate links once.

mod support;

// The fixtures, under the short paths every test uses (`crate::helpers::…`).
use support::{fake_providers, helpers, query_log, receiver, smtp};

mod access;
mod races;
mod reminders;

mod api_keys;
mod appointment_slots;
mod appointments;
mod body_limits;
mod booking;
mod bookings_services;
mod browser_sessions;
mod cli;
mod client_email;
mod client_visibility;
mod clients;
mod compression;
mod contracts;
mod crash;
mod deliverables;
mod docs;
mod errors;
mod feedback;
mod files;
mod flows;
mod forms;
mod health;
mod home;
mod idempotency;
mod invoices;
mod isolation;
mod languages;
mod limits;
mod login;
mod login_links;
mod login_messages;
mod matrix;
mod matrix_objects;
mod messages;
mod metrics;
mod migrations;
mod notifications;
mod openapi;
mod outbox;
mod passkeys;
mod payments;
mod plans;
mod portal;
mod portal_appointments;
mod portal_email;
mod previews;
mod products;
mod projects;
mod quotes;
mod reviews;
mod sanity;
mod seed_bench;
mod sent_documents;
mod service_orders;
mod sms;
mod staff_profile;
mod team;
mod templates;
mod tenants;
mod time_logs;
mod web;
mod webhooks;
