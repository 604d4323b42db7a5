//! Invoice endpoints for staff and API keys (`billing:read` to look, `billing:write` to
//! change): create (also from an accepted quote), edit a draft, send, void, PDF.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use chrono::{Datelike, NaiveDate, TimeDelta};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::document;
use super::model::{
    CreateInvoice, Invoice, InvoiceChanges, InvoiceLineRow, InvoiceListQuery, InvoicePage, InvoiceRow, InvoiceStatus,
    InvoiceSummary, UpdateInvoice, status_of, today_in,
};
use super::store::{self, ListFilter};
use crate::AppState;
use crate::activity::store::{self as activity_store, Subject};
use crate::auth::{Actor, Caller, Scope};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::schema::projects;
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::download;
use crate::http::page::{PageQuery, next_cursor};
use crate::mail::templates::{self, Brand};
use crate::money::numbering::{self, DocKind};
use crate::money::parties::{self, Frozen};
use crate::money::{Line, format_amount, settings, totals};
use crate::notifications::email::{self, ClientEmail};
use crate::payments::model::Payment;
use crate::payments::store as payment_store;
use crate::staff::store as staff_store;
use crate::tenants::model::utc;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_invoices)
        .service(create_invoice)
        .service(invoice_quote)
        .service(get_invoice)
        .service(update_invoice)
        .service(send_invoice)
        .service(void_invoice)
        .service(get_invoice_pdf);
}

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no invoice '{id}'."))
}

/// The invoice's page in the client's portal.
pub fn portal_link(config: &Config, tenant_slug: &str, invoice_id: &str) -> String {
    config.public(&format!("/portal/{tenant_slug}/invoices/{invoice_id}"))
}

/// Today in the tenant's time zone.
pub fn tenant_today(conn: &mut DbConn, tenant_id: &str) -> Result<NaiveDate, ApiError> {
    Ok(today_in(&tenant_store::get(conn, tenant_id)?.timezone))
}

