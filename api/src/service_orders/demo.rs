//! The demo's service orders, each written as if it had lived through its steps.

use chrono::TimeDelta;
use serde_json::json;

use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::demo::CLIENT_EMAIL;
use crate::db::{DbConn, counters, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::service_orders::model::{
    COUNTER, EventRow, NewLine, ServiceOrderRow, ServiceOrderStatus, line_rows, reference,
};
use crate::service_orders::store as order_store;
use crate::tenants::model::TenantRow;

/// A demo service order: whose, what, its lines, and the statuses it went through with how
/// many days ago each happened (the first is when it was received).
struct DemoOrder {
    email: &'static str,
    title: &'static str,
    description: Option<&'static str>,
    /// description, quantity, unit price in cents
    lines: &'static [(&'static str, i64, i64)],
    steps: &'static [(ServiceOrderStatus, i64)],
    /// Days from today, when the work should be done.
    due_in_days: Option<i64>,
}

const ORDERS: &[DemoOrder] = &[
    DemoOrder {
        email: CLIENT_EMAIL,
        title: "Brand refresh: shop signage",
        description: None,
        lines: &[("Shop sign, brushed aluminium", 1, 68000)],
        steps: &[
            (ServiceOrderStatus::Received, 40),
            (ServiceOrderStatus::InProgress, 38),
            (ServiceOrderStatus::Ready, 32),
            (ServiceOrderStatus::Delivered, 30),
        ],
        due_in_days: None,
    },
    DemoOrder {
        email: "james@whitfieldbakery.co.uk",
        title: "Menu boards for the new counter",
        description: Some("Three chalk-style boards, matching the logo colours."),
        lines: &[("Menu board, 60 × 90 cm", 3, 12500)],
        steps: &[(ServiceOrderStatus::Received, 9), (ServiceOrderStatus::InProgress, 6)],
        due_in_days: Some(5),
    },
    DemoOrder {
        email: CLIENT_EMAIL,
        title: "Framed poster set",
        description: Some("Three A2 posters of the autumn collection, oak frames."),
        lines: &[("A2 poster print", 3, 2400), ("Oak frame, A2", 3, 5500)],
        steps: &[
            (ServiceOrderStatus::Received, 12),
            (ServiceOrderStatus::InProgress, 8),
            (ServiceOrderStatus::Ready, 1),
        ],
        due_in_days: None,
    },
    DemoOrder {
        email: "sofia.rossi@example.it",
        title: "Wedding invitations",
        description: None,
        lines: &[("Letterpress invitation", 120, 350)],
        steps: &[(ServiceOrderStatus::Received, 3)],
        due_in_days: Some(14),
    },
    DemoOrder {
        email: CLIENT_EMAIL,
        title: "Print run: 200 brochures",
        description: Some("A5, four pages, matt 170 g paper."),
        lines: &[("Brochure print, A5, 4 pages", 200, 150), ("Design proof and colour check", 1, 4500)],
        steps: &[(ServiceOrderStatus::Received, 4), (ServiceOrderStatus::InProgress, 2)],
        due_in_days: Some(3),
    },
];

/// The demo's service orders, each for the client with its email.
pub fn seed(conn: &mut DbConn, tenant: &TenantRow, clients: &[(String, String)]) -> Result<(), ApiError> {
    for order in ORDERS {
        let client_id = clients.iter().find(|(email, _)| email == order.email).map(|(_, id)| id.as_str());
        if let Some(client_id) = client_id {
            seed_order(conn, tenant, client_id, order)?;
        }
    }
    Ok(())
}

/// Writes one order as if it had lived through its steps: numbered by the counter, with a
/// history entry and an activity entry per step, and no email (nothing happened today).
fn seed_order(conn: &mut DbConn, tenant: &TenantRow, client_id: &str, demo: &DemoOrder) -> Result<(), ApiError> {
    let at = now();
    let (first, last) = match (demo.steps.first(), demo.steps.last()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Ok(()),
    };
    let number = counters::next(conn, &tenant.id, COUNTER)?;
    let row = ServiceOrderRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        client_id: client_id.to_string(),
        number,
        title: demo.title.to_string(),
        description: demo.description.map(str::to_string),
        currency: tenant.currency.clone(),
        estimated_completion: demo.due_in_days.map(|d| (at + TimeDelta::days(d)).date()),
        status: last.0.as_str().to_string(),
        status_changed_at: at - TimeDelta::days(last.1),
        created_at: at - TimeDelta::days(first.1),
        updated_at: at - TimeDelta::days(last.1),
    };
    order_store::insert(conn, &row)?;
    let lines = demo
        .lines
        .iter()
        .map(|(d, q, p)| NewLine { description: d.to_string(), quantity: *q, unit_price_minor: *p })
        .collect();
    order_store::replace_lines(conn, &tenant.id, &row.id, &line_rows(&tenant.id, &row.id, lines))?;
    let mut from = None;
    for (status, days) in demo.steps {
        let event = EventRow::of(&row, *status, None, at - TimeDelta::days(*days));
        order_store::insert_event(conn, &event)?;
        let subject = Subject { kind: "service_order", id: &row.id, client_id: Some(client_id) };
        let (verb, data) = match from {
            None => ("created", json!({ "number": number, "reference": reference(number), "title": row.title })),
            Some(from) => (
                "status_changed",
                json!({ "reference": reference(number), "title": row.title, "from": ServiceOrderStatus::as_str(from), "to": status.as_str(), "note": null }),
            ),
        };
        events::record(conn, &tenant.id, &Actor::System, verb, subject, data)?;
        from = Some(*status);
    }
    Ok(())
}
