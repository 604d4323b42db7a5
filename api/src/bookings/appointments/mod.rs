//! Appointments: a client, a service, maybe a staff member, a time, and a status that moves
//! only along allowed transitions. Every change is written to the activity log.

pub mod actions;
pub mod model;
pub mod routes;
pub mod store;
