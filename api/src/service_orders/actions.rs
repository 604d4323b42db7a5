//! What service order use cases do: number a new order, create it, move its status (and tell
//! the client).

use serde_json::json;

use super::model::{
    COUNTER, ChangeServiceOrderStatus, CreateServiceOrder, EventRow, OrderChanges, OrderParts, ServiceOrderRow,
    ServiceOrderStatus, line_rows, reference, tidy,
};
use super::store::{self};
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::email::{self, ClientEmail};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{DbConn, counters, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::mail::templates::{self, OrderNews};
use crate::tenants::store as tenant_store;

pub(super) fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no service order '{id}'."))
}

/// `SO-0007`, `so-7` or `7` → 7, so a search by the number people quote finds the order.
pub fn number_in(q: &str) -> Option<i64> {
    let q = q.trim();
    let digits = q.get(..3).filter(|p| p.eq_ignore_ascii_case("so-")).map_or(q, |_| &q[3..]);
    digits.parse::<i64>().ok().filter(|n| *n > 0)
}

/// Creates an order, its lines, its first history entry and its activity entry. Runs
/// inside the caller's transaction, which also holds the counter's bump.
pub fn create_in(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    new: CreateServiceOrder,
) -> Result<OrderParts, ApiError> {
    let client = client_store::get(conn, tenant_id, &new.client_id)?
        .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
    if client.status == ClientStatus::Archived.as_str() {
        return Err(ApiError::Conflict("The client named in 'client_id' is archived; restore them first.".into()));
    }
    let tenant = tenant_store::get(conn, tenant_id)?;
    let number = counters::next(conn, tenant_id, COUNTER)?;
    let at = now();
    let row = ServiceOrderRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        client_id: client.id.clone(),
        number,
        title: new.title.trim().to_string(),
        description: tidy(new.description),
        currency: tenant.currency,
        estimated_completion: new.estimated_completion,
        status: ServiceOrderStatus::Received.as_str().to_string(),
        status_changed_at: at,
        created_at: at,
        updated_at: at,
    };
    store::insert(conn, &row)?;
    store::replace_lines(conn, tenant_id, &row.id, &line_rows(tenant_id, &row.id, new.lines))?;
    store::insert_event(conn, &EventRow::of(&row, ServiceOrderStatus::Received, None, at))?;
    let subject = Subject { kind: "service_order", id: &row.id, client_id: Some(&row.client_id) };
    let data = json!({ "number": number, "reference": reference(number), "title": row.title });
    events::record(conn, tenant_id, actor, "created", subject, data)?;
    store::get(conn, tenant_id, None, &row.id)?.ok_or_else(|| not_found(&row.id))
}

/// Checks the transition, then writes the status, its history entry, its activity entry
/// and the client's email, all in the caller's transaction.
pub fn change_status(
    conn: &mut DbConn,
    config: &Config,
    tenant_id: &str,
    actor: &Actor,
    id: &str,
    change: ChangeServiceOrderStatus,
) -> Result<OrderParts, ApiError> {
    let current = store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))?;
    let order = &current.order;
    let from = ServiceOrderStatus::stored_or(&order.status, ServiceOrderStatus::Received);
    let to = change.status;
    if !from.can_become(to) {
        return Err(ApiError::Conflict(format!(
            "Order {} is {} and cannot be moved to {}: an order goes received → in_progress → ready → delivered, \
             and can be cancelled until it is delivered.",
            reference(order.number),
            from.as_str(),
            to.as_str()
        )));
    }
    let at = now();
    let changes = OrderChanges {
        title: None,
        description: None,
        estimated_completion: None,
        status: Some(to.as_str().to_string()),
        status_changed_at: Some(at),
        updated_at: at,
    };
    store::update(conn, tenant_id, id, &changes)?;
    let note = tidy(change.note);
    store::insert_event(conn, &EventRow::of(order, to, note.clone(), at))?;
    let subject = Subject { kind: "service_order", id, client_id: Some(&order.client_id) };
    let data = json!({
        "reference": reference(order.number),
        "title": order.title,
        "from": from.as_str(),
        "to": to.as_str(),
        "note": note,
    });
    events::record(conn, tenant_id, actor, "status_changed", subject, data)?;
    let client = client_store::get(conn, tenant_id, &order.client_id)?;
    // An archived client has left: the order still moves, but nobody is emailed.
    if let Some(client) = client.filter(|c| c.status != ClientStatus::Archived.as_str()) {
        let tenant = tenant_store::get(conn, tenant_id)?;
        let link = config.public(&format!("/portal/{}/orders/{}", tenant.slug, order.id));
        let reference = reference(order.number);
        let lang = tenant.language_for(client.language.as_deref());
        let news = OrderNews {
            reference: &reference,
            title: &order.title,
            headline: to.headline(lang, &reference),
            note: note.as_deref(),
            link: &link,
        };
        let mail = templates::order_status(&tenant.brand(), lang, &client.email, &client.name, &news);
        email::send(conn, config, &tenant, &client, ClientEmail::Notice, mail)?;
    }
    store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))
}
