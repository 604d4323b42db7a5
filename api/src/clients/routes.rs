//! Client endpoints for staff and API keys: list and search, create, read, update,
//! archive and restore, and each client's activity timeline.
//!
//! Clients are archived, never deleted: invoices, appointments and the activity log refer
//! to them, and a business must keep those records. An archived client cannot log in and
//! is left out of lists unless asked for.

use super::actions::not_found;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::email_change;
use super::model::{
    Client, ClientChanges, ClientListQuery, ClientPage, ClientSort, ClientStatus, CreateClient, UpdateClient,
};
use super::store::{self, ListFilter};
use crate::activity;
use crate::activity::model::{Activity, ActivityPage};
use crate::activity::store::Subject;
use crate::auth::session::CLIENT;
use crate::auth::store as session_store;
use crate::auth::{Caller, Scope};
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_clients)
        .service(create_client)
        .service(get_client)
        .service(update_client)
        .service(archive_client)
        .service(restore_client)
        .service(list_client_activity);
}

/// List and search clients, keyset-paginated.
#[utoipa::path(
    tag = "clients",
    params(ClientListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of clients", body = ClientPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/clients")]
pub async fn list_clients(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ClientListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ClientPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let sort = match query.sort.as_deref() {
        None | Some("name") => ClientSort::Name,
        Some("-created") => ClientSort::NewestFirst,
        Some(other) => {
            return Err(ApiError::BadRequest(format!("'sort' must be 'name' or '-created', not '{other}'.")));
        }
    };
    let statuses = match query.status.as_deref() {
        None => vec!["lead", "active"],
        Some("all") => vec!["lead", "active", "archived"],
        Some(s) => match ClientStatus::parse(s) {
            Some(status) => vec![status.as_str()],
            None => {
                return Err(ApiError::BadRequest(format!(
                    "'status' must be lead, active, archived or all, not '{s}'."
                )));
            }
        },
    };
    let after = match page.cursor()? {
        None => None,
        Some(c) => Some(c.parts(if sort == ClientSort::Name { 2 } else { 1 })?.to_vec()),
    };
    if query.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        return Err(ApiError::BadRequest("'q' must be at most 200 characters.".into()));
    }
    let filter = ListFilter { q: query.q, statuses, sort, after, limit: limit + 1 };
    let mut rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id, &filter)?)).await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| match sort {
        ClientSort::Name => vec![&last.name, &last.id],
        ClientSort::NewestFirst => vec![&last.id],
    });
    Ok(web::Json(ClientPage { items: rows.into_iter().map(Client::from).collect(), next_cursor }))
}

