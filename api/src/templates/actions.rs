//! Saving a template (merge fields checked, names unique per kind) and making documents
//! from one (merge fields resolved for a client, a quote and a project).

use serde_json::json;

use super::merge::{self, Values};
use super::model::{ProjectContent, TemplateContent, TemplateRow};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::store as client_store;
use crate::db::{DbConn, new_id, now};
use crate::deliverables::model::{DeliverableRow, DeliverableStatus};
use crate::deliverables::store as deliverable_store;
use crate::error::ApiError;
use crate::events;
use crate::i18n::Formats;
use crate::invoices::model::today_in;
use crate::projects::actions as project_actions;
use crate::projects::model::{CreateProject, ProjectDetail, TaskRow, TaskStatus};
use crate::projects::store as project_store;
use crate::quotes::store as quote_store;
use crate::staff::store as staff_store;
use crate::tenants::store as tenant_store;

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no template '{id}' in your business."))
}

pub fn template(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<TemplateRow, ApiError> {
    store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))
}

/// 422 for unknown merge fields, 409 for a name another template of the kind has.
pub fn check(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    name: &str,
    content: &TemplateContent,
) -> Result<(), ApiError> {
    merge::refuse(content.check())?;
    if store::name_taken(conn, tenant_id, content.kind().as_str(), name, id)? {
        return Err(ApiError::Conflict(format!(
            "You already have a {} template named '{name}'; choose another name.",
            content.kind().as_str()
        )));
    }
    Ok(())
}

pub fn encode(content: &TemplateContent) -> Result<String, ApiError> {
    serde_json::to_string(content).map_err(|e| ApiError::Internal(format!("template content: {e}")))
}

pub fn create(
    conn: &mut DbConn,
    tenant_id: &str,
    name: &str,
    content: &TemplateContent,
) -> Result<TemplateRow, ApiError> {
    let id = new_id();
    let name = name.trim();
    check(conn, tenant_id, &id, name, content)?;
    let at = now();
    let row = TemplateRow {
        id,
        tenant_id: tenant_id.to_string(),
        kind: content.kind().as_str().to_string(),
        name: name.to_string(),
        content: encode(content)?,
        created_at: at,
        updated_at: at,
    };
    store::insert(conn, &row)?;
    Ok(row)
}

/// What a document is about, by id, all of one client.
pub struct About<'a> {
    pub client_id: &'a str,
    pub quote_id: Option<&'a str>,
    pub project_id: Option<&'a str>,
}

/// The value of every merge field for this client (and quote and project, when given),
/// written in the client's language.
pub fn values(conn: &mut DbConn, tenant_id: &str, actor: &Actor, about: &About<'_>) -> Result<Values, ApiError> {
    let client = client_store::get(conn, tenant_id, about.client_id)?
        .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
    let tenant = tenant_store::get(conn, tenant_id)?;
    let f = Formats::new(tenant.language_for(client.language.as_deref()), &tenant.locale);
    let mut v = Values::default();
    v.set("client.first_name", client.name.split_whitespace().next().unwrap_or(&client.name));
    v.set("client.name", client.name.clone());
    v.set("client.email", client.email);
    v.set("client.company", client.company.unwrap_or_default());
    v.set("client.phone", client.phone.unwrap_or_default());
    let staff = match actor {
        Actor::Staff { id } => staff_store::get(conn, tenant_id, id)?.map(|s| s.name),
        _ => None,
    };
    v.set("staff.name", staff.unwrap_or_else(|| tenant.name.clone()));
    v.set("business.name", tenant.name);
    v.set("today", f.date(today_in(&tenant.timezone)));
    if let Some(quote_id) = about.quote_id {
        // Staff may write a contract about a quote still in draft: no client filter here.
        let quote = quote_store::get(conn, tenant_id, None, quote_id)?
            .filter(|q| q.client_id == client.id)
            .ok_or_else(|| ApiError::reference("quote_id", "is not a quote of this client"))?;
        v.set("quote.number", quote.number);
        v.set("quote.title", quote.title);
        v.set("quote.total", f.money(quote.total_minor, &quote.currency));
        v.set("quote.valid_until", f.date(quote.valid_until));
    }
    if let Some(project_id) = about.project_id {
        let (project, _) = project_store::get(conn, tenant_id, Some(&client.id), project_id)?
            .ok_or_else(|| ApiError::reference("project_id", "is not a project of this client"))?;
        v.set("project.name", project.name);
        v.set("project.due_date", project.due_date.map(|d| f.date(d)).unwrap_or_default());
    }
    Ok(v)
}

/// The content with every field resolved; a field whose quote or project was not given is
/// refused, naming what to send.
pub fn render(content: &TemplateContent, values: &Values) -> Result<TemplateContent, ApiError> {
    content.map_texts(|text| values.resolve(text)).map_err(|missing| {
        let (field, what) =
            if missing.starts_with("quote.") { ("quote_id", "quote") } else { ("project_id", "project") };
        ApiError::validation(
            field,
            &format!("is needed: the template uses {{{{{missing}}}}}; choose the {what} it is about"),
        )
    })
}

/// A project made from a project template: the request's fields (its description, when
/// given, over the template's), the template's tasks in order and its deliverables, in one
/// transaction.
pub fn make_project(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    row: &TemplateRow,
    mut new: CreateProject,
) -> Result<ProjectDetail, ApiError> {
    let TemplateContent::Project(content) = row.content()? else {
        return Err(ApiError::Conflict(format!(
            "Template '{}' makes a {}, not a project; use POST /templates/{{id}}/render for it.",
            row.name, row.kind
        )));
    };
    let about = About { client_id: &new.client_id, quote_id: None, project_id: None };
    let values = values(conn, tenant_id, actor, &about)?;
    let TemplateContent::Project(ProjectContent { description, tasks, deliverables }) =
        render(&TemplateContent::Project(content), &values)?
    else {
        unreachable!("a project renders as a project")
    };
    if new.description.is_none() {
        new.description = description;
    }
    let detail = project_actions::create_in(conn, tenant_id, actor, new)?;
    let project = &detail.project.project;
    let at = now();
    for (position, task) in tasks.into_iter().enumerate() {
        let task = TaskRow {
            id: new_id(),
            tenant_id: tenant_id.to_string(),
            project_id: project.id.clone(),
            title: task.title.chars().take(300).collect(),
            status: TaskStatus::Todo.as_str().to_string(),
            position: position as i32,
            due_date: None,
            created_at: at,
            updated_at: at,
        };
        project_store::insert_task(conn, &task)?;
    }
    for deliverable in deliverables {
        let new_row = DeliverableRow {
            id: new_id(),
            tenant_id: tenant_id.to_string(),
            project_id: project.id.clone(),
            title: deliverable.title.chars().take(200).collect(),
            description: deliverable.description,
            status: DeliverableStatus::InProgress.as_str().to_string(),
            round: 0,
            submitted_at: None,
            decided_at: None,
            created_at: at,
            updated_at: at,
        };
        deliverable_store::insert(conn, &new_row)?;
        let subject = Subject { kind: "project", id: &project.id, client_id: Some(&detail.project.client_id) };
        let data = json!({ "name": project.name, "deliverable_id": new_row.id, "title": new_row.title });
        events::record(conn, tenant_id, actor, "deliverable_created", subject, data)?;
    }
    project_actions::detail(conn, tenant_id, &project.id)
}
