//! Portal access, managed by staff: invite a client, view the portal as them (read-only),
//! and see or end their sessions.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use chrono::TimeDelta;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::not_found;
use super::model::{
    Client, ClientRow, ClientStatus, CreateLoginLink, LOGIN_LINK_MAX_MINUTES, LoginLink, LoginMessage, LoginMessageList,
};
use super::store;
use crate::activity::store::Subject;
use crate::auth::codes::{self, INVITE_DAYS};
use crate::auth::model::{SessionInfo, SessionList};
use crate::auth::session::{self, CLIENT, NewSession, Tokens};
use crate::auth::store as session_store;
use crate::auth::{Actor, Caller, Scope};
use crate::db::{DbConn, now, utc};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::mail::templates::{self, Invited};
use crate::outbox;
use crate::sms::e164;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(invite_client)
        .service(create_login_link)
        .service(impersonate_client)
        .service(list_client_sessions)
        .service(list_client_login_messages)
        .service(end_client_sessions);
}

fn existing(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<ClientRow, ApiError> {
    store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))
}

/// 409 unless the client is active with portal access: only then can they `what` (log in,
/// be invited).
fn may_log_in(client: &ClientRow, what: &str) -> Result<(), ApiError> {
    if client.status != ClientStatus::Active.as_str() {
        return Err(ApiError::Conflict(format!("This client is {}; only active clients can {what}.", client.status)));
    }
    if !client.portal_enabled {
        return Err(ApiError::Conflict(
            "Portal access is off for this client: set portal_enabled to true first.".into(),
        ));
    }
    Ok(())
}

/// Email the client a welcome with a one-click login link valid 7 days. Sending again is
/// allowed (a new link replaces the old one).
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "Invitation queued; `invited_at` updated", body = Client),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client is archived or has no portal access", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/clients/{id}/invite")]
pub async fn invite_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Client>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let keys = state.keys.clone();
    let config = state.config.clone();
    let row = state
        .db
        .write(move |conn| {
            let client = existing(conn, &caller.tenant_id, &id)?;
            may_log_in(&client, "be invited")?;
            let tenant = tenant_store::get(conn, &caller.tenant_id)?;
            let realm = format!("client:{}", tenant.id);
            let token =
                codes::invite(conn, &keys, &realm, Some(&tenant.id), &client.email, TimeDelta::days(INVITE_DAYS))?;
            let fragment = codes::link_fragment(&token, &client.email);
            let link = config.public(&format!("/portal/{}/login/link#{fragment}", tenant.slug));
            let brand = tenant.brand();
            let lang = tenant.language_for(client.language.as_deref());
            let mail =
                templates::invitation(&brand, lang, &client.email, &client.name, Invited::Portal, &link, INVITE_DAYS);
            // Essential: sent whatever the client's email preference; traced for the client page.
            outbox::store::enqueue_traced_email(conn, Some(&tenant.id), &mail, outbox::store::PURPOSE_INVITE)?;
            let at = now();
            store::record_invite(conn, &caller.tenant_id, &client.id, at)?;
            let subject = Subject { kind: "client", id: &client.id, client_id: Some(&client.id) };
            let data = json!({ "resent": client.invited_at.is_some() });
            events::record(conn, &caller.tenant_id, &caller.actor, "invited", subject, data)?;
            existing(conn, &caller.tenant_id, &client.id)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(row.into()))
}

