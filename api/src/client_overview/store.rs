//! The client page's statements: the counts in one, then one per list.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::model::{LIMIT, OverviewCounts};
use crate::bookings::appointments::model::AppointmentStatus;
use crate::db::DbConn;
use crate::db::schema::{
    appointments, contracts, files, invoices, projects, quotes, service_orders, services, staff, threads,
};

/// Every list's length in one statement of subqueries.
pub fn counts(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<OverviewCounts> {
    macro_rules! count_of {
        ($table:ident) => {
            $table::table
                .filter($table::tenant_id.eq(tenant))
                .filter($table::client_id.eq(client))
                .count()
                .single_value()
                .assume_not_null()
        };
    }
    let files = files::table
        .inner_join(projects::table.on(projects::id.nullable().eq(files::project_id)))
        .filter(files::tenant_id.eq(tenant))
        .filter(files::pending.eq(false))
        .filter(projects::tenant_id.eq(tenant))
        .filter(projects::client_id.eq(client))
        .count()
        .single_value()
        .assume_not_null();
    let threads = threads::table
        .inner_join(projects::table)
        .filter(threads::tenant_id.eq(tenant))
        .filter(projects::tenant_id.eq(tenant))
        .filter(projects::client_id.eq(client))
        .count()
        .single_value()
        .assume_not_null();
    let (appointments, service_orders, projects, quotes, contracts, invoices, files, threads) = diesel::select((
        count_of!(appointments),
        count_of!(service_orders),
        count_of!(projects),
        count_of!(quotes),
        count_of!(contracts),
        count_of!(invoices),
        files,
        threads,
    ))
    .get_result(conn)?;
    Ok(OverviewCounts { appointments, service_orders, projects, quotes, contracts, invoices, files, threads })
}

/// (id, starts, ends, status, service, staff member)
pub type AppointmentLine = (String, NaiveDateTime, NaiveDateTime, String, String, Option<String>);

/// Live appointments from `at` on, earliest first (`upcoming`), or every other one, latest first.
pub fn appointments(
    conn: &mut DbConn,
    tenant: &str,
    client: &str,
    at: NaiveDateTime,
    upcoming: bool,
) -> QueryResult<Vec<AppointmentLine>> {
    let query = appointments::table
        .inner_join(services::table)
        .left_join(staff::table)
        .filter(appointments::tenant_id.eq(tenant))
        .filter(appointments::client_id.eq(client))
        .select((
            appointments::id,
            appointments::starts_at,
            appointments::ends_at,
            appointments::status,
            services::name,
            staff::name.nullable(),
        ))
        .limit(LIMIT)
        .into_boxed();
    let live = AppointmentStatus::LIVE.to_vec();
    if upcoming {
        query
            .filter(appointments::starts_at.ge(at))
            .filter(appointments::status.eq_any(live))
            .order((appointments::starts_at, appointments::id))
            .load(conn)
    } else {
        query
            .filter(appointments::starts_at.lt(at).or(appointments::status.ne_all(live)))
            .order((appointments::starts_at.desc(), appointments::id.desc()))
            .load(conn)
    }
}

/// (id, number, title, status, updated)
pub type OrderLine = (String, i64, String, String, NaiveDateTime);

pub fn service_orders(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<Vec<OrderLine>> {
    service_orders::table
        .filter(service_orders::tenant_id.eq(tenant))
        .filter(service_orders::client_id.eq(client))
        .order((service_orders::updated_at.desc(), service_orders::id.desc()))
        .limit(LIMIT)
        .select((
            service_orders::id,
            service_orders::number,
            service_orders::title,
            service_orders::status,
            service_orders::updated_at,
        ))
        .load(conn)
}

/// (id, name, status, due date, updated)
pub type ProjectLine = (String, String, String, Option<NaiveDate>, NaiveDateTime);

pub fn projects(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<Vec<ProjectLine>> {
    projects::table
        .filter(projects::tenant_id.eq(tenant))
        .filter(projects::client_id.eq(client))
        .order((projects::updated_at.desc(), projects::id.desc()))
        .limit(LIMIT)
        .select((projects::id, projects::name, projects::status, projects::due_date, projects::updated_at))
        .load(conn)
}

/// (id, number, title, stored status, total, currency, valid until, sent, project)
pub type QuoteLine = (String, String, String, String, i64, String, NaiveDate, Option<NaiveDateTime>, Option<String>);

pub fn quotes(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<Vec<QuoteLine>> {
    quotes::table
        .filter(quotes::tenant_id.eq(tenant))
        .filter(quotes::client_id.eq(client))
        .order(quotes::id.desc())
        .limit(LIMIT)
        .select((
            quotes::id,
            quotes::number,
            quotes::title,
            quotes::status,
            quotes::total_minor,
            quotes::currency,
            quotes::valid_until,
            quotes::sent_at,
            quotes::project_id,
        ))
        .load(conn)
}

/// (id, title, status, sent, signed)
pub type ContractLine = (String, String, String, Option<NaiveDateTime>, Option<NaiveDateTime>);

pub fn contracts(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<Vec<ContractLine>> {
    contracts::table
        .filter(contracts::tenant_id.eq(tenant))
        .filter(contracts::client_id.eq(client))
        .order(contracts::id.desc())
        .limit(LIMIT)
        .select((contracts::id, contracts::title, contracts::status, contracts::sent_at, contracts::signed_at))
        .load(conn)
}

/// (id, number, title, status, total, paid, currency, due date)
pub type InvoiceLine = (String, String, String, String, i64, i64, String, NaiveDate);

pub fn invoices(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<Vec<InvoiceLine>> {
    invoices::table
        .filter(invoices::tenant_id.eq(tenant))
        .filter(invoices::client_id.eq(client))
        .order(invoices::id.desc())
        .limit(LIMIT)
        .select((
            invoices::id,
            invoices::number,
            invoices::title,
            invoices::status,
            invoices::total_minor,
            invoices::paid_minor,
            invoices::currency,
            invoices::due_date,
        ))
        .load(conn)
}

/// (id, name, type, size, project id, project name, client visible, created, thumbnail key)
pub type FileLine = (String, String, String, i64, String, String, bool, NaiveDateTime, Option<String>);

pub fn files(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<Vec<FileLine>> {
    files::table
        .inner_join(projects::table.on(projects::id.nullable().eq(files::project_id)))
        .filter(files::tenant_id.eq(tenant))
        .filter(files::pending.eq(false))
        .filter(projects::tenant_id.eq(tenant))
        .filter(projects::client_id.eq(client))
        .order(files::id.desc())
        .limit(LIMIT)
        .select((
            files::id,
            files::name,
            files::content_type,
            files::size,
            projects::id,
            projects::name,
            files::client_visible,
            files::created_at,
            files::thumbnail_key,
        ))
        .load(conn)
}

/// (id, title, project id, project name, last message)
pub type ThreadLine = (String, String, String, String, NaiveDateTime);

pub fn threads(conn: &mut DbConn, tenant: &str, client: &str) -> QueryResult<Vec<ThreadLine>> {
    threads::table
        .inner_join(projects::table)
        .filter(threads::tenant_id.eq(tenant))
        .filter(projects::tenant_id.eq(tenant))
        .filter(projects::client_id.eq(client))
        .order((threads::last_message_at.desc(), threads::id.desc()))
        .limit(LIMIT)
        .select((threads::id, threads::title, projects::id, projects::name, threads::last_message_at))
        .load(conn)
}
