//! `POST /clients/{id}/emails`: an email a staff member writes to a client by hand (often
//! from an email template), sent through the outbox in the business's name and logged in
//! the client's activity.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use super::actions::not_found;
use super::email::{self as client_email, ClientEmail};
use super::model::ClientStatus;
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Actor, Caller, Scope};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::mail::templates;
use crate::rules;
use crate::staff::store as staff_store;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(email_client);
}

/// What staff write.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendEmail {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, example = "Your project starts Monday")]
    pub subject: String,
    /// Plain text; a blank line starts a new paragraph.
    #[validate(
        length(min = 1, max = 20000, message = "must be 1 to 20000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 20000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub body: String,
}

/// Email the client: your subject and text, signed with your name, with a button to their
/// portal. Sent whatever their notice preference (a person wrote it; only automatic notices
/// can be turned off), queued and retried like every email, and logged in their activity.
#[utoipa::path(
    tag = "clients",
    params(("id" = String, Path, description = "The client's id")),
    request_body = SendEmail,
    responses(
        (status = 202, description = "Queued for sending"),
        (status = 404, description = "No such client in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client is archived", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/clients/{id}/emails")]
pub async fn email_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<SendEmail>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let SendEmail { subject, body } = body.into_inner();
    let config = state.config.clone();
    state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let client = store::get(conn, tenant_id, &id)?.ok_or_else(|| not_found(&id))?;
            if client.status == ClientStatus::Archived.as_str() {
                return Err(ApiError::Conflict("This client is archived; restore them before writing to them.".into()));
            }
            let tenant = tenant_store::get(conn, tenant_id)?;
            let sender = match &caller.actor {
                Actor::Staff { id } => staff_store::get(conn, tenant_id, id)?.map(|s| s.name),
                _ => None,
            }
            .unwrap_or_else(|| tenant.name.clone());
            let link = config.public(&format!("/portal/{}", tenant.slug));
            let lang = tenant.language_for(client.language.as_deref());
            let subject = subject.trim();
            let mail = templates::personal(&tenant.brand(), lang, &client.email, (subject, &body, &sender), &link);
            client_email::send(conn, &config, &tenant, &client, ClientEmail::Essential, mail)?;
            let about = Subject { kind: "client", id: &client.id, client_id: Some(&client.id) };
            events::record(conn, tenant_id, &caller.actor, "emailed", about, json!({ "subject": subject }))?;
            Ok(())
        })
        .await?;
    state.outbox.wake();
    Ok(HttpResponse::Accepted().finish())
}
