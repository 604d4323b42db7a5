//! Billing settings (prefixes, terms, details) and payment provider keys, for owners and
//! admins (`tenant:read` / `tenant:write`). Provider keys are sealed by the vault, bound to
//! `"{tenant_id}/{provider}/secret_key"` (and `…/webhook_secret`), and never returned: staff
//! see the last four characters.

use super::keys::context;
use actix_web::{HttpResponse, delete, get, patch, put, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    BillingSettings, PaymentProviderInfo, ProviderKind, ProviderRow, SetPaymentProvider, ToggleProvider,
    UpdateBillingSettings,
};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::config::Config;
use crate::db::{DbConn, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::money::store as billing_store;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_billing_settings)
        .service(update_billing_settings)
        .service(set_payment_provider)
        .service(toggle_payment_provider)
        .service(remove_payment_provider);
}

/// `{public_url}/api/v1/payments/webhooks/{provider}/{tenant_id}`.
pub fn webhook_url(config: &Config, tenant_id: &str, provider: ProviderKind) -> String {
    config.public(&format!("/api/v1/payments/webhooks/{}/{tenant_id}", provider.as_str()))
}

fn info(config: &Config, tenant_id: &str, kind: ProviderKind, row: Option<&ProviderRow>) -> PaymentProviderInfo {
    PaymentProviderInfo {
        provider: kind,
        enabled: row.is_some_and(|r| r.enabled),
        key_hint: row.map(|r| r.key_hint.clone()),
        webhook_url: webhook_url(config, tenant_id, kind),
    }
}

fn load(conn: &mut DbConn, config: &Config, tenant_id: &str) -> Result<BillingSettings, ApiError> {
    let row = billing_store::load(conn, tenant_id)?;
    let providers = store::providers(conn, tenant_id)?;
    Ok(BillingSettings {
        quote_prefix: row.quote_prefix,
        invoice_prefix: row.invoice_prefix,
        payment_terms_days: row.payment_terms_days,
        quote_valid_days: row.quote_valid_days,
        billing_details: row.billing_details,
        providers: ProviderKind::ALL
            .into_iter()
            .map(|kind| info(config, tenant_id, kind, providers.iter().find(|p| p.provider == kind.as_str())))
            .collect(),
    })
}

fn provider_of(raw: &str) -> Result<ProviderKind, ApiError> {
    ProviderKind::parse(raw)
        .ok_or_else(|| ApiError::NotFound(format!("There is no payment provider '{raw}'; use 'stripe' or 'paystack'.")))
}

/// The billing settings and both payment providers (configured or not, with the webhook
/// URL to paste into each provider's dashboard).
#[utoipa::path(
    tag = "billing",
    responses(
        (status = 200, description = "The billing settings", body = BillingSettings),
    ),
    security(("api_key" = ["tenant:read"]), ("staff_session" = ["tenant:read"])),
)]
#[get("/billing/settings")]
pub async fn get_billing_settings(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<BillingSettings>, ApiError> {
    caller.require(Scope::TenantRead)?;
    let config = state.config.clone();
    let settings = state.db.read(move |conn| load(conn, &config, &caller.tenant_id)).await?;
    Ok(web::Json(settings))
}

/// Change the billing settings. A new prefix applies to documents created from now on.
#[utoipa::path(
    tag = "billing",
    request_body = UpdateBillingSettings,
    responses(
        (status = 200, description = "The billing settings as changed", body = BillingSettings),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[patch("/billing/settings")]
pub async fn update_billing_settings(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<UpdateBillingSettings>,
) -> Result<web::Json<BillingSettings>, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let update = body.into_inner();
    let config = state.config.clone();
    let settings = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let mut row = billing_store::load(conn, tenant_id)?;
            if let Some(p) = update.quote_prefix {
                row.quote_prefix = p;
            }
            if let Some(p) = update.invoice_prefix {
                row.invoice_prefix = p;
            }
            if let Some(d) = update.payment_terms_days {
                row.payment_terms_days = d;
            }
            if let Some(d) = update.quote_valid_days {
                row.quote_valid_days = d;
            }
            if let Some(details) = update.billing_details {
                row.billing_details = crate::rules::tidy(details);
            }
            row.updated_at = now();
            billing_store::save(conn, &row)?;
            let subject = Subject { kind: "tenant", id: tenant_id, client_id: None };
            events::record(conn, tenant_id, &caller.actor, "billing_settings_updated", subject, json!({}))?;
            load(conn, &config, tenant_id)
        })
        .await?;
    Ok(web::Json(settings))
}

