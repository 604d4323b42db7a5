//! What the client page lists.

use crate::files::preview::PreviewKind;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::bookings::appointments::model::AppointmentStatus;
use crate::contracts::model::ContractStatus;
use crate::invoices::model::InvoiceStatus;
use crate::projects::model::ProjectStatus;
use crate::quotes::model::QuoteStatus;
use crate::service_orders::model::ServiceOrderStatus;

/// How many lines each list holds at most; `counts` says how many there are.
pub const LIMIT: i64 = 25;

/// Everything between the business and one client.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientOverview {
    pub client_id: String,
    /// How many there are of each list (a list shows at most 25, newest first).
    pub counts: OverviewCounts,
    /// Pending or confirmed appointments still to come, earliest first.
    pub upcoming_appointments: Vec<OverviewAppointment>,
    /// Every other appointment (past, cancelled, completed), latest first.
    pub past_appointments: Vec<OverviewAppointment>,
    pub service_orders: Vec<OverviewOrder>,
    pub projects: Vec<OverviewProject>,
    /// Empty without `billing:read`.
    pub quotes: Vec<OverviewQuote>,
    /// Empty without `billing:read`.
    pub contracts: Vec<OverviewContract>,
    /// Empty without `billing:read`.
    pub invoices: Vec<OverviewInvoice>,
    /// What the client owes per currency on sent and partly paid invoices, and the part
    /// past due. Empty when nothing is due, or without `billing:read`.
    pub outstanding: Vec<OverviewOutstanding>,
    /// Files of the client's projects, newest first, with whether the client sees them.
    pub files: Vec<OverviewFile>,
    /// Message threads of the client's projects, latest message first.
    pub threads: Vec<OverviewThread>,
}

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct OverviewCounts {
    pub appointments: i64,
    pub service_orders: i64,
    pub projects: i64,
    pub quotes: i64,
    pub contracts: i64,
    pub invoices: i64,
    pub files: i64,
    pub threads: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewAppointment {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: AppointmentStatus,
    pub service_name: String,
    pub staff_name: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewOrder {
    pub id: String,
    #[schema(example = 7)]
    pub number: i64,
    pub title: String,
    pub status: ServiceOrderStatus,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewProject {
    pub id: String,
    pub name: String,
    pub status: ProjectStatus,
    pub due_date: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewQuote {
    pub id: String,
    #[schema(example = "Q-2026-0001")]
    pub number: String,
    pub title: String,
    /// As the API shows it today (`expired` for a sent quote past `valid_until`).
    pub status: QuoteStatus,
    pub total_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    pub valid_until: NaiveDate,
    pub sent_at: Option<DateTime<Utc>>,
    /// The project the quote is for or started.
    pub project_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewContract {
    pub id: String,
    pub title: String,
    pub status: ContractStatus,
    pub sent_at: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewInvoice {
    pub id: String,
    #[schema(example = "INV-2026-0001")]
    pub number: String,
    pub title: String,
    pub status: InvoiceStatus,
    pub total_minor: i64,
    /// What is still due (0 on a paid, void or draft invoice).
    pub due_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    pub due_date: NaiveDate,
    /// Sent, not fully paid and past its due date (in the business's time zone).
    pub overdue: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewOutstanding {
    #[schema(example = "EUR")]
    pub currency: String,
    pub amount_minor: i64,
    pub overdue_minor: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewFile {
    pub id: String,
    pub name: String,
    #[schema(example = "image/png")]
    pub content_type: String,
    pub size: i64,
    /// How the browser can show it (`/files/{id}/download?disposition=inline`); `null`:
    /// download only.
    pub preview: Option<PreviewKind>,
    /// Whether a small JPEG of it is at `/files/{id}/thumbnail`.
    pub thumbnail: bool,
    pub project_id: String,
    pub project_name: String,
    pub client_visible: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverviewThread {
    pub id: String,
    pub title: String,
    pub project_id: String,
    pub project_name: String,
    pub last_message_at: DateTime<Utc>,
}
