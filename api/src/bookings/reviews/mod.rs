//! Reviews: a client rates a completed appointment once; staff approve or reject; approved
//! reviews are public on the tenant's portal, signed with a first name and an initial.

pub mod model;
pub mod routes;
pub mod store;
