//! Time as the logged-in client sees it: billable entries of their own projects only, with
//! amounts and totals. Non-billable entries are never loaded here, so they cannot show up
//! in an entry, a total or a month.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    PortalProjectTime, PortalTimeEntry, PortalTimeSummary, PortalTimeTotals, ProjectTimeTotal, billable_sum, by_month,
};
use super::store;
use crate::auth::ClientPrincipal;
use crate::error::{ApiError, Problem};
use crate::projects::access;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_portal_project_time).service(get_portal_time);
}

/// Billable time on one of your projects: each entry with its amount (newest first), the
/// totals, and the totals per month.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's billable time", body = PortalProjectTime),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/projects/{id}/time")]
pub async fn get_portal_project_time(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalProjectTime>, ApiError> {
    let id = id.into_inner();
    let time = state
        .db
        .read(move |conn| {
            access::client_project(conn, &who.tenant_id, &who.client_id, &id)?;
            let currency = tenant_store::get(conn, &who.tenant_id)?.currency;
            let rows = store::of_project(conn, &who.tenant_id, &id, true)?;
            let (minutes, amount_minor) = billable_sum(&rows);
            let by_month = by_month(&rows);
            let entries = rows
                .into_iter()
                .filter(|r| r.billable)
                .map(|r| PortalTimeEntry {
                    amount_minor: r.amount(),
                    id: r.id,
                    work_date: r.work_date,
                    minutes: r.minutes,
                    description: r.description,
                })
                .collect();
            Ok(PortalProjectTime { entries, totals: PortalTimeTotals { minutes, amount_minor, currency }, by_month })
        })
        .await?;
    Ok(web::Json(time))
}

/// Billable time across all your projects: per project, per month and in total.
#[utoipa::path(
    tag = "client-portal",
    responses(
        (status = 200, description = "Your billable time", body = PortalTimeSummary),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/time")]
pub async fn get_portal_time(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<PortalTimeSummary>, ApiError> {
    let summary = state
        .db
        .read(move |conn| {
            let currency = tenant_store::get(conn, &who.tenant_id)?.currency;
            let rows = store::billable_of_client(conn, &who.tenant_id, &who.client_id)?;
            let mut projects: Vec<ProjectTimeTotal> = Vec::new();
            for (row, name) in &rows {
                let (minutes, amount) = billable_sum([row]);
                match projects.iter_mut().find(|p| p.project_id == row.project_id) {
                    Some(p) => {
                        p.minutes += minutes;
                        p.amount_minor += amount;
                    }
                    None => projects.push(ProjectTimeTotal {
                        project_id: row.project_id.clone(),
                        project_name: name.clone(),
                        minutes,
                        amount_minor: amount,
                    }),
                }
            }
            projects.retain(|p| p.minutes > 0);
            projects.sort_by(|a, b| (&a.project_name, &a.project_id).cmp(&(&b.project_name, &b.project_id)));
            let (minutes, amount_minor) = billable_sum(rows.iter().map(|(r, _)| r));
            let by_month = by_month(rows.iter().map(|(r, _)| r));
            Ok(PortalTimeSummary { projects, by_month, totals: PortalTimeTotals { minutes, amount_minor, currency } })
        })
        .await?;
    Ok(web::Json(summary))
}
