//! Templates the business starts documents from: projects (with their task list and
//! deliverables), quotes (lines), contracts (a Markdown body) and emails staff send by hand.
//! Their texts hold merge fields (`merge`), checked when saved and resolved when a document
//! is made, so the document holds plain text, frozen when it is sent like any other.

pub mod actions;
pub mod merge;
pub mod model;
pub mod routes;
pub mod store;
