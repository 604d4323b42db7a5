//! The dashboard's counts: eight subqueries, one statement.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::model::Counts;
use crate::bookings::appointments::model::AppointmentStatus;
use crate::db::DbConn;
use crate::db::schema::{appointments, contracts, deliverables, projects, quotes, service_orders};
use crate::projects::model::ProjectStatus;
use crate::service_orders::model::ServiceOrderStatus;

/// Every number of the dashboard in one statement of eight subqueries: one round trip instead
/// of eight, which was most of the page's time (see docs/PERFORMANCE.md).
pub fn counts(
    conn: &mut DbConn,
    tenant: &str,
    client: &str,
    at: NaiveDateTime,
    today: NaiveDate,
) -> QueryResult<Counts> {
    let orders = |statuses: &[&'static str]| {
        service_orders::table
            .filter(service_orders::tenant_id.eq(tenant.to_string()))
            .filter(service_orders::client_id.eq(client.to_string()))
            .filter(service_orders::status.eq_any(statuses.to_vec()))
            .count()
            .single_value()
            .assume_not_null()
    };
    let projects_in = |statuses: &[&'static str]| {
        projects::table
            .filter(projects::tenant_id.eq(tenant.to_string()))
            .filter(projects::client_id.eq(client.to_string()))
            .filter(projects::status.eq_any(statuses.to_vec()))
            .count()
            .single_value()
            .assume_not_null()
    };
    let upcoming = appointments::table
        .filter(appointments::tenant_id.eq(tenant))
        .filter(appointments::client_id.eq(client))
        .filter(appointments::starts_at.ge(at))
        .filter(appointments::status.eq_any(AppointmentStatus::LIVE))
        .count()
        .single_value()
        .assume_not_null();
    let awaiting = deliverables::table
        .inner_join(projects::table)
        .filter(deliverables::tenant_id.eq(tenant))
        .filter(projects::tenant_id.eq(tenant))
        .filter(projects::client_id.eq(client))
        .filter(deliverables::status.eq("submitted"))
        .count()
        .single_value()
        .assume_not_null();
    let quotes_waiting = quotes::table
        .filter(quotes::tenant_id.eq(tenant))
        .filter(quotes::client_id.eq(client))
        .filter(quotes::status.eq("sent"))
        .filter(quotes::valid_until.ge(today))
        .count()
        .single_value()
        .assume_not_null();
    let contracts_waiting = contracts::table
        .filter(contracts::tenant_id.eq(tenant))
        .filter(contracts::client_id.eq(client))
        .filter(contracts::status.eq("sent"))
        .count()
        .single_value()
        .assume_not_null();
    diesel::select((
        upcoming,
        orders(&ServiceOrderStatus::OPEN),
        orders(&["ready"]),
        projects_in(&ProjectStatus::OPEN),
        projects_in(&["completed"]),
        awaiting,
        quotes_waiting,
        contracts_waiting,
    ))
    .get_result(conn)
}