/// Set a payment provider's keys (replacing any before). The keys are stored encrypted and
/// never shown again; clients see "Pay now" while the provider is enabled.
#[utoipa::path(
    tag = "billing",
    params(("provider" = String, Path, description = "`stripe` or `paystack`")),
    request_body = SetPaymentProvider,
    responses(
        (status = 200, description = "The provider, configured", body = PaymentProviderInfo),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such provider", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid (Stripe needs `webhook_secret`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[put("/billing/providers/{provider}")]
pub async fn set_payment_provider(
    state: web::Data<AppState>,
    caller: Caller,
    provider: web::Path<String>,
    body: JsonBody<SetPaymentProvider>,
) -> Result<web::Json<PaymentProviderInfo>, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let kind = provider_of(&provider)?;
    let set = body.into_inner();
    let secret_key = set.secret_key.trim().to_string();
    let webhook_secret = match kind {
        ProviderKind::Stripe => {
            Some(set.webhook_secret.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).ok_or_else(|| {
                ApiError::validation(
                    "webhook_secret",
                    "is required for Stripe (the whsec_… signing secret of your webhook endpoint)",
                )
            })?)
        }
        // Paystack signs its webhooks with the secret key itself.
        ProviderKind::Paystack => None,
    };
    let tenant_id = caller.tenant_id.clone();
    let vault = &state.keys.vault;
    let at = now();
    let row = ProviderRow {
        secret_key: vault.seal(&context(&tenant_id, kind.as_str(), "secret_key"), &secret_key),
        webhook_secret: webhook_secret.map(|w| vault.seal(&context(&tenant_id, kind.as_str(), "webhook_secret"), &w)),
        key_hint: secret_key.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect(),
        tenant_id,
        provider: kind.as_str().to_string(),
        enabled: set.enabled.unwrap_or(true),
        created_at: at,
        updated_at: at,
    };
    let config = state.config.clone();
    let info = state
        .db
        .write(move |conn| {
            store::save_provider(conn, &row)?;
            let subject = Subject { kind: "tenant", id: &row.tenant_id, client_id: None };
            let data = json!({ "provider": row.provider, "enabled": row.enabled, "key_hint": row.key_hint });
            events::record(conn, &row.tenant_id, &caller.actor, "payment_provider_set", subject, data)?;
            Ok(info(&config, &row.tenant_id, kind, Some(&row)))
        })
        .await?;
    Ok(web::Json(info))
}

/// Offer a configured provider to clients, or stop offering it, without entering its keys
/// again.
#[utoipa::path(
    tag = "billing",
    params(("provider" = String, Path, description = "`stripe` or `paystack`")),
    request_body = ToggleProvider,
    responses(
        (status = 200, description = "The provider as changed", body = PaymentProviderInfo),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such provider, or it is not set up", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`enabled` is missing or not a boolean", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[patch("/billing/providers/{provider}")]
pub async fn toggle_payment_provider(
    state: web::Data<AppState>,
    caller: Caller,
    provider: web::Path<String>,
    body: JsonBody<ToggleProvider>,
) -> Result<web::Json<PaymentProviderInfo>, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let kind = provider_of(&provider)?;
    let enabled = body.into_inner().enabled;
    let config = state.config.clone();
    let info = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let mut row = store::provider(conn, tenant_id, kind.as_str())?
                .ok_or_else(|| ApiError::NotFound(format!("{} is not set up: set its keys first.", kind.as_str())))?;
            if row.enabled != enabled {
                row.enabled = enabled;
                row.updated_at = now();
                store::save_provider(conn, &row)?;
                let subject = Subject { kind: "tenant", id: tenant_id, client_id: None };
                let data = json!({ "provider": row.provider, "enabled": enabled, "key_hint": row.key_hint });
                events::record(conn, tenant_id, &caller.actor, "payment_provider_set", subject, data)?;
            }
            Ok(info(&config, tenant_id, kind, Some(&row)))
        })
        .await?;
    Ok(web::Json(info))
}

/// Remove a payment provider's keys: clients no longer see it.
#[utoipa::path(
    tag = "billing",
    params(("provider" = String, Path, description = "`stripe` or `paystack`")),
    responses(
        (status = 204, description = "The keys are gone"),
        (status = 404, description = "No such provider, or it is not set up", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[delete("/billing/providers/{provider}")]
pub async fn remove_payment_provider(
    state: web::Data<AppState>,
    caller: Caller,
    provider: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let kind = provider_of(&provider)?;
    state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            if store::delete_provider(conn, tenant_id, kind.as_str())? == 0 {
                return Err(ApiError::NotFound(format!("{} is not set up.", kind.as_str())));
            }
            let subject = Subject { kind: "tenant", id: tenant_id, client_id: None };
            let data = json!({ "provider": kind.as_str() });
            events::record(conn, tenant_id, &caller.actor, "payment_provider_removed", subject, data)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
