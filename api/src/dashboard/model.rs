//! What the portal's home page shows, and the numbers it is made of.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::Queryable;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What the portal's home page shows a client.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalDashboard {
    /// Your pending or confirmed appointments that have not started yet.
    #[schema(example = 1)]
    pub upcoming_appointments: i64,
    /// Your orders still being handled (received, in progress or ready).
    #[schema(example = 2)]
    pub open_service_orders: i64,
    /// Your orders ready for pickup.
    #[schema(example = 1)]
    pub ready_service_orders: i64,
    /// Your projects still going (planned, active or on hold).
    #[schema(example = 1)]
    pub active_projects: i64,
    /// Your completed projects.
    #[schema(example = 1)]
    pub completed_projects: i64,
    /// Deliverables of your projects submitted and waiting for your approval.
    #[schema(example = 1)]
    pub deliverables_awaiting_approval: i64,
    /// What you owe, per currency: the sum of what is due on your sent and partly paid
    /// invoices. Empty when nothing is due.
    pub amount_due: Vec<AmountDue>,
    /// Your unpaid invoice due first (overdue ones come first of all).
    pub next_due_invoice: Option<NextDueInvoice>,
    /// Quotes sent to you, not yet expired, waiting for your answer.
    #[schema(example = 1)]
    pub quotes_awaiting_decision: i64,
    /// Contracts sent to you, waiting for your signature.
    #[schema(example = 1)]
    pub contracts_awaiting_signature: i64,
    /// What happened lately, newest first (at most 10).
    pub recent_activity: Vec<DashboardActivity>,
}

/// An amount in one currency.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AmountDue {
    #[schema(example = "EUR")]
    pub currency: String,
    #[schema(example = 120000)]
    pub amount_minor: i64,
}

/// The invoice to pay next.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NextDueInvoice {
    pub id: String,
    #[schema(example = "INV-2026-0001")]
    pub number: String,
    pub due_date: NaiveDate,
    pub due_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    /// Its due date has passed.
    pub overdue: bool,
}

/// One line of the client's recent timeline.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DashboardActivity {
    pub at: DateTime<Utc>,
    /// What it is about: `service_order`, `appointment` or `project`.
    #[schema(example = "service_order")]
    pub kind: String,
    /// A sentence for the client.
    #[schema(example = "Order SO-0007 is ready for pickup.")]
    pub text: String,
}

/// Every count of the dashboard, read in one statement (`store::counts`), in its order.
#[derive(Debug, Queryable)]
pub struct Counts {
    pub upcoming_appointments: i64,
    pub open_service_orders: i64,
    pub ready_service_orders: i64,
    pub active_projects: i64,
    pub completed_projects: i64,
    pub deliverables_awaiting_approval: i64,
    pub quotes_awaiting_decision: i64,
    pub contracts_awaiting_signature: i64,
}
