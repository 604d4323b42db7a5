//! Clients and visitors book for themselves: the portal's booking page (`portal`) and the
//! public one (`public`, with the email proved by a code), sharing the rules in `actions`.

pub mod actions;
pub mod model;
pub mod portal;
pub mod public;
