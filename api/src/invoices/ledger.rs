//! Applying a payment to an invoice, for staff (manual payments) and webhooks (online ones)
//! alike: the checks, the conditional update of the invoice, the payment row, the activity
//! entries and, once paid in full, the receipt email to the client.

use chrono::NaiveDateTime;
use serde_json::json;

use super::actions::email_client;
use super::model::{InvoiceRow, InvoiceStatus, PaymentMethod, PaymentRow, status_of};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::config::Config;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::mail::templates::Words;
use crate::money::format_amount;
use crate::notifications::kinds::NotificationKind;
use crate::notifications::resolve::{self, Acted, any};
use crate::tr;

/// A payment about to be recorded.
pub struct NewPayment {
    pub amount_minor: i64,
    pub currency: String,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    /// The provider's id of the payment (online payments only).
    pub provider_ref: Option<String>,
    pub received_at: NaiveDateTime,
}

/// Why an invoice cannot take a payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not sent, or already paid or void.
    NotPayable(InvoiceStatus),
    /// More than is due.
    TooMuch { due: i64 },
    /// Not the invoice's currency.
    Currency,
    /// Another payment changed the invoice while this one was checked.
    Changed,
}

impl Refusal {
    /// In words, for a 409/422 or the webhook log.
    pub fn explain(&self, invoice: &InvoiceRow) -> String {
        match self {
            Refusal::NotPayable(status) => {
                format!("Invoice {} {} and cannot take a payment.", invoice.number, status.phrase())
            }
            Refusal::TooMuch { due } => format!(
                "That is more than is due on invoice {}: at most {} is due.",
                invoice.number,
                format_amount(*due, &invoice.currency)
            ),
            Refusal::Currency => format!("Invoice {} is billed in {}.", invoice.number, invoice.currency),
            Refusal::Changed => format!("Invoice {} changed meanwhile; reload it and try again.", invoice.number),
        }
    }

    /// As the staff API answers it.
    pub fn into_error(self, invoice: &InvoiceRow) -> ApiError {
        match self {
            Refusal::TooMuch { .. } => ApiError::validation("amount_minor", &self.explain(invoice)),
            Refusal::Currency => ApiError::validation("currency", &self.explain(invoice)),
            _ => ApiError::Conflict(self.explain(invoice)),
        }
    }
}

/// Records `p` against `invoice` (as read in this transaction), or says why not.
pub fn apply(
    conn: &mut DbConn,
    config: &Config,
    actor: &Actor,
    invoice: &InvoiceRow,
    p: NewPayment,
) -> Result<Result<PaymentRow, Refusal>, ApiError> {
    let status = status_of(&invoice.status);
    if !InvoiceStatus::UNPAID.contains(&invoice.status.as_str()) {
        return Ok(Err(Refusal::NotPayable(status)));
    }
    if p.currency != invoice.currency {
        return Ok(Err(Refusal::Currency));
    }
    let due = invoice.due_minor();
    if p.amount_minor > due {
        return Ok(Err(Refusal::TooMuch { due }));
    }
    let at = now();
    let paid_in_full = p.amount_minor == due;
    let (to, paid_at) =
        if paid_in_full { (InvoiceStatus::Paid, Some(at)) } else { (InvoiceStatus::PartiallyPaid, None) };
    if store::add_paid(conn, invoice, p.amount_minor, to.as_str(), paid_at, at)? == 0 {
        return Ok(Err(Refusal::Changed));
    }
    let row = PaymentRow {
        id: new_id(),
        tenant_id: invoice.tenant_id.clone(),
        invoice_id: invoice.id.clone(),
        amount_minor: p.amount_minor,
        currency: p.currency,
        method: p.method.as_str().to_string(),
        reference: p.reference,
        provider_ref: p.provider_ref,
        received_at: p.received_at,
        recorded_by: match actor {
            Actor::Staff { id } => Some(id.clone()),
            _ => None,
        },
        created_at: at,
    };
    store::insert_payment(conn, &row)?;
    let subject = || Subject { kind: "invoice", id: &invoice.id, client_id: Some(&invoice.client_id) };
    let data = json!({
        "number": invoice.number,
        "payment_id": row.id,
        "amount_minor": row.amount_minor,
        "currency": row.currency,
        "method": row.method,
        "due_minor": due - row.amount_minor,
    });
    events::record(conn, &invoice.tenant_id, actor, "payment_recorded", subject(), data)?;
    if paid_in_full {
        let data =
            json!({ "number": invoice.number, "total_minor": invoice.total_minor, "currency": invoice.currency });
        events::record(conn, &invoice.tenant_id, actor, "paid", subject(), data)?;
        // Paid, by whichever way: "you have an invoice to pay" has been answered.
        let answered = Acted {
            subject_type: "invoice",
            subject_id: &invoice.id,
            kinds: &[NotificationKind::InvoiceSent],
            about: &any,
        };
        resolve::acted(conn, &invoice.tenant_id, &invoice.client_id, answered)?;
        email_client(conn, config, invoice, |f| {
            let lang = f.language;
            let number = invoice.number.as_str();
            let amount = f.money(row.amount_minor, &row.currency);
            let total = f.money(invoice.total_minor, &invoice.currency);
            Words {
                heading: tr!(lang, "receipt-heading", number = number),
                lines: vec![
                    tr!(lang, "receipt-line", amount = amount, method = p.method.label(lang), number = number),
                    tr!(lang, "receipt-total", total = total),
                ],
                button: tr!(lang, "receipt-button"),
            }
        })?;
    }
    Ok(Ok(row))
}
