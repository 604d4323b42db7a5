//! Form endpoints for staff and API keys. Anyone with `clients:read` (members too) sees the
//! forms and what was submitted; building a form changes the business's public face, so it
//! takes `clients:write` and `tenant:write` (owners and admins, or a key with both).
//!
//! A form with submissions is not deleted (they are the records of who asked what): it is
//! disabled instead, which takes it off the web.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::fields;
use super::model::{
    CreateForm, Form, FormChanges, FormPage, FormRow, Submission, SubmissionClient, SubmissionPage, UpdateForm,
};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::clients::model::ClientStatus;
use crate::config::Config;
use crate::db::utc;
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::rules::tidy;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_forms)
        .service(create_form)
        .service(get_form)
        .service(update_form)
        .service(delete_form)
        .service(list_form_submissions);
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no form '{id}' in your tenant."))
}

fn require_builder(caller: &Caller) -> Result<(), ApiError> {
    caller.require(Scope::ClientsWrite)?;
    caller.require(Scope::TenantWrite)
}

/// 409: the slug is well formed; another form holds it now.
fn slug_taken(slug: &str) -> ApiError {
    ApiError::Conflict(format!("'{slug}' is the address of another of your forms; choose another slug."))
}

fn existing(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<FormRow, ApiError> {
    store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))
}

/// Where visitors fill the form in.
pub fn public_url(config: &Config, tenant_slug: &str, form_slug: &str) -> String {
    config.public(&format!("/portal/{tenant_slug}/forms/{form_slug}"))
}

/// Forms with their public address and submission count, in two queries.
fn with_counts(conn: &mut DbConn, config: &Config, tenant_id: &str, rows: Vec<FormRow>) -> Result<Vec<Form>, ApiError> {
    let tenant = tenant_store::get(conn, tenant_id)?;
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let counts = store::submission_counts(conn, tenant_id, &ids)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let count = counts.iter().find(|(id, _)| *id == row.id).map_or(0, |(_, n)| *n);
            let url = public_url(config, &tenant.slug, &row.slug);
            Form::of(row, url, count)
        })
        .collect())
}

fn detail(conn: &mut DbConn, config: &Config, tenant_id: &str, id: &str) -> Result<Form, ApiError> {
    let row = existing(conn, tenant_id, id)?;
    Ok(with_counts(conn, config, tenant_id, vec![row])?.remove(0))
}

fn record(
    conn: &mut DbConn,
    caller: &Caller,
    row: &FormRow,
    verb: &str,
    extra: serde_json::Value,
) -> Result<(), ApiError> {
    let mut data = json!({ "title": row.title, "slug": row.slug });
    if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
        data.extend(extra.clone());
    }
    // Building forms is staff's business: no client sees these entries.
    let subject = Subject { kind: "form", id: &row.id, client_id: None };
    events::record(conn, &caller.tenant_id, &caller.actor, verb, subject, data)?;
    Ok(())
}

fn encode(fields: &[super::model::FormField]) -> Result<String, ApiError> {
    serde_json::to_string(fields).map_err(|e| ApiError::Internal(e.to_string()))
}

/// List your intake forms, newest first.
#[utoipa::path(
    tag = "forms",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of forms", body = FormPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/forms")]
pub async fn list_forms(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<web::Json<FormPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let limit = page.limit()?;
    let before = page.after_id()?;
    let config = state.config.clone();
    let page = state
        .db
        .read(move |conn| {
            let mut rows = store::list(conn, &caller.tenant_id, before.as_deref(), limit + 1)?;
            let next_cursor = next_cursor(&mut rows, limit, |r| vec![&r.id]);
            let items = with_counts(conn, &config, &caller.tenant_id, rows)?;
            Ok(FormPage { items, next_cursor })
        })
        .await?;
    Ok(web::Json(page))
}

