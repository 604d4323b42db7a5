//! The activity log: who did what to which object, when. It is both the audit log and,
//! filtered to one client, that client's timeline.

pub mod catalogue;
pub mod model;
pub mod store;
