//! Notifications: what changed for a client, shown behind the portal's bell and emailed.
//!
//! In the portal they are derived from the activity log (see `kinds`), so every domain that
//! records its changes notifies without knowing about it; only the read state is stored.
//! By email, every client email goes through `clients::email::send`, which skips notices for a
//! client who opted out and always sends the essential ones.

pub mod kinds;
pub mod model;
pub mod portal;
pub mod resolve;
pub mod store;
