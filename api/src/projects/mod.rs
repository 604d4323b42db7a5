//! Projects shared with a client: the project itself and its task board. Deliverables,
//! files, messages, time and feedback hang off a project in their own folders and reach it
//! through `access`, which is where tenant and client scoping of a project lives.

pub mod access;
pub mod actions;
pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