/// The invoice with its client, lines, totals and payments.
pub fn detail(conn: &mut DbConn, row: InvoiceRow, today: NaiveDate) -> Result<Invoice, ApiError> {
    let frozen = Frozen::unless_draft(row.status == InvoiceStatus::Draft.as_str(), &row.addressee, &row.issuer);
    let client = parties::addressee(conn, &row.tenant_id, &row.client_id, &frozen)?;
    let lines: Vec<Line> = store::lines(conn, &row.tenant_id, &row.id)?.iter().map(InvoiceLineRow::line).collect();
    let payments = payment_store::for_invoice(conn, &row.tenant_id, &row.id)?.into_iter().map(Payment::from).collect();
    Ok(Invoice {
        status: status_of(&row.status),
        overdue: row.overdue(today),
        due_minor: row.due_minor(),
        totals: totals(&lines),
        lines,
        payments,
        client,
        id: row.id,
        number: row.number,
        title: row.title,
        notes: row.notes,
        staff_id: row.staff_id,
        currency: row.currency,
        issue_date: row.issue_date,
        due_date: row.due_date,
        paid_minor: row.paid_minor,
        quote_id: row.quote_id,
        project_id: row.project_id,
        sent_at: row.sent_at.map(utc),
        paid_at: row.paid_at.map(utc),
        voided_at: row.voided_at.map(utc),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

/// An invoice of the staff member's tenant, or 404.
pub fn staff_invoice(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<InvoiceRow, ApiError> {
    store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))
}

fn staff_detail(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<Invoice, ApiError> {
    let row = staff_invoice(conn, tenant_id, id)?;
    let today = tenant_today(conn, tenant_id)?;
    detail(conn, row, today)
}

/// A 409 that says where the invoice stands.
fn refused(conn: &mut DbConn, tenant_id: &str, id: &str, action: &str, why: &str) -> ApiError {
    match store::get(conn, tenant_id, None, id) {
        Ok(Some(row)) => ApiError::Conflict(format!(
            "Invoice {} {} and cannot be {action}{why}.",
            row.number,
            status_of(&row.status).phrase()
        )),
        Ok(None) => not_found(id),
        Err(e) => e.into(),
    }
}

/// Emails the invoice's client (unless archived), with a button to it in the portal.
pub fn email_client(
    conn: &mut DbConn,
    config: &Config,
    invoice: &InvoiceRow,
    heading: &str,
    lines: &[&str],
    button: &str,
) -> Result<(), ApiError> {
    let client = client_store::get(conn, &invoice.tenant_id, &invoice.client_id)?;
    let Some(client) = client.filter(|c| c.status != ClientStatus::Archived.as_str()) else { return Ok(()) };
    let tenant = tenant_store::get(conn, &invoice.tenant_id)?;
    let link = portal_link(config, &tenant.slug, &invoice.id);
    let mail = templates::notice(&Brand::of(&tenant), &client.email, heading, lines, button, &link);
    // An invoice and its receipt are owed to the client whatever their email preference.
    email::send(conn, config, &tenant, &client, ClientEmail::Essential, mail)?;
    Ok(())
}

/// What a new draft holds, from a request or a quote.
pub struct Draft {
    pub client_id: String,
    pub staff_id: Option<String>,
    pub project_id: Option<String>,
    pub quote_id: Option<String>,
    pub title: String,
    pub notes: Option<String>,
    pub currency: Option<String>,
    pub issue_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub lines: Vec<Line>,
}

fn check_staff(conn: &mut DbConn, tenant_id: &str, staff_id: Option<&str>) -> Result<(), ApiError> {
    match staff_id {
        Some(id) if staff_store::get(conn, tenant_id, id)?.is_none() => {
            Err(ApiError::reference("staff_id", "is not a staff member of your business"))
        }
        _ => Ok(()),
    }
}

/// The project must be one of this client's, in this tenant.
fn check_project(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    project_id: Option<&str>,
) -> Result<(), ApiError> {
    use diesel::prelude::*;
    let Some(id) = project_id else { return Ok(()) };
    let n: i64 = projects::table
        .filter(projects::tenant_id.eq(tenant_id))
        .filter(projects::client_id.eq(client_id))
        .filter(projects::id.eq(id))
        .count()
        .get_result(conn)?;
    // Another client's project is as unknown here as no project at all: 404, naming the field.
    if n == 0 { Err(ApiError::reference("project_id", "is not a project of this client")) } else { Ok(()) }
}

/// Creates a numbered draft and its activity entry in the caller's transaction.
pub fn create_in(conn: &mut DbConn, tenant_id: &str, actor: &Actor, draft: Draft) -> Result<InvoiceRow, ApiError> {
    let client = client_store::get(conn, tenant_id, &draft.client_id)?
        .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
    if client.status == ClientStatus::Archived.as_str() {
        return Err(ApiError::Conflict("The client named in 'client_id' is archived; restore them first.".into()));
    }
    check_staff(conn, tenant_id, draft.staff_id.as_deref())?;
    check_project(conn, tenant_id, &client.id, draft.project_id.as_deref())?;
    let tenant = tenant_store::get(conn, tenant_id)?;
    let billing = settings::load(conn, tenant_id)?;
    let today = today_in(&tenant.timezone);
    let issue_date = draft.issue_date.unwrap_or(today);
    let due_date = draft.due_date.unwrap_or(issue_date + TimeDelta::days(i64::from(billing.payment_terms_days)));
    if due_date < issue_date {
        return Err(ApiError::validation("due_date", "must not be before issue_date"));
    }
    let number = numbering::next_number(conn, tenant_id, DocKind::Invoice, &billing.invoice_prefix, today.year())?;
    let sums = totals(&draft.lines);
    let at = now();
    let row = InvoiceRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        client_id: client.id.clone(),
        staff_id: draft.staff_id,
        number,
        title: draft.title.trim().to_string(),
        notes: crate::rules::tidy(draft.notes),
        currency: draft.currency.unwrap_or(tenant.currency),
        issue_date,
        due_date,
        status: InvoiceStatus::Draft.as_str().to_string(),
        subtotal_minor: sums.subtotal_minor,
        tax_minor: sums.tax_minor,
        total_minor: sums.total_minor,
        paid_minor: 0,
        quote_id: draft.quote_id,
        project_id: draft.project_id,
        sent_at: None,
        first_viewed_at: None,
        paid_at: None,
        voided_at: None,
        created_at: at,
        updated_at: at,
        addressee: None,
        issuer: None,
    };
    let lines: Vec<InvoiceLineRow> =
        draft.lines.iter().enumerate().map(|(i, l)| InvoiceLineRow::of(l, tenant_id, &row.id, i)).collect();
    store::insert(conn, &row, &lines)?;
    // A draft is the business's own business: the entry stays off the client's timeline.
    let subject = Subject { kind: "invoice", id: &row.id, client_id: None };
    let data =
        json!({ "number": row.number, "title": row.title, "quote_id": row.quote_id, "total_minor": row.total_minor });
    activity_store::record(conn, tenant_id, actor, "created", subject, data)?;
    Ok(row)
}

fn created(invoice: Invoice) -> HttpResponse {
    HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/invoices/{}", invoice.id))).json(invoice)
}

/// List invoices, newest first, keyset-paginated.
#[utoipa::path(
    tag = "invoices",
    params(InvoiceListQuery),
    responses(
        (status = 200, description = "A page of invoices", body = InvoicePage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:read`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/invoices")]
pub async fn list_invoices(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<InvoiceListQuery>,
) -> Result<web::Json<InvoicePage>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let query = query.into_inner();
    let page = PageQuery { limit: query.limit.clone(), cursor: query.cursor.clone() };
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses = match query.status.as_deref() {
        None | Some("") => vec![],
        Some(s) => match InvoiceStatus::parse(s) {
            Some(status) => vec![status.as_str()],
            None => {
                return Err(ApiError::BadRequest(format!(
                    "'status' must be draft, sent, partially_paid, paid or void, not '{s}'."
                )));
            }
        },
    };
    let overdue = match query.overdue.as_deref() {
        None | Some("") => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => return Err(ApiError::BadRequest(format!("'overdue' must be true or false, not '{other}'."))),
    };
    if query.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        return Err(ApiError::BadRequest("'q' must be at most 200 characters.".into()));
    }
    let (mut rows, today) = state
        .db
        .read(move |conn| {
            let today = tenant_today(conn, &caller.tenant_id)?;
            let filter = ListFilter {
                statuses,
                client_id: query.client_id,
                sent_only: false,
                overdue,
                today,
                q: query.q,
                before_id,
                limit: limit + 1,
            };
            Ok((store::list(conn, &caller.tenant_id, &filter)?, today))
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |(last, _)| vec![&last.id]);
    let items = rows.into_iter().map(|(row, name)| InvoiceSummary::of(row, name, today)).collect();
    Ok(web::Json(InvoicePage { items, next_cursor }))
}

/// Create an invoice: a numbered draft (`INV-2026-0001`, the prefix from the billing
/// settings), totalled on the server.
#[utoipa::path(
    tag = "invoices",
    request_body = CreateInvoice,
    responses(
        (status = 201, description = "The draft invoice", body = Invoice,
            headers(("Location" = String, description = "URL of the new invoice"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the client, staff member or project is unknown", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/invoices")]
pub async fn create_invoice(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateInvoice>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let new = body.into_inner();
    let invoice = state
        .db
        .write(move |conn| {
            let draft = Draft {
                client_id: new.client_id,
                staff_id: new.staff_id,
                project_id: new.project_id,
                quote_id: None,
                title: new.title,
                notes: new.notes,
                currency: new.currency,
                issue_date: new.issue_date,
                due_date: new.due_date,
                lines: new.lines.iter().map(Line::of).collect(),
            };
            let row = create_in(conn, &caller.tenant_id, &caller.actor, draft)?;
            staff_detail(conn, &caller.tenant_id, &row.id)
        })
        .await?;
    Ok(created(invoice))
}

/// Invoice an accepted quote: a draft invoice for its client with its lines, currency and
/// project, linked to the quote.
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The quote's id")),
    responses(
        (status = 201, description = "The draft invoice", body = Invoice,
            headers(("Location" = String, description = "URL of the new invoice"))),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not accepted, or already invoiced (void that invoice first)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The quote's client is archived", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/quotes/{id}/invoice")]
pub async fn invoice_quote(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let invoice = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let quote = store::quote_for_invoice(conn, tenant_id, &id)?
                .ok_or_else(|| ApiError::NotFound(format!("There is no quote '{id}'.")))?;
            if quote.status != "accepted" {
                return Err(ApiError::Conflict(format!(
                    "Quote {} is {}, not accepted: only an accepted quote can be invoiced.",
                    quote.number,
                    quote.status.replace('_', " ")
                )));
            }
            if let Some(number) = store::invoice_of_quote(conn, tenant_id, &quote.id)? {
                return Err(ApiError::Conflict(format!(
                    "Quote {} is already invoiced as {number}; void that invoice first to invoice the quote again.",
                    quote.number
                )));
            }
            let draft = Draft {
                client_id: quote.client_id,
                staff_id: quote.staff_id,
                project_id: quote.project_id,
                quote_id: Some(quote.id),
                title: quote.title,
                notes: quote.notes,
                currency: Some(quote.currency),
                issue_date: None,
                due_date: None,
                lines: quote.lines,
            };
            let row = create_in(conn, tenant_id, &caller.actor, draft)?;
            staff_detail(conn, tenant_id, &row.id)
        })
        .await?;
    Ok(created(invoice))
}

/// One invoice with its lines, totals and payments.
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id")),
    responses(
        (status = 200, description = "The invoice", body = Invoice),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:read`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/invoices/{id}")]
pub async fn get_invoice(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Invoice>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let id = id.into_inner();
    let invoice = state.db.read(move |conn| staff_detail(conn, &caller.tenant_id, &id)).await?;
    Ok(web::Json(invoice))
}

/// Change a draft invoice. Once sent it is fixed: void it and write a new one.
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id")),
    request_body = UpdateInvoice,
    responses(
        (status = 200, description = "The invoice as changed", body = Invoice),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The invoice is not a draft", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/invoices/{id}")]
pub async fn update_invoice(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateInvoice>,
) -> Result<web::Json<Invoice>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let invoice = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let current = staff_invoice(conn, tenant_id, &id)?;
            if current.status != InvoiceStatus::Draft.as_str() {
                return Err(refused(conn, tenant_id, &id, "edited", "; only a draft can be changed"));
            }
            let issue = update.issue_date.unwrap_or(current.issue_date);
            let due = update.due_date.unwrap_or(current.due_date);
            if due < issue {
                return Err(ApiError::validation("due_date", "must not be before issue_date"));
            }
            if let Some(staff_id) = &update.staff_id {
                check_staff(conn, tenant_id, staff_id.as_deref())?;
            }
            if let Some(project_id) = &update.project_id {
                check_project(conn, tenant_id, &current.client_id, project_id.as_deref())?;
            }
            let lines: Option<Vec<Line>> = update.lines.as_ref().map(|l| l.iter().map(Line::of).collect());
            let sums = lines.as_deref().map(totals);
            let changes = InvoiceChanges {
                title: update.title.map(|t| t.trim().to_string()),
                notes: update.notes.map(crate::rules::tidy),
                currency: update.currency,
                issue_date: update.issue_date,
                due_date: update.due_date,
                staff_id: update.staff_id,
                project_id: update.project_id,
                subtotal_minor: sums.as_ref().map(|s| s.subtotal_minor),
                tax_minor: sums.as_ref().map(|s| s.tax_minor),
                total_minor: sums.as_ref().map(|s| s.total_minor),
                updated_at: now(),
            };
            if store::update_draft(conn, tenant_id, &id, &changes)? == 0 {
                return Err(refused(conn, tenant_id, &id, "edited", "; only a draft can be changed"));
            }
            if let Some(lines) = &lines {
                let rows: Vec<InvoiceLineRow> =
                    lines.iter().enumerate().map(|(i, l)| InvoiceLineRow::of(l, tenant_id, &id, i)).collect();
                store::replace_lines(conn, tenant_id, &id, &rows)?;
            }
            let subject = Subject { kind: "invoice", id: &id, client_id: None };
            activity_store::record(
                conn,
                tenant_id,
                &caller.actor,
                "updated",
                subject,
                json!({ "number": current.number }),
            )?;
            staff_detail(conn, tenant_id, &id)
        })
        .await?;
    Ok(web::Json(invoice))
}

