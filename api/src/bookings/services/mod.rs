//! Services: what a client can book, how long it takes and what it costs.

pub mod model;
pub mod routes;
pub mod store;
