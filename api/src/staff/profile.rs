//! A staff member's own profile (`/me`): who they are, the name clients see them by, and
//! their login email, which changes only once a code sent to the new address proves they
//! read it. Sessions only: an API key has no person behind it.

use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::StaffMe;
use super::model::{ChangeEmail, ConfirmEmail, EmailChangeStarted, UpdateMe};
use super::store::{self, StaffRow};
use crate::activity::{self, store::Subject};
use crate::auth::codes::normalize_email;
use crate::auth::email_proof;
use crate::auth::principal::account_gone;
use crate::auth::store::SessionRow;
use crate::auth::{Actor, StaffSession};
use crate::db::DbConn;
use crate::db::utc;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::i18n::Language;
use crate::mail::templates::{self, Brand};
use crate::outbox;
use crate::state::AppState;
use crate::tenants::store as tenant_store;
use crate::tr;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_me).service(update_me).service(change_my_email).service(confirm_my_email);
}

fn me_of(conn: &mut DbConn, s: &SessionRow) -> Result<StaffMe, ApiError> {
    let member = myself(conn, s)?;
    let tenant = tenant_store::get(conn, &s.tenant_id)?;
    let tenant_language = tenant.language();
    Ok(StaffMe {
        name_chosen: member.name_chosen_at.is_some(),
        id: member.id,
        name: member.name,
        email: member.email,
        role: member.role,
        tenant_id: tenant.id,
        tenant_slug: tenant.slug,
        tenant_language,
        tenant_name: tenant.name,
        language: Language::stored(member.language.as_deref()),
    })
}

fn myself(conn: &mut DbConn, s: &SessionRow) -> Result<StaffRow, ApiError> {
    store::get(conn, &s.tenant_id, &s.subject_id)?.ok_or_else(account_gone)
}

/// The code's realm: this person's own, so it proves an address to them and logs no one in.
fn realm(s: &SessionRow) -> String {
    format!("email-change:{}", s.subject_id)
}

/// The staff member logged in to the console.
#[utoipa::path(
    tag = "staff-auth",
    responses(
        (status = 200, description = "You", body = StaffMe),
    ),
    security(("staff_session" = [])),
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, who: StaffSession) -> Result<web::Json<StaffMe>, ApiError> {
    let s = who.session;
    let me = state.db.read(move |conn| me_of(conn, &s)).await?;
    Ok(web::Json(me))
}

/// Choose the name clients and colleagues see you by ("with Clara", messages signed
/// "Clara Weiss"), or the language you read the console and your emails in. The console
/// asks for the name once, until `name_chosen` is true.
#[utoipa::path(
    tag = "staff-auth",
    request_body = UpdateMe,
    responses(
        (status = 200, description = "You, as changed", body = StaffMe),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("staff_session" = [])),
)]
#[patch("/me")]
pub async fn update_me(
    state: web::Data<AppState>,
    who: StaffSession,
    body: JsonBody<UpdateMe>,
) -> Result<web::Json<StaffMe>, ApiError> {
    let s = who.session;
    let body = body.into_inner();
    let name = body.name.map(|n| n.trim().to_string());
    let language = body.language;
    let me = state
        .db
        .write(move |conn| {
            let before = myself(conn, &s)?;
            if let Some(lang) = language {
                store::set_language(conn, &s.tenant_id, &s.subject_id, lang)?;
            }
            if let Some(name) = name {
                store::choose_name(conn, &s.tenant_id, &s.subject_id, &name)?;
                let actor = Actor::Staff { id: s.subject_id.clone() };
                let subject = Subject { kind: "staff", id: &s.subject_id, client_id: None };
                let data = json!({ "name": name, "role": null, "renamed": before.name != name });
                activity::store::insert(conn, &s.tenant_id, &actor, "updated", subject, data)?;
            }
            me_of(conn, &s)
        })
        .await?;
    Ok(web::Json(me))
}

