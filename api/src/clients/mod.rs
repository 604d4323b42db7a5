//! Clients: the people and companies a tenant serves, who log in to its portal.

pub mod access;
pub mod actions;
pub mod demo;
pub mod email;
pub mod email_change;
pub mod emails;
pub mod model;
pub mod own_email;
pub mod portal;
pub mod portal_me;
pub mod routes;
pub mod store;
