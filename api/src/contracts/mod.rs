//! Contracts with e-signature. Staff write the text in Markdown and send it; the client
//! reads it in the portal and signs with a typed name or a drawn signature, bound to the
//! SHA-256 of the exact text they read. Signing is one conditional UPDATE in `store`, so a
//! contract is signed once however many signatures race, and never over a text that
//! changed. Once signed, the PDF (text, signature, audit block) goes to both sides by email
//! and stays downloadable; staff may countersign.

pub mod actions;
pub mod demo;
pub mod model;
pub mod portal;
pub mod routes;
pub mod signature;
pub mod store;
