//! Intake forms on the web, without login: read a form, send it. Spam meets two brakes: a
//! honeypot field people never see (filled → the same 202 as a success, and nothing is
//! stored, created or sent), and a per-IP hourly limit per portal (429 with Retry-After).
//! Behind a proxy the IP comes from `X-Forwarded-For` when `PORTICO_TRUST_PROXY` says so.

use actix_web::http::header::USER_AGENT;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::TimeDelta;
use utoipa_actix_web::service_config::ServiceConfig;

use super::fields;
use super::intake::{self, Origin};
use super::model::{FormReceived, FormRow, PublicForm, SubmitForm};
use super::store;
use crate::auth::rate_limit::{self, Limit};
use crate::db::DbConn;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::client_ip::client_ip;
use crate::state::AppState;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;

/// Longest user agent kept with a submission.
const MAX_USER_AGENT: usize = 500;
const THANKS: &str = "Thank you! We received your message and will get back to you soon.";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_public_form).service(submit_form);
}

/// The portal and its enabled form at this address, or 404 (a disabled form, another
/// portal's form and no form read the same).
fn public_form(conn: &mut DbConn, slug: &str, form: &str) -> Result<(TenantRow, FormRow), ApiError> {
    let missing = || ApiError::NotFound(format!("There is no form '{form}' here; check the link you followed."));
    let tenant = tenant_store::find_by_slug(conn, &slug.to_ascii_lowercase())?.ok_or_else(missing)?;
    let row = store::by_slug(conn, &tenant.id, form)?.filter(|f| f.enabled).ok_or_else(missing)?;
    Ok((tenant, row))
}

fn received(form: &FormRow) -> HttpResponse {
    let message = form.success_message.clone().unwrap_or_else(|| THANKS.to_string());
    HttpResponse::Accepted().json(FormReceived { message })
}

/// An intake form, to fill in.
#[utoipa::path(
    tag = "portal",
    params(
        ("slug" = String, Path, description = "The portal's slug"),
        ("form" = String, Path, description = "The form's slug"),
    ),
    responses(
        (status = 200, description = "The form", body = PublicForm),
        (status = 404, description = "No such enabled form in this portal", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/portal/{slug}/forms/{form}")]
pub async fn get_public_form(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<web::Json<PublicForm>, ApiError> {
    let (slug, form) = path.into_inner();
    let row = state.db.read(move |conn| public_form(conn, &slug, &form).map(|(_, row)| row)).await?;
    Ok(web::Json(PublicForm { fields: row.fields(), slug: row.slug, title: row.title, description: row.description }))
}

/// Send a form. The answers are checked field by field (422 naming `values.<key>`). The
/// sender becomes a lead of the business (no portal access until they convert it); an email
/// that belongs to a client is not proof, so it too makes a lead, marked "email not
/// verified", and changes nothing about that client. The business is emailed. Leave
/// `website` empty.
#[utoipa::path(
    tag = "portal",
    params(
        ("slug" = String, Path, description = "The portal's slug"),
        ("form" = String, Path, description = "The form's slug"),
    ),
    request_body = SubmitForm,
    responses(
        (status = 202, description = "Received", body = FormReceived),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such enabled form in this portal", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some answers are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many submissions from your address; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/portal/{slug}/forms/{form}/submissions")]
pub async fn submit_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: JsonBody<SubmitForm>,
) -> Result<HttpResponse, ApiError> {
    let (slug, form) = path.into_inner();
    let body = body.into_inner();
    let ip = client_ip(&req).to_string();
    let user_agent: Option<String> = req
        .headers()
        .get(USER_AGENT)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).chars().take(MAX_USER_AGENT).collect());
    let per_hour = state.config.form_submissions_per_ip_per_hour;
    let config = state.config.clone();
    let robot = body.website.as_deref().is_some_and(|w| !w.trim().is_empty());
    let outcome = state
        .db
        .write(move |conn| {
            let (tenant, row) = public_form(conn, &slug, &form)?;
            if robot {
                return Ok(Ok(row));
            }
            let answers = fields::answers(&row.fields(), &body.values)?;
            let limit = Limit { max: per_hour, window: TimeDelta::hours(1), cooldown: None };
            if let Err(wait) = rate_limit::hit(conn, &format!("form-ip:{}:{ip}", tenant.id), limit)? {
                return Ok(Err(wait));
            }
            intake::accept(conn, &config, &tenant, &row, answers, Origin { ip, user_agent })?;
            Ok(Ok(row))
        })
        .await?;
    match outcome {
        Ok(row) => {
            if !robot {
                state.outbox.wake();
            }
            Ok(received(&row))
        }
        Err(wait) => Err(ApiError::RateLimited {
            detail: format!("Too many submissions from your address; you can send the form again in {wait} s."),
            retry_after_secs: wait,
        }),
    }
}
