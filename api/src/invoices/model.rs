//! Invoice rows, statuses and the DTOs the API speaks.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

use crate::db::schema::{invoice_lines, invoices, payments};
use crate::db::utc;
use crate::http::patch::double_option;
use crate::money::{Line, LineInput, Quantity, Totals};
use crate::parties::Addressee;
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = invoices)]
pub struct InvoiceRow {
    pub id: String,
    pub tenant_id: String,
    pub client_id: String,
    pub staff_id: Option<String>,
    pub number: String,
    pub title: String,
    pub notes: Option<String>,
    pub currency: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub status: String,
    pub subtotal_minor: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub paid_minor: i64,
    pub quote_id: Option<String>,
    pub project_id: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub first_viewed_at: Option<NaiveDateTime>,
    pub paid_at: Option<NaiveDateTime>,
    pub voided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// JSON of `parties::Addressee`, frozen when sent; `None` on a draft.
    pub addressee: Option<String>,
    /// JSON of `parties::Issuer`, frozen when sent; `None` on a draft.
    pub issuer: Option<String>,
}

impl InvoiceRow {
    /// What is still to pay: total less payments, nothing once void.
    pub fn due_minor(&self) -> i64 {
        if self.status == InvoiceStatus::Void.as_str() { 0 } else { (self.total_minor - self.paid_minor).max(0) }
    }

    /// Sent (or partly paid) and past its due date on `today` (the tenant's date).
    pub fn overdue(&self, today: NaiveDate) -> bool {
        matches!(self.status.as_str(), "sent" | "partially_paid") && self.due_date < today
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = invoice_lines)]
pub struct InvoiceLineRow {
    pub id: String,
    pub tenant_id: String,
    pub invoice_id: String,
    pub position: i32,
    pub description: String,
    pub quantity_milli: i64,
    pub unit_price_minor: i64,
    pub tax_rate_bp: i32,
    pub discount_bp: i32,
    pub net_minor: i64,
    pub tax_minor: i64,
}

impl InvoiceLineRow {
    pub fn of(line: &Line, tenant_id: &str, invoice_id: &str, position: usize) -> InvoiceLineRow {
        InvoiceLineRow {
            id: crate::db::new_id(),
            tenant_id: tenant_id.to_string(),
            invoice_id: invoice_id.to_string(),
            position: position as i32,
            description: line.description.clone(),
            quantity_milli: line.quantity.milli(),
            unit_price_minor: line.unit_price_minor,
            tax_rate_bp: line.tax_rate_bp,
            discount_bp: line.discount_bp,
            net_minor: line.net_minor,
            tax_minor: line.tax_minor,
        }
    }

    pub fn line(&self) -> Line {
        Line {
            description: self.description.clone(),
            quantity: Quantity(self.quantity_milli),
            unit_price_minor: self.unit_price_minor,
            tax_rate_bp: self.tax_rate_bp,
            discount_bp: self.discount_bp,
            net_minor: self.net_minor,
            tax_minor: self.tax_minor,
        }
    }
}

crate::text_enum! {
    /// Where an invoice stands. `overdue` is not a status: see `Invoice::overdue`.
    pub enum InvoiceStatus {
        /// Being written; never shown to the client.
        Draft = "draft",
        /// Sent to the client, nothing paid yet.
        Sent = "sent",
        /// Some, not all, of the total received.
        PartiallyPaid = "partially_paid",
        /// Paid in full.
        Paid = "paid",
        /// Cancelled; nothing is due.
        Void = "void",
    }
}

impl InvoiceStatus {
    /// Waiting for money: where payments may be recorded.
    pub const UNPAID: [&'static str; 2] = ["sent", "partially_paid"];
    /// Everything the client may see.
    pub const VISIBLE: [&'static str; 4] = ["sent", "partially_paid", "paid", "void"];

    /// How the status reads after "Invoice INV-2026-0001 ".
    pub fn phrase(self) -> &'static str {
        match self {
            InvoiceStatus::Draft => "is a draft",
            InvoiceStatus::Sent => "is sent and unpaid",
            InvoiceStatus::PartiallyPaid => "is partly paid",
            InvoiceStatus::Paid => "is paid",
            InvoiceStatus::Void => "is void",
        }
    }
}

pub fn status_of(s: &str) -> InvoiceStatus {
    InvoiceStatus::stored_or(s, InvoiceStatus::Draft)
}

/// The client of a list item.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ClientRef {
    pub id: String,
    #[schema(example = "Maria Lopez")]
    pub name: String,
}

