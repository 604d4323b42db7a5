//! Who is calling: API keys, one-time codes and links, sessions with JWT access tokens and
//! rotating refresh tokens, and the extractors handlers take. The login flow that hands
//! these out is a floor above, in `login`.

pub mod api_key;
pub mod caller;
pub mod codes;
pub mod cookie;
pub mod credential;
pub mod email_proof;
pub mod jwt;
pub mod model;
pub mod otp;
pub mod principal;
pub mod rate_limit;
pub mod session;
pub mod store;

pub use caller::{Actor, Caller, Scope};
pub use principal::{ClientPrincipal, SessionPrincipal, StaffSession};