/// Start changing your login email: a 6-digit code goes to the new address, and nothing
/// changes until you confirm it (`/me/email/confirm`) within 15 minutes.
#[utoipa::path(
    tag = "staff-auth",
    request_body = ChangeEmail,
    responses(
        (status = 202, description = "A code is on its way to the new address", body = EmailChangeStarted),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone on your team already logs in with that address", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The address is invalid, or already yours", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many codes asked for; wait and try again", body = Problem, content_type = "application/problem+json"),
    ),
    security(("staff_session" = [])),
)]
#[post("/me/email")]
pub async fn change_my_email(
    state: web::Data<AppState>,
    who: StaffSession,
    body: JsonBody<ChangeEmail>,
) -> Result<HttpResponse, ApiError> {
    let s = who.session;
    let email = normalize_email(&body.into_inner().email);
    let keys = state.keys.clone();
    let started = state
        .db
        .write(move |conn| {
            let me = myself(conn, &s)?;
            if me.email == email {
                return Err(ApiError::validation("email", "is already your login email"));
            }
            taken(conn, &s, &email)?;
            let (code, row) = email_proof::issue(conn, &keys, &realm(&s), &s.tenant_id, &email)?;
            let lang = tenant_store::get(conn, &s.tenant_id)?.language_for(me.language.as_deref());
            let lines = [
                tr!(lang, "staff-email-code", email = &email, code = &code),
                tr!(lang, "email-code-expiry", minutes = email_proof::CODE_MINUTES),
                tr!(lang, "email-code-ignore"),
            ];
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let heading = tr!(lang, "email-confirm-heading");
            let mail = templates::security_notice(&Brand::portico(), lang, &email, &heading, &lines);
            outbox::store::enqueue_email(conn, Some(&s.tenant_id), &mail)?;
            Ok(EmailChangeStarted { email, expires_at: utc(row.code_expires_at) })
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Accepted().json(started))
}

/// Confirm a new login email with the code sent to it. Your old address is told; your
/// sessions stay.
#[utoipa::path(
    tag = "staff-auth",
    request_body = ConfirmEmail,
    responses(
        (status = 200, description = "You, with the new email", body = StaffMe),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a staff session; or the code is wrong or has expired", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone on your team took that address meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("staff_session" = [])),
)]
#[post("/me/email/confirm")]
pub async fn confirm_my_email(
    state: web::Data<AppState>,
    who: StaffSession,
    body: JsonBody<ConfirmEmail>,
) -> Result<web::Json<StaffMe>, ApiError> {
    let s = who.session;
    let body = body.into_inner();
    let email = normalize_email(&body.email);
    let keys = state.keys.clone();
    let max = state.config.auth.code_max_attempts;
    let me = state
        .db
        .write(move |conn| {
            email_proof::check(conn, &keys, &realm(&s), &email, &body.code, max)?;
            let before = myself(conn, &s)?;
            taken(conn, &s, &email)?;
            store::set_email(conn, &s.tenant_id, &s.subject_id, &email)?;
            let tenant = tenant_store::get(conn, &s.tenant_id)?;
            let lang = tenant.language_for(before.language.as_deref());
            let lines = [
                tr!(lang, "staff-email-changed", name = &before.name, business = &tenant.name, email = &email),
                tr!(lang, "email-changed-old"),
                tr!(lang, "staff-email-changed-warn"),
            ];
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let heading = tr!(lang, "email-changed-heading");
            let mail = templates::security_notice(&Brand::portico(), lang, &before.email, &heading, &lines);
            outbox::store::enqueue_email(conn, Some(&s.tenant_id), &mail)?;
            let actor = Actor::Staff { id: s.subject_id.clone() };
            let subject = Subject { kind: "staff", id: &s.subject_id, client_id: None };
            let data = json!({ "from": before.email, "to": email });
            activity::store::insert(conn, &s.tenant_id, &actor, "email_changed", subject, data)?;
            me_of(conn, &s)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(me))
}

/// 409 when a colleague already logs in with `email`.
fn taken(conn: &mut DbConn, s: &SessionRow, email: &str) -> Result<(), ApiError> {
    match store::find_by_email(conn, &s.tenant_id, email)? {
        Some(other) if other.id != s.subject_id => {
            Err(ApiError::Conflict("Someone on your team already logs in with this address.".into()))
        }
        _ => Ok(()),
    }
}
