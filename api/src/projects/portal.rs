//! Projects as the logged-in client sees them: only their own, with a read-only board.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::access;
use super::model::{
    PortalProject, PortalProjectDetail, PortalProjectListQuery, PortalProjectPage, ProjectStatus, board, progress_of,
};
use super::store::{self, ListFilter};
use crate::auth::ClientPrincipal;
use crate::error::{ApiError, Problem};
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_projects).service(get_portal_project);
}

/// Your projects, newest first, each with its progress.
#[utoipa::path(
    tag = "client-portal",
    params(PortalProjectListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of your projects", body = PortalProjectPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/projects")]
pub async fn list_portal_projects(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    query: web::Query<PortalProjectListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<PortalProjectPage>, ApiError> {
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses = match query.state.as_deref() {
        None | Some("") => vec![],
        Some("open") => ProjectStatus::OPEN.to_vec(),
        Some("closed") => ProjectStatus::CLOSED.to_vec(),
        Some(other) => return Err(ApiError::BadRequest(format!("'state' must be 'open' or 'closed', not '{other}'."))),
    };
    let filter = ListFilter { statuses, client_id: Some(who.client_id), q: None, before_id, limit: limit + 1 };
    let (mut rows, mut progress) = state
        .db
        .read(move |conn| {
            let rows = store::list(conn, &who.tenant_id, &filter)?;
            let ids: Vec<String> = rows.iter().map(|(p, _)| p.id.clone()).collect();
            Ok((rows, store::progress(conn, &who.tenant_id, &ids)?))
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |(last, _)| vec![&last.id]);
    let items = rows
        .into_iter()
        .map(|(row, _)| {
            let p = progress.remove(&row.id).unwrap_or_default();
            PortalProject::of(row, p)
        })
        .collect();
    Ok(web::Json(PortalProjectPage { items, next_cursor }))
}

/// One of your projects, with its progress and its board: every task grouped by status.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project", body = PortalProjectDetail),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/projects/{id}")]
pub async fn get_portal_project(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalProjectDetail>, ApiError> {
    let id = id.into_inner();
    let detail = state
        .db
        .read(move |conn| {
            let row = access::client_project(conn, &who.tenant_id, &who.client_id, &id)?;
            let tasks = store::tasks(conn, &who.tenant_id, &id)?;
            let progress = progress_of(&tasks);
            Ok(PortalProjectDetail { project: PortalProject::of(row, progress), board: board(tasks) })
        })
        .await?;
    Ok(web::Json(detail))
}