/// Build an intake form. It is public at `/portal/<your slug>/forms/<slug>` while enabled.
/// `name` and `email` fields are added when missing: every submission says who sent it.
#[utoipa::path(
    tag = "forms",
    request_body = CreateForm,
    responses(
        (status = 201, description = "The form", body = Form,
            headers(("Location" = String, description = "URL of the new form"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:write` or `tenant:write`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another of your forms has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/forms")]
pub async fn create_form(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateForm>,
) -> Result<HttpResponse, ApiError> {
    require_builder(&caller)?;
    let new = body.into_inner();
    let fields = fields::check(new.fields)?;
    let config = state.config.clone();
    let form = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            if store::by_slug(conn, tenant_id, &new.slug)?.is_some() {
                return Err(slug_taken(&new.slug));
            }
            let at = now();
            let row = FormRow {
                id: new_id(),
                tenant_id: tenant_id.clone(),
                slug: new.slug.clone(),
                title: new.title.trim().to_string(),
                description: tidy(new.description),
                fields: encode(&fields)?,
                success_message: tidy(new.success_message),
                enabled: new.enabled.unwrap_or(true),
                notify_staff: new.notify_staff.unwrap_or(true),
                created_at: at,
                updated_at: at,
            };
            store::insert(conn, &row).map_err(|e| match ApiError::from(e) {
                ApiError::Conflict(_) => slug_taken(&new.slug),
                other => other,
            })?;
            record(conn, &caller, &row, "created", json!({}))?;
            detail(conn, &config, tenant_id, &row.id)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/forms/{}", form.id))).json(form))
}

/// One form, with its fields and submission count.
#[utoipa::path(
    tag = "forms",
    params(("id" = String, Path, description = "The form's id")),
    responses(
        (status = 200, description = "The form", body = Form),
        (status = 404, description = "No such form in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/forms/{id}")]
pub async fn get_form(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Form>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let config = state.config.clone();
    Ok(web::Json(state.db.read(move |conn| detail(conn, &config, &caller.tenant_id, &id)).await?))
}

/// Change a form. `fields`, when sent, replaces the whole list (earlier submissions keep
/// the answers they had). Changing the slug moves the form's public address.
#[utoipa::path(
    tag = "forms",
    params(("id" = String, Path, description = "The form's id")),
    request_body = UpdateForm,
    responses(
        (status = 200, description = "The form as changed", body = Form),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:write` or `tenant:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such form in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another of your forms has this slug", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/forms/{id}")]
pub async fn update_form(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateForm>,
) -> Result<web::Json<Form>, ApiError> {
    require_builder(&caller)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let touched = update.touched();
    let fields = update.fields.map(fields::check).transpose()?;
    let config = state.config.clone();
    let form = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let current = existing(conn, tenant_id, &id)?;
            if let Some(slug) = update.slug.as_deref().filter(|s| *s != current.slug)
                && store::by_slug(conn, tenant_id, slug)?.is_some()
            {
                return Err(slug_taken(slug));
            }
            let changes = FormChanges {
                slug: update.slug.clone(),
                title: update.title.map(|t| t.trim().to_string()),
                description: update.description.map(tidy),
                fields: fields.as_deref().map(encode).transpose()?,
                success_message: update.success_message.map(tidy),
                enabled: update.enabled,
                notify_staff: update.notify_staff,
                updated_at: now(),
            };
            store::update(conn, tenant_id, &id, &changes).map_err(|e| match ApiError::from(e) {
                ApiError::Conflict(_) => slug_taken(update.slug.as_deref().unwrap_or_default()),
                other => other,
            })?;
            let row = existing(conn, tenant_id, &id)?;
            record(conn, &caller, &row, "updated", json!({ "fields": touched }))?;
            detail(conn, &config, tenant_id, &id)
        })
        .await?;
    Ok(web::Json(form))
}

/// Delete a form nobody has submitted yet. One with submissions is kept for the record:
/// disable it instead (`enabled: false`), which takes it off the web.
#[utoipa::path(
    tag = "forms",
    params(("id" = String, Path, description = "The form's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "The credential lacks `clients:write` or `tenant:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such form in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The form has submissions; disable it instead", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/forms/{id}")]
pub async fn delete_form(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    require_builder(&caller)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let row = existing(conn, tenant_id, &id)?;
            let submitted = store::submission_counts(conn, tenant_id, std::slice::from_ref(&row.id))?;
            if let Some((_, n)) = submitted.first().filter(|(_, n)| *n > 0) {
                return Err(ApiError::Conflict(format!(
                    "“{}” has {n} submission(s), kept as records: disable the form instead (enabled: false).",
                    row.title
                )));
            }
            store::delete(conn, tenant_id, &id)?;
            record(conn, &caller, &row, "deleted", json!({}))?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// What visitors sent through a form, newest first, each with the client or lead it is
/// linked to.
#[utoipa::path(
    tag = "forms",
    params(("id" = String, Path, description = "The form's id"), PageQuery),
    responses(
        (status = 200, description = "A page of submissions", body = SubmissionPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such form in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/forms/{id}/submissions")]
pub async fn list_form_submissions(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<SubmissionPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let limit = page.limit()?;
    let before = page.after_id()?;
    let mut rows = state
        .db
        .read(move |conn| {
            existing(conn, &caller.tenant_id, &id)?;
            Ok(store::submissions(conn, &caller.tenant_id, &id, before.as_deref(), limit + 1)?)
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |(s, _)| vec![&s.id]);
    let items = rows
        .into_iter()
        .map(|(s, c)| Submission {
            data: serde_json::from_str(&s.data).unwrap_or_default(),
            id: s.id,
            form_id: s.form_id,
            client: SubmissionClient {
                status: ClientStatus::stored_or(&c.status, ClientStatus::Lead),
                id: c.id,
                name: c.name,
                email: c.email,
            },
            created_lead: s.created_lead,
            ip: s.ip,
            user_agent: s.user_agent,
            created_at: utc(s.created_at),
        })
        .collect();
    Ok(web::Json(SubmissionPage { items, next_cursor }))
}