/// An invoice with its lines, totals and payments.
///
/// Amounts are integer minor units of `currency`. **Rounding**: each line is rounded on its
/// own, half to even, to the currency's minor unit — first its net (quantity × unit price ×
/// (1 − discount)), then its tax (net × rate); the subtotal is the sum of the line nets,
/// each rate's tax the sum of its lines' taxes, and the total subtotal plus taxes.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Invoice {
    pub id: String,
    #[schema(example = "INV-2026-0001")]
    pub number: String,
    #[schema(example = "Brand refresh — first half")]
    pub title: String,
    pub notes: Option<String>,
    pub status: InvoiceStatus,
    /// Sent or partly paid, and the due date has passed (in the business's time zone).
    pub overdue: bool,
    /// Who the invoice is addressed to: as the client was when it was sent, and on a draft,
    /// as they are now.
    pub client: Addressee,
    /// The staff member who answers for it.
    pub staff_id: Option<String>,
    #[schema(example = "EUR")]
    pub currency: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub lines: Vec<Line>,
    pub totals: Totals,
    /// Received so far.
    pub paid_minor: i64,
    /// Total less payments; 0 once void.
    pub due_minor: i64,
    /// Payments received, oldest first.
    pub payments: Vec<Payment>,
    /// The accepted quote it was made from.
    pub quote_id: Option<String>,
    pub project_id: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
    pub voided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An invoice as its client sees it, with the ways it can be paid online.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalInvoice {
    #[serde(flatten)]
    pub invoice: Invoice,
    /// Online payment providers the business has enabled (`stripe`, `paystack`); empty when
    /// none is set up or nothing is due. Show a "Pay now" button only when not empty.
    pub pay_with: Vec<String>,
}

/// An invoice in a list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InvoiceSummary {
    pub id: String,
    #[schema(example = "INV-2026-0001")]
    pub number: String,
    pub title: String,
    pub status: InvoiceStatus,
    pub overdue: bool,
    pub client: ClientRef,
    pub currency: String,
    pub total_minor: i64,
    pub due_minor: i64,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub updated_at: DateTime<Utc>,
}

impl InvoiceSummary {
    pub fn of(row: InvoiceRow, client_name: String, today: NaiveDate) -> InvoiceSummary {
        InvoiceSummary {
            status: status_of(&row.status),
            overdue: row.overdue(today),
            due_minor: row.due_minor(),
            client: ClientRef { id: row.client_id, name: client_name },
            id: row.id,
            number: row.number,
            title: row.title,
            currency: row.currency,
            total_minor: row.total_minor,
            issue_date: row.issue_date,
            due_date: row.due_date,
            updated_at: utc(row.updated_at),
        }
    }
}

/// A page of invoices, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InvoicePage {
    pub items: Vec<InvoiceSummary>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A new invoice, created as a numbered draft.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInvoice {
    /// The client billed, in your tenant.
    #[validate(length(min = 1, max = 100, message = "must be a client id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Brand refresh — first half")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(max_length = 5000)]
    pub notes: Option<String>,
    /// ISO 4217; default the business's currency.
    #[validate(custom(function = "rules::currency"))]
    #[schema(
        pattern = "^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BGN|BHD|BIF|BMD|BND|BOB|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHF|CLP|CNY|COP|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|UYU|UZS|VED|VES|VND|VUV|WST|XAF|XCD|XCG|XOF|XPF|YER|ZAR|ZMW|ZWG)$"
    )]
    #[schema(example = "EUR")]
    pub currency: Option<String>,
    /// Default today (the business's time zone).
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub issue_date: Option<NaiveDate>,
    /// Default the issue date plus the payment terms of the billing settings.
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub due_date: Option<NaiveDate>,
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<String>,
    #[validate(length(min = 1, max = 100, message = "must be a project id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub project_id: Option<String>,
    /// 1 to 200 lines.
    #[serde(deserialize_with = "crate::money::lines::lines_field")]
    #[validate(length(min = 1, message = "must hold at least one line"), nested)]
    #[schema(min_items = 1, max_items = 200)]
    pub lines: Vec<LineInput>,
}

