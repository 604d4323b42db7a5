//! API keys: credentials for integrators, created by the tenant, shown once, revocable.

pub mod model;
pub mod routes;
pub mod store;
