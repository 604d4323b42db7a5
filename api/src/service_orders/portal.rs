//! Service orders as the logged-in client sees them: only their own, without internal data.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::not_found;
use super::model::{PortalServiceOrder, PortalServiceOrderListQuery, PortalServiceOrderPage, ServiceOrderStatus};
use super::store::{self, ListFilter};
use crate::auth::ClientPrincipal;
use crate::error::{ApiError, Problem};
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_service_orders).service(get_portal_service_order);
}

/// Your service orders, newest first.
#[utoipa::path(
    tag = "client-portal",
    params(PortalServiceOrderListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of your orders", body = PortalServiceOrderPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/service-orders")]
pub async fn list_portal_service_orders(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    query: web::Query<PortalServiceOrderListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<PortalServiceOrderPage>, ApiError> {
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses = match query.state.as_deref() {
        None | Some("") => vec![],
        Some("open") => ServiceOrderStatus::OPEN.to_vec(),
        Some("completed") => ServiceOrderStatus::COMPLETED.to_vec(),
        Some(other) => {
            return Err(ApiError::BadRequest(format!("'state' must be 'open' or 'completed', not '{other}'.")));
        }
    };
    let filter =
        ListFilter { statuses, client_id: Some(who.client_id), q: None, number: None, before_id, limit: limit + 1 };
    let mut rows = state.db.read(move |conn| Ok(store::list(conn, &who.tenant_id, &filter)?)).await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| vec![&last.order.id]);
    Ok(web::Json(PortalServiceOrderPage {
        items: rows.into_iter().map(PortalServiceOrder::from).collect(),
        next_cursor,
    }))
}

/// One of your service orders, with its lines and history.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The order", body = PortalServiceOrder),
        (status = 404, description = "You have no such order", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/service-orders/{id}")]
pub async fn get_portal_service_order(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalServiceOrder>, ApiError> {
    let id = id.into_inner();
    let wanted = id.clone();
    let parts = state.db.read(move |conn| Ok(store::get(conn, &who.tenant_id, Some(&who.client_id), &wanted)?)).await?;
    parts.map(|p| web::Json(p.into())).ok_or_else(|| not_found(&id))
}
