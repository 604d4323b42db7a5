//! Feedback endpoints for staff and API keys: ask the client to rate a completed project,
//! and read the answer.

use super::actions::{already_requested, not_requested};
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{FeedbackRow, ProjectFeedback};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::db::{new_id, now};
use crate::deliverables::actions::email_client;
use crate::error::{ApiError, Problem};
use crate::events;
use crate::mail::templates::Words;
use crate::projects::access;
use crate::projects::model::{ProjectStatus, project_status_of};
use crate::state::AppState;
use crate::tr;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(request_feedback).service(get_feedback);
}

/// Ask the client to rate a completed project. They get an email with a link to the
/// project in their portal, where a rating form shows until they answer.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 201, description = "The request, sent", body = ProjectFeedback,
            headers(("Location" = String, description = "URL of the project's feedback"))),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The project is not completed, or feedback was already requested", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects/{id}/feedback-request")]
pub async fn request_feedback(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let config = state.config.clone();
    let row = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let project = access::staff_project(conn, tenant_id, &id)?;
            let status = project_status_of(&project.status);
            if status != ProjectStatus::Completed {
                return Err(ApiError::Conflict(format!(
                    "Project {} is {}; ask for feedback once it is completed.",
                    project.name,
                    status.as_str().replace('_', " ")
                )));
            }
            if let Some(existing) = store::get(conn, tenant_id, &id)? {
                return Err(already_requested(existing.requested_at));
            }
            let row = FeedbackRow {
                id: new_id(),
                tenant_id: tenant_id.clone(),
                project_id: project.id.clone(),
                client_id: project.client_id.clone(),
                requested_at: now(),
                rating: None,
                comment: None,
                submitted_at: None,
            };
            // Two requests racing: the UNIQUE project_id lets one in.
            store::insert(conn, &row).map_err(|e| match ApiError::from(e) {
                ApiError::Conflict(_) => already_requested(row.requested_at),
                other => other,
            })?;
            let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
            events::record(
                conn,
                tenant_id,
                &caller.actor,
                "feedback_requested",
                subject,
                json!({ "name": project.name }),
            )?;
            email_client(conn, &config, &project, |lang| Words {
                heading: tr!(lang, "feedback-asked-heading", project = &project.name),
                lines: vec![tr!(lang, "feedback-asked-line"), tr!(lang, "feedback-asked-how")],
                button: tr!(lang, "feedback-asked-button"),
            })?;
            Ok(row)
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/projects/{}/feedback", row.project_id)))
        .json(ProjectFeedback::from(row)))
}

/// The project's feedback request and the client's answer, once given.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The request and its answer", body = ProjectFeedback),
        (status = 404, description = "No such project in your tenant, or no feedback requested", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects/{id}/feedback")]
pub async fn get_feedback(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<ProjectFeedback>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| {
            access::staff_project(conn, &caller.tenant_id, &id)?;
            store::get(conn, &caller.tenant_id, &id)?.ok_or_else(|| not_requested(&id))
        })
        .await?;
    Ok(web::Json(row.into()))
}
