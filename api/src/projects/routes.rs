//! Project and task endpoints for staff and API keys (`clients:read` to look,
//! `clients:write` to change).

use std::collections::HashSet;

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::access;
use super::actions::{check_dates, create_in, detail};
use super::model::{
    CreateProject, CreateTask, MAX_TASKS, Project, ProjectChanges, ProjectDetail, ProjectListQuery, ProjectPage,
    ProjectStatus, ReorderTasks, Task, TaskChanges, TaskRow, TaskStatus, UpdateProject, UpdateTask, project_status_of,
    tidy,
};
use super::store::{self, ListFilter};
use crate::activity::model::{Activity, ActivityPage};
use crate::activity::store::{self as activity_store, Subject};
use crate::auth::{Caller, Scope};
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::staff::store as staff_store;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_projects)
        .service(create_project)
        .service(get_project)
        .service(update_project)
        .service(list_project_activity)
        .service(create_task)
        .service(reorder_tasks)
        .service(update_task)
        .service(delete_task);
}

fn task_not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no task '{id}' in this project."))
}

/// List projects, newest first, keyset-paginated, each with its progress.
#[utoipa::path(
    tag = "projects",
    params(ProjectListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of projects", body = ProjectPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects")]
pub async fn list_projects(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ProjectListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ProjectPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses: Vec<&str> =
        ProjectStatus::filter("status", query.status.as_deref())?.map(ProjectStatus::as_str).into_iter().collect();
    if query.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        return Err(ApiError::BadRequest("'q' must be at most 200 characters.".into()));
    }
    let filter = ListFilter { statuses, client_id: query.client_id, q: query.q, before_id, limit: limit + 1 };
    let (mut rows, mut progress) = state
        .db
        .read(move |conn| {
            let rows = store::list(conn, &caller.tenant_id, &filter)?;
            let ids: Vec<String> = rows.iter().map(|(p, _)| p.id.clone()).collect();
            Ok((rows, store::progress(conn, &caller.tenant_id, &ids)?))
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |(last, _)| vec![&last.id]);
    let items = rows
        .into_iter()
        .map(|(row, client_name)| {
            let p = progress.remove(&row.id).unwrap_or_default();
            Project::of(row, client_name, p)
        })
        .collect();
    Ok(web::Json(ProjectPage { items, next_cursor }))
}

/// Start a project for a client.
#[utoipa::path(
    tag = "projects",
    request_body = CreateProject,
    responses(
        (status = 201, description = "The project, created", body = ProjectDetail,
            headers(("Location" = String, description = "URL of the new project"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the client or staff member is unknown", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects")]
pub async fn create_project(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateProject>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let new = body.into_inner();
    check_dates(new.start_date, new.due_date)?;
    let detail = state.db.write(move |conn| create_in(conn, &caller.tenant_id, &caller.actor, new)).await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/projects/{}", detail.project.project.id)))
        .json(detail))
}

/// One project, with its tasks in board order and its progress.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project", body = ProjectDetail),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects/{id}")]
pub async fn get_project(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<ProjectDetail>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    Ok(web::Json(state.db.read(move |conn| detail(conn, &caller.tenant_id, &id)).await?))
}

/// Change a project: its name, description, dates, status (any status to any other: a
/// completed project can be reopened), assignee or whether the client may upload files.
/// A status change appears in the client's timeline.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body = UpdateProject,
    responses(
        (status = 200, description = "The project as changed", body = ProjectDetail),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/projects/{id}")]
pub async fn update_project(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateProject>,
) -> Result<web::Json<ProjectDetail>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let detail = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let current = access::staff_project(conn, tenant_id, &id)?;
            let start = update.start_date.unwrap_or(current.start_date);
            let due = update.due_date.unwrap_or(current.due_date);
            check_dates(start, due)?;
            if let Some(staff_id) = &update.staff_id {
                staff_store::ensure_member(conn, tenant_id, staff_id.as_deref())?;
            }
            let fields = update.fields();
            let from = project_status_of(&current.status);
            let changes = ProjectChanges {
                name: update.name.map(|n| n.trim().to_string()),
                description: update.description.map(tidy),
                status: update.status.map(|s| s.as_str().to_string()),
                start_date: update.start_date,
                due_date: update.due_date,
                staff_id: update.staff_id,
                client_uploads: update.client_uploads,
                updated_at: now(),
            };
            store::update(conn, tenant_id, &id, &changes)?;
            let subject = || Subject { kind: "project", id: &current.id, client_id: Some(&current.client_id) };
            let name = changes.name.as_deref().unwrap_or(&current.name);
            events::record(
                conn,
                tenant_id,
                &caller.actor,
                "updated",
                subject(),
                json!({ "name": name, "fields": fields }),
            )?;
            if let Some(to) = update.status.filter(|to| *to != from) {
                let data = json!({ "name": name, "from": from.as_str(), "to": to.as_str() });
                events::record(conn, tenant_id, &caller.actor, "status_changed", subject(), data)?;
            }
            detail(conn, tenant_id, &id)
        })
        .await?;
    Ok(web::Json(detail))
}

