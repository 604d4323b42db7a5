//! The client's portal home page in one request: counts of what needs their attention and
//! their recent timeline. Each domain adds its own fields here.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::AppState;
use crate::activity::model::ActivityRow;
use crate::activity::store as activity_store;
use crate::auth::ClientPrincipal;
use crate::bookings::appointments::store as appointment_store;
use crate::bookings::portal as bookings_portal;
use crate::bookings::settings::model::BookingSettings;
use crate::bookings::settings::store as settings_store;
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::service_orders::model::ServiceOrderStatus;
use crate::service_orders::store as order_store;
use crate::tenants::model::utc;
use crate::tenants::store as tenant_store;

/// Entries shown in `recent_activity`.
const RECENT: usize = 10;
/// Kinds of object the timeline speaks about.
const KINDS: [&str; 2] = ["service_order", "appointment"];

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
    /// What happened lately, newest first (at most 10).
    pub recent_activity: Vec<DashboardActivity>,
}

/// One line of the client's recent timeline.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DashboardActivity {
    pub at: DateTime<Utc>,
    /// What it is about: `service_order` (or `appointment`).
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
        ("appointment", _) => bookings_portal::sentence(row, &cx.settings, &cx.business).map(|s| format!("{s}.")),
        _ => None,
    }
}

/// Your portal's home page: upcoming appointments, open and ready orders, and what happened lately.
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
            let open = order_store::count_for_client(conn, tenant, client, &ServiceOrderStatus::OPEN)?;
            let ready = order_store::count_for_client(conn, tenant, client, &["ready"])?;
            let upcoming = appointment_store::count_upcoming(conn, tenant, client, now())?;
            let cx = Context {
                settings: settings_store::load(conn, tenant)?,
                business: tenant_store::get(conn, tenant)?.name,
            };
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
                upcoming_appointments: upcoming,
                open_service_orders: open,
                ready_service_orders: ready,
                recent_activity,
            })
        })
        .await?;
    Ok(web::Json(dashboard))
}
