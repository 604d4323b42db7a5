//! Staff endpoint for the payment providers' webhook log (`billing:read`). Payments
//! received by hand are recorded on the invoice (`invoices::routes::record_payment`).

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{PaymentEvent, PaymentEventPage};
use super::store;
use crate::auth::{Caller, Scope};
use crate::error::{ApiError, Problem};
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_payment_events);
}

/// The payment providers' webhooks, newest first, with what was done with each: recorded,
/// duplicate, rejected (and why) or ignored.
#[utoipa::path(
    tag = "invoices",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of webhook events", body = PaymentEventPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/payments/events")]
pub async fn list_payment_events(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<web::Json<PaymentEventPage>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let mut rows =
        state.db.read(move |conn| Ok(store::events(conn, &caller.tenant_id, before_id.as_deref(), limit + 1)?)).await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| vec![&last.id]);
    Ok(web::Json(PaymentEventPage { items: rows.into_iter().map(PaymentEvent::from).collect(), next_cursor }))
}
