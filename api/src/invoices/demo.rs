//! The demo tenant's invoices for Maria: one sent and due in 10 days, one partly paid (and
//! overdue), one paid by bank transfer, one draft. No provider keys: the console's billing
//! settings page is where a visitor adds them. No email is sent (nothing happened today).

use chrono::TimeDelta;
use serde_json::json;

use super::actions::{Draft, create_in};
use super::model::{InvoiceRow, InvoiceStatus, today_in};
use super::model::{PaymentMethod, PaymentRow};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::money::{Line, LineInput, Quantity};
use crate::parties;
use crate::projects::demo::DemoProjects;
use crate::tenants::model::TenantRow;

fn line(description: &str, quantity: &str, unit_price_minor: i64) -> Line {
    Line::of(&LineInput {
        description: description.into(),
        quantity: Quantity::parse(quantity).unwrap_or(Quantity(1000)),
        unit_price_minor,
        tax_rate_bp: 1900,
        discount_bp: 0,
    })
}

/// Creates a sent invoice issued `issued` days ago, due in `due_in` days.
fn sent(
    conn: &mut DbConn,
    tenant: &TenantRow,
    client_id: &str,
    project_id: Option<&str>,
    title: &str,
    (issued, due_in): (i64, i64),
    lines: Vec<Line>,
) -> Result<InvoiceRow, ApiError> {
    let today = today_in(&tenant.timezone);
    let draft = Draft {
        client_id: client_id.to_string(),
        staff_id: None,
        project_id: project_id.map(str::to_string),
        quote_id: None,
        title: title.to_string(),
        notes: Some("Thank you for your business. Payment by bank transfer is welcome.".into()),
        currency: None,
        issue_date: Some(today - TimeDelta::days(issued)),
        due_date: Some(today + TimeDelta::days(due_in)),
        lines,
    };
    let row = create_in(conn, &tenant.id, &Actor::System, draft)?;
    let frozen = parties::freeze(conn, &tenant.id, &row.client_id)?;
    store::mark_sent(conn, &tenant.id, &row.id, now() - TimeDelta::days(issued), frozen)?;
    let subject = Subject { kind: "invoice", id: &row.id, client_id: Some(client_id) };
    let data = json!({ "number": row.number, "total_minor": row.total_minor, "currency": row.currency });
    events::record(conn, &tenant.id, &Actor::System, "sent", subject, data)?;
    Ok(store::get(conn, &tenant.id, None, &row.id)?.unwrap_or(row))
}

/// A bank transfer received `days_ago`.
fn pay(conn: &mut DbConn, invoice: &InvoiceRow, amount: i64, days_ago: i64, reference: &str) -> Result<(), ApiError> {
    let at = now() - TimeDelta::days(days_ago);
    let paid_in_full = amount >= invoice.due_minor();
    let status = if paid_in_full { InvoiceStatus::Paid } else { InvoiceStatus::PartiallyPaid };
    store::add_paid(conn, invoice, amount, status.as_str(), paid_in_full.then_some(at), at)?;
    store::insert_payment(
        conn,
        &PaymentRow {
            id: new_id(),
            tenant_id: invoice.tenant_id.clone(),
            invoice_id: invoice.id.clone(),
            amount_minor: amount,
            currency: invoice.currency.clone(),
            method: PaymentMethod::BankTransfer.as_str().to_string(),
            reference: Some(reference.to_string()),
            provider_ref: None,
            received_at: at,
            recorded_by: None,
            created_at: at,
        },
    )?;
    let subject = || Subject { kind: "invoice", id: &invoice.id, client_id: Some(&invoice.client_id) };
    let data = json!({ "number": invoice.number, "amount_minor": amount, "currency": invoice.currency, "method": "bank_transfer" });
    events::record(conn, &invoice.tenant_id, &Actor::System, "payment_recorded", subject(), data)?;
    if paid_in_full {
        let data =
            json!({ "number": invoice.number, "total_minor": invoice.total_minor, "currency": invoice.currency });
        events::record(conn, &invoice.tenant_id, &Actor::System, "paid", subject(), data)?;
    }
    Ok(())
}

pub fn seed(conn: &mut DbConn, tenant: &TenantRow, maria_id: &str, projects: &DemoProjects) -> Result<(), ApiError> {
    let website = Some(projects.completed.id.as_str());
    let brand = Some(projects.under_way.id.as_str());
    let paid = sent(
        conn,
        tenant,
        maria_id,
        website,
        "Website redesign",
        (60, -46),
        vec![line("Visual design", "1", 180_000), line("Build and launch", "1", 240_000)],
    )?;
    pay(conn, &paid, paid.due_minor(), 50, "LUMEN-2026-WEB")?;
    let partly = sent(
        conn,
        tenant,
        maria_id,
        brand,
        "Brand refresh — deposit",
        (24, -3),
        vec![line("Kick-off and moodboard", "1", 60_000), line("Logo concepts", "3", 30_000)],
    )?;
    pay(conn, &partly, 50_000, 10, "LUMEN-DEP-1")?;
    sent(
        conn,
        tenant,
        maria_id,
        brand,
        "Brand refresh — colour and type",
        (4, 10),
        vec![line("Colour palette", "1", 45_000), line("Typography", "1.5", 40_000)],
    )?;
    let today = today_in(&tenant.timezone);
    create_in(
        conn,
        &tenant.id,
        &Actor::System,
        Draft {
            client_id: maria_id.to_string(),
            staff_id: None,
            project_id: brand.map(str::to_string),
            quote_id: None,
            title: "Brand refresh — stationery".into(),
            notes: None,
            currency: None,
            issue_date: Some(today),
            due_date: None,
            lines: vec![line("Stationery set", "1", 65_000), line("Brand guidelines PDF", "1", 50_000)],
        },
    )?;
    Ok(())
}