/// Changes to a draft invoice. Fields left out stay as they are; `null` clears the
/// nullable ones.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"due_date": "2026-12-31", "notes": "Bank transfer to IBAN FR76 …", "lines": [{"description": "Logo design", "quantity": "1", "unit_price_minor": 120000, "tax_rate_bp": 2000}]}))]
pub struct UpdateInvoice {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 5000)]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(custom(function = "rules::currency"))]
    #[schema(
        pattern = "^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BGN|BHD|BIF|BMD|BND|BOB|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHF|CLP|CNY|COP|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|UYU|UZS|VED|VES|VND|VUV|WST|XAF|XCD|XCG|XOF|XPF|YER|ZAR|ZMW|ZWG)$"
    )]
    #[schema(nullable = false)]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    #[schema(nullable = false)]
    pub issue_date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    #[schema(nullable = false)]
    pub due_date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(min = 1, max = 100, message = "must be a project id"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 1, max_length = 100)]
    pub project_id: Option<Option<String>>,
    /// Replaces every line (1 to 200).
    #[serde(default, deserialize_with = "crate::money::lines::some_lines_field")]
    #[validate(length(min = 1, message = "must hold at least one line"), nested)]
    #[schema(min_items = 1, max_items = 200, nullable = false)]
    pub lines: Option<Vec<LineInput>>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = invoices)]
pub struct InvoiceChanges {
    pub title: Option<String>,
    pub notes: Option<Option<String>>,
    pub currency: Option<String>,
    pub issue_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub staff_id: Option<Option<String>>,
    pub project_id: Option<Option<String>>,
    pub subtotal_minor: Option<i64>,
    pub tax_minor: Option<i64>,
    pub total_minor: Option<i64>,
    pub updated_at: NaiveDateTime,
}

/// Filters of the staff list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvoiceListQuery {
    /// `draft`, `sent`, `partially_paid`, `paid` or `void`. Default: all.
    #[param(value_type = Option<String>, pattern = "^(?:draft|sent|partially_paid|paid|void)?$")]
    pub status: Option<String>,
    /// Only this client's invoices.
    pub client_id: Option<String>,
    /// `true`: only overdue invoices; `false`: only those not overdue.
    #[param(value_type = Option<bool>)]
    pub overdue: Option<String>,
    /// Case-insensitive search in the number, the title and the client's name.
    #[param(max_length = 200)]
    pub q: Option<String>,
}

/// Filters of the portal list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalInvoiceListQuery {
    /// `unpaid` (sent, partly paid), `paid`, or `all` (default; includes void).
    #[param(value_type = Option<String>, pattern = "^(?:unpaid|paid|all)?$")]
    pub state: Option<String>,
}

/// Today's date in the business's time zone (UTC when the zone is unknown): due dates and
/// overdue are judged by the calendar the business and its clients live in.
pub fn today_in(timezone: &str) -> NaiveDate {
    let tz: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::UTC);
    Utc::now().with_timezone(&tz).date_naive()
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = payments)]
pub struct PaymentRow {
    pub id: String,
    pub tenant_id: String,
    pub invoice_id: String,
    pub amount_minor: i64,
    pub currency: String,
    pub method: String,
    pub reference: Option<String>,
    pub provider_ref: Option<String>,
    pub received_at: NaiveDateTime,
    pub recorded_by: Option<String>,
    pub created_at: NaiveDateTime,
}

crate::text_enum! {
    /// How money arrived.
    pub enum PaymentMethod {
        BankTransfer = "bank_transfer",
        Cash = "cash",
        Card = "card",
        Other = "other",
        /// Online, through Stripe Checkout.
        Stripe = "stripe",
        /// Online, through Paystack.
        Paystack = "paystack",
    }
}

