//! Service orders: repairs and jobs a business takes in for a client, numbered per tenant,
//! priced by lines, moved through received → in_progress → ready → delivered (or cancelled),
//! and followed by the client in the portal.

pub mod actions;
pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
