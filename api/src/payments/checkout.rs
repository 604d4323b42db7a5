//! "Pay now": the client asks to pay an invoice online; we open a hosted checkout at the
//! provider for the full amount due and keep a `checkout_sessions` row, so the provider's
//! webhook can later be checked against what we asked for.

use actix_web::{post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::keys::open_keys;
use super::model::{Checkout, CheckoutRow, PayInvoice};
use super::providers::{CheckoutRequest, Provider};
use super::store;
use crate::auth::ClientPrincipal;
use crate::clients::store as client_store;
use crate::db::{new_id, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::invoices::actions::client_invoice;
use crate::invoices::model::{InvoiceStatus, status_of};
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(pay_invoice);
}

/// Pay one of your invoices online: answers the provider's page to send you to. The whole
/// amount due is collected; the invoice shows as paid once the provider confirms.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The invoice's id")),
    request_body = PayInvoice,
    responses(
        (status = 200, description = "Where to pay", body = Checkout),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or viewing as the client", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such invoice", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing is due on it (paid or void)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The business does not take payments through this provider", body = Problem, content_type = "application/problem+json"),
        (status = 502, description = "The payment provider failed or did not answer; nothing was charged", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/invoices/{id}/pay")]
pub async fn pay_invoice(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<PayInvoice>,
) -> Result<web::Json<Checkout>, ApiError> {
    let id = id.into_inner();
    let kind = body.into_inner().provider;
    let config = state.config.clone();
    let vault = state.keys.vault.clone();
    let (request, keys) = state
        .db
        .read(move |conn| {
            let row = client_invoice(conn, &who.tenant_id, &who.client_id, &id)?;
            if !InvoiceStatus::UNPAID.contains(&row.status.as_str()) || row.due_minor() <= 0 {
                return Err(ApiError::Conflict(format!(
                    "Invoice {} {}: there is nothing to pay.",
                    row.number,
                    status_of(&row.status).phrase()
                )));
            }
            let provider = store::provider(conn, &who.tenant_id, kind.as_str())?
                .filter(|p| p.enabled)
                .ok_or_else(|| ApiError::validation("provider", "is not a way this business takes payments"))?;
            let keys = open_keys(&vault, &provider)?;
            let tenant = tenant_store::get(conn, &who.tenant_id)?;
            let client = client_store::get(conn, &who.tenant_id, &who.client_id)?
                .ok_or_else(|| ApiError::Internal("the client of a session is gone".into()))?;
            let page = config.public(&format!("/portal/{}/invoices/{}", tenant.slug, row.id));
            let request = CheckoutRequest {
                reference: new_id(),
                tenant_id: row.tenant_id.clone(),
                invoice_id: row.id.clone(),
                description: format!("Invoice {} — {}", row.number, tenant.name),
                amount_minor: row.due_minor(),
                currency: row.currency.clone(),
                email: client.email,
                success_url: format!("{page}?paid=1"),
                cancel_url: page,
            };
            Ok((request, keys))
        })
        .await?;
    let provider = Provider::of(kind);
    let base_url = match kind {
        super::model::ProviderKind::Stripe => &state.config.payments.stripe_url,
        super::model::ProviderKind::Paystack => &state.config.payments.paystack_url,
    };
    let created = provider.create_checkout(base_url, &keys, &request).await.map_err(|cause| {
        tracing::warn!(provider = kind.as_str(), invoice_id = %request.invoice_id, error = %cause, "checkout not created");
        ApiError::BadGateway(format!(
            "Payment provider unavailable: {} could not start the payment. Nothing was charged; please try again in a moment.",
            kind.as_str()
        ))
    })?;
    let row = CheckoutRow {
        id: request.reference.clone(),
        tenant_id: request.tenant_id.clone(),
        invoice_id: request.invoice_id.clone(),
        provider: kind.as_str().to_string(),
        provider_ref: created.provider_ref,
        amount_minor: request.amount_minor,
        currency: request.currency.clone(),
        checkout_url: created.url.clone(),
        status: "open".into(),
        created_at: now(),
        completed_at: None,
    };
    state.db.write(move |conn| Ok(store::insert_checkout(conn, &row)?)).await?;
    Ok(web::Json(Checkout { checkout_url: created.url }))
}
