//! Who is calling: credentials (API keys today; passwordless sessions next) and the
//! `Caller` extractor every protected handler takes.

pub mod api_key;
pub mod caller;
pub mod throttle;

pub use caller::{Actor, Caller, Scope};
