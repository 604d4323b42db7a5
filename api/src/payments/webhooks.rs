//! The providers' webhooks. No credential: the signature, made with the tenant's keys, is
//! the proof. A bad signature is answered 400 and leaves no trace; an authentic event is
//! logged in `payment_events` and answered 200 whatever became of it (recorded, duplicate,
//! rejected, ignored), so the provider stops retrying. One payment per provider payment,
//! however often the event arrives (unique `payments(tenant_id, method, provider_ref)`).

use actix_web::{HttpRequest, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::keys::open_keys;
use super::model::{PaymentEventRow, ProviderKind};
use super::providers::{PaymentNotice, Provider};
use super::store;
use crate::auth::Actor;
use crate::config::Config;
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::invoices::ledger::{self, NewPayment, Refusal};
use crate::invoices::store as invoice_store;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(receive_stripe_webhook).service(receive_paystack_webhook);
}

/// What we did with an authentic event.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookAnswer {
    /// `recorded`, `duplicate`, `rejected` or `ignored`.
    #[schema(example = "recorded")]
    pub outcome: String,
}

/// Stripe's events: `checkout.session.completed` (paid) records the payment.
#[utoipa::path(
    tag = "payment-webhooks",
    params(("tenant_id" = String, Path, description = "The business the webhook is for")),
    request_body(
        content = String,
        description = "The Stripe event, as Stripe signed it",
        content_type = "application/json",
        example = json!({"id": "evt_1QxYz", "type": "checkout.session.completed", "data": {"object": {"id": "cs_test_a1B2", "amount_total": 144000, "currency": "eur", "payment_status": "paid"}}}),
    ),
    responses(
        (status = 200, description = "An authentic event, handled", body = WebhookAnswer),
        (status = 400, description = "An authentic event that cannot be read; nothing recorded", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A missing, forged or stale signature; nothing recorded", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No Stripe keys are set up for this business", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The invoice changed meanwhile; retry", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/payments/webhooks/stripe/{tenant_id}")]
pub async fn receive_stripe_webhook(
    state: web::Data<AppState>,
    req: HttpRequest,
    tenant_id: web::Path<String>,
    body: web::Bytes,
) -> Result<web::Json<WebhookAnswer>, ApiError> {
    receive(state, req, tenant_id.into_inner(), body, ProviderKind::Stripe).await
}

/// Paystack's events: `charge.success` records the payment.
#[utoipa::path(
    tag = "payment-webhooks",
    params(("tenant_id" = String, Path, description = "The business the webhook is for")),
    request_body(
        content = String,
        description = "The Paystack event, as Paystack signed it",
        content_type = "application/json",
        example = json!({"event": "charge.success", "data": {"reference": "inv_019a7b2e", "amount": 144000, "currency": "NGN", "status": "success"}}),
    ),
    responses(
        (status = 200, description = "An authentic event, handled", body = WebhookAnswer),
        (status = 400, description = "An authentic event that cannot be read; nothing recorded", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A missing, forged or stale signature; nothing recorded", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No Paystack keys are set up for this business", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The invoice changed meanwhile; retry", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/payments/webhooks/paystack/{tenant_id}")]
pub async fn receive_paystack_webhook(
    state: web::Data<AppState>,
    req: HttpRequest,
    tenant_id: web::Path<String>,
    body: web::Bytes,
) -> Result<web::Json<WebhookAnswer>, ApiError> {
    receive(state, req, tenant_id.into_inner(), body, ProviderKind::Paystack).await
}

async fn receive(
    state: web::Data<AppState>,
    req: HttpRequest,
    tenant_id: String,
    body: web::Bytes,
    kind: ProviderKind,
) -> Result<web::Json<WebhookAnswer>, ApiError> {
    // Statuses a provider's retry logic and a generated client both read right: no keys
    // for this business is an endpoint that is not there (404); a missing, forged or stale
    // signature is a sender we refuse (403); an authentic event we cannot read is 400.
    let refuse = |why: String, error: fn(String) -> ApiError| {
        tracing::warn!(provider = kind.as_str(), tenant_id = %tenant_id, reason = %why, "webhook refused");
        error(format!("The webhook is not authentic: {why}."))
    };
    let tid = tenant_id.clone();
    let row = state.db.read(move |conn| Ok(store::provider(conn, &tid, kind.as_str())?)).await?;
    let Some(row) = row else {
        let why = format!("no {} keys are set up for this business", kind.as_str());
        return Err(refuse(why, ApiError::NotFound));
    };
    let keys = open_keys(&state.keys.vault, &row)?;
    let provider = Provider::of(kind);
    provider
        .verify_webhook(req.headers(), &body, &keys, chrono::Utc::now().timestamp())
        .map_err(|why| refuse(why, ApiError::Forbidden))?;
    let notice = provider.parse_event(&body).map_err(|why| refuse(why, ApiError::BadRequest))?;
    let config = state.config.clone();
    let outcome = state.db.write(move |conn| handle(conn, &config, &tenant_id, kind, notice)).await?;
    Ok(web::Json(WebhookAnswer { outcome }))
}

