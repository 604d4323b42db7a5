//! What invoice use cases do, for the staff routes, the portal and payments: find an invoice
//! in the caller's reach, build its detail, create one, email its client.

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde_json::json;

use super::model::Payment;
use super::model::{Invoice, InvoiceLineRow, InvoiceRow, InvoiceStatus, status_of, today_in};
use super::store::{self};
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::email::{self, ClientEmail};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::utc;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::i18n::Formats;
use crate::mail::templates::{self, Words};
use crate::money::numbering::{self, DocKind};
use crate::money::store as billing_store;
use crate::money::{Line, totals};
use crate::parties::{self, Frozen};
use crate::projects::store as project_store;
use crate::staff::store as staff_store;
use crate::tenants::store as tenant_store;

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
    let payments = store::payments_of(conn, &row.tenant_id, &row.id)?.into_iter().map(Payment::from).collect();
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

pub fn staff_detail(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<Invoice, ApiError> {
    let row = staff_invoice(conn, tenant_id, id)?;
    let today = tenant_today(conn, tenant_id)?;
    detail(conn, row, today)
}

/// A 409 that says where the invoice stands.
pub fn refused(conn: &mut DbConn, tenant_id: &str, id: &str, action: &str, why: &str) -> ApiError {
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
/// `words` writes it in the client's language and formats.
pub fn email_client(
    conn: &mut DbConn,
    config: &Config,
    invoice: &InvoiceRow,
    words: impl Fn(Formats) -> Words,
) -> Result<(), ApiError> {
    let client = client_store::get(conn, &invoice.tenant_id, &invoice.client_id)?;
    let Some(client) = client.filter(|c| c.status != ClientStatus::Archived.as_str()) else { return Ok(()) };
    let tenant = tenant_store::get(conn, &invoice.tenant_id)?;
    let link = portal_link(config, &tenant.slug, &invoice.id);
    let lang = tenant.language_for(client.language.as_deref());
    let words = words(Formats::new(lang, &tenant.locale));
    let mail = templates::notice(&tenant.brand(), lang, &client.email, &words, &link);
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

/// The project must be one of this client's, in this tenant.
pub fn check_project(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    project_id: Option<&str>,
) -> Result<(), ApiError> {
    let Some(id) = project_id else { return Ok(()) };
    let n = usize::from(project_store::get(conn, tenant_id, Some(client_id), id)?.is_some());
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
    staff_store::ensure_member(conn, tenant_id, draft.staff_id.as_deref())?;
    check_project(conn, tenant_id, &client.id, draft.project_id.as_deref())?;
    let tenant = tenant_store::get(conn, tenant_id)?;
    let billing = billing_store::load(conn, tenant_id)?;
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
    events::record(conn, tenant_id, actor, "created", subject, data)?;
    Ok(row)
}

/// One of the client's own invoices, never a draft; anything else reads as not found.
pub fn client_invoice(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str) -> Result<InvoiceRow, ApiError> {
    store::get(conn, tenant_id, Some(client_id), id)?.ok_or_else(|| not_found(id))
}

/// The providers a client may pay this invoice with: the enabled ones, when money is due.
pub fn pay_with(conn: &mut DbConn, row: &InvoiceRow) -> Result<Vec<String>, ApiError> {
    if !InvoiceStatus::UNPAID.contains(&row.status.as_str()) || row.due_minor() <= 0 {
        return Ok(vec![]);
    }
    Ok(store::enabled_providers(conn, &row.tenant_id)?)
}
