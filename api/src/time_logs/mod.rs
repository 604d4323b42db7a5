//! Time logged on a project by staff: date, minutes, what was done, billable or not, and
//! the hourly rate. The client sees billable entries only, with their amounts and totals per
//! project and per month; non-billable time never reaches the portal, not even in a total.

pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
