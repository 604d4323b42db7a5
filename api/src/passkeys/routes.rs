//! A person's own passkeys: add one after a code login, list them, remove one. Sessions
//! only (an API key has no person), and not a staff member viewing the portal as a client.

use actix_web::{HttpResponse, delete, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::ceremony::{self, Owner};
use super::model::{NewPasskey, Passkey, PasskeyList, PasskeyOptions};
use super::store;
use crate::auth::principal::{READ_ONLY, SessionPrincipal, account_gone};
use crate::auth::session::CLIENT;
use crate::auth::store::SessionRow;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::DbConn;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::staff::store as staff_store;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(start_passkey_registration).service(add_passkey).service(list_my_passkeys).service(remove_passkey);
}

fn person(who: SessionPrincipal) -> Result<SessionRow, ApiError> {
    let s = who.session;
    if s.impersonated_by.is_some() {
        return Err(ApiError::Forbidden(READ_ONLY.into()));
    }
    Ok(s)
}

/// Runs `f` with the session's person as a passkey owner, and the name the authenticator
/// shows for the site (the business for a client, Portico for staff).
fn as_owner<T>(
    conn: &mut DbConn,
    s: &SessionRow,
    f: impl FnOnce(&mut DbConn, &str, &Owner<'_>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let (name, email, rp_name) = if s.kind == CLIENT {
        let client = client_store::get(conn, &s.tenant_id, &s.subject_id)?.ok_or_else(account_gone)?;
        (client.name, client.email, tenant_store::get(conn, &s.tenant_id)?.name)
    } else {
        let member = staff_store::get(conn, &s.tenant_id, &s.subject_id)?.ok_or_else(account_gone)?;
        (member.name, member.email, "Portico".to_string())
    };
    let owner = Owner { tenant_id: &s.tenant_id, kind: &s.kind, subject_id: &s.subject_id, email: &email, name: &name };
    f(conn, &rp_name, &owner)
}

fn config(state: &AppState) -> std::sync::Arc<Config> {
    state.config.clone()
}

/// Start adding a passkey: the options for `navigator.credentials.create()`. Finish with
/// `POST /auth/passkeys` within 5 minutes.
#[utoipa::path(
    tag = "sessions",
    responses(
        (status = 200, description = "The options, and the ceremony they open", body = PasskeyOptions),
        (status = 403, description = "An API key has no session, or a staff member viewing as the client", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Passkeys are not available on this server (its public URL is not a domain name)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[post("/auth/passkeys/options")]
pub async fn start_passkey_registration(
    state: web::Data<AppState>,
    who: SessionPrincipal,
) -> Result<web::Json<PasskeyOptions>, ApiError> {
    let s = person(who)?;
    let config = config(&state);
    let options = state
        .db
        .write(move |conn| as_owner(conn, &s, |conn, rp, owner| ceremony::start_registration(conn, &config, rp, owner)))
        .await?;
    Ok(web::Json(options))
}

/// Add a passkey: the authenticator's answer to the options. Next time, "sign in with a
/// passkey" logs in without an email.
#[utoipa::path(
    tag = "sessions",
    request_body = NewPasskey,
    responses(
        (status = 201, description = "The passkey, added", body = Passkey),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key has no session, or a staff member viewing as the client", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ceremony of yours: expired, finished, or never started", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This passkey is already registered", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The name is invalid, or the credential is not a valid answer to the options", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[post("/auth/passkeys")]
pub async fn add_passkey(
    state: web::Data<AppState>,
    who: SessionPrincipal,
    body: JsonBody<NewPasskey>,
) -> Result<HttpResponse, ApiError> {
    let s = person(who)?;
    let body = body.into_inner();
    let config = config(&state);
    let row = state
        .db
        .write(move |conn| {
            as_owner(conn, &s, |conn, rp, owner| ceremony::finish_registration(conn, &config, rp, owner, body))
        })
        .await?;
    Ok(HttpResponse::Created().json(Passkey::from(row)))
}

/// Your passkeys, oldest first.
#[utoipa::path(
    tag = "sessions",
    responses(
        (status = 200, description = "Your passkeys", body = PasskeyList),
        (status = 403, description = "An API key has no session, or a staff member viewing as the client", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[get("/auth/passkeys")]
pub async fn list_my_passkeys(
    state: web::Data<AppState>,
    who: SessionPrincipal,
) -> Result<web::Json<PasskeyList>, ApiError> {
    let s = person(who)?;
    let rows = state.db.read(move |conn| Ok(store::of(conn, &s.tenant_id, &s.kind, &s.subject_id)?)).await?;
    Ok(web::Json(PasskeyList { items: rows.into_iter().map(Passkey::from).collect() }))
}

/// Remove one of your passkeys (a lost phone): it no longer logs in.
#[utoipa::path(
    tag = "sessions",
    params(("id" = String, Path, description = "The passkey's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "An API key has no session, or a staff member viewing as the client", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such passkey of yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = []), ("staff_session" = [])),
)]
#[delete("/auth/passkeys/{id}")]
pub async fn remove_passkey(
    state: web::Data<AppState>,
    who: SessionPrincipal,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let s = person(who)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| match store::delete(conn, &s.tenant_id, &s.kind, &s.subject_id, &id)? {
            0 => Err(ApiError::NotFound(format!("You have no passkey '{id}'."))),
            _ => Ok(()),
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
