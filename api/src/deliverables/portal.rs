//! Deliverables as the logged-in client sees them: those of their own projects, with only
//! the files shared with them, and the two decisions they can make on submitted work.
//! A staff member viewing the portal as the client cannot decide for them (the extractor
//! refuses writes of an impersonated session).

use actix_web::{get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions;
use super::model::{Deliverable, DeliverableList, RequestChanges};
use super::store::{self, Viewer};
use crate::auth::ClientPrincipal;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::projects::access;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_deliverables).service(approve_deliverable).service(request_deliverable_changes);
}

/// The deliverables of one of your projects, oldest first, with their history and the files
/// shared with you.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's deliverables", body = DeliverableList),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/projects/{id}/deliverables")]
pub async fn list_portal_deliverables(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<DeliverableList>, ApiError> {
    let id = id.into_inner();
    let items = state
        .db
        .read(move |conn| {
            access::client_project(conn, &who.tenant_id, &who.client_id, &id)?;
            Ok(store::list(conn, &who.tenant_id, &id, Viewer::Client)?)
        })
        .await?;
    Ok(web::Json(DeliverableList { items: items.into_iter().map(Deliverable::from).collect() }))
}

/// Approve a deliverable submitted for your review. The team is told by email.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The deliverable's id")),
    responses(
        (status = 200, description = "The deliverable, approved", body = Deliverable),
        (status = 403, description = "Not a client session, or a staff member viewing your portal", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such deliverable", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The deliverable is not waiting for your decision", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/deliverables/{id}/approve")]
pub async fn approve_deliverable(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<Deliverable>, ApiError> {
    let id = id.into_inner();
    let config = state.config.clone();
    let parts =
        state.db.write(move |conn| actions::decide(conn, &config, &who.tenant_id, &who.client_id, &id, None)).await?;
    state.outbox.wake();
    Ok(web::Json(parts.into()))
}

/// Send a submitted deliverable back, saying what should change. The team is told by email
/// and resubmits it in a new round.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The deliverable's id")),
    request_body = RequestChanges,
    responses(
        (status = 200, description = "The deliverable, with your requested changes", body = Deliverable),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such deliverable", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The deliverable is not waiting for your decision", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The comment is missing, blank or too long", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/deliverables/{id}/request-changes")]
pub async fn request_deliverable_changes(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<RequestChanges>,
) -> Result<web::Json<Deliverable>, ApiError> {
    let id = id.into_inner();
    let comment = body.into_inner().comment.trim().to_string();
    let config = state.config.clone();
    let parts = state
        .db
        .write(move |conn| actions::decide(conn, &config, &who.tenant_id, &who.client_id, &id, Some(comment)))
        .await?;
    state.outbox.wake();
    Ok(web::Json(parts.into()))
}
