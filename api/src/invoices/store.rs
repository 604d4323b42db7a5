//! Invoice queries. Every function takes the tenant id first (and, for the portal, the
//! client id): no query on invoices without them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date};

use super::model::{InvoiceChanges, InvoiceLineRow, InvoiceRow, PaymentRow};
use crate::db::DbConn;
use crate::db::schema::{clients, invoice_lines, invoices, payment_providers, payments, quote_lines, quotes};
use crate::db::text::{contains_pattern, lower};
use crate::money::{Line, Quantity};

pub struct ListFilter {
    /// Only these statuses; empty means all.
    pub statuses: Vec<&'static str>,
    pub client_id: Option<String>,
    /// Only invoices that were ever sent: the client's view, where a draft voided before it
    /// went out never existed.
    pub sent_only: bool,
    /// `Some(true)`: only unpaid and past `today`; `Some(false)`: the others.
    pub overdue: Option<bool>,
    pub today: NaiveDate,
    pub q: Option<String>,
    pub before_id: Option<String>,
    pub limit: i64,
}

/// Invoices newest first, with their client's name.
pub fn list(conn: &mut DbConn, tenant_id: &str, f: &ListFilter) -> QueryResult<Vec<(InvoiceRow, String)>> {
    let mut query = invoices::table
        .inner_join(clients::table)
        .filter(invoices::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .select((InvoiceRow::as_select(), clients::name))
        .order(invoices::id.desc())
        .limit(f.limit)
        .into_boxed();
    if !f.statuses.is_empty() {
        query = query.filter(invoices::status.eq_any(f.statuses.clone()));
    }
    if let Some(client_id) = &f.client_id {
        query = query.filter(invoices::client_id.eq(client_id.clone()));
    }
    if f.sent_only {
        query = query.filter(invoices::sent_at.is_not_null());
    }
    match f.overdue {
        Some(true) => {
            query =
                query.filter(invoices::status.eq_any(["sent", "partially_paid"])).filter(invoices::due_date.lt(f.today))
        }
        Some(false) => {
            query = query.filter(invoices::status.ne_all(["sent", "partially_paid"]).or(invoices::due_date.ge(f.today)))
        }
        None => {}
    }
    if let Some(before) = &f.before_id {
        query = query.filter(invoices::id.lt(before.clone()));
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        query = query.filter(
            lower(invoices::title)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(invoices::number).like(pattern.clone()).escape('\\'))
                .or(lower(clients::name).like(pattern).escape('\\')),
        );
    }
    query.load(conn)
}

/// One invoice of this tenant (and of this client, when given: only one that was sent).
pub fn get(conn: &mut DbConn, tenant_id: &str, client_id: Option<&str>, id: &str) -> QueryResult<Option<InvoiceRow>> {
    let mut query = invoices::table
        .filter(invoices::tenant_id.eq(tenant_id))
        .filter(invoices::id.eq(id))
        .select(InvoiceRow::as_select())
        .into_boxed();
    if let Some(client_id) = client_id {
        query = query.filter(invoices::client_id.eq(client_id.to_string())).filter(invoices::sent_at.is_not_null());
    }
    query.first(conn).optional()
}

pub fn lines(conn: &mut DbConn, tenant_id: &str, invoice_id: &str) -> QueryResult<Vec<InvoiceLineRow>> {
    invoice_lines::table
        .filter(invoice_lines::tenant_id.eq(tenant_id))
        .filter(invoice_lines::invoice_id.eq(invoice_id))
        .order((invoice_lines::position, invoice_lines::id))
        .select(InvoiceLineRow::as_select())
        .load(conn)
}

pub fn insert(conn: &mut DbConn, row: &InvoiceRow, lines: &[InvoiceLineRow]) -> QueryResult<()> {
    diesel::insert_into(invoices::table).values(row).execute(conn)?;
    insert_lines(conn, lines)
}

/// Replaces a draft's lines.
pub fn replace_lines(
    conn: &mut DbConn,
    tenant_id: &str,
    invoice_id: &str,
    lines: &[InvoiceLineRow],
) -> QueryResult<()> {
    diesel::delete(
        invoice_lines::table
            .filter(invoice_lines::tenant_id.eq(tenant_id))
            .filter(invoice_lines::invoice_id.eq(invoice_id)),
    )
    .execute(conn)?;
    insert_lines(conn, lines)
}

/// One statement per line: `MultiConnection` has no batch insert, and there are at most 200.
fn insert_lines(conn: &mut DbConn, lines: &[InvoiceLineRow]) -> QueryResult<()> {
    for line in lines {
        diesel::insert_into(invoice_lines::table).values(line).execute(conn)?;
    }
    Ok(())
}

