//! Logging in without a password: a code or a link by email (or a code by text message),
//! an account to choose when one address has several, and the sessions that follow.

pub mod flow;
pub mod model;
pub mod passkey;
pub mod routes;
pub mod sessions;
pub mod switch;
