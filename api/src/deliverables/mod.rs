//! Deliverables: pieces of project work staff submit and the client approves or sends back
//! with a comment. The status machine lives in `model`; every decision is a single
//! conditional UPDATE in `store`, so two answers racing for one deliverable cannot both win.

pub mod actions;
pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
