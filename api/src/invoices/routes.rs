//! Invoice endpoints for staff and API keys (`billing:read` to look, `billing:write` to
//! change): create (also from an accepted quote), edit a draft, send, void, PDF.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{
    Draft, check_project, create_in, detail, email_client, refused, staff_detail, staff_invoice, tenant_today,
};
use super::document;
use super::ledger::{self, NewPayment};
use super::model::RecordPayment;
use super::model::{
    CreateInvoice, Invoice, InvoiceChanges, InvoiceLineRow, InvoiceListQuery, InvoicePage, InvoiceStatus,
    InvoiceSummary, UpdateInvoice,
};
use super::store::{self, ListFilter};
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::download;
use crate::http::page::{PageQuery, next_cursor};
use crate::i18n::LanguageQuery;
use crate::mail::templates::Words;
use crate::money::{Line, totals};
use crate::parties::{self};
use crate::staff::store as staff_store;
use crate::state::AppState;
use crate::tr;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_invoices)
        .service(record_payment)
        .service(create_invoice)
        .service(invoice_quote)
        .service(get_invoice)
        .service(update_invoice)
        .service(send_invoice)
        .service(void_invoice)
        .service(get_invoice_pdf);
}

fn created(invoice: Invoice) -> HttpResponse {
    HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/invoices/{}", invoice.id))).json(invoice)
}

/// List invoices, newest first, keyset-paginated.
#[utoipa::path(
    tag = "invoices",
    params(InvoiceListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of invoices", body = InvoicePage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/invoices")]
pub async fn list_invoices(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<InvoiceListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<InvoicePage>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses: Vec<&str> =
        InvoiceStatus::filter("status", query.status.as_deref())?.map(InvoiceStatus::as_str).into_iter().collect();
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
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the client, staff member or project is unknown", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
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
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not accepted, or already invoiced (void that invoice first)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The quote's client is archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
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
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
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
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The invoice is not a draft", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
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
                staff_store::ensure_member(conn, tenant_id, staff_id.as_deref())?;
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
            events::record(conn, tenant_id, &caller.actor, "updated", subject, json!({ "number": current.number }))?;
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
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The invoice is not a draft", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
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
            events::record(conn, tenant_id, &caller.actor, "sent", subject, data)?;
            email_client(conn, &config, &row, |f| Words {
                heading: tr!(f.language, "invoice-sent-heading", number = &row.number, title = &row.title),
                lines: vec![tr!(
                    f.language,
                    "invoice-sent-line",
                    amount = f.money(row.total_minor, &row.currency),
                    due = f.date(row.due_date)
                )],
                button: tr!(f.language, "invoice-sent-button"),
            })?;
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
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Payments were recorded on it, or it is already void", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
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
            events::record(conn, tenant_id, &caller.actor, "voided", subject, json!({ "number": row.number }))?;
            staff_detail(conn, tenant_id, &id)
        })
        .await?;
    Ok(web::Json(invoice))
}

/// The invoice as a PDF, in the business's branding: the same bytes the client downloads.
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id"), LanguageQuery),
    responses(
        (status = 200, description = "The PDF (`INV-2026-0001.pdf`)", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/invoices/{id}/pdf")]
pub async fn get_invoice_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    lang: web::Query<LanguageQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingRead)?;
    let id = id.into_inner();
    let (filename, bytes) = state
        .db
        .read(move |conn| {
            let row = staff_invoice(conn, &caller.tenant_id, &id)?;
            document::render(conn, row, lang.lang)
        })
        .await?;
    Ok(download::pdf(&filename, bytes))
}

/// Record a payment received by hand (bank transfer, cash, card, other) — all of what is
/// due, or part of it. The invoice becomes partially paid, or paid (and the client gets a
/// receipt by email).
#[utoipa::path(
    tag = "invoices",
    params(("id" = String, Path, description = "The invoice's id")),
    request_body = RecordPayment,
    responses(
        (status = 201, description = "The invoice with the payment", body = Invoice),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The invoice is a draft, paid or void", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the amount is more than is due (the detail says how much is)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[post("/invoices/{id}/payments")]
pub async fn record_payment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<RecordPayment>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let new = body.into_inner();
    let config = state.config.clone();
    let invoice = state
        .db
        .write(move |conn| {
            let tenant_id = &caller.tenant_id;
            let row = staff_invoice(conn, tenant_id, &id)?;
            let payment = NewPayment {
                amount_minor: new.amount_minor,
                currency: row.currency.clone(),
                method: new.method.method(),
                reference: crate::rules::tidy(new.reference),
                provider_ref: None,
                received_at: new.received_at.map(|t| t.naive_utc()).unwrap_or_else(now),
            };
            if let Err(refusal) = ledger::apply(conn, &config, &caller.actor, &row, payment)? {
                return Err(refusal.into_error(&row));
            }
            let today = tenant_today(conn, tenant_id)?;
            let row = staff_invoice(conn, tenant_id, &id)?;
            detail(conn, row, today)
        })
        .await?;
    Ok(HttpResponse::Created().json(invoice))
}
