//! The invoice's PDF: everything `pdf::document` prints, gathered from the rows. The same
//! input (and so the same bytes) for staff and client.

use super::actions::tenant_today;
use super::model::PaymentMethod;
use super::model::{InvoiceLineRow, InvoiceRow, InvoiceStatus, status_of};
use super::store;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::money::{Line, format_amount, totals};
use crate::parties::{self, Frozen};
use crate::pdf::{self, DocumentPdf};

/// The stamp across the page: what a reader must not miss.
pub fn stamp(row: &InvoiceRow, overdue: bool) -> Option<String> {
    match status_of(&row.status) {
        InvoiceStatus::Paid => Some("PAID".into()),
        InvoiceStatus::Void => Some("VOID".into()),
        _ if overdue => Some("OVERDUE".into()),
        _ => None,
    }
}

/// The PDF's input for an invoice.
pub fn input(conn: &mut DbConn, row: &InvoiceRow) -> Result<DocumentPdf, ApiError> {
    let frozen = Frozen::unless_draft(row.status == InvoiceStatus::Draft.as_str(), &row.addressee, &row.issuer);
    let parties = parties::of_document(conn, &row.tenant_id, &row.client_id, &frozen)?;
    let lines: Vec<Line> = store::lines(conn, &row.tenant_id, &row.id)?.iter().map(InvoiceLineRow::line).collect();
    let payments = store::payments_of(conn, &row.tenant_id, &row.id)?
        .into_iter()
        .map(|p| {
            let method = PaymentMethod::parse(&p.method).map(PaymentMethod::label).unwrap_or("Payment");
            (format!("{} · {method}", p.received_at.date()), format_amount(p.amount_minor, &p.currency))
        })
        .collect();
    let today = tenant_today(conn, &row.tenant_id)?;
    Ok(DocumentPdf {
        id: row.id.clone(),
        kind: "Invoice".into(),
        number: row.number.clone(),
        title: row.title.clone(),
        stamp: stamp(row, row.overdue(today)),
        letterhead: parties.issuer.letterhead(),
        bill_to: parties.addressee.lines(),
        facts: vec![("Issue date".into(), row.issue_date.to_string()), ("Due date".into(), row.due_date.to_string())],
        currency: row.currency.clone(),
        totals: totals(&lines),
        lines,
        payments,
        amount_due: Some(format_amount(row.due_minor(), &row.currency)),
        notes: row.notes.clone(),
        updated_at: row.updated_at,
    })
}

/// `(file name, PDF bytes)`.
pub fn render(conn: &mut DbConn, row: InvoiceRow) -> Result<(String, Vec<u8>), ApiError> {
    let doc = input(conn, &row)?;
    Ok((format!("{}.pdf", row.number), pdf::document(&doc)))
}
