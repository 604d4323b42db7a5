//! Intake forms: staff build a form (text, email, phone, long text, choice, checkbox
//! fields), it is public at `/portal/<tenant>/forms/<form>`, and what a visitor sends is
//! linked to the client with that email, or creates them as a lead (status `lead`, no
//! portal access until staff convert them). Staff are emailed. A honeypot field and a
//! per-IP limit keep robots out.

pub mod demo;
pub mod fields;
pub mod intake;
pub mod model;
pub mod public;
pub mod routes;
pub mod store;
