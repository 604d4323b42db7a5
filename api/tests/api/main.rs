//! Integration tests: each spawns the real server on a random port over a fresh database
//! (a new SQLite file; a new PostgreSQL database when PORTICO_TEST_PG_URL is set) and
//! speaks HTTP to it. One test binary, so the crate links once.

mod access;
mod helpers;
mod races;
mod receiver;
mod smtp;

mod api_keys;
mod appointment_slots;
mod appointments;
mod body_limits;
mod bookings_services;
mod cli;
mod client_visibility;
mod clients;
mod compression;
mod contracts;
mod crash;
mod deliverables;
mod docs;
mod errors;
mod fake_providers;
mod feedback;
mod files;
mod flows;
mod forms;
mod health;
mod idempotency;
mod invoices;
mod isolation;
mod login;
mod matrix;
mod matrix_objects;
mod messages;
mod metrics;
mod migrations;
mod notifications;
mod openapi;
mod payments;
mod plans;
mod portal;
mod portal_appointments;
mod products;
mod projects;
mod query_log;
mod quotes;
mod reviews;
mod seed_bench;
mod service_orders;
mod sms;
mod team;
mod tenants;
mod time_logs;
mod web;
mod webhooks;