/// Logs the event with its outcome (and warns on a rejection).
fn log(
    conn: &mut DbConn,
    tenant_id: &str,
    kind: ProviderKind,
    notice: &PaymentNotice,
    invoice_id: Option<&str>,
    outcome: &str,
    detail: Option<String>,
) -> Result<String, ApiError> {
    if outcome == "rejected" {
        tracing::warn!(
            provider = kind.as_str(), tenant_id, event_id = %notice.event_id, invoice_id, detail = detail.as_deref(),
            "payment webhook rejected"
        );
    }
    store::insert_event(
        conn,
        &PaymentEventRow {
            id: new_id(),
            tenant_id: tenant_id.to_string(),
            provider: kind.as_str().to_string(),
            event_id: notice.event_id.clone(),
            event_type: notice.event_type.clone(),
            invoice_id: invoice_id.map(str::to_string),
            outcome: outcome.to_string(),
            detail,
            received_at: now(),
        },
    )?;
    Ok(outcome.to_string())
}

/// Decides what an authentic event does, in one transaction.
fn handle(
    conn: &mut DbConn,
    config: &Config,
    tenant_id: &str,
    kind: ProviderKind,
    notice: PaymentNotice,
) -> Result<String, ApiError> {
    let Some(paid) = notice.payment.clone() else {
        return log(conn, tenant_id, kind, &notice, None, "ignored", Some("not a completed payment".into()));
    };
    let Some(checkout) = store::checkout_by_ref(conn, tenant_id, kind.as_str(), &paid.checkout_ref)? else {
        let detail = format!("no checkout '{}' was opened here", paid.checkout_ref);
        return log(conn, tenant_id, kind, &notice, None, "rejected", Some(detail));
    };
    let invoice_id = Some(checkout.invoice_id.as_str());
    let method = kind.method().as_str();
    if invoice_store::payment_by_provider_ref(conn, tenant_id, method, &checkout.provider_ref)?.is_some() {
        let detail = Some("this payment is already recorded".to_string());
        return log(conn, tenant_id, kind, &notice, invoice_id, "duplicate", detail);
    }
    if paid.amount_minor != checkout.amount_minor || paid.currency != checkout.currency {
        let detail = format!(
            "collected {} {} but the checkout asked for {} {}",
            paid.amount_minor, paid.currency, checkout.amount_minor, checkout.currency
        );
        return log(conn, tenant_id, kind, &notice, invoice_id, "rejected", Some(detail));
    }
    let Some(invoice) = invoice_store::get(conn, tenant_id, None, &checkout.invoice_id)? else {
        return log(conn, tenant_id, kind, &notice, None, "rejected", Some("the invoice is gone".into()));
    };
    let payment = NewPayment {
        amount_minor: paid.amount_minor,
        currency: paid.currency,
        method: kind.method(),
        reference: Some(checkout.provider_ref.clone()),
        provider_ref: Some(checkout.provider_ref.clone()),
        received_at: now(),
    };
    match ledger::apply(conn, config, &Actor::System, &invoice, payment)? {
        Ok(_) => {
            store::close_checkout(conn, tenant_id, &checkout.id, "completed", now())?;
            log(conn, tenant_id, kind, &notice, invoice_id, "recorded", None)
        }
        // Another payment landed between our read and our update: let the provider retry,
        // and the retry sees the invoice as it now is.
        Err(Refusal::Changed) => Err(ApiError::Unavailable(format!("invoice {} changed meanwhile", invoice.id))),
        Err(refusal) => {
            store::close_checkout(conn, tenant_id, &checkout.id, "rejected", now())?;
            let detail = refusal.explain(&invoice);
            log(conn, tenant_id, kind, &notice, invoice_id, "rejected", Some(detail))
        }
    }
}
