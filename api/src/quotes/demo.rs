//! The demo tenant's quotes: for Maria (the client who logs in) one sent quote waiting for
//! her decision and one draft staff are still writing; for another client one quote they
//! accepted, with the project it started. The same every time, apart from dates.

use serde_json::json;

use super::actions::{self, NewQuote};
use super::model::QuoteStatus;
use super::store;
use crate::auth::Actor;
use crate::db::{DbConn, now};
use crate::error::ApiError;
use crate::money::{LineInput, Quantity};
use crate::parties;
use crate::tenants::model::TenantRow;

fn line(description: &str, quantity_milli: i64, unit_price_minor: i64) -> LineInput {
    LineInput {
        description: description.to_string(),
        quantity: Quantity(quantity_milli),
        unit_price_minor,
        tax_rate_bp: 2000,
        discount_bp: 0,
    }
}

fn quote(
    conn: &mut DbConn,
    tenant: &TenantRow,
    client_id: &str,
    title: &str,
    notes: &str,
    lines: Vec<LineInput>,
) -> Result<String, ApiError> {
    let new = NewQuote {
        client_id: client_id.to_string(),
        title: title.to_string(),
        notes: Some(notes.to_string()),
        currency: None,
        valid_until: None,
        staff_id: None,
        project_id: None,
        lines,
    };
    Ok(actions::create(conn, &tenant.id, &Actor::System, new)?.quote.id)
}

/// `maria` is the demo client who logs in; `other` another active client.
pub fn seed(conn: &mut DbConn, tenant: &TenantRow, maria: &str, other: &str) -> Result<(), ApiError> {
    // Maria's: sent, valid for the default 30 days, not yet opened.
    let sent = quote(
        conn,
        tenant,
        maria,
        "Packaging design",
        "Artwork for three product boxes, ready for print.",
        vec![
            line("Packaging concepts (3 boxes)", 1000, 90_000),
            line("Final artwork and print files", 3000, 25_000),
            line("Printer liaison, hours", 2500, 6_000),
        ],
    )?;
    let frozen = parties::freeze(conn, &tenant.id, maria)?;
    store::send(conn, &tenant.id, &sent, now(), frozen)?;
    let row = actions::staff_quote(conn, &tenant.id, &sent)?;
    activity(conn, tenant, &row, "sent")?;

    // Maria's draft: staff see it, she does not.
    quote(
        conn,
        tenant,
        maria,
        "Social media templates",
        "Twelve post templates in the new brand style.",
        vec![line("Template design", 12_000, 4_500), line("Editable source files", 1000, 15_000)],
    )?;

    // The other client's, accepted: it started a project.
    let accepted = quote(
        conn,
        tenant,
        other,
        "Shop window graphics",
        "Vinyl graphics for the two front windows.",
        vec![line("Window graphics design", 1000, 60_000), line("Production and fitting", 2000, 35_000)],
    )?;
    let frozen = parties::freeze(conn, &tenant.id, other)?;
    store::send(conn, &tenant.id, &accepted, now(), frozen)?;
    let today = actions::today(tenant);
    store::decide(conn, &tenant.id, other, &accepted, QuoteStatus::Accepted.as_str(), None, today, now())?;
    let row = actions::staff_quote(conn, &tenant.id, &accepted)?;
    let client = Actor::Client { id: other.to_string() };
    let project = actions::start_project(conn, &client, &row)?;
    store::link_project(conn, &tenant.id, &accepted, &project.id)?;
    let data = json!({ "number": row.number, "title": row.title, "revision": row.revision, "project_id": project.id });
    let subject = crate::activity::store::Subject { kind: "quote", id: &row.id, client_id: Some(other) };
    crate::events::record(conn, &tenant.id, &client, "accepted", subject, data)?;
    Ok(())
}

fn activity(conn: &mut DbConn, tenant: &TenantRow, row: &super::model::QuoteRow, verb: &str) -> Result<(), ApiError> {
    let data = json!({ "number": row.number, "title": row.title, "revision": row.revision });
    let subject = crate::activity::store::Subject { kind: "quote", id: &row.id, client_id: Some(&row.client_id) };
    crate::events::record(conn, &tenant.id, &Actor::System, verb, subject, data)?;
    Ok(())
}
