//! Threads as the logged-in client sees them: only their own projects', never an internal
//! note (not in messages, counts, excerpts or dates), and a thread holding only internal
//! notes does not exist for them.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::thread_not_found;
use super::model::{
    PortalCreateThread, PortalMessage, PortalMessagePage, PortalPostMessage, PortalThreadList, PortalThreadStarted,
    ThreadRow,
};
use super::post::{self, NewMessage};
use super::store::{self, Reader};
use super::view::{self, Authors};
use crate::auth::{Actor, ClientPrincipal};
use crate::db::DbConn;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::projects::access;
use crate::projects::model::ProjectRow;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_threads)
        .service(create_portal_thread)
        .service(list_portal_messages)
        .service(post_portal_message)
        .service(read_portal_thread);
}

fn reader(who: &ClientPrincipal) -> Reader<'_> {
    Reader { kind: "client", id: &who.client_id }
}

/// A thread of one of this client's projects that holds a message meant for them, or 404.
fn client_thread(conn: &mut DbConn, who: &ClientPrincipal, id: &str) -> Result<(ThreadRow, ProjectRow), ApiError> {
    let thread = store::get_thread(conn, &who.tenant_id, id)?.ok_or_else(|| thread_not_found(id))?;
    let project = match access::client_project(conn, &who.tenant_id, &who.client_id, &thread.project_id) {
        Err(ApiError::NotFound(_)) => return Err(thread_not_found(id)),
        other => other?,
    };
    if store::newest_id(conn, &who.tenant_id, id, false)?.is_none() {
        return Err(thread_not_found(id));
    }
    Ok((thread, project))
}

/// Your threads on one of your projects, newest activity first, each with how many of the
/// team's messages you have not read.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "Your threads on the project", body = PortalThreadList),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/projects/{id}/threads")]
pub async fn list_portal_threads(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalThreadList>, ApiError> {
    let id = id.into_inner();
    let items = state
        .db
        .read(move |conn| {
            access::client_project(conn, &who.tenant_id, &who.client_id, &id)?;
            let rows = store::threads_of(conn, &who.tenant_id, &id)?;
            Ok(view::portal_threads(conn, &who.tenant_id, rows, &reader(&who))?)
        })
        .await?;
    Ok(web::Json(PortalThreadList { items }))
}

/// Start a thread on one of your projects; the team is emailed.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The project's id")),
    request_body = PortalCreateThread,
    responses(
        (status = 201, description = "The thread, with your first message", body = PortalThreadStarted,
            headers(("Location" = String, description = "URL of the thread's messages"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal (read-only)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such project", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/projects/{id}/threads")]
pub async fn create_portal_thread(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<PortalCreateThread>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let new = body.into_inner();
    let config = state.config.clone();
    let started = state
        .db
        .write(move |conn| {
            let tenant_id = &who.tenant_id;
            let project = access::client_project(conn, tenant_id, &who.client_id, &id)?;
            let tenant = tenant_store::get(conn, tenant_id)?;
            let actor = Actor::Client { id: who.client_id.clone() };
            let (thread, message) = post::start_in(
                conn,
                &config,
                &tenant,
                &project,
                &actor,
                &new.title,
                new.body,
                false,
                new.attachment_ids,
            )?;
            let thread = view::portal_threads(conn, tenant_id, vec![thread], &reader(&who))?
                .pop()
                .ok_or_else(|| ApiError::Internal("a new thread has no message the client may see".into()))?;
            let authors = Authors::of(conn, tenant_id, &tenant.name, std::slice::from_ref(&message))?;
            let message = authors
                .portal_message(message)
                .ok_or_else(|| ApiError::Internal("a client's message came out internal".into()))?;
            Ok(PortalThreadStarted { thread, message })
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/portal/threads/{}/messages", started.thread.id)))
        .json(started))
}

/// A thread's messages, oldest first; `next_cursor` leads to newer messages.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The thread's id"), PageQuery),
    responses(
        (status = 200, description = "A page of the thread's messages", body = PortalMessagePage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such thread", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/threads/{id}/messages")]
pub async fn list_portal_messages(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<PortalMessagePage>, ApiError> {
    let id = id.into_inner();
    let limit = page.limit()?;
    let after_id = page.after_id()?;
    let (mut rows, authors) = state
        .db
        .read(move |conn| {
            client_thread(conn, &who, &id)?;
            let rows = store::messages_of(conn, &who.tenant_id, &id, false, after_id.as_deref(), limit + 1)?;
            let tenant = tenant_store::get(conn, &who.tenant_id)?;
            let authors = Authors::of(conn, &who.tenant_id, &tenant.name, &rows)?;
            Ok((rows, authors))
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| vec![&last.id]);
    let items = rows.into_iter().filter_map(|m| authors.portal_message(m)).collect();
    Ok(web::Json(PortalMessagePage { items, next_cursor }))
}

/// Reply in a thread; the team is emailed.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The thread's id")),
    request_body = PortalPostMessage,
    responses(
        (status = 201, description = "Your message, posted", body = PortalMessage),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal (read-only)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such thread", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/threads/{id}/messages")]
pub async fn post_portal_message(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<PortalPostMessage>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let new = body.into_inner();
    let config = state.config.clone();
    let message = state
        .db
        .write(move |conn| {
            let tenant_id = &who.tenant_id;
            let (thread, project) = client_thread(conn, &who, &id)?;
            let tenant = tenant_store::get(conn, tenant_id)?;
            let actor = Actor::Client { id: who.client_id.clone() };
            let new = NewMessage {
                tenant: &tenant,
                project: &project,
                thread: &thread,
                actor: &actor,
                body: new.body,
                internal: false,
                attachment_ids: new.attachment_ids,
            };
            let row = post::post_in(conn, &config, new)?;
            let authors = Authors::of(conn, tenant_id, &tenant.name, std::slice::from_ref(&row))?;
            authors.portal_message(row).ok_or_else(|| ApiError::Internal("a client's message came out internal".into()))
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Created().json(message))
}

/// Mark a thread read up to its newest message.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The thread's id")),
    responses(
        (status = 204, description = "The thread is read"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal (read-only)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such thread", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/threads/{id}/read")]
pub async fn read_portal_thread(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db
        .write(move |conn| {
            let (thread, _) = client_thread(conn, &who, &id)?;
            if let Some(newest) = store::newest_id(conn, &who.tenant_id, &id, false)? {
                store::mark_read(conn, &who.tenant_id, &id, &reader(&who), &newest)?;
                post::messages_read(conn, &who.client_id, &thread)?;
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
