//! A client changes their own login email from the portal. The email is the key to their
//! portal, so a code sent to the new address must prove they read it; once it does, the old
//! address is told, and every other device logged in as them is logged out (whoever else had
//! the old mailbox, or a lost phone, loses access). This device stays logged in.

use actix_web::{HttpResponse, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{ClientChanges, ClientRow, PortalMe};
use super::portal_me::portal_me;
use super::store as client_store;
use crate::activity::store::Subject;
use crate::auth::codes::normalize_email;
use crate::auth::email_proof;
use crate::auth::principal::account_gone;
use crate::auth::session::CLIENT;
use crate::auth::store as session_store;
use crate::auth::{Actor, ClientPrincipal};
use crate::db::{DbConn, now, utc};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::mail::templates;
use crate::outbox;
use crate::staff::model::{ChangeEmail, ConfirmEmail, EmailChangeStarted};
use crate::state::AppState;
use crate::tenants::store as tenant_store;
use crate::tr;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(change_portal_email).service(confirm_portal_email);
}

/// The code's realm: this client's own, so it proves an address to them and logs no one in.
fn realm(who: &ClientPrincipal) -> String {
    format!("client-email-change:{}", who.client_id)
}

fn myself(conn: &mut DbConn, who: &ClientPrincipal) -> Result<ClientRow, ApiError> {
    client_store::get(conn, &who.tenant_id, &who.client_id)?.ok_or_else(account_gone)
}

/// Start changing your login email: a 6-digit code goes to the new address, and nothing
/// changes until you confirm it (`/portal/me/email/confirm`) within 15 minutes.
#[utoipa::path(
    tag = "portal-auth",
    request_body = ChangeEmail,
    responses(
        (status = 202, description = "A code is on its way to the new address", body = EmailChangeStarted),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or staff viewing the portal as you (read-only)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The address is invalid, or already yours", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many codes asked for; wait and try again", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/me/email")]
pub async fn change_portal_email(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    body: JsonBody<ChangeEmail>,
) -> Result<HttpResponse, ApiError> {
    let email = normalize_email(&body.into_inner().email);
    let keys = state.keys.clone();
    let started = state
        .db
        .write(move |conn| {
            let me = myself(conn, &who)?;
            if me.email == email {
                return Err(ApiError::validation("email", "is already your login email"));
            }
            let (code, row) = email_proof::issue(conn, &keys, &realm(&who), &who.tenant_id, &email)?;
            let tenant = tenant_store::get(conn, &who.tenant_id)?;
            let lang = tenant.language_for(me.language.as_deref());
            let brand = tenant.brand();
            let lines = [
                tr!(lang, "client-email-code", business = brand.name, email = &email, code = &code),
                tr!(lang, "email-code-expiry", minutes = email_proof::CODE_MINUTES),
                tr!(lang, "email-code-ignore"),
            ];
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let heading = tr!(lang, "email-confirm-heading");
            let mail = templates::security_notice(&brand, lang, &email, &heading, &lines);
            outbox::store::enqueue_email(conn, Some(&who.tenant_id), &mail)?;
            Ok(EmailChangeStarted { email, expires_at: utc(row.code_expires_at) })
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Accepted().json(started))
}

/// Confirm a new login email with the code sent to it. Your old address is told, and every
/// other device logged in as you is logged out; this one stays.
#[utoipa::path(
    tag = "portal-auth",
    request_body = ConfirmEmail,
    responses(
        (status = 200, description = "You, with the new email", body = PortalMe),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, staff viewing the portal as you, or the code is wrong or has expired", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/me/email/confirm")]
pub async fn confirm_portal_email(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    body: JsonBody<ConfirmEmail>,
) -> Result<web::Json<PortalMe>, ApiError> {
    let body = body.into_inner();
    let email = normalize_email(&body.email);
    let keys = state.keys.clone();
    let max = state.config.auth.code_max_attempts;
    let me = state
        .db
        .write(move |conn| {
            email_proof::check(conn, &keys, &realm(&who), &email, &body.code, max)?;
            let before = myself(conn, &who)?;
            let at = now();
            let changes = ClientChanges::email(email.clone(), at);
            let after =
                client_store::update(conn, &who.tenant_id, &who.client_id, &changes)?.ok_or_else(account_gone)?;
            session_store::revoke_others(conn, &who.tenant_id, CLIENT, &who.client_id, &who.session_id, at)?;
            // This session now stands for the new address: the account switcher follows it.
            session_store::set_login_email(conn, &who.session_id, &email)?;
            let tenant = tenant_store::get(conn, &who.tenant_id)?;
            let lang = tenant.language_for(before.language.as_deref());
            let brand = tenant.brand();
            let heading = tr!(lang, "client-email-changed-heading", business = brand.name);
            let lines = [
                tr!(lang, "client-email-self-changed", business = brand.name, email = &email),
                tr!(lang, "client-email-self-changed-old"),
                tr!(lang, "client-email-changed-warn", business = brand.name),
            ];
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let mail = templates::security_notice(&brand, lang, &before.email, &heading, &lines);
            outbox::store::enqueue_email(conn, Some(&who.tenant_id), &mail)?;
            let subject = Subject { kind: "client", id: &after.id, client_id: Some(&after.id) };
            let actor = Actor::Client { id: after.id.clone() };
            let data = json!({ "from": before.email, "to": after.email });
            events::record(conn, &who.tenant_id, &actor, "email_changed", subject, data)?;
            portal_me(conn, &who, after)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(me))
}
