//! The client's portal home page in one request: counts of what needs their attention and
//! their recent timeline. Each domain adds its own fields here.

use actix_web::{get, web};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::activity::model::ActivityRow;
use crate::activity::store as activity_store;
use crate::auth::ClientPrincipal;
use crate::bookings::appointments::model::AppointmentStatus;
use crate::bookings::portal as bookings_portal;
use crate::bookings::settings::model::BookingSettings;
use crate::bookings::settings::store as settings_store;
use crate::db::DbConn;
use crate::db::now;
use crate::db::schema::{appointments, contracts, deliverables, projects, quotes, service_orders};
use crate::error::{ApiError, Problem};
use crate::invoices::model::today_in;
use crate::invoices::store as invoice_store;
use crate::projects::model::ProjectStatus;
use crate::service_orders::model::ServiceOrderStatus;
use crate::tenants::model::utc;
use crate::tenants::store as tenant_store;

/// Entries shown in `recent_activity`.
const RECENT: usize = 10;
/// Kinds of object the timeline speaks about.
const KINDS: [&str; 3] = ["service_order", "appointment", "project"];

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_portal_dashboard);
}

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

/// What the timeline's sentences need to know about the business.
struct Context {
    settings: BookingSettings,
    business: String,
}

/// The sentence a client reads for an activity entry; `None` for entries not meant for them
/// (or verbs this version does not know), which are left out.
fn sentence(row: &ActivityRow, cx: &Context) -> Option<String> {
    let data: serde_json::Value = serde_json::from_str(&row.data).ok()?;
    let text = |key: &str| data[key].as_str().map(str::to_string);
    match (row.subject_type.as_str(), row.verb.as_str()) {
        ("service_order", "created") => Some(format!("Order {} was received: {}.", text("reference")?, text("title")?)),
        ("service_order", "status_changed") => {
            let to = ServiceOrderStatus::parse(&text("to")?)?;
            Some(format!("Order {} {}.", text("reference")?, to.phrase()))
        }
        ("project", verb) => project_sentence(verb, &data),
        ("appointment", _) => bookings_portal::sentence(row, &cx.settings, &cx.business).map(|s| format!("{s}.")),
        _ => None,
    }
}

/// What a client reads about their project's news. Internal entries (a staff note, a file
/// the client cannot see) have no sentence and never reach them.
fn project_sentence(verb: &str, data: &serde_json::Value) -> Option<String> {
    let text = |key: &str| data[key].as_str();
    let project = text("name")?;
    Some(match verb {
        "created" => format!("New project: {project}."),
        "status_changed" => format!("Project {project} {}.", ProjectStatus::parse(text("to")?)?.phrase()),
        "deliverable_submitted" => format!("“{}” in {project} is ready for your review.", text("title")?),
        "deliverable_approved" => format!("“{}” in {project} was approved.", text("title")?),
        "deliverable_changes_requested" => format!("Changes were requested to “{}” in {project}.", text("title")?),
        "file_uploaded" if data["client_visible"] == true => format!("New file in {project}: {}.", text("file_name")?),
        "message_posted" if data["internal"] == false && text("author_kind") == Some("staff") => {
            format!("New message in “{}” ({project}).", text("thread_title")?)
        }
        "feedback_requested" => format!("How did {project} go? Your feedback is welcome."),
        "feedback_submitted" => format!("Thank you for rating {project}."),
        _ => return None,
    })
}