/// Send a draft to the client: it appears in their portal and they are emailed a link.
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id")),
    responses(
        (status = 200, description = "The invoice, sent", body = Invoice),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The invoice is not a draft", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/invoices/{id}/send")]
pub async fn send_invoice(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Invoice>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let config = state.config.clone();
    let invoice = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let row = staff_invoice(conn, tenant_id, &id)?;
            let frozen = parties::freeze(conn, tenant_id, &row.client_id)?;
            if store::mark_sent(conn, tenant_id, &id, now(), frozen)? == 0 {
                return Err(refused(conn, tenant_id, &id, "sent", "; only a draft can be sent"));
            }
            let subject = Subject { kind: "invoice", id: &row.id, client_id: Some(&row.client_id) };
            let data = json!({ "number": row.number, "total_minor": row.total_minor, "currency": row.currency });
            activity_store::record(conn, tenant_id, &caller.actor, "sent", subject, data)?;
            let heading = format!("Invoice {}: {}", row.number, row.title);
            let first = format!(
                "{} is due by {}.",
                format_amount(row.total_minor, &row.currency),
                row.due_date.format("%-d %B %Y")
            );
            email_client(conn, &config, &row, &heading, &[&first], "View the invoice")?;
            staff_detail(conn, tenant_id, &id)
        })
        .await?;
    Ok(web::Json(invoice))
}

