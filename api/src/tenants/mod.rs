//! Tenants: the businesses hosted by Portico, their branding and settings.

pub mod model;
pub mod routes;
pub mod store;
