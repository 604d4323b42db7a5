//! What the console's home page shows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::activity::model::Activity;
use crate::text_enum;

/// How many lines each list of the home page holds at most; `counts` says how many there are.
pub const LIMIT: i64 = 20;

/// What needs the team's attention, in one answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Home {
    /// Today in the business's time zone: "today" and "tomorrow" below are its days.
    pub today: NaiveDate,
    #[schema(example = "Europe/Berlin")]
    pub time_zone: String,
    /// How many there are of each list below (a list shows at most 20).
    pub counts: HomeCounts,
    /// Today's and tomorrow's appointments still on (pending or confirmed), earliest first.
    pub appointments: Vec<HomeAppointment>,
    /// Quotes, contracts and deliverables the client has not answered yet, waiting longest first.
    pub waiting_on_clients: Vec<WaitingItem>,
    /// Sent invoices past their due date and not fully paid, most overdue first. Empty for a
    /// credential without `billing:read`.
    pub overdue_invoices: Vec<OverdueInvoice>,
    /// What clients owe on every sent invoice, per currency (overdue or not). Empty without
    /// `billing:read`.
    pub outstanding: Vec<Outstanding>,
    /// Leads of the last 14 days, newest first.
    pub new_leads: Vec<HomeClient>,
    /// Form submissions of the last 14 days, newest first.
    pub form_submissions: Vec<HomeSubmission>,
    /// Threads with client messages the caller has not read, newest first. Empty for an API key.
    pub unread_threads: Vec<UnreadThread>,
    /// The business's latest activity, newest first (at most 20).
    pub recent_activity: Vec<HomeActivity>,
}

/// How many lines each list would have without the limit of 20.
#[derive(Debug, Default, Serialize, ToSchema, PartialEq, Eq)]
pub struct HomeCounts {
    pub appointments: i64,
    pub waiting_on_clients: i64,
    pub overdue_invoices: i64,
    pub new_leads: i64,
    pub form_submissions: i64,
    pub unread_threads: i64,
}

/// A client as a home page line names them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ClientRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HomeAppointment {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[schema(example = "confirmed")]
    pub status: String,
    pub service_name: String,
    /// The staff member who takes it, if one is assigned.
    pub staff_name: Option<String>,
    pub client: ClientRef,
}

text_enum! {
    /// What kind of document waits on a client.
    pub enum WaitingKind {
        Quote = "quote",
        Contract = "contract",
        Deliverable = "deliverable",
    }
}

/// A document sent to a client and not answered yet.
#[derive(Debug, Serialize, ToSchema)]
pub struct WaitingItem {
    pub kind: WaitingKind,
    pub id: String,
    /// The quote's number and revision's title, the contract's or the deliverable's title.
    pub title: String,
    /// The quote's number; `null` for the others.
    pub number: Option<String>,
    /// The deliverable's project (its page holds the deliverable); `null` for the others.
    pub project_id: Option<String>,
    pub client: ClientRef,
    /// When it was sent (or submitted for approval): how long it has waited.
    pub since: DateTime<Utc>,
    /// When the client first opened it in the portal; `null` when they have not yet (always
    /// `null` for a deliverable, whose views are not counted).
    pub viewed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OverdueInvoice {
    pub id: String,
    #[schema(example = "INV-2026-0001")]
    pub number: String,
    pub client: ClientRef,
    pub due_date: NaiveDate,
    /// What is still due, in minor units.
    pub due_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    /// Whole days past the due date, counted in the business's time zone.
    pub days_overdue: i64,
}

/// What is still due in one currency.
#[derive(Debug, Serialize, ToSchema)]
pub struct Outstanding {
    #[schema(example = "EUR")]
    pub currency: String,
    /// On every sent or partly paid invoice.
    pub amount_minor: i64,
    /// The part of it past due.
    pub overdue_minor: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HomeClient {
    pub id: String,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HomeSubmission {
    pub id: String,
    pub form_id: String,
    pub form_title: String,
    pub client: ClientRef,
    /// The submission made this client (a lead) rather than matching one.
    pub created_lead: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadThread {
    pub id: String,
    pub title: String,
    pub project_id: String,
    pub project_name: String,
    pub client: ClientRef,
    /// Client messages newer than the caller's read mark.
    pub unread_count: i64,
    pub last_message_at: DateTime<Utc>,
}

/// An activity entry with the name of the client it concerns.
#[derive(Debug, Serialize, ToSchema)]
pub struct HomeActivity {
    #[serde(flatten)]
    pub entry: Activity,
    /// The client's name, when the entry concerns a client.
    pub client_name: Option<String>,
}
