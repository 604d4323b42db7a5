//! `GET /clients/{id}/overview`: the client page's lists in one request.

use crate::files::preview::kind_of;
use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    ClientOverview, OverviewAppointment, OverviewContract, OverviewFile, OverviewInvoice, OverviewOrder,
    OverviewOutstanding, OverviewProject, OverviewQuote, OverviewThread,
};
use super::store;
use crate::auth::{Caller, Scope};
use crate::bookings::appointments::model::AppointmentStatus;
use crate::clients::store as client_store;
use crate::contracts::model::ContractStatus;
use crate::db::{DbConn, now, utc};
use crate::error::{ApiError, Problem};
use crate::invoices::model::{InvoiceStatus, today_in};
use crate::invoices::store as invoice_store;
use crate::projects::model::ProjectStatus;
use crate::quotes::model::QuoteStatus;
use crate::service_orders::model::ServiceOrderStatus;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_client_overview);
}

/// Everything between the business and this client, for the client page: appointments
/// (upcoming and past), service orders, projects, quotes, contracts, invoices with what is
/// outstanding, files and message threads. Each list holds the newest 25; `counts` says how
/// many there are. Billing lists need `billing:read` (without it they are empty). The
/// activity timeline is `GET /clients/{id}/activity`.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "The client's overview", body = ClientOverview),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/clients/{id}/overview")]
pub async fn get_client_overview(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<ClientOverview>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let overview = state.db.read(move |conn| overview(conn, &caller, id)).await?;
    Ok(web::Json(overview))
}

fn overview(conn: &mut DbConn, caller: &Caller, id: String) -> Result<ClientOverview, ApiError> {
    let tenant = caller.tenant_id.as_str();
    let client = client_store::get(conn, tenant, &id)?
        .ok_or_else(|| ApiError::NotFound(format!("No client with id '{id}' in your business.")))?;
    let tenant_row = tenant_store::get(conn, tenant)?;
    let today = today_in(&tenant_row.timezone);
    let (tenant, client) = (tenant, client.id.as_str());
    let mut counts = store::counts(conn, tenant, client)?;

    let appointment =
        |(id, starts, ends, status, service_name, staff_name): store::AppointmentLine| OverviewAppointment {
            id,
            starts_at: utc(starts),
            ends_at: utc(ends),
            status: AppointmentStatus::stored_or(&status, AppointmentStatus::Pending),
            service_name,
            staff_name,
        };
    let at = now();
    let upcoming_appointments =
        store::appointments(conn, tenant, client, at, true)?.into_iter().map(appointment).collect();
    let past_appointments =
        store::appointments(conn, tenant, client, at, false)?.into_iter().map(appointment).collect();
    let service_orders = store::service_orders(conn, tenant, client)?
        .into_iter()
        .map(|(id, number, title, status, updated)| OverviewOrder {
            id,
            number,
            title,
            status: ServiceOrderStatus::stored_or(&status, ServiceOrderStatus::Received),
            updated_at: utc(updated),
        })
        .collect();
    let projects = store::projects(conn, tenant, client)?
        .into_iter()
        .map(|(id, name, status, due_date, updated)| OverviewProject {
            id,
            name,
            status: ProjectStatus::stored_or(&status, ProjectStatus::Active),
            due_date,
            updated_at: utc(updated),
        })
        .collect();

    let billing = caller.has(Scope::BillingRead);
    let (quotes, contracts, invoices, outstanding) = if billing {
        let quotes = store::quotes(conn, tenant, client)?
            .into_iter()
            .map(|(id, number, title, status, total_minor, currency, valid_until, sent, project_id)| OverviewQuote {
                id,
                number,
                title,
                status: QuoteStatus::of(&status, valid_until, today),
                total_minor,
                currency,
                valid_until,
                sent_at: sent.map(utc),
                project_id,
            })
            .collect();
        let contracts = store::contracts(conn, tenant, client)?
            .into_iter()
            .map(|(id, title, status, sent, signed)| OverviewContract {
                id,
                title,
                status: ContractStatus::stored_or(&status, ContractStatus::Draft),
                sent_at: sent.map(utc),
                signed_at: signed.map(utc),
            })
            .collect();
        let invoices = store::invoices(conn, tenant, client)?
            .into_iter()
            .map(|(id, number, title, status, total_minor, paid_minor, currency, due_date)| {
                let status = InvoiceStatus::stored_or(&status, InvoiceStatus::Draft);
                let unpaid = matches!(status, InvoiceStatus::Sent | InvoiceStatus::PartiallyPaid);
                OverviewInvoice {
                    id,
                    number,
                    title,
                    status,
                    total_minor,
                    due_minor: if unpaid { (total_minor - paid_minor).max(0) } else { 0 },
                    currency,
                    due_date,
                    overdue: unpaid && due_date < today,
                }
            })
            .collect();
        let outstanding = invoice_store::outstanding(conn, tenant, Some(client), today)?
            .into_iter()
            .filter(|(_, due, _)| *due > 0)
            .map(|(currency, amount_minor, overdue_minor)| OverviewOutstanding {
                currency,
                amount_minor,
                overdue_minor,
            })
            .collect();
        (quotes, contracts, invoices, outstanding)
    } else {
        (counts.quotes, counts.contracts, counts.invoices) = (0, 0, 0);
        (Vec::new(), Vec::new(), Vec::new(), Vec::new())
    };

    let files = store::files(conn, tenant, client)?
        .into_iter()
        .map(|(id, name, content_type, size, project_id, project_name, client_visible, created, thumb)| OverviewFile {
            id,
            name,
            preview: kind_of(&content_type),
            thumbnail: thumb.is_some(),
            content_type,
            size,
            project_id,
            project_name,
            client_visible,
            created_at: utc(created),
        })
        .collect();
    let threads = store::threads(conn, tenant, client)?
        .into_iter()
        .map(|(id, title, project_id, project_name, last)| OverviewThread {
            id,
            title,
            project_id,
            project_name,
            last_message_at: utc(last),
        })
        .collect();

    Ok(ClientOverview {
        client_id: id.clone(),
        counts,
        upcoming_appointments,
        past_appointments,
        service_orders,
        projects,
        quotes,
        contracts,
        invoices,
        outstanding,
        files,
        threads,
    })
}
