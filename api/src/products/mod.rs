//! Digital products: staff define them (name, description, one file) and grant them to
//! clients; a grant is a `purchases` row, and the client downloads the product's file from
//! the portal.

pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