/// Everything that happened on a project, newest first: changes, decisions on
/// deliverables, uploads, feedback.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id"), PageQuery),
    responses(
        (status = 200, description = "A page of the project's activity", body = ActivityPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/projects/{id}/activity")]
pub async fn list_project_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ActivityPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let mut rows = state
        .db
        .read(move |conn| {
            access::staff_project(conn, &caller.tenant_id, &id)?;
            Ok(activity_store::list_for_project(conn, &caller.tenant_id, &id, before_id.as_deref(), limit + 1)?)
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |last| vec![&last.id]);
    Ok(web::Json(ActivityPage { items: rows.into_iter().map(Activity::from).collect(), next_cursor }))
}

/// Add a task to a project's board, at the end.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body = CreateTask,
    responses(
        (status = 201, description = "The task, created", body = Task),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The project already has the most tasks allowed (500)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/projects/{id}/tasks")]
pub async fn create_task(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CreateTask>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let new = body.into_inner();
    let task = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let project = access::staff_project(conn, tenant_id, &id)?;
            let tasks = store::tasks(conn, tenant_id, &id)?;
            if tasks.len() as i64 >= MAX_TASKS {
                return Err(ApiError::Conflict(format!("A project holds at most {MAX_TASKS} tasks.")));
            }
            let at = now();
            let row = TaskRow {
                id: new_id(),
                tenant_id: tenant_id.clone(),
                project_id: id.clone(),
                title: new.title.trim().to_string(),
                status: new.status.unwrap_or(TaskStatus::Todo).as_str().to_string(),
                position: tasks.iter().map(|t| t.position + 1).max().unwrap_or(0),
                due_date: new.due_date,
                created_at: at,
                updated_at: at,
            };
            store::insert_task(conn, &row)?;
            touch(conn, tenant_id, &project.id)?;
            Ok(Task::from(row))
        })
        .await?;
    Ok(HttpResponse::Created().json(task))
}

/// A task changed: the project's `updated_at` moves too, so lists show recent work first.
fn touch(conn: &mut DbConn, tenant_id: &str, project_id: &str) -> Result<(), ApiError> {
    store::update(conn, tenant_id, project_id, &ProjectChanges { updated_at: now(), ..Default::default() })?;
    Ok(())
}

/// Change a task: its title, status (move it on the board) or due date.
#[utoipa::path(
    tag = "projects",
    params(
        ("id" = String, Path, description = "The project's id"),
        ("task_id" = String, Path, description = "The task's id"),
    ),
    request_body = UpdateTask,
    responses(
        (status = 200, description = "The task as changed", body = Task),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant, or no such task in it", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/projects/{id}/tasks/{task_id}")]
pub async fn update_task(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    body: JsonBody<UpdateTask>,
) -> Result<web::Json<Task>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let (id, task_id) = path.into_inner();
    let update = body.into_inner();
    let task = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            access::staff_project(conn, tenant_id, &id)?;
            let changes = TaskChanges {
                title: update.title.map(|t| t.trim().to_string()),
                status: update.status.map(|s| s.as_str().to_string()),
                position: None,
                due_date: update.due_date,
                updated_at: now(),
            };
            if store::update_task(conn, tenant_id, &id, &task_id, &changes)? == 0 {
                return Err(task_not_found(&task_id));
            }
            touch(conn, tenant_id, &id)?;
            store::get_task(conn, tenant_id, &id, &task_id)?.map(Task::from).ok_or_else(|| task_not_found(&task_id))
        })
        .await?;
    Ok(web::Json(task))
}

/// Put the board in a new order: send every task id of the project once, in the order
/// wanted.
#[utoipa::path(
    tag = "projects",
    params(("id" = String, Path, description = "The project's id")),
    request_body = ReorderTasks,
    responses(
        (status = 200, description = "The tasks in their new order", body = Vec<Task>),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ids are not exactly the project's tasks (the board changed meanwhile)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[put("/projects/{id}/tasks/order")]
pub async fn reorder_tasks(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<ReorderTasks>,
) -> Result<web::Json<Vec<Task>>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let order = body.into_inner().task_ids;
    let tasks = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            access::staff_project(conn, tenant_id, &id)?;
            let current: HashSet<String> = store::tasks(conn, tenant_id, &id)?.into_iter().map(|t| t.id).collect();
            let sent: HashSet<&String> = order.iter().collect();
            if sent.len() != order.len() || sent.len() != current.len() || !order.iter().all(|t| current.contains(t)) {
                // 409: a well-formed list that no longer matches the board (a task was added
                // or removed meanwhile).
                return Err(ApiError::Conflict(
                    "'task_ids' must list every task of the project exactly once; reload the board and try again."
                        .into(),
                ));
            }
            let at = now();
            for (position, task_id) in order.iter().enumerate() {
                let changes = TaskChanges { position: Some(position as i32), updated_at: at, ..Default::default() };
                store::update_task(conn, tenant_id, &id, task_id, &changes)?;
            }
            touch(conn, tenant_id, &id)?;
            Ok(store::tasks(conn, tenant_id, &id)?.into_iter().map(Task::from).collect::<Vec<_>>())
        })
        .await?;
    Ok(web::Json(tasks))
}

/// Remove a task from the board. (To keep it visible but out of the progress, set it to
/// `cancelled` instead.)
#[utoipa::path(
    tag = "projects",
    params(
        ("id" = String, Path, description = "The project's id"),
        ("task_id" = String, Path, description = "The task's id"),
    ),
    responses(
        (status = 204, description = "The task is gone"),
        (status = 404, description = "No such project in your tenant, or no such task in it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[delete("/projects/{id}/tasks/{task_id}")]
pub async fn delete_task(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let (id, task_id) = path.into_inner();
    state
        .db
        .write(move |conn| {
            access::staff_project(conn, &caller.tenant_id, &id)?;
            if store::delete_task(conn, &caller.tenant_id, &id, &task_id)? == 0 {
                return Err(task_not_found(&task_id));
            }
            touch(conn, &caller.tenant_id, &id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
