//! Staff endpoints for payments: record money received by hand (`billing:write`) and read
//! the providers' webhook log (`billing:read`).

use actix_web::{HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::ledger::{self, NewPayment};
use super::model::{PaymentEvent, PaymentEventPage, RecordPayment};
use super::store;
use crate::AppState;
use crate::auth::{Caller, Scope};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::invoices::model::Invoice;
use crate::invoices::routes::{detail, staff_invoice, tenant_today};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(record_payment).service(list_payment_events);
}

/// Record a payment received by hand (bank transfer, cash, card, other) — all of what is
/// due, or part of it. The invoice becomes partially paid, or paid (and the client gets a
/// receipt by email).
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id")),
    request_body = RecordPayment,
    responses(
        (status = 201, description = "The invoice with the payment", body = Invoice),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The invoice is a draft, paid or void", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the amount is more than is due (the detail says how much is)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/invoices/{id}/payments")]
pub async fn record_payment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<RecordPayment>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let new = body.into_inner();
    let config = state.config.clone();
    let invoice = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let row = staff_invoice(conn, tenant_id, &id)?;
            let payment = NewPayment {
                amount_minor: new.amount_minor,
                currency: row.currency.clone(),
                method: new.method.method(),
                reference: crate::rules::tidy(new.reference),
                provider_ref: None,
                received_at: new.received_at.map(|t| t.naive_utc()).unwrap_or_else(now),
            };
            if let Err(refusal) = ledger::apply(conn, &config, &caller.actor, &row, payment)? {
                return Err(refusal.into_error(&row));
            }
            let today = tenant_today(conn, tenant_id)?;
            let row = staff_invoice(conn, tenant_id, &id)?;
            detail(conn, row, today)
        })
        .await?;
    Ok(HttpResponse::Created().json(invoice))
}

/// The payment providers' webhooks, newest first, with what was done with each: recorded,
/// duplicate, rejected (and why) or ignored.
#[utoipa::path(
    tag = "invoices",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of webhook events", body = PaymentEventPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:read`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
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
    let mut rows = state
        .db
        .read(move |conn| Ok(store::events(conn, &caller.tenant_id, before_id.as_deref(), limit + 1)?))
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| vec![&last.id]);
    Ok(web::Json(PaymentEventPage { items: rows.into_iter().map(PaymentEvent::from).collect(), next_cursor }))
}
