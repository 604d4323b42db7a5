//! Invoices: draft → sent → partially_paid → paid, or void. Numbered per tenant from the
//! billing settings' prefix, totalled by `money::lines`, printed by `pdf::document`, paid
//! by hand (`payments::routes`) or online (`payments::checkout` and the webhooks).
//! Overdue is not a stored status: an unpaid sent invoice past its due date, in the tenant's
//! time zone, is overdue.

pub mod actions;
pub mod demo;
pub mod document;
pub mod ledger;
pub mod model;
pub mod portal;
pub mod routes;
pub mod store;
