//! Staff: the people of a tenant who run its portal (owner, admin, member).

pub mod model;
pub mod profile;
pub mod routes;
pub mod store;
