//! Uploading a file to send with a message, for staff and for the client: stored as any
//! upload is, recorded as pending (see `attachments`).

use actix_multipart::Multipart;
use actix_web::{HttpResponse, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::attachments;
use super::model::Attachment;
use crate::auth::{Actor, Caller, ClientPrincipal, Scope};
use crate::error::{ApiError, Problem};
use crate::files::model::FileOnlyForm;
use crate::files::upload::{self, Stored};
use crate::projects::access;
use crate::projects::model::ProjectRow;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload_attachment).service(upload_portal_attachment);
}

/// Records the stored upload as pending, or removes its bytes when that fails.
async fn record(state: &AppState, project: ProjectRow, actor: Actor, stored: Stored) -> Result<HttpResponse, ApiError> {
    let kept = stored.clone();
    let row = attachments::pending_row(&project, &actor, &stored);
    let result = state
        .db
        .write(move |conn| {
            crate::files::store::insert(conn, &row)?;
            Ok(row)
        })
        .await;
    match result {
        Ok(row) => Ok(HttpResponse::Created().json(Attachment::from(&row))),
        Err(e) => {
            kept.discard(&state.storage).await;
            Err(e)
        }
    }
}

/// Upload a file to send with your next message on this project (multipart). It is listed
/// nowhere until a message names it in `attachment_ids`, and removed after a day if none
/// does. The same size limit and type sniffing as every upload.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body(content_type = "multipart/form-data", content = FileOnlyForm),
    responses(
        (status = 201, description = "The file, waiting for its message", body = Attachment),
        (status = 400, description = "The multipart body is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than the upload limit (PORTICO_MAX_UPLOAD_MB)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No file, or an empty file", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects/{id}/attachments")]
pub async fn upload_attachment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let (tenant_id, id) = (caller.tenant_id.clone(), id.into_inner());
    let project = state.db.read(move |conn| access::staff_project(conn, &tenant_id, &id)).await?;
    let stored = upload::receive(&state.storage, &caller.tenant_id, state.config.max_upload_bytes, form).await?;
    record(&state, project, caller.actor, stored).await
}

/// Upload a file to send with your next message on this project (multipart). Nobody else
/// sees it until you send a message that names it in `attachment_ids`; it is removed after
/// a day if you do not. Works even when file uploads to the project are closed.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    request_body(content_type = "multipart/form-data", content = FileOnlyForm),
    responses(
        (status = 201, description = "The file, waiting for your message", body = Attachment),
        (status = 400, description = "The multipart body is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a read-only view", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than the upload limit", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No file, or an empty file", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/projects/{id}/attachments")]
pub async fn upload_portal_attachment(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    let (tenant_id, client_id, id) = (who.tenant_id.clone(), who.client_id.clone(), id.into_inner());
    let project = state.db.read(move |conn| access::client_project(conn, &tenant_id, &client_id, &id)).await?;
    let stored = upload::receive(&state.storage, &who.tenant_id, state.config.max_upload_bytes, form).await?;
    record(&state, project, Actor::Client { id: who.client_id.clone() }, stored).await
}
