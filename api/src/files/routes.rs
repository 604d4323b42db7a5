//! File endpoints for staff and API keys (`clients:read` to look and download,
//! `clients:write` to upload and change), and the link-token download anyone holding a
//! fresh link may use.

use super::actions::record_project_file;
use actix_multipart::Multipart;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::access;
use super::download::{self, respond, respond_thumbnail};
use super::model::{ContentQuery, DownloadLink, FileListQuery, ProjectFile, ProjectFileList, UpdateFile, UploadForm};
use super::names::sanitise;
use super::preview::DispositionQuery;
use super::store;
use super::upload::{self};
use crate::auth::{Caller, Scope};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::projects::access as project_access;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_project_files)
        .service(upload_project_file)
        .service(update_file)
        .service(delete_file)
        .service(download_file)
        .service(file_thumbnail)
        .service(link_file)
        .service(get_file_content);
}

/// Every file of a project, internal ones included, oldest first.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id"), FileListQuery),
    responses(
        (status = 200, description = "The project's files", body = ProjectFileList),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects/{id}/files")]
pub async fn list_project_files(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<FileListQuery>,
) -> Result<web::Json<ProjectFileList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let deliverable = query.into_inner().deliverable_id;
    let rows = state
        .db
        .read(move |conn| {
            project_access::staff_project(conn, &caller.tenant_id, &id)?;
            Ok(store::for_project(conn, &caller.tenant_id, &id, deliverable.as_deref(), false)?)
        })
        .await?;
    Ok(web::Json(ProjectFileList { items: rows.into_iter().map(ProjectFile::from).collect() }))
}

fn parse_bool(field: &str, raw: Option<&str>) -> Result<Option<bool>, ApiError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(ApiError::validation(field, "must be true or false")),
    }
}

/// Upload a file to a project (multipart). Internal unless `client_visible=true`, or
/// attached to a deliverable.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body(content_type = "multipart/form-data", content = UploadForm),
    responses(
        (status = 201, description = "The file, stored", body = ProjectFile,
            headers(("Location" = String, description = "URL to download the file"))),
        (status = 400, description = "The multipart body is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than the upload limit (PORTICO_MAX_UPLOAD_MB)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No file, an empty file, or an invalid field", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects/{id}/files")]
pub async fn upload_project_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let tenant_id = caller.tenant_id.clone();
    // Refuse before reading a byte of the upload.
    let pid = id.clone();
    state.db.read(move |conn| project_access::staff_project(conn, &tenant_id, &pid)).await?;
    let (stored, form) = upload::receive_form(
        &state.storage,
        &caller.tenant_id,
        state.config.max_upload_bytes,
        &["client_visible", "deliverable_id"],
        form,
    )
    .await?;
    let fields = parse_bool("client_visible", form.field("client_visible")).map(|visible| {
        let deliverable = form.field("deliverable_id").map(str::trim).filter(|d| !d.is_empty()).map(str::to_string);
        (visible, deliverable)
    });
    let kept = stored.clone();
    let result = match fields {
        Err(e) => Err(e),
        Ok((visible, deliverable)) => {
            state
                .db
                .write(move |conn| {
                    let project = project_access::staff_project(conn, &caller.tenant_id, &id)?;
                    if let Some(d) = &deliverable
                        && !store::deliverable_in_project(conn, &caller.tenant_id, &id, d)?
                    {
                        return Err(ApiError::reference("deliverable_id", "is not a deliverable of this project"));
                    }
                    let visible = visible.unwrap_or(deliverable.is_some());
                    record_project_file(conn, &caller.actor, &project, &stored, deliverable, visible)
                })
                .await
        }
    };
    match result {
        Ok(row) => Ok(HttpResponse::Created()
            .insert_header((LOCATION, format!("/api/v1/files/{}/download", row.id)))
            .json(ProjectFile::from(row))),
        Err(e) => {
            kept.discard(&state.storage).await;
            Err(e)
        }
    }
}

/// Share a file with the client or make it internal, or rename it.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The file's id")),
    request_body = UpdateFile,
    responses(
        (status = 200, description = "The file, changed", body = ProjectFile),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/files/{id}")]
pub async fn update_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateFile>,
) -> Result<web::Json<ProjectFile>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let changes = body.into_inner();
    let row = state
        .db
        .write(move |conn| {
            let file = access::staff_file(conn, &caller.tenant_id, &id)?;
            if let Some(visible) = changes.client_visible {
                store::set_visible(conn, &caller.tenant_id, &id, visible)?;
            }
            if let Some(name) = &changes.name {
                store::rename(conn, &caller.tenant_id, &id, &sanitise(name))?;
            }
            store::get(conn, &caller.tenant_id, &file.id)?.ok_or_else(|| access::not_found(&id))
        })
        .await?;
    Ok(web::Json(ProjectFile::from(row)))
}

