//! The console's home page in one request: what needs the team's attention today
//! (appointments, documents waiting on clients, overdue money, new leads and submissions,
//! unread client messages) and what happened lately, each line naming the object it links to.

pub mod model;
pub mod routes;
pub mod store;
