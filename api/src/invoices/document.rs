//! The invoice's PDF: everything `pdf::document` prints, gathered from the rows. The same
//! input (and so the same bytes) for staff and client.

use super::actions::tenant_today;
use super::model::PaymentMethod;
use super::model::{InvoiceLineRow, InvoiceRow, InvoiceStatus, status_of};
use super::store;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::i18n::Language;
use crate::money::{Line, totals};
use crate::parties::{self, Frozen};
use crate::pdf::{self, DocumentKind, DocumentPdf, Stamp};
use crate::tr;

/// The stamp across the page: what a reader must not miss.
pub fn stamp(row: &InvoiceRow, overdue: bool) -> Option<Stamp> {
    match status_of(&row.status) {
        InvoiceStatus::Paid => Some(Stamp::Paid),
        InvoiceStatus::Void => Some(Stamp::Void),
        _ if overdue => Some(Stamp::Overdue),
        _ => None,
    }
}

/// The PDF's input for an invoice, in the language asked for (else the client's).
pub fn input(conn: &mut DbConn, row: &InvoiceRow, lang: Option<Language>) -> Result<DocumentPdf, ApiError> {
    let f = parties::reader(conn, &row.tenant_id, &row.client_id, lang)?;
    let language = f.language;
    let frozen = Frozen::unless_draft(row.status == InvoiceStatus::Draft.as_str(), &row.addressee, &row.issuer);
    let parties = parties::of_document(conn, &row.tenant_id, &row.client_id, &frozen)?;
    let lines: Vec<Line> = store::lines(conn, &row.tenant_id, &row.id)?.iter().map(InvoiceLineRow::line).collect();
    let payments = store::payments_of(conn, &row.tenant_id, &row.id)?
        .into_iter()
        .map(|p| {
            let method = PaymentMethod::parse(&p.method).map(|m| m.label(language)).unwrap_or_default();
            (format!("{} · {method}", f.date(p.received_at.date())), f.money(p.amount_minor, &p.currency))
        })
        .collect();
    let today = tenant_today(conn, &row.tenant_id)?;
    Ok(DocumentPdf {
        id: row.id.clone(),
        kind: DocumentKind::Invoice,
        number: row.number.clone(),
        title: row.title.clone(),
        stamp: stamp(row, row.overdue(today)),
        letterhead: parties.issuer.letterhead(),
        bill_to: parties.addressee.lines(),
        facts: vec![
            (tr!(language, "pdf-issue-date"), f.date(row.issue_date)),
            (tr!(language, "pdf-due-date"), f.date(row.due_date)),
        ],
        currency: row.currency.clone(),
        totals: totals(&lines),
        lines,
        payments,
        amount_due: Some(f.money(row.due_minor(), &row.currency)),
        notes: row.notes.clone(),
        updated_at: row.updated_at,
        formats: f,
    })
}

/// `(file name, PDF bytes)`.
pub fn render(conn: &mut DbConn, row: InvoiceRow, lang: Option<Language>) -> Result<(String, Vec<u8>), ApiError> {
    let doc = input(conn, &row, lang)?;
    Ok((format!("{}.pdf", row.number), pdf::document(&doc)))
}