/// Your portal's home page: upcoming appointments, open and ready orders, projects,
/// deliverables waiting for you, and what happened lately.
#[utoipa::path(
    tag = "client-portal",
    responses(
        (status = 200, description = "Your dashboard", body = PortalDashboard),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/dashboard")]
pub async fn get_portal_dashboard(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<PortalDashboard>, ApiError> {
    let dashboard = state
        .db
        .read(move |conn| {
            let (tenant, client) = (&who.tenant_id, &who.client_id);
            let tenant_row = tenant_store::get(conn, tenant)?;
            let today = today_in(&tenant_row.timezone);
            let counts = counts(conn, tenant, client, now(), today)?;
            let unpaid = invoice_store::unpaid_for_client(conn, tenant, client)?;
            let mut amount_due: Vec<AmountDue> = Vec::new();
            for row in &unpaid {
                match amount_due.iter_mut().find(|a| a.currency == row.currency) {
                    Some(a) => a.amount_minor += row.due_minor(),
                    None => {
                        amount_due.push(AmountDue { currency: row.currency.clone(), amount_minor: row.due_minor() })
                    }
                }
            }
            amount_due.retain(|a| a.amount_minor > 0);
            amount_due.sort_by(|a, b| a.currency.cmp(&b.currency));
            // `unpaid` comes earliest due first.
            let next_due_invoice = unpaid.into_iter().next().map(|row| NextDueInvoice {
                overdue: row.overdue(today),
                due_minor: row.due_minor(),
                id: row.id,
                number: row.number,
                due_date: row.due_date,
                currency: row.currency,
            });
            let cx = Context { settings: settings_store::for_tenant(conn, &tenant_row)?, business: tenant_row.name };
            // Staff-only entries (edits) are skipped, so read more than are shown.
            let rows = activity_store::recent_for_client(conn, tenant, client, &KINDS, (RECENT * 5) as i64)?;
            let recent_activity = rows
                .iter()
                .filter_map(|r| {
                    sentence(r, &cx).map(|text| DashboardActivity { at: utc(r.at), kind: r.subject_type.clone(), text })
                })
                .take(RECENT)
                .collect();
            Ok(PortalDashboard {
                upcoming_appointments: counts.0,
                open_service_orders: counts.1,
                ready_service_orders: counts.2,
                active_projects: counts.3,
                completed_projects: counts.4,
                deliverables_awaiting_approval: counts.5,
                amount_due,
                next_due_invoice,
                quotes_awaiting_decision: counts.6,
                contracts_awaiting_signature: counts.7,
                recent_activity,
            })
        })
        .await?;
    Ok(web::Json(dashboard))
}

/// upcoming appointments, open and ready orders, active and completed projects, deliverables,
/// quotes and contracts waiting for the client.
type Counts = (i64, i64, i64, i64, i64, i64, i64, i64);

/// Every number of the dashboard in one statement of eight subqueries: one round trip instead
/// of eight, which was most of the page's time (see docs/PERFORMANCE.md).
fn counts(conn: &mut DbConn, tenant: &str, client: &str, at: NaiveDateTime, today: NaiveDate) -> QueryResult<Counts> {
    let orders = |statuses: &[&'static str]| {
        service_orders::table
            .filter(service_orders::tenant_id.eq(tenant.to_string()))
            .filter(service_orders::client_id.eq(client.to_string()))
            .filter(service_orders::status.eq_any(statuses.to_vec()))
            .count()
            .single_value()
            .assume_not_null()
    };
    let projects_in = |statuses: &[&'static str]| {
        projects::table
            .filter(projects::tenant_id.eq(tenant.to_string()))
            .filter(projects::client_id.eq(client.to_string()))
            .filter(projects::status.eq_any(statuses.to_vec()))
            .count()
            .single_value()
            .assume_not_null()
    };
    let upcoming = appointments::table
        .filter(appointments::tenant_id.eq(tenant))
        .filter(appointments::client_id.eq(client))
        .filter(appointments::starts_at.ge(at))
        .filter(appointments::status.eq_any(AppointmentStatus::LIVE))
        .count()
        .single_value()
        .assume_not_null();
    let awaiting = deliverables::table
        .inner_join(projects::table)
        .filter(deliverables::tenant_id.eq(tenant))
        .filter(projects::tenant_id.eq(tenant))
        .filter(projects::client_id.eq(client))
        .filter(deliverables::status.eq("submitted"))
        .count()
        .single_value()
        .assume_not_null();
    let quotes_waiting = quotes::table
        .filter(quotes::tenant_id.eq(tenant))
        .filter(quotes::client_id.eq(client))
        .filter(quotes::status.eq("sent"))
        .filter(quotes::valid_until.ge(today))
        .count()
        .single_value()
        .assume_not_null();
    let contracts_waiting = contracts::table
        .filter(contracts::tenant_id.eq(tenant))
        .filter(contracts::client_id.eq(client))
        .filter(contracts::status.eq("sent"))
        .count()
        .single_value()
        .assume_not_null();
    diesel::select((
        upcoming,
        orders(&ServiceOrderStatus::OPEN),
        orders(&["ready"]),
        projects_in(&ProjectStatus::OPEN),
        projects_in(&["completed"]),
        awaiting,
        quotes_waiting,
        contracts_waiting,
    ))
    .get_result(conn)
}
