//! Invoices as the logged-in client sees them: every one of theirs except drafts, with the
//! payments received and, when something is due, the ways to pay online.

use actix_web::{HttpResponse, get, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{client_invoice, detail, pay_with, tenant_today};
use super::document;
use super::model::{InvoicePage, InvoiceStatus, InvoiceSummary, PortalInvoice, PortalInvoiceListQuery};
use super::store::{self, ListFilter};
use crate::activity::store::Subject;
use crate::auth::{Actor, ClientPrincipal};
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::download;
use crate::http::page::{PageQuery, next_cursor};
use crate::i18n::LanguageQuery;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_invoices).service(get_portal_invoice).service(get_portal_invoice_pdf);
}

/// Your invoices, newest first: all but drafts.
#[utoipa::path(
    tag = "client-portal",
    params(PortalInvoiceListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of your invoices", body = InvoicePage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/invoices")]
pub async fn list_portal_invoices(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    query: web::Query<PortalInvoiceListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<InvoicePage>, ApiError> {
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let statuses = match query.state.as_deref() {
        None | Some("") | Some("all") => InvoiceStatus::VISIBLE.to_vec(),
        Some("unpaid") => InvoiceStatus::UNPAID.to_vec(),
        Some("paid") => vec!["paid"],
        Some(other) => {
            return Err(ApiError::BadRequest(format!("'state' must be 'unpaid', 'paid' or 'all', not '{other}'.")));
        }
    };
    let (mut rows, today) = state
        .db
        .read(move |conn| {
            let today = tenant_today(conn, &who.tenant_id)?;
            let filter = ListFilter {
                statuses,
                client_id: Some(who.client_id),
                sent_only: true,
                overdue: None,
                today,
                q: None,
                before_id,
                limit: limit + 1,
            };
            Ok((store::list(conn, &who.tenant_id, &filter)?, today))
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |(last, _)| vec![&last.id]);
    let items = rows.into_iter().map(|(row, name)| InvoiceSummary::of(row, name, today)).collect();
    Ok(web::Json(InvoicePage { items, next_cursor }))
}

/// One of your invoices with its lines, payments and what is still due. Opening it the
/// first time lets the business know you saw it.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The invoice's id")),
    responses(
        (status = 200, description = "The invoice", body = PortalInvoice),
        (status = 404, description = "You have no such invoice", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/invoices/{id}")]
pub async fn get_portal_invoice(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalInvoice>, ApiError> {
    let id = id.into_inner();
    let (tenant_id, client_id) = (who.tenant_id.clone(), who.client_id.clone());
    let row = state.db.read(move |conn| client_invoice(conn, &tenant_id, &client_id, &id)).await?;
    // Staff viewing the portal as the client are not the client: no view is recorded.
    if row.first_viewed_at.is_none() && who.impersonated_by.is_none() {
        let (tenant_id, client_id) = (who.tenant_id.clone(), who.client_id.clone());
        let (id, number) = (row.id.clone(), row.number.clone());
        state
            .db
            .write(move |conn| {
                if store::mark_viewed(conn, &tenant_id, &id, now())? == 1 {
                    let subject = Subject { kind: "invoice", id: &id, client_id: Some(&client_id) };
                    let actor = Actor::Client { id: client_id.clone() };
                    events::record(conn, &tenant_id, &actor, "viewed", subject, json!({ "number": number }))?;
                }
                Ok(())
            })
            .await?;
    }
    let invoice = state
        .db
        .read(move |conn| {
            let today = tenant_today(conn, &row.tenant_id)?;
            let pay_with = pay_with(conn, &row)?;
            Ok(PortalInvoice { invoice: detail(conn, row, today)?, pay_with })
        })
        .await?;
    Ok(web::Json(invoice))
}

/// One of your invoices as a PDF: the same document the business sees.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The invoice's id"), LanguageQuery),
    responses(
        (status = 200, description = "The PDF (`INV-2026-0001.pdf`)", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "You have no such invoice", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/invoices/{id}/pdf")]
pub async fn get_portal_invoice_pdf(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    lang: web::Query<LanguageQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (filename, bytes) = state
        .db
        .read(move |conn| {
            let row = client_invoice(conn, &who.tenant_id, &who.client_id, &id)?;
            document::render(conn, row, lang.lang)
        })
        .await?;
    Ok(download::pdf(&filename, bytes))
}