/// Void an invoice: a draft, or a sent one on which nothing was paid. Its number stays
/// used; nothing is due any more.
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id")),
    responses(
        (status = 200, description = "The invoice, void", body = Invoice),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Payments were recorded on it, or it is already void", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/invoices/{id}/void")]
pub async fn void_invoice(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Invoice>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let invoice = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let row = staff_invoice(conn, tenant_id, &id)?;
            if store::mark_void(conn, tenant_id, &id, now())? == 0 {
                let why = if row.paid_minor > 0 { "; payments were recorded on it" } else { "" };
                return Err(refused(conn, tenant_id, &id, "voided", why));
            }
            // A voided draft never reached the client; a voided sent invoice did.
            let visible = row.status != InvoiceStatus::Draft.as_str();
            let subject =
                Subject { kind: "invoice", id: &row.id, client_id: visible.then_some(row.client_id.as_str()) };
            activity_store::record(conn, tenant_id, &caller.actor, "voided", subject, json!({ "number": row.number }))?;
            staff_detail(conn, tenant_id, &id)
        })
        .await?;
    Ok(web::Json(invoice))
}

/// The invoice as a PDF, in the business's branding: the same bytes the client downloads.
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id")),
    responses(
        (status = 200, description = "The PDF (`INV-2026-0001.pdf`)", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "Missing, invalid or revoked credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `billing:read`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed authentications from this address", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/invoices/{id}/pdf")]
pub async fn get_invoice_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingRead)?;
    let id = id.into_inner();
    let (filename, bytes) = state
        .db
        .read(move |conn| {
            let row = staff_invoice(conn, &caller.tenant_id, &id)?;
            document::render(conn, row)
        })
        .await?;
    Ok(download::pdf(&filename, bytes))
}
