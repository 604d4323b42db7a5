//! Booking settings: opening hours, closed days, the cancellation cutoff and slot step.

pub mod model;
pub mod routes;
pub mod store;