/// A one-click login link for the client, for an integration to hand them (in its own app,
/// email or SMS): single use, alive at most 15 minutes, opening the portal through the same
/// confirm page as an emailed link. Making it and every use of it are in the client's
/// activity.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    request_body = CreateLoginLink,
    responses(
        (status = 201, description = "The link; it is shown once", body = LoginLink),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client is archived or has no portal access", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`minutes` is out of range", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/clients/{id}/login-links")]
pub async fn create_login_link(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CreateLoginLink>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let minutes = body.into_inner().minutes.unwrap_or(LOGIN_LINK_MAX_MINUTES);
    let keys = state.keys.clone();
    let config = state.config.clone();
    let link = state
        .db
        .write(move |conn| {
            let client = existing(conn, &caller.tenant_id, &id)?;
            may_log_in(&client, "log in")?;
            let tenant = tenant_store::get(conn, &caller.tenant_id)?;
            let ttl = TimeDelta::minutes(minutes);
            let (token, row) = codes::login_link(conn, &keys, &tenant.id, &client.id, &client.email, ttl)?;
            let fragment = codes::link_fragment(&token, &client.email);
            let url = config.public(&format!("/portal/{}/login/link#{fragment}", tenant.slug));
            let subject = Subject { kind: "client", id: &client.id, client_id: Some(&client.id) };
            let data = json!({ "link_id": row.id, "minutes": minutes });
            events::record(conn, &caller.tenant_id, &caller.actor, "login_link_created", subject, data)?;
            Ok(LoginLink { url, expires_at: utc(row.link_expires_at) })
        })
        .await?;
    Ok(HttpResponse::Created().json(link))
}

/// View the portal as this client: a read-only client session (every write answers 403),
/// for staff only. Start and end are recorded in the client's activity.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "Tokens of a read-only client session", body = Tokens),
        (status = 403, description = "Not a staff session, or it lacks `clients:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client is archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("staff_session" = [])),
)]
#[post("/clients/{id}/impersonate")]
pub async fn impersonate_client(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<web::Json<Tokens>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let Actor::Staff { id: staff_id } = caller.actor.clone() else {
        return Err(ApiError::Forbidden("Only a staff member can view the portal as a client, not an API key.".into()));
    };
    let id = id.into_inner();
    let keys = state.keys.clone();
    let settings = state.config.auth.clone();
    let user_agent = req.headers().get("user-agent").and_then(|v| v.to_str().ok()).map(str::to_string);
    let ip = Some(crate::http::client_ip::client_ip(&req).to_string());
    let tokens = state
        .db
        .write(move |conn| {
            let client = existing(conn, &caller.tenant_id, &id)?;
            if client.status == ClientStatus::Archived.as_str() {
                return Err(ApiError::Conflict("This client is archived; restore it first.".into()));
            }
            let tokens = session::start(
                conn,
                &keys,
                &settings,
                NewSession {
                    tenant_id: &caller.tenant_id,
                    kind: CLIENT,
                    subject_id: &client.id,
                    role: None,
                    impersonated_by: Some(&staff_id),
                    user_agent: user_agent.as_deref(),
                    ip: ip.as_deref(),
                    login_email: None,
                    persistent: false,
                },
            )?;
            let subject = Subject { kind: "client", id: &client.id, client_id: Some(&client.id) };
            let data = json!({ "session_id": tokens.session_id });
            events::record(conn, &caller.tenant_id, &caller.actor, "impersonation_started", subject, data)?;
            Ok(tokens)
        })
        .await?;
    Ok(web::Json(tokens))
}

/// The client's live sessions.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "Live sessions, newest first", body = SessionList),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/clients/{id}/sessions")]
pub async fn list_client_sessions(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<SessionList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| {
            existing(conn, &caller.tenant_id, &id)?;
            Ok(session_store::live_sessions(conn, &caller.tenant_id, CLIENT, &id, now())?)
        })
        .await?;
    Ok(web::Json(SessionList { items: rows.into_iter().map(|r| SessionInfo::of(r, None)).collect() }))
}

/// The latest login messages to the client (codes and links by email or text, invitations),
/// and whether each left: so staff can answer "I got no code". `sent` means the mail relay
/// or SMS provider accepted it; a bounce reported later by the receiving server is not seen.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "Up to 10, newest first", body = LoginMessageList),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/clients/{id}/login-messages")]
pub async fn list_client_login_messages(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<LoginMessageList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| {
            let client = existing(conn, &caller.tenant_id, &id)?;
            let mut to = vec![client.email.to_lowercase()];
            to.extend(client.phone.as_deref().map(e164));
            Ok(outbox::store::traced(conn, &caller.tenant_id, &to, 10)?)
        })
        .await?;
    Ok(web::Json(LoginMessageList { items: rows.into_iter().map(LoginMessage::from).collect() }))
}

/// End every session of the client (log them out everywhere).
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 204, description = "All ended"),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[delete("/clients/{id}/sessions")]
pub async fn end_client_sessions(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| {
            existing(conn, &caller.tenant_id, &id)?;
            let ended = session_store::revoke_all(conn, &caller.tenant_id, CLIENT, &id, now())?;
            let subject = Subject { kind: "client", id: &id, client_id: Some(&id) };
            events::record(
                conn,
                &caller.tenant_id,
                &caller.actor,
                "sessions_ended",
                subject,
                json!({ "count": ended }),
            )?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
