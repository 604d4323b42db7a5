//! `GET /portal/dashboard`: the portal's home page in one request.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{AmountDue, DashboardActivity, NextDueInvoice, PortalDashboard};
use super::{store, timeline};
use crate::activity::store as activity_store;
use crate::auth::ClientPrincipal;
use crate::bookings::settings::store as settings_store;
use crate::db::{now, utc};
use crate::error::ApiError;
use crate::i18n::{Formats, Language};
use crate::invoices::model::today_in;
use crate::invoices::store as invoice_store;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_portal_dashboard);
}

/// Your portal's home page: upcoming appointments, open and ready orders, projects,
/// deliverables waiting for you, and what happened lately.
#[utoipa::path(
    tag = "client-portal",
    responses(
        (status = 200, description = "Your dashboard", body = PortalDashboard),
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
            let counts = store::counts(conn, tenant, client, now(), today)?;
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
            let lang = who.accept_language.as_deref().and_then(Language::from_accept);
            let cx = timeline::Context {
                settings: settings_store::for_tenant(conn, &tenant_row)?,
                formats: Formats::new(lang.unwrap_or_else(|| tenant_row.language()), &tenant_row.locale),
                business: tenant_row.name,
            };
            // Staff-only entries (edits) are skipped, so read more than are shown.
            let rows = activity_store::recent_for_client(
                conn,
                tenant,
                client,
                &timeline::KINDS,
                (timeline::RECENT * 5) as i64,
            )?;
            let recent_activity = rows
                .iter()
                .filter_map(|r| {
                    timeline::sentence(r, &cx).map(|text| DashboardActivity {
                        at: utc(r.at),
                        kind: r.subject_type.clone(),
                        text,
                    })
                })
                .take(timeline::RECENT)
                .collect();
            Ok(PortalDashboard {
                upcoming_appointments: counts.upcoming_appointments,
                open_service_orders: counts.open_service_orders,
                ready_service_orders: counts.ready_service_orders,
                active_projects: counts.active_projects,
                completed_projects: counts.completed_projects,
                deliverables_awaiting_approval: counts.deliverables_awaiting_approval,
                amount_due,
                next_due_invoice,
                quotes_awaiting_decision: counts.quotes_awaiting_decision,
                contracts_awaiting_signature: counts.contracts_awaiting_signature,
                recent_activity,
            })
        })
        .await?;
    Ok(web::Json(dashboard))
}