/// Delete a file and its stored bytes.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The file's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such file in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[delete("/files/{id}")]
pub async fn delete_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let file = state
        .db
        .write(move |conn| {
            let file = access::staff_file(conn, &caller.tenant_id, &id)?;
            store::delete(conn, &caller.tenant_id, &id)?;
            Ok(file)
        })
        .await?;
    upload::discard_file(&state.storage, &file).await;
    Ok(HttpResponse::NoContent().finish())
}

/// Download a file (streamed, with its original name), or view an image or PDF in the
/// browser with `disposition=inline`.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The file's id"), DispositionQuery),
    responses(
        (status = 200, description = "The file's bytes in the type it was stored with: an attachment with its name, or inline (images and PDFs, under a sandboxing Content-Security-Policy) when asked", content_type = "*/*", body = Vec<u8>),
        (status = 404, description = "No such file in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/files/{id}/download")]
pub async fn download_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    query: web::Query<DispositionQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let file = state.db.read(move |conn| access::staff_file(conn, &caller.tenant_id, &id)).await?;
    respond(&state.storage, &file, query.disposition.unwrap_or_default()).await
}

/// A small JPEG of an image file (at most 480 pixels on its longest side), made on upload.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg", body = Vec<u8>),
        (status = 404, description = "No such file in your tenant, or it has no thumbnail (only images get one)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/files/{id}/thumbnail")]
pub async fn file_thumbnail(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let file = state.db.read(move |conn| access::staff_file(conn, &caller.tenant_id, &id)).await?;
    respond_thumbnail(&state.storage, &file).await
}

/// A 5-minute link that downloads the file without a bearer header, for `<a href>`. It dies
/// with the session or API key that asked for it.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The link", body = DownloadLink),
        (status = 404, description = "No such file in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/files/{id}/link")]
pub async fn link_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<DownloadLink>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let tenant_id = caller.tenant_id.clone();
    let file = state.db.read(move |conn| access::staff_file(conn, &tenant_id, &id)).await?;
    let sub = caller.actor.id().unwrap_or_default();
    let sid = caller.session_id.as_deref();
    Ok(web::Json(download::link(&state.keys.jwt, &caller.tenant_id, &file.id, caller.actor.kind(), sub, sid)))
}

/// Download through a link from `…/link`: no bearer header, the token is the credential.
/// A client's link stops working as soon as the file is no longer theirs to see.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The file's id"), ContentQuery),
    responses(
        (status = 200, description = "The file's bytes in the type it was stored with: an attachment with its name, or inline (images and PDFs, under a sandboxing Content-Security-Policy) when asked", content_type = "*/*", body = Vec<u8>),
        (status = 400, description = "The token parameter is missing", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "The link is invalid, for another file, or expired, or the session or API key it was made with has ended", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The file no longer exists or is no longer shared", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/files/{id}/content")]
pub async fn get_file_content(
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<ContentQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let wanted = query.disposition.unwrap_or_default();
    let claims = download::verify(&state.keys.jwt, &query.token, &id)?;
    let settings = state.config.auth.clone();
    let file = state
        .db
        .read(move |conn| {
            download::still_valid(conn, &settings, &claims)?;
            match claims.kind.as_str() {
                "client" => access::client_file(conn, &claims.tenant, &claims.sub, &id),
                _ => access::staff_file(conn, &claims.tenant, &id),
            }
        })
        .await?;
    respond(&state.storage, &file, wanted).await
}
