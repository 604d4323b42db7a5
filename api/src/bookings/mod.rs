//! Bookings: the services a tenant offers, when it is open, the appointments its clients
//! book, and the reviews they leave afterwards.

pub mod appointments;
pub mod availability;
pub mod portal;
pub mod reviews;
pub mod services;
pub mod settings;
pub mod slots;

/// Trimmed text, or `None` when nothing is left: blank optional text is stored as absent.
pub fn tidy(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}
