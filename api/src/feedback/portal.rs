//! Feedback as the client sees it: the rating form of one of their completed projects, and
//! their one answer.

use actix_web::{get, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::not_requested;
use super::model::{ProjectFeedback, SubmitFeedback};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Actor, ClientPrincipal};
use crate::clients::store as client_store;
use crate::db::now;
use crate::deliverables::actions::email_staff;
use crate::deliverables::model::tidy;
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::mail::templates::Words;
use crate::notifications::kinds::NotificationKind;
use crate::notifications::resolve::{self, Acted, any};
use crate::projects::access;
use crate::state::AppState;
use crate::tr;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_portal_feedback).service(submit_portal_feedback);
}

/// Whether we asked for your feedback on this project, and your answer once given.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The request and your answer", body = ProjectFeedback),
        (status = 404, description = "You have no such project, or no feedback was asked for", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/projects/{id}/feedback")]
pub async fn get_portal_feedback(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<ProjectFeedback>, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| {
            access::client_project(conn, &who.tenant_id, &who.client_id, &id)?;
            store::get(conn, &who.tenant_id, &id)?.ok_or_else(|| not_requested(&id))
        })
        .await?;
    Ok(web::Json(row.into()))
}

/// Rate a project we asked your feedback on: 1 to 5 stars and an optional comment. You can
/// answer once.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    request_body = SubmitFeedback,
    responses(
        (status = 200, description = "Your answer, saved", body = ProjectFeedback),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such project, or no feedback was asked for", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "You already rated this project", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The rating is not 1 to 5, or the comment is too long", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/projects/{id}/feedback")]
pub async fn submit_portal_feedback(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<SubmitFeedback>,
) -> Result<web::Json<ProjectFeedback>, ApiError> {
    let id = id.into_inner();
    let answer = body.into_inner();
    let comment = tidy(answer.comment);
    let rating = answer.rating;
    let config = state.config.clone();
    let row = state
        .db
        .write(move |conn| {
            let (tenant_id, client_id) = (&who.tenant_id, &who.client_id);
            let project = access::client_project(conn, tenant_id, client_id, &id)?;
            if store::answer(conn, tenant_id, client_id, &id, rating, comment.clone(), now())? == 0 {
                return Err(match store::get(conn, tenant_id, &id)? {
                    None => not_requested(&id),
                    Some(r) => ApiError::Conflict(format!(
                        "You already rated {} ({} of 5) on {}; thank you.",
                        project.name,
                        r.rating.unwrap_or_default(),
                        r.submitted_at.unwrap_or(r.requested_at).format("%Y-%m-%d")
                    )),
                });
            }
            let row = store::get(conn, tenant_id, &id)?.ok_or_else(|| not_requested(&id))?;
            let actor = Actor::Client { id: client_id.clone() };
            let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
            let data = json!({ "name": project.name, "feedback_id": row.id, "rating": rating, "comment": comment });
            events::record(conn, tenant_id, &actor, "feedback_submitted", subject, data)?;
            let kinds = [NotificationKind::FeedbackRequested];
            let answered = Acted { subject_type: "project", subject_id: &project.id, kinds: &kinds, about: &any };
            resolve::acted(conn, tenant_id, client_id, answered)?;
            let who = client_store::get(conn, tenant_id, client_id)?.map(|c| c.name).unwrap_or_default();
            let stars = format!("{}{}", "★".repeat(rating as usize), "☆".repeat(5 - rating as usize));
            email_staff(conn, &config, &project, |lang, button| {
                let mut lines = vec![stars.clone()];
                lines.extend(comment.as_deref().map(|c| tr!(lang, "quoted", text = c)));
                let heading =
                    tr!(lang, "feedback-rated-heading", client = &who, project = &project.name, rating = rating);
                Words { heading, lines, button }
            })?;
            Ok(row)
        })
        .await?;
    state.outbox.wake();
    Ok(web::Json(row.into()))
}
