//! Template endpoints: list, read, write and delete templates (`clients:read` to look,
//! `clients:write` to change), the merge fields, and making documents from a template.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, About, template};
use super::merge::FIELDS;
use super::model::{
    CreateTemplate, MergeField, MergeFieldList, RenderTemplate, RenderedTemplate, Template, TemplateKind, TemplateList,
    UpdateTemplate,
};
use super::store;
use crate::auth::{Caller, Scope};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::projects::actions::check_dates;
use crate::projects::model::{CreateProject, ProjectDetail};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_merge_fields)
        .service(list_templates)
        .service(create_template)
        .service(get_template)
        .service(update_template)
        .service(delete_template)
        .service(render_template)
        .service(project_from_template);
}

/// Filters of the template list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateListQuery {
    /// Only templates of this kind. Default: all.
    pub kind: Option<TemplateKind>,
}

/// Every merge field a template may use, with what it stands for.
#[utoipa::path(
    tag = "templates",
    responses((status = 200, description = "The merge fields", body = MergeFieldList)),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/templates/merge-fields")]
pub async fn list_merge_fields(caller: Caller) -> Result<web::Json<MergeFieldList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let items = FIELDS
        .iter()
        .map(|(name, description)| MergeField { name: name.to_string(), description: description.to_string() });
    Ok(web::Json(MergeFieldList { items: items.collect() }))
}

/// Your templates, by kind and name.
#[utoipa::path(
    tag = "templates",
    params(TemplateListQuery),
    responses(
        (status = 200, description = "The templates", body = TemplateList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/templates")]
pub async fn list_templates(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<TemplateListQuery>,
) -> Result<web::Json<TemplateList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let kind = query.into_inner().kind;
    let rows = state.db.read(move |conn| Ok(store::list(conn, &caller.tenant_id, kind.map(|k| k.as_str()))?)).await?;
    let items = rows.iter().map(|r| r.view()).collect::<Result<_, _>>()?;
    Ok(web::Json(TemplateList { items }))
}

/// A new template. Every `{{…}}` in its texts must be a known merge field (see
/// `GET /templates/merge-fields`); an unknown one is refused, named. Names are unique per kind.
#[utoipa::path(
    tag = "templates",
    request_body = CreateTemplate,
    responses(
        (status = 201, description = "Created", body = Template,
            headers(("Location" = String, description = "The template's address"))),
        (status = 409, description = "Another template of this kind has this name", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid or uses an unknown merge field", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/templates")]
pub async fn create_template(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateTemplate>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let new = body.into_inner();
    let row = state.db.write(move |conn| actions::create(conn, &caller.tenant_id, &new.name, &new.content)).await?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/templates/{}", row.id))).json(row.view()?))
}

/// One template.
#[utoipa::path(
    tag = "templates",
    params(("id" = String, Path, description = "The template's id")),
    responses(
        (status = 200, description = "The template", body = Template),
        (status = 404, description = "No such template in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/templates/{id}")]
pub async fn get_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Template>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let row = state.db.read(move |conn| template(conn, &caller.tenant_id, &id)).await?;
    Ok(web::Json(row.view()?))
}

/// Change a template's name or content. Documents made from it earlier keep their text.
#[utoipa::path(
    tag = "templates",
    params(("id" = String, Path, description = "The template's id")),
    request_body = UpdateTemplate,
    responses(
        (status = 200, description = "The changed template", body = Template),
        (status = 404, description = "No such template in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another template of this kind has this name", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid or uses an unknown merge field", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/templates/{id}")]
pub async fn update_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateTemplate>,
) -> Result<web::Json<Template>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let changes = body.into_inner();
    let row = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let current = template(conn, tenant_id, &id)?;
            let name = changes.name.map(|n| n.trim().to_string()).unwrap_or(current.name.clone());
            let content = match changes.content {
                Some(content) => content,
                None => current.content()?,
            };
            actions::check(conn, tenant_id, &id, &name, &content)?;
            let encoded = actions::encode(&content)?;
            store::update(conn, tenant_id, &id, (content.kind().as_str(), &name, &encoded), now())?;
            template(conn, tenant_id, &id)
        })
        .await?;
    Ok(web::Json(row.view()?))
}

/// Delete a template. Documents made from it keep their text.
#[utoipa::path(
    tag = "templates",
    params(("id" = String, Path, description = "The template's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such template in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[delete("/templates/{id}")]
pub async fn delete_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    state
        .db
        .write(move |conn| match store::delete(conn, &caller.tenant_id, &id)? {
            0 => Err(actions::not_found(&id)),
            _ => Ok(()),
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The template's content with every merge field resolved for a client (and a quote or a
/// project of theirs, for `quote.*` and `project.*` fields), in the client's language: what
/// a new quote, contract or email made from it starts with. Nothing is saved; the document
/// you then create holds plain text, frozen when it is sent.
#[utoipa::path(
    tag = "templates",
    params(("id" = String, Path, description = "The template's id")),
    request_body = RenderTemplate,
    responses(
        (status = 200, description = "The resolved content", body = RenderedTemplate),
        (status = 404, description = "No such template in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The client, quote or project is not one of yours, or the template needs a quote or project that was not given", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[post("/templates/{id}/render")]
pub async fn render_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<RenderTemplate>,
) -> Result<web::Json<RenderedTemplate>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let req = body.into_inner();
    if req.quote_id.is_some() {
        caller.require(Scope::BillingRead)?;
    }
    let rendered = state
        .db
        .read(move |conn| {
            let tenant_id = &caller.tenant_id;
            let row = template(conn, tenant_id, &id)?;
            let about = About {
                client_id: &req.client_id,
                quote_id: req.quote_id.as_deref(),
                project_id: req.project_id.as_deref(),
            };
            let values = actions::values(conn, tenant_id, &caller.actor, &about)?;
            let content = actions::render(&row.content()?, &values)?;
            Ok(RenderedTemplate { template_id: row.id, content })
        })
        .await?;
    Ok(web::Json(rendered))
}

/// A new project from a project template: the body is the same as `POST /projects` (a
/// description given here wins over the template's), and the project starts with the
/// template's tasks and deliverables, merge fields resolved for the client.
#[utoipa::path(
    tag = "templates",
    params(("id" = String, Path, description = "The template's id")),
    request_body = CreateProject,
    responses(
        (status = 201, description = "Created", body = ProjectDetail,
            headers(("Location" = String, description = "The project's address"))),
        (status = 404, description = "No such template in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The template makes something else than a project, or the client is archived", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid, or the client or staff member is not one of yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/templates/{id}/project")]
pub async fn project_from_template(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CreateProject>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let new = body.into_inner();
    check_dates(new.start_date, new.due_date)?;
    let detail = state
        .db
        .write(move |conn| {
            let row = template(conn, &caller.tenant_id, &id)?;
            actions::make_project(conn, &caller.tenant_id, &caller.actor, &row, new)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/projects/{}", detail.project.project.id)))
        .json(detail))
}
