//! Quotes: staff write a numbered quote of priced lines and send it; the client reads it in
//! the portal (each view counted), then accepts it — which starts a project in the same
//! transaction — asks for changes (staff revise it; earlier revisions stay readable) or
//! declines it. A PDF of it is the same for both sides.

pub mod actions;
pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
