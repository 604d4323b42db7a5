//! Thread and message endpoints for staff and API keys (`clients:read` to look,
//! `clients:write` to post). Staff see internal notes; posting one emails nobody.

use super::actions::thread_not_found;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{CreateThread, Message, MessagePage, PostMessage, ThreadList, ThreadRow, ThreadStarted};
use super::post::{self, NewMessage, reader_of};
use super::store;
use super::view::{self, Authors};
use crate::auth::{Caller, Scope};
use crate::db::DbConn;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::projects::access;
use crate::projects::model::ProjectRow;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_threads).service(create_thread).service(list_messages).service(post_message).service(read_thread);
}

fn no_reader() -> ApiError {
    ApiError::Forbidden("Only a staff member or an API key can read threads here.".into())
}

/// A thread of the caller's tenant with its project, or 404.
fn staff_thread(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<(ThreadRow, ProjectRow), ApiError> {
    let thread = store::get_thread(conn, tenant_id, id)?.ok_or_else(|| thread_not_found(id))?;
    let project = access::staff_project(conn, tenant_id, &thread.project_id)?;
    Ok((thread, project))
}

/// A project's threads, newest activity first, each with its message count (internal notes
/// included), the start of its newest message and how many of the client's messages you
/// have not read. An API key has its own read marks.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's threads", body = ThreadList),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects/{id}/threads")]
pub async fn list_threads(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<ThreadList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let items = state
        .db
        .read(move |conn| {
            let tenant_id = &caller.tenant_id;
            access::staff_project(conn, tenant_id, &id)?;
            let reader = reader_of(&caller.actor).ok_or_else(no_reader)?;
            let rows = store::threads_of(conn, tenant_id, &id)?;
            Ok(view::staff_threads(conn, tenant_id, rows, &reader)?)
        })
        .await?;
    Ok(web::Json(ThreadList { items }))
}

/// Start a thread on a project with its first message. Unless that message is internal,
/// the client is emailed.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body = CreateThread,
    responses(
        (status = 201, description = "The thread, with its first message", body = ThreadStarted,
            headers(("Location" = String, description = "URL of the thread's messages"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects/{id}/threads")]
pub async fn create_thread(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CreateThread>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let new = body.into_inner();
    let config = state.config.clone();
    let started = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let project = access::staff_project(conn, tenant_id, &id)?;
            let tenant = tenant_store::get(conn, tenant_id)?;
            let (thread, message) = post::start_in(
                conn,
                &config,
                &tenant,
                &project,
                &caller.actor,
                &new.title,
                new.body,
                new.internal,
                new.attachment_ids,
            )?;
            let reader = reader_of(&caller.actor).ok_or_else(no_reader)?;
            let thread = view::staff_threads(conn, tenant_id, vec![thread], &reader)?.remove(0);
            let authors = Authors::of(conn, tenant_id, &tenant.name, std::slice::from_ref(&message))?;
            Ok(ThreadStarted { thread, message: authors.message(message) })
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/threads/{}/messages", started.thread.id)))
        .json(started))
}

/// A thread's messages, oldest first, internal notes included; `next_cursor` leads to
/// newer messages (poll with the last cursor for new ones).
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The thread's id"), PageQuery),
    responses(
        (status = 200, description = "A page of the thread's messages", body = MessagePage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such thread in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/threads/{id}/messages")]
pub async fn list_messages(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<MessagePage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let limit = page.limit()?;
    let after_id = page.after_id()?;
    let (mut rows, authors) = state
        .db
        .read(move |conn| {
            let tenant_id = &caller.tenant_id;
            staff_thread(conn, tenant_id, &id)?;
            let rows = store::messages_of(conn, tenant_id, &id, true, after_id.as_deref(), limit + 1)?;
            let tenant = tenant_store::get(conn, tenant_id)?;
            let authors = Authors::of(conn, tenant_id, &tenant.name, &rows)?;
            Ok((rows, authors))
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| vec![&last.id]);
    Ok(web::Json(MessagePage { items: rows.into_iter().map(|m| authors.message(m)).collect(), next_cursor }))
}

/// Post to a thread. A message the client may see (`internal: false`) emails the client;
/// an internal note emails nobody and never reaches the portal.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The thread's id")),
    request_body = PostMessage,
    responses(
        (status = 201, description = "The message, posted", body = Message),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such thread in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/threads/{id}/messages")]
pub async fn post_message(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<PostMessage>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let new = body.into_inner();
    let config = state.config.clone();
    let message = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let (thread, project) = staff_thread(conn, tenant_id, &id)?;
            let tenant = tenant_store::get(conn, tenant_id)?;
            let new = NewMessage {
                tenant: &tenant,
                project: &project,
                thread: &thread,
                actor: &caller.actor,
                body: new.body,
                internal: new.internal,
                attachment_ids: new.attachment_ids,
            };
            let row = post::post_in(conn, &config, new)?;
            let authors = Authors::of(conn, tenant_id, &tenant.name, std::slice::from_ref(&row))?;
            Ok(authors.message(row))
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Created().json(message))
}

/// Mark a thread read up to its newest message, for you (or for this API key).
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The thread's id")),
    responses(
        (status = 204, description = "The thread is read"),
        (status = 404, description = "No such thread in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[post("/threads/{id}/read")]
pub async fn read_thread(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            staff_thread(conn, tenant_id, &id)?;
            let reader = reader_of(&caller.actor).ok_or_else(no_reader)?;
            if let Some(newest) = store::newest_id(conn, tenant_id, &id, true)? {
                store::mark_read(conn, tenant_id, &id, &reader, &newest)?;
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
