//! Who am I, for a client (`/portal/me`): what the portal shows them about themselves and the
//! business, and the details they may correct.

use actix_web::{get, patch, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{PortalMe, UpdateClient, UpdatePortalMe};
use super::portal_me::portal_me;
use super::store as client_store;
use crate::activity::store::Subject;
use crate::auth::principal::account_gone;
use crate::auth::{Actor, ClientPrincipal};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    // Before `/portal/{slug}` (registered by tenants): "me" is a reserved slug.
    cfg.service(get_portal_me).service(update_portal_me);
}

/// The client logged in to the portal.
#[utoipa::path(
    tag = "portal-auth",
    responses(
        (status = 200, description = "You", body = PortalMe),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/me")]
pub async fn get_portal_me(state: web::Data<AppState>, who: ClientPrincipal) -> Result<web::Json<PortalMe>, ApiError> {
    let me = state
        .db
        .read(move |conn| {
            let client = client_store::get(conn, &who.tenant_id, &who.client_id)?.ok_or_else(account_gone)?;
            portal_me(conn, &who, client)
        })
        .await?;
    Ok(web::Json(me))
}

/// Change your own name, phone, company, billing address or tax ID, the language you read
/// (`language`), or turn non-essential emails off or on (`email_opt_out`). Fields left out stay as they are; `null` clears an
/// optional field. Documents already sent keep the details they were sent with. The email is your login: change it with `POST /portal/me/email`, which proves the new address first.
#[utoipa::path(
    tag = "portal-auth",
    request_body = UpdatePortalMe,
    responses(
        (status = 200, description = "You, as changed", body = PortalMe),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or staff viewing the portal as you (read-only)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[patch("/portal/me")]
pub async fn update_portal_me(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    body: JsonBody<UpdatePortalMe>,
) -> Result<web::Json<PortalMe>, ApiError> {
    let update = UpdateClient::from(body.into_inner());
    let fields = update.fields();
    let changes = update.into_changes(now());
    let me = state
        .db
        .write(move |conn| {
            let client =
                client_store::update(conn, &who.tenant_id, &who.client_id, &changes)?.ok_or_else(account_gone)?;
            let subject = Subject { kind: "client", id: &client.id, client_id: Some(&client.id) };
            let actor = Actor::Client { id: client.id.clone() };
            events::record(conn, &who.tenant_id, &actor, "profile_updated", subject, json!({ "fields": fields }))?;
            portal_me(conn, &who, client)
        })
        .await?;
    Ok(web::Json(me))
}
