//! Deliverable endpoints for staff and API keys (`clients:read` to look, `clients:write` to
//! change): list and create a project's deliverables, edit them, submit them for the
//! client's review and reopen them.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, not_found};
use super::model::{
    CreateDeliverable, Deliverable, DeliverableList, DeliverableNote, DeliverableRow, DeliverableStatus,
    UpdateDeliverable, tidy,
};
use super::store::{self, Viewer};
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::db::{new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::projects::access;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_deliverables)
        .service(create_deliverable)
        .service(get_deliverable)
        .service(update_deliverable)
        .service(submit_deliverable)
        .service(reopen_deliverable);
}

/// A project's deliverables, oldest first, each with all its files and its history.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's deliverables", body = DeliverableList),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects/{id}/deliverables")]
pub async fn list_deliverables(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<DeliverableList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let items = state
        .db
        .read(move |conn| {
            access::staff_project(conn, &caller.tenant_id, &id)?;
            Ok(store::list(conn, &caller.tenant_id, &id, Viewer::Staff)?)
        })
        .await?;
    Ok(web::Json(DeliverableList { items: items.into_iter().map(Deliverable::from).collect() }))
}

/// Add a deliverable to a project. It starts `in_progress`; submit it when it is ready for
/// the client's review.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body = CreateDeliverable,
    responses(
        (status = 201, description = "The deliverable, created", body = Deliverable,
            headers(("Location" = String, description = "URL of the new deliverable"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects/{id}/deliverables")]
pub async fn create_deliverable(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CreateDeliverable>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let project_id = id.into_inner();
    let new = body.into_inner();
    let parts = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let project = access::staff_project(conn, tenant_id, &project_id)?;
            let at = now();
            let row = DeliverableRow {
                id: new_id(),
                tenant_id: tenant_id.clone(),
                project_id: project.id.clone(),
                title: new.title.trim().to_string(),
                description: tidy(new.description),
                status: DeliverableStatus::InProgress.as_str().to_string(),
                round: 0,
                submitted_at: None,
                decided_at: None,
                created_at: at,
                updated_at: at,
            };
            store::insert(conn, &row)?;
            let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
            let data = json!({ "name": project.name, "deliverable_id": row.id, "title": row.title });
            events::record(conn, tenant_id, &caller.actor, "deliverable_created", subject, data)?;
            store::get(conn, tenant_id, &row.id, Viewer::Staff)?.ok_or_else(|| not_found(&row.id))
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/deliverables/{}", parts.row.id)))
        .json(Deliverable::from(parts)))
}

/// One deliverable, with all its files and its history.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The deliverable's id")),
    responses(
        (status = 200, description = "The deliverable", body = Deliverable),
        (status = 404, description = "No such deliverable in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/deliverables/{id}")]
pub async fn get_deliverable(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Deliverable>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let parts = state
        .db
        .read(move |conn| store::get(conn, &caller.tenant_id, &id, Viewer::Staff)?.ok_or_else(|| not_found(&id)))
        .await?;
    Ok(web::Json(parts.into()))
}

/// Change a deliverable's title or description. An approved deliverable is what the client
/// agreed to: reopen it first.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The deliverable's id")),
    request_body = UpdateDeliverable,
    responses(
        (status = 200, description = "The deliverable as changed", body = Deliverable),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such deliverable in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The deliverable is approved", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/deliverables/{id}")]
pub async fn update_deliverable(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateDeliverable>,
) -> Result<web::Json<Deliverable>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let fields = update.fields();
    let changes = update.into_changes(now());
    let parts = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let (row, project) = actions::staff_deliverable(conn, tenant_id, &id)?;
            if store::update(conn, tenant_id, &id, &changes)? == 0 {
                return Err(ApiError::Conflict(format!(
                    "“{}” is approved, so it no longer changes; reopen it first to edit it.",
                    row.title
                )));
            }
            let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
            let title = changes.title.as_deref().unwrap_or(&row.title);
            let data = json!({ "name": project.name, "deliverable_id": row.id, "title": title, "fields": fields });
            events::record(conn, tenant_id, &caller.actor, "deliverable_updated", subject, data)?;
            store::get(conn, tenant_id, &id, Viewer::Staff)?.ok_or_else(|| not_found(&id))
        })
        .await?;
    Ok(web::Json(parts.into()))
}

/// Hand a deliverable to the client for review (from `in_progress`, or again after the
/// client requested changes, which starts a new round). The client is emailed a link to
/// the project in their portal.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The deliverable's id")),
    request_body = DeliverableNote,
    responses(
        (status = 200, description = "The deliverable, submitted", body = Deliverable),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such deliverable in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The deliverable is already submitted or approved", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/deliverables/{id}/submit")]
pub async fn submit_deliverable(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<DeliverableNote>,
) -> Result<web::Json<Deliverable>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let note = tidy(body.into_inner().note);
    let config = state.config.clone();
    let parts =
        state.db.write(move |conn| actions::submit(conn, &config, &caller.tenant_id, &caller.actor, &id, note)).await?;
    state.outbox.wake();
    Ok(web::Json(parts.into()))
}

/// Take a deliverable back to `in_progress`: withdraw a submission, answer requested changes
/// without resubmitting yet, or change something already approved.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The deliverable's id")),
    request_body = DeliverableNote,
    responses(
        (status = 200, description = "The deliverable, in progress again", body = Deliverable),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such deliverable in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The deliverable is already in progress", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/deliverables/{id}/reopen")]
pub async fn reopen_deliverable(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<DeliverableNote>,
) -> Result<web::Json<Deliverable>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let note = tidy(body.into_inner().note);
    let parts = state.db.write(move |conn| actions::reopen(conn, &caller.tenant_id, &caller.actor, &id, note)).await?;
    Ok(web::Json(parts.into()))
}
