//! Project feedback: once a project is completed staff may ask the client for a rating
//! (1–5 stars and an optional comment), which the client gives once. The answer lands in the
//! project's activity, where staff see it.

pub mod actions;
pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
