//! Service order queries. Every function takes the tenant id first (and, for the portal,
//! the client id): no query on orders without them.

use diesel::prelude::*;

use crate::db::text::{contains_pattern, lower};

use super::model::{EventRow, LineRow, OrderChanges, OrderParts, ServiceOrderRow};
use crate::db::DbConn;
use crate::db::schema::{clients, service_order_events, service_order_lines, service_orders};

pub struct ListFilter {
    /// Only these statuses; empty means all.
    pub statuses: Vec<&'static str>,
    /// Only this client's orders (always set for the portal).
    pub client_id: Option<String>,
    /// Case-insensitive substring of the title or the client's name.
    pub q: Option<String>,
    /// An order number the search also matches.
    pub number: Option<i64>,
    /// The id the page starts after (newest first).
    pub before_id: Option<String>,
    pub limit: i64,
}

/// Orders newest first, with their client's name, lines and history.
pub fn list(conn: &mut DbConn, tenant_id: &str, f: &ListFilter) -> QueryResult<Vec<OrderParts>> {
    let mut query = service_orders::table
        .inner_join(clients::table)
        .filter(service_orders::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .select((ServiceOrderRow::as_select(), clients::name))
        .order(service_orders::id.desc())
        .limit(f.limit)
        .into_boxed();
    if !f.statuses.is_empty() {
        query = query.filter(service_orders::status.eq_any(f.statuses.clone()));
    }
    if let Some(client_id) = &f.client_id {
        query = query.filter(service_orders::client_id.eq(client_id.clone()));
    }
    if let Some(before) = &f.before_id {
        query = query.filter(service_orders::id.lt(before.clone()));
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        let text = lower(service_orders::title)
            .like(pattern.clone())
            .escape('\\')
            .or(lower(clients::name).like(pattern).escape('\\'));
        query = match f.number {
            Some(n) => query.filter(text.or(service_orders::number.eq(n))),
            None => query.filter(text),
        };
    }
    let rows: Vec<(ServiceOrderRow, String)> = query.load(conn)?;
    with_parts(conn, tenant_id, rows)
}

/// One order of this tenant (and of this client, when given).
pub fn get(conn: &mut DbConn, tenant_id: &str, client_id: Option<&str>, id: &str) -> QueryResult<Option<OrderParts>> {
    let mut query = service_orders::table
        .inner_join(clients::table)
        .filter(service_orders::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(service_orders::id.eq(id))
        .select((ServiceOrderRow::as_select(), clients::name))
        .into_boxed();
    if let Some(client_id) = client_id {
        query = query.filter(service_orders::client_id.eq(client_id.to_string()));
    }
    let rows: Vec<(ServiceOrderRow, String)> = query.limit(1).load(conn)?;
    Ok(with_parts(conn, tenant_id, rows)?.pop())
}

/// Adds the lines and history of each order, in two queries for the whole page.
fn with_parts(
    conn: &mut DbConn,
    tenant_id: &str,
    rows: Vec<(ServiceOrderRow, String)>,
) -> QueryResult<Vec<OrderParts>> {
    let ids: Vec<String> = rows.iter().map(|(o, _)| o.id.clone()).collect();
    let mut lines: Vec<LineRow> = service_order_lines::table
        .filter(service_order_lines::tenant_id.eq(tenant_id))
        .filter(service_order_lines::service_order_id.eq_any(&ids))
        .order((service_order_lines::service_order_id, service_order_lines::position))
        .select(LineRow::as_select())
        .load(conn)?;
    let mut events: Vec<EventRow> = service_order_events::table
        .filter(service_order_events::tenant_id.eq(tenant_id))
        .filter(service_order_events::service_order_id.eq_any(&ids))
        .order(service_order_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(order, client_name)| {
            let (mine, rest): (Vec<_>, Vec<_>) = lines.drain(..).partition(|l| l.service_order_id == order.id);
            lines = rest;
            let (history, rest): (Vec<_>, Vec<_>) = events.drain(..).partition(|e| e.service_order_id == order.id);
            events = rest;
            OrderParts { order, client_name, lines: mine, events: history }
        })
        .collect())
}

pub fn insert(conn: &mut DbConn, row: &ServiceOrderRow) -> QueryResult<()> {
    diesel::insert_into(service_orders::table).values(row).execute(conn).map(|_| ())
}

/// Replaces every line of an order.
pub fn replace_lines(conn: &mut DbConn, tenant_id: &str, order_id: &str, lines: &[LineRow]) -> QueryResult<()> {
    diesel::delete(
        service_order_lines::table
            .filter(service_order_lines::tenant_id.eq(tenant_id))
            .filter(service_order_lines::service_order_id.eq(order_id)),
    )
    .execute(conn)?;
    // One statement per line: `MultiConnection` has no batch insert, and there are at most 100.
    for line in lines {
        diesel::insert_into(service_order_lines::table).values(line).execute(conn)?;
    }
    Ok(())
}

pub fn insert_event(conn: &mut DbConn, row: &EventRow) -> QueryResult<()> {
    diesel::insert_into(service_order_events::table).values(row).execute(conn).map(|_| ())
}

/// Applies `changes`; the number of rows changed (0 when no such order in this tenant).
pub fn update(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &OrderChanges) -> QueryResult<usize> {
    diesel::update(
        service_orders::table.filter(service_orders::tenant_id.eq(tenant_id)).filter(service_orders::id.eq(id)),
    )
    .set(changes)
    .execute(conn)
}