impl PaymentMethod {
    /// How it reads on a receipt or a PDF.
    pub fn label(self, lang: crate::i18n::Language) -> String {
        match self {
            PaymentMethod::BankTransfer => crate::tr!(lang, "method-bank-transfer"),
            PaymentMethod::Cash => crate::tr!(lang, "method-cash"),
            PaymentMethod::Card => crate::tr!(lang, "method-card"),
            PaymentMethod::Other => crate::tr!(lang, "method-other"),
            PaymentMethod::Stripe => crate::tr!(lang, "method-stripe"),
            PaymentMethod::Paystack => crate::tr!(lang, "method-paystack"),
        }
    }
}

/// A payment received against an invoice.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Payment {
    pub id: String,
    #[schema(example = 50000)]
    pub amount_minor: i64,
    #[schema(example = "EUR")]
    pub currency: String,
    pub method: PaymentMethod,
    /// The bank reference, receipt number, or the provider's payment id.
    pub reference: Option<String>,
    pub received_at: DateTime<Utc>,
}

impl From<PaymentRow> for Payment {
    fn from(r: PaymentRow) -> Payment {
        Payment {
            method: PaymentMethod::stored_or(&r.method, PaymentMethod::Other),
            id: r.id,
            amount_minor: r.amount_minor,
            currency: r.currency,
            reference: r.reference,
            received_at: utc(r.received_at),
        }
    }
}

/// A way staff record money received by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManualMethod {
    BankTransfer,
    Cash,
    Card,
    Other,
}

impl ManualMethod {
    pub fn method(self) -> PaymentMethod {
        match self {
            ManualMethod::BankTransfer => PaymentMethod::BankTransfer,
            ManualMethod::Cash => PaymentMethod::Cash,
            ManualMethod::Card => PaymentMethod::Card,
            ManualMethod::Other => PaymentMethod::Other,
        }
    }
}

fn positive(v: i64) -> Result<(), ValidationError> {
    if v > 0 { Ok(()) } else { Err(rules_error("must be greater than 0 (minor units, e.g. cents)")) }
}

pub fn rules_error(message: &'static str) -> ValidationError {
    let mut e = ValidationError::new("invalid");
    e.message = Some(message.into());
    e
}

/// Money received by hand against a sent invoice: all of what is due, or part of it.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordPayment {
    /// In minor units of the invoice's currency; at most what is due.
    #[validate(custom(function = "positive"))]
    #[schema(example = 50000, minimum = 1)]
    pub amount_minor: i64,
    pub method: ManualMethod,
    /// The bank reference or receipt number.
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    #[schema(max_length = 200)]
    pub reference: Option<String>,
    /// When the money arrived; default now.
    #[validate(custom(function = "rules::sane_instant"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub received_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(status: &str, total: i64, paid: i64, due: NaiveDate) -> InvoiceRow {
        let at = crate::db::now();
        InvoiceRow {
            id: "i".into(),
            tenant_id: "t".into(),
            client_id: "c".into(),
            staff_id: None,
            number: "INV-2026-0001".into(),
            title: "x".into(),
            notes: None,
            currency: "EUR".into(),
            issue_date: due,
            due_date: due,
            status: status.into(),
            subtotal_minor: total,
            tax_minor: 0,
            total_minor: total,
            paid_minor: paid,
            quote_id: None,
            project_id: None,
            sent_at: None,
            first_viewed_at: None,
            paid_at: None,
            voided_at: None,
            created_at: at,
            updated_at: at,
            addressee: None,
            issuer: None,
        }
    }

    #[test]
    fn overdue_only_when_unpaid_and_past_due() {
        let due = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let next_day = NaiveDate::from_ymd_opt(2026, 3, 11).unwrap();
        assert!(!row("sent", 100, 0, due).overdue(due), "due today is not overdue yet");
        assert!(row("sent", 100, 0, due).overdue(next_day));
        assert!(row("partially_paid", 100, 50, due).overdue(next_day));
        for status in ["draft", "paid", "void"] {
            assert!(!row(status, 100, 0, due).overdue(next_day), "{status}");
        }
        assert_eq!(row("partially_paid", 100, 30, due).due_minor(), 70);
        assert_eq!(row("void", 100, 0, due).due_minor(), 0);
    }
}