/// Add a client.
#[utoipa::path(
    tag = "clients",
    request_body = CreateClient,
    responses(
        (status = 201, description = "The client, created", body = Client,
            headers(("Location" = String, description = "URL of the new client"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/clients")]
pub async fn create_client(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateClient>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let row = body.into_inner().into_row(&caller.tenant_id, new_id(), now());
    let row = state
        .db
        .write(move |conn| {
            store::insert(conn, &row)?;
            let subject = Subject { kind: "client", id: &row.id, client_id: Some(&row.id) };
            events::record(conn, &caller.tenant_id, &caller.actor, "created", subject, json!({}))?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/clients/{}", row.id))).json(Client::from(row)))
}

/// One client.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "The client", body = Client),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/clients/{id}")]
pub async fn get_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Client>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let wanted = id.clone();
    let row = state.db.read(move |conn| Ok(store::get(conn, &caller.tenant_id, &wanted)?)).await?;
    row.map(|r| web::Json(r.into())).ok_or_else(|| not_found(&id))
}

/// Change a client's details. Changing the email moves the client's portal login to the new
/// address: it needs `clients:email` (owners and admins), ends the client's sessions, tells
/// the old address who changed it, and is kept in the activity log with both addresses.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    request_body = UpdateClient,
    responses(
        (status = 200, description = "The client as changed", body = Client),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:write`, or changes the email without `clients:email` (owners and admins have it; members do not)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client is archived: restore it first", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/clients/{id}")]
pub async fn update_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateClient>,
) -> Result<web::Json<Client>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let fields = update.fields();
    let changes = update.into_changes(now());
    let row = state
        .db
        .write(move |conn| {
            let current = store::get(conn, &caller.tenant_id, &id)?.ok_or_else(|| not_found(&id))?;
            if current.status == ClientStatus::Archived.as_str() {
                return Err(ApiError::Conflict("This client is archived; restore it before changing it.".into()));
            }
            let moves_login = changes.email.as_ref().is_some_and(|email| *email != current.email);
            if moves_login {
                email_change::allowed(&caller)?;
            }
            let row = store::update(conn, &caller.tenant_id, &id, &changes)?.ok_or_else(|| not_found(&id))?;
            if moves_login {
                email_change::apply(conn, &caller, &current, &row)?;
            }
            if !row.portal_enabled {
                // Disabling portal access ends the client's sessions at once.
                session_store::revoke_all(conn, &caller.tenant_id, CLIENT, &row.id, now())?;
            }
            let subject = Subject { kind: "client", id: &row.id, client_id: Some(&row.id) };
            events::record(conn, &caller.tenant_id, &caller.actor, "updated", subject, json!({ "fields": fields }))?;
            Ok(row)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(row.into()))
}

/// Set a client's status by an action, refusing when it is already there.
fn change_status(
    conn: &mut DbConn,
    caller: &Caller,
    id: &str,
    from_archived: bool,
    to: ClientStatus,
    verb: &str,
) -> Result<super::model::ClientRow, ApiError> {
    let current = store::get(conn, &caller.tenant_id, id)?.ok_or_else(|| not_found(id))?;
    let archived = current.status == ClientStatus::Archived.as_str();
    if archived != from_archived {
        let why = if archived { "This client is already archived." } else { "This client is not archived." };
        return Err(ApiError::Conflict(why.into()));
    }
    let changes = ClientChanges {
        email: None,
        name: None,
        phone: None,
        company: None,
        billing_address: None,
        tax_id: None,
        notes: None,
        status: Some(to.as_str().to_string()),
        portal_enabled: None,
        email_opt_out: None,
        language: None,
        time_zone: None,
        updated_at: now(),
    };
    let row = store::update(conn, &caller.tenant_id, id, &changes)?.ok_or_else(|| not_found(id))?;
    if to == ClientStatus::Archived {
        session_store::revoke_all(conn, &caller.tenant_id, CLIENT, id, now())?;
    }
    let subject = Subject { kind: "client", id, client_id: Some(id) };
    events::record(conn, &caller.tenant_id, &caller.actor, verb, subject, json!({ "from": current.status }))?;
    Ok(row)
}

/// Archive a client: hidden from lists, cannot log in, records kept.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "The client, archived", body = Client),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client is already archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/clients/{id}/archive")]
pub async fn archive_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Client>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let row = state
        .db
        .write(move |conn| change_status(conn, &caller, &id, false, ClientStatus::Archived, "archived"))
        .await?;
    Ok(web::Json(row.into()))
}

/// Bring an archived client back as active.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "The client, active again", body = Client),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client is not archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/clients/{id}/restore")]
pub async fn restore_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Client>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let row =
        state.db.write(move |conn| change_status(conn, &caller, &id, true, ClientStatus::Active, "restored")).await?;
    Ok(web::Json(row.into()))
}

/// A client's activity timeline, newest first.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id"), PageQuery),
    responses(
        (status = 200, description = "A page of activity", body = ActivityPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/clients/{id}/activity")]
pub async fn list_client_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ActivityPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let limit = page.limit()?;
    let before = page.after_id()?;
    let mut rows = state
        .db
        .read(move |conn| {
            store::get(conn, &caller.tenant_id, &id)?.ok_or_else(|| not_found(&id))?;
            Ok(activity::store::list_for_client(conn, &caller.tenant_id, &id, before.as_deref(), limit + 1)?)
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |r| vec![&r.id]);
    Ok(web::Json(ActivityPage { items: rows.into_iter().map(Activity::from).collect(), next_cursor }))
}
