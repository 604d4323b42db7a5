//! Outbound webhooks for integrators. Staff (or an API key with the `webhooks` scope)
//! register endpoints and subscribe them to event types; every domain change that maps to
//! an event (`events`) queues one outbox row per subscribed endpoint in its own transaction
//! (`emit`, called from the activity log); the outbox worker signs and POSTs them the
//! Standard Webhooks way (`signing`, `deliver`), retrying for about a day, and logs every
//! attempt. Endpoints on private networks are refused in production (`address`).

pub mod address;
pub mod deliver;
pub mod emit;
pub mod events;
pub mod model;
pub mod routes;
pub mod signing;
pub mod store;
