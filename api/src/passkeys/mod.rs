//! Passkeys (WebAuthn) for clients and staff: added after a code login, listed and removed
//! by their owner, and a way to log in next time without an email (the login endpoints are
//! in `login::passkey`). The ceremonies are webauthn-rs's; Portico keeps their state between
//! the two requests in the database, so any process can finish one.

pub mod ceremony;
pub mod model;
pub mod routes;
pub mod store;
