//! Files as the logged-in client sees them: the shared files of their own projects, their
//! own uploads where the project allows them, and downloads of their products.

use actix_multipart::Multipart;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::access;
use super::actions::record_project_file;
use super::download::{self, respond, respond_thumbnail};
use super::model::{DownloadLink, FileOnlyForm, PortalFile, PortalFileList};
use super::preview::DispositionQuery;
use super::store;
use super::upload;
use crate::auth::{Actor, ClientPrincipal};
use crate::clients::store as client_store;
use crate::error::{ApiError, Problem};
use crate::mail::templates::{self, Words};
use crate::outbox;
use crate::projects::access as project_access;
use crate::staff::store as staff_store;
use crate::state::AppState;
use crate::tenants::store as tenant_store;
use crate::tr;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_project_files)
        .service(upload_portal_project_file)
        .service(download_portal_file)
        .service(portal_file_thumbnail)
        .service(link_portal_file);
}

/// The files shared with you in one of your projects, oldest first.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The shared files", body = PortalFileList),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/projects/{id}/files")]
pub async fn list_portal_project_files(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalFileList>, ApiError> {
    let id = id.into_inner();
    let client_id = who.client_id.clone();
    let rows = state
        .db
        .read(move |conn| {
            project_access::client_project(conn, &who.tenant_id, &who.client_id, &id)?;
            Ok(store::for_project(conn, &who.tenant_id, &id, None, true)?)
        })
        .await?;
    Ok(web::Json(PortalFileList { items: rows.into_iter().map(|r| PortalFile::of(r, &client_id)).collect() }))
}

/// Upload a file to one of your projects, when the business allows uploads on it. The file is
/// shared with the business, who is emailed about it.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    request_body(content_type = "multipart/form-data", content = FileOnlyForm),
    responses(
        (status = 201, description = "The file, stored and shared", body = PortalFile,
            headers(("Location" = String, description = "URL to download the file"))),
        (status = 400, description = "The multipart body is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, a read-only view, or uploads are off for this project", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than the upload limit", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No file, or an empty file", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/projects/{id}/files")]
pub async fn upload_portal_project_file(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (tenant_id, client_id, pid) = (who.tenant_id.clone(), who.client_id.clone(), id.clone());
    let project = state.db.read(move |conn| project_access::client_project(conn, &tenant_id, &client_id, &pid)).await?;
    if !project.client_uploads {
        return Err(ApiError::Forbidden(format!(
            "Uploads are not open on '{}'; ask the team to allow them, or send the file in a message.",
            project.name
        )));
    }
    let stored = upload::receive(&state.storage, &who.tenant_id, state.config.max_upload_bytes, form).await?;
    let kept = stored.clone();
    let config = state.config.clone();
    let client_id = who.client_id.clone();
    let result = state
        .db
        .write(move |conn| {
            let project = project_access::client_project(conn, &who.tenant_id, &who.client_id, &id)?;
            if !project.client_uploads {
                return Err(ApiError::Forbidden(format!("Uploads are not open on '{}'.", project.name)));
            }
            let actor = Actor::Client { id: who.client_id.clone() };
            let row = record_project_file(conn, &actor, &project, &stored, None, true)?;
            let tenant = tenant_store::get(conn, &who.tenant_id)?;
            let client = client_store::get(conn, &who.tenant_id, &who.client_id)?;
            let who_name = client.map(|c| c.name).unwrap_or_default();
            let link = project_access::console_link(&config, &project.id);
            for staff in staff_store::to_notify(conn, &project.tenant_id, project.staff_id.as_deref())? {
                let lang = tenant.language_for(staff.language.as_deref());
                let words = Words {
                    heading: tr!(lang, "file-uploaded-heading", client = &who_name),
                    lines: vec![
                        tr!(lang, "file-uploaded-project", project = &project.name),
                        tr!(lang, "file-uploaded-file", name = &row.name, size = human_size(row.size)),
                    ],
                    button: tr!(lang, "button-open-project"),
                };
                let mail = templates::notice(&tenant.brand(), lang, &staff.email, &words, &link);
                outbox::store::enqueue_email(conn, Some(&who.tenant_id), &mail)?;
            }
            Ok(row)
        })
        .await;
    match result {
        Ok(row) => {
            state.outbox.wake();
            Ok(HttpResponse::Created()
                .insert_header((LOCATION, format!("/api/v1/portal/files/{}/download", row.id)))
                .json(PortalFile::of(row, &client_id)))
        }
        Err(e) => {
            kept.discard(&state.storage).await;
            Err(e)
        }
    }
}

fn human_size(bytes: i64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// Download a file shared with you, or the file of a product you hold (streamed); view an
/// image or PDF in the browser with `disposition=inline`.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The file's id"), DispositionQuery),
    responses(
        (status = 200, description = "The file's bytes in the type it was stored with: an attachment with its name, or inline (images and PDFs, under a sandboxing Content-Security-Policy) when asked", content_type = "*/*", body = Vec<u8>),
        (status = 404, description = "You have no such file", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/files/{id}/download")]
pub async fn download_portal_file(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    query: web::Query<DispositionQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let file = state.db.read(move |conn| access::client_file(conn, &who.tenant_id, &who.client_id, &id)).await?;
    respond(&state.storage, &file, query.disposition.unwrap_or_default()).await
}

/// A small JPEG of an image shared with you (at most 480 pixels on its longest side).
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg", body = Vec<u8>),
        (status = 404, description = "You have no such file, or it has no thumbnail (only images get one)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/files/{id}/thumbnail")]
pub async fn portal_file_thumbnail(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let file = state.db.read(move |conn| access::client_file(conn, &who.tenant_id, &who.client_id, &id)).await?;
    respond_thumbnail(&state.storage, &file).await
}

/// A 5-minute link to a file you may download, usable without a bearer header (so a
/// browser can follow it). Minting a link changes nothing, so it is a GET and works in a
/// read-only view of the portal too.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The link", body = DownloadLink),
        (status = 404, description = "You have no such file", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/files/{id}/link")]
pub async fn link_portal_file(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<DownloadLink>, ApiError> {
    let id = id.into_inner();
    let (tenant_id, client_id) = (who.tenant_id.clone(), who.client_id.clone());
    let file = state.db.read(move |conn| access::client_file(conn, &tenant_id, &client_id, &id)).await?;
    let sid = Some(who.session_id.as_str());
    Ok(web::Json(download::link(&state.keys.jwt, &who.tenant_id, &file.id, "client", &who.client_id, sid)))
}
