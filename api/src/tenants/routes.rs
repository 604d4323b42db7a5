//! Tenant endpoints: public portal branding and the caller's own tenant settings.

use actix_web::{HttpRequest, get, patch, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{PublicBranding, Tenant, UpdateTenant};
use super::store;
use crate::activity::{self, store::Subject};
use crate::auth::{Caller, Scope};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_portal_branding).service(get_portal_branding_by_host).service(get_tenant).service(update_tenant);
}

/// Public branding of a tenant's portal, by slug, for its login page.
#[utoipa::path(
    tag = "portal",
    params(("slug" = String, Path, description = "The tenant's slug", example = "demo")),
    responses(
        (status = 200, description = "The portal's branding", body = PublicBranding),
        (status = 404, description = "No portal has this slug", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/portal/{slug}")]
pub async fn get_portal_branding(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<web::Json<PublicBranding>, ApiError> {
    let slug = slug.into_inner().to_ascii_lowercase();
    let wanted = slug.clone();
    let row = state.db.read(move |conn| Ok(store::find_by_slug(conn, &wanted)?)).await?;
    row.map(|r| web::Json(PublicBranding::offered(r, &state.config)))
        .ok_or_else(|| ApiError::NotFound(format!("There is no portal at '{slug}'; check the link you were sent.")))
}

/// Public branding of the portal served on the request's host (a tenant's custom domain).
#[utoipa::path(
    tag = "portal",
    responses(
        (status = 200, description = "The portal's branding", body = PublicBranding),
        (status = 404, description = "No portal is configured for this host", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/portal")]
pub async fn get_portal_branding_by_host(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<web::Json<PublicBranding>, ApiError> {
    let host = request_host(&req);
    let wanted = host.clone();
    let row = match wanted {
        Some(h) => state.db.read(move |conn| Ok(store::find_by_domain(conn, &h)?)).await?,
        None => None,
    };
    row.map(|r| web::Json(PublicBranding::offered(r, &state.config))).ok_or_else(|| {
        ApiError::NotFound(format!("No portal is configured for the host '{}'.", host.unwrap_or_default()))
    })
}

/// The request's host name, lowercase, without port.
pub fn request_host(req: &HttpRequest) -> Option<String> {
    let info = req.connection_info();
    let host = info.host();
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// The caller's tenant, with its branding and settings.
#[utoipa::path(
    tag = "tenant",
    responses(
        (status = 200, description = "Your tenant", body = Tenant),
    ),
    security(("api_key" = ["tenant:read"]), ("staff_session" = ["tenant:read"])),
)]
#[get("/tenant")]
pub async fn get_tenant(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<Tenant>, ApiError> {
    caller.require(Scope::TenantRead)?;
    let row = state.db.read(move |conn| Ok(store::get(conn, &caller.tenant_id)?)).await?;
    Ok(web::Json(row.into()))
}

/// Change the caller's tenant: name, slug, branding, custom domain, time zone, currency, locale.
#[utoipa::path(
    tag = "tenant",
    request_body = UpdateTenant,
    responses(
        (status = 200, description = "The tenant as changed", body = Tenant),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The slug or custom domain belongs to another tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["tenant:write"]), ("staff_session" = ["tenant:write"])),
)]
#[patch("/tenant")]
pub async fn update_tenant(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<UpdateTenant>,
) -> Result<web::Json<Tenant>, ApiError> {
    caller.require(Scope::TenantWrite)?;
    let update = body.into_inner();
    let changed = changed_fields(&update);
    let changes = update.into_changes(crate::db::now());
    let row = state
        .db
        .write(move |conn| {
            let row = store::update(conn, &caller.tenant_id, &changes).map_err(store::conflict)?;
            let subject = Subject { kind: "tenant", id: &row.id, client_id: None };
            activity::store::insert(
                conn,
                &caller.tenant_id,
                &caller.actor,
                "updated",
                subject,
                json!({ "fields": changed }),
            )?;
            Ok(row)
        })
        .await?;
    Ok(web::Json(row.into()))
}

fn changed_fields(u: &UpdateTenant) -> Vec<&'static str> {
    let present = [
        ("slug", u.slug.is_some()),
        ("name", u.name.is_some()),
        ("logo_url", u.logo_url.is_some()),
        ("primary_color", u.primary_color.is_some()),
        ("accent_color", u.accent_color.is_some()),
        ("login_title", u.login_title.is_some()),
        ("login_message", u.login_message.is_some()),
        ("custom_domain", u.custom_domain.is_some()),
        ("timezone", u.timezone.is_some()),
        ("currency", u.currency.is_some()),
        ("locale", u.locale.is_some()),
        ("mail_from", u.mail_from.is_some()),
        ("language", u.language.is_some()),
    ];
    present.into_iter().filter(|(_, p)| *p).map(|(f, _)| f).collect()
}
