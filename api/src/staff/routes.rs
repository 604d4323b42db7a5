//! Team management: list, invite, change role, remove. Owners and admins only (the
//! `staff:manage` scope); only an owner makes or unmakes an owner; the last owner stays.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::TimeDelta;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{InviteStaff, Role, StaffList, StaffMember, UpdateStaff};
use super::store::{self, StaffRow};
use crate::activity::{self, store::Subject};
use crate::auth::codes::{self, INVITE_DAYS, normalize_email};
use crate::auth::session::STAFF;
use crate::auth::store as session_store;
use crate::auth::{Actor, Caller, Scope};
use crate::db::{DbConn, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::mail::templates::{self, Invited};
use crate::outbox;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_staff).service(invite_staff_member).service(update_staff_member).service(remove_staff_member);
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no staff member '{id}' in your tenant."))
}

/// Whether the caller is an owner: only owners touch ownership.
fn caller_is_owner(conn: &mut DbConn, caller: &Caller) -> Result<bool, ApiError> {
    Ok(match &caller.actor {
        Actor::Staff { id } => store::get(conn, &caller.tenant_id, id)?.is_some_and(|s| s.role == "owner"),
        _ => false,
    })
}

/// The team, by email.
#[utoipa::path(
    tag = "staff",
    responses(
        (status = 200, description = "Everyone on the team", body = StaffList),
    ),
    security(("api_key" = ["tenant:read"]), ("staff_session" = ["tenant:read"])),
)]
#[get("/staff")]
pub async fn list_staff(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<StaffList>, ApiError> {
    caller.require(Scope::TenantRead)?;
    let rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id)?)).await?;
    Ok(web::Json(StaffList { items: rows.into_iter().map(StaffMember::from).collect() }))
}

/// Add someone to the team and email them a login link (valid 7 days).
#[utoipa::path(
    tag = "staff",
    request_body = InviteStaff,
    responses(
        (status = 201, description = "Added and invited", body = StaffMember),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an owner or admin; or an admin adding an owner", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This email is already on the team", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/staff")]
pub async fn invite_staff_member(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<InviteStaff>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::StaffManage)?;
    let body = body.into_inner();
    let keys = state.keys.clone();
    let config = state.config.clone();
    let row = state
        .db
        .write(move |conn| {
            if body.role == Role::Owner && !caller_is_owner(conn, &caller)? {
                return Err(ApiError::Forbidden("Only an owner can add another owner.".into()));
            }
            let email = normalize_email(&body.email);
            if store::find_by_email(conn, &caller.tenant_id, &email)?.is_some() {
                return Err(ApiError::Conflict(format!("{email} is already on the team.")));
            }
            let row = store::insert(conn, &caller.tenant_id, &email, body.name.trim(), body.role.as_str())?;
            let tenant = tenant_store::get(conn, &caller.tenant_id)?;
            let token = codes::invite(conn, &keys, "staff", None, &email, TimeDelta::days(INVITE_DAYS))?;
            let link = config.public(&format!("/app/login/link#token={token}"));
            let brand = tenant.brand();
            let lang = tenant.language();
            let what = Invited::Team(body.role.as_str());
            let mail = templates::invitation(&brand, lang, &email, &row.name, what, &link, INVITE_DAYS);
            outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
            let subject = Subject { kind: "staff", id: &row.id, client_id: None };
            activity::store::insert(
                conn,
                &caller.tenant_id,
                &caller.actor,
                "invited",
                subject,
                json!({ "role": row.role }),
            )?;
            Ok(row)
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/staff/{}", row.id)))
        .json(StaffMember::from(row)))
}

/// Rename a staff member or change their role; the new role applies to their open sessions at once.
#[utoipa::path(
    tag = "staff",
    params(("id" = String, Path, description = "The staff member's id")),
    request_body = UpdateStaff,
    responses(
        (status = 200, description = "As changed", body = StaffMember),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an owner or admin; or an admin touching ownership", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such staff member in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This would leave the business without an owner", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/staff/{id}")]
pub async fn update_staff_member(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateStaff>,
) -> Result<web::Json<StaffMember>, ApiError> {
    caller.require(Scope::StaffManage)?;
    let id = id.into_inner();
    let body = body.into_inner();
    let row = state
        .db
        .write(move |conn| {
            let current = store::get(conn, &caller.tenant_id, &id)?.ok_or_else(|| not_found(&id))?;
            if let Some(role) = body.role
                && role.as_str() != current.role
            {
                guard_ownership(conn, &caller, &current, Some(role))?;
                session_store::set_role(conn, &caller.tenant_id, &id, role.as_str())?;
            }
            let name = body.name.as_deref().map(str::trim);
            store::update(conn, &caller.tenant_id, &id, name, body.role.map(Role::as_str))?;
            let subject = Subject { kind: "staff", id: &id, client_id: None };
            let data = json!({ "role": body.role.map(Role::as_str), "renamed": body.name.is_some() });
            activity::store::insert(conn, &caller.tenant_id, &caller.actor, "updated", subject, data)?;
            store::get(conn, &caller.tenant_id, &id)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    Ok(web::Json(row.into()))
}

/// Remove someone from the team; their sessions end at once.
#[utoipa::path(
    tag = "staff",
    params(("id" = String, Path, description = "The staff member's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not an owner or admin; or an admin removing an owner", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such staff member in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The last owner cannot be removed", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/staff/{id}")]
pub async fn remove_staff_member(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::StaffManage)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| {
            let current = store::get(conn, &caller.tenant_id, &id)?.ok_or_else(|| not_found(&id))?;
            guard_ownership(conn, &caller, &current, None)?;
            session_store::revoke_all(conn, &caller.tenant_id, STAFF, &id, now())?;
            store::delete(conn, &caller.tenant_id, &id)?;
            let subject = Subject { kind: "staff", id: &id, client_id: None };
            activity::store::insert(
                conn,
                &caller.tenant_id,
                &caller.actor,
                "removed",
                subject,
                json!({ "email": current.email }),
            )?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Ownership changes: only by an owner, and never leaving the business without one.
/// `to` is the new role, or `None` for removal.
fn guard_ownership(conn: &mut DbConn, caller: &Caller, target: &StaffRow, to: Option<Role>) -> Result<(), ApiError> {
    let touches_owner = target.role == "owner" || to == Some(Role::Owner);
    if touches_owner && !caller_is_owner(conn, caller)? {
        return Err(ApiError::Forbidden("Only an owner can make, unmake or remove an owner.".into()));
    }
    if target.role == "owner" && to != Some(Role::Owner) && store::count_owners(conn, &caller.tenant_id)? <= 1 {
        return Err(ApiError::Conflict("This is the business's last owner: make someone else owner first.".into()));
    }
    Ok(())
}
