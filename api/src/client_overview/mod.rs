//! A client's whole relationship with the business on one console page: their
//! appointments, orders, projects, quotes, contracts, invoices (with what they owe), files
//! and message threads, in one request of a fixed number of statements.

pub mod model;
pub mod routes;
pub mod store;
