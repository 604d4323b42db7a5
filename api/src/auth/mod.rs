//! Who is calling: API keys, passwordless login (codes and magic links), sessions with
//! JWT access tokens and rotating refresh tokens, and the extractors handlers take.

pub mod api_key;
pub mod caller;
pub mod gate;
pub mod jwt;
pub mod login;
pub mod model;
pub mod otp;
pub mod principal;
pub mod rate_limit;
pub mod routes;
pub mod secrets;
pub mod session;
pub mod store;
pub mod throttle;

pub use caller::{Actor, Caller, Scope};
pub use principal::{ClientPrincipal, SessionPrincipal, StaffSession};