/// Applies `changes` to a draft only; 0 when it is not (or no longer) a draft.
pub fn update_draft(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &InvoiceChanges) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .filter(invoices::tenant_id.eq(tenant_id))
            .filter(invoices::id.eq(id))
            .filter(invoices::status.eq("draft")),
    )
    .set(changes)
    .execute(conn)
}

/// draft → sent, freezing who it is between (`parties::freeze`); 0 when it was not
/// a draft.
pub fn mark_sent(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    at: NaiveDateTime,
    (addressee, issuer): (String, String),
) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .filter(invoices::tenant_id.eq(tenant_id))
            .filter(invoices::id.eq(id))
            .filter(invoices::status.eq("draft")),
    )
    .set((
        invoices::status.eq("sent"),
        invoices::sent_at.eq(at),
        invoices::updated_at.eq(at),
        invoices::addressee.eq(addressee),
        invoices::issuer.eq(issuer),
    ))
    .execute(conn)
}

/// draft | sent with nothing paid → void; 0 otherwise.
pub fn mark_void(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .filter(invoices::tenant_id.eq(tenant_id))
            .filter(invoices::id.eq(id))
            .filter(invoices::status.eq_any(["draft", "sent"]))
            .filter(invoices::paid_minor.eq(0)),
    )
    .set((invoices::status.eq("void"), invoices::voided_at.eq(at), invoices::updated_at.eq(at)))
    .execute(conn)
}

/// Adds `amount` to what was paid, only if the invoice is still exactly as read (status and
/// paid amount) — so two payments racing cannot both take the last of what is due.
pub fn add_paid(
    conn: &mut DbConn,
    row: &InvoiceRow,
    amount: i64,
    status: &str,
    paid_at: Option<NaiveDateTime>,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .filter(invoices::tenant_id.eq(&row.tenant_id))
            .filter(invoices::id.eq(&row.id))
            .filter(invoices::status.eq(&row.status))
            .filter(invoices::paid_minor.eq(row.paid_minor)),
    )
    .set((
        invoices::paid_minor.eq(row.paid_minor + amount),
        invoices::status.eq(status),
        invoices::paid_at.eq(paid_at),
        invoices::updated_at.eq(at),
    ))
    .execute(conn)
}

/// Records the client's first look; 1 only the first time.
pub fn mark_viewed(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        invoices::table
            .filter(invoices::tenant_id.eq(tenant_id))
            .filter(invoices::id.eq(id))
            .filter(invoices::first_viewed_at.is_null()),
    )
    .set(invoices::first_viewed_at.eq(at))
    .execute(conn)
}

/// An accepted quote of this tenant, for invoicing: (client, staff, project, currency,
/// title, notes, number), its status, and its lines in order. Read here, not through the
/// quotes folder, so invoicing needs nothing from it but its tables.
pub struct QuoteForInvoice {
    pub id: String,
    pub client_id: String,
    pub staff_id: Option<String>,
    pub project_id: Option<String>,
    pub number: String,
    pub title: String,
    pub notes: Option<String>,
    pub currency: String,
    pub status: String,
    pub lines: Vec<Line>,
}

/// The number of a live (not void) invoice made from this quote, after taking the quote's
/// row lock (a no-op UPDATE), so two requests invoicing one quote at once take turns and
/// the second sees the first's invoice.
pub fn invoice_of_quote(conn: &mut DbConn, tenant_id: &str, quote_id: &str) -> QueryResult<Option<String>> {
    diesel::update(quotes::table.filter(quotes::tenant_id.eq(tenant_id)).filter(quotes::id.eq(quote_id)))
        .set(quotes::updated_at.eq(quotes::updated_at))
        .execute(conn)?;
    invoices::table
        .filter(invoices::tenant_id.eq(tenant_id))
        .filter(invoices::quote_id.eq(quote_id))
        .filter(invoices::status.ne("void"))
        .select(invoices::number)
        .first(conn)
        .optional()
}

