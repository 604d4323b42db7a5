//! Bookings: the services a tenant offers, when it is open, the appointments its clients
//! book, and the reviews they leave afterwards.

pub mod appointments;
pub mod availability;
pub mod booking;
pub mod demo;
pub mod feeds;
pub mod notices;
pub mod portal;
pub mod reminders;
pub mod reviews;
pub mod services;
pub mod settings;
pub mod slots;

pub use crate::rules::tidy;