pub fn quote_for_invoice(conn: &mut DbConn, tenant_id: &str, quote_id: &str) -> QueryResult<Option<QuoteForInvoice>> {
    type QuoteCols = (String, String, Option<String>, Option<String>, String, String, Option<String>, String, String);
    let quote: Option<QuoteCols> = quotes::table
        .filter(quotes::tenant_id.eq(tenant_id))
        .filter(quotes::id.eq(quote_id))
        .select((
            quotes::id,
            quotes::client_id,
            quotes::staff_id,
            quotes::project_id,
            quotes::number,
            quotes::title,
            quotes::notes,
            quotes::currency,
            quotes::status,
        ))
        .first(conn)
        .optional()?;
    let Some((id, client_id, staff_id, project_id, number, title, notes, currency, status)) = quote else {
        return Ok(None);
    };
    let rows: Vec<(String, i64, i64, i32, i32, i64, i64)> = quote_lines::table
        .filter(quote_lines::tenant_id.eq(tenant_id))
        .filter(quote_lines::quote_id.eq(&id))
        .order((quote_lines::position, quote_lines::id))
        .select((
            quote_lines::description,
            quote_lines::quantity_milli,
            quote_lines::unit_price_minor,
            quote_lines::tax_rate_bp,
            quote_lines::discount_bp,
            quote_lines::net_minor,
            quote_lines::tax_minor,
        ))
        .load(conn)?;
    let lines = rows
        .into_iter()
        .map(|(description, q, unit_price_minor, tax_rate_bp, discount_bp, net_minor, tax_minor)| Line {
            description,
            quantity: Quantity(q),
            unit_price_minor,
            tax_rate_bp,
            discount_bp,
            net_minor,
            tax_minor,
        })
        .collect();
    Ok(Some(QuoteForInvoice { id, client_id, staff_id, project_id, number, title, notes, currency, status, lines }))
}

/// The client's sent and partly paid invoices, the one due first (earliest due date, then
/// oldest) first: what the dashboard sums per currency and names as next to pay.
pub fn unpaid_for_client(conn: &mut DbConn, tenant_id: &str, client_id: &str) -> QueryResult<Vec<InvoiceRow>> {
    invoices::table
        .filter(invoices::tenant_id.eq(tenant_id))
        .filter(invoices::client_id.eq(client_id))
        .filter(invoices::status.eq_any(["sent", "partially_paid"]))
        .order((invoices::due_date, invoices::id))
        .select(InvoiceRow::as_select())
        .load(conn)
}

/// An invoice's payments, oldest first.
pub fn payments_of(conn: &mut DbConn, tenant_id: &str, invoice_id: &str) -> QueryResult<Vec<PaymentRow>> {
    payments::table
        .filter(payments::tenant_id.eq(tenant_id))
        .filter(payments::invoice_id.eq(invoice_id))
        .order((payments::received_at, payments::id))
        .select(PaymentRow::as_select())
        .load(conn)
}

pub fn insert_payment(conn: &mut DbConn, row: &PaymentRow) -> QueryResult<()> {
    diesel::insert_into(payments::table).values(row).execute(conn).map(|_| ())
}

/// The payment already recorded for this provider payment, if any.
pub fn payment_by_provider_ref(
    conn: &mut DbConn,
    tenant_id: &str,
    method: &str,
    provider_ref: &str,
) -> QueryResult<Option<PaymentRow>> {
    payments::table
        .filter(payments::tenant_id.eq(tenant_id))
        .filter(payments::method.eq(method))
        .filter(payments::provider_ref.eq(provider_ref))
        .select(PaymentRow::as_select())
        .first(conn)
        .optional()
}

/// The payment providers a tenant has turned on (`stripe`, `paystack`), by name.
pub fn enabled_providers(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<String>> {
    payment_providers::table
        .filter(payment_providers::tenant_id.eq(tenant_id))
        .filter(payment_providers::enabled.eq(true))
        .order(payment_providers::provider)
        .select(payment_providers::provider)
        .load(conn)
}

/// (currency, due, of which overdue) over every unpaid invoice of the tenant (or of one
/// client), summed by the database.
pub fn outstanding(
    conn: &mut DbConn,
    tenant: &str,
    client: Option<&str>,
    today: NaiveDate,
) -> QueryResult<Vec<(String, i64, i64)>> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL; the cast keeps one type on both backends.
    let due = sql::<BigInt>("CAST(COALESCE(SUM(invoices.total_minor - invoices.paid_minor), 0) AS BIGINT)");
    let overdue = sql::<BigInt>("CAST(COALESCE(SUM(CASE WHEN invoices.due_date < ")
        .bind::<Date, _>(today)
        .sql(" THEN invoices.total_minor - invoices.paid_minor ELSE 0 END), 0) AS BIGINT)");
    // A grouped query cannot be boxed; "no client" is a bound TRUE instead.
    let of_client = client.is_none().into_sql::<Bool>().or(invoices::client_id.eq(client.unwrap_or_default()));
    invoices::table
        .filter(invoices::tenant_id.eq(tenant))
        .filter(invoices::status.eq_any(["sent", "partially_paid"]))
        .filter(of_client)
        .group_by(invoices::currency)
        .select((invoices::currency, due, overdue))
        .order(invoices::currency)
        .load(conn)
}
