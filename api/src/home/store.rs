//! Every statement of the home page: one per list, whatever the tenant holds. Each list is
//! limited in SQL; `counts` says how long it would be.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use super::model::{HomeCounts, LIMIT};
use crate::activity::model::ActivityRow;
use crate::bookings::appointments::model::AppointmentStatus;
use crate::db::DbConn;
use crate::db::schema::{
    activity, appointments, clients, contracts, deliverables, form_submissions, forms, invoices, messages, projects,
    quotes, services, staff, thread_reads, threads,
};

/// Invoices a client still owes on.
const UNPAID: [&str; 2] = ["sent", "partially_paid"];

/// What the counts are taken over: the business's day bounds (UTC) and dates.
pub struct Window {
    /// Start of today and end of tomorrow in the business's zone, as UTC.
    pub from: NaiveDateTime,
    pub to: NaiveDateTime,
    pub today: NaiveDate,
    /// Leads and submissions since then are new.
    pub since: NaiveDateTime,
}

/// Every count of the page in one statement of subqueries (unread threads are counted from
/// their own list).
pub fn counts(conn: &mut DbConn, tenant: &str, w: &Window) -> QueryResult<HomeCounts> {
    let appointments = appointments::table
        .filter(appointments::tenant_id.eq(tenant))
        .filter(appointments::starts_at.ge(w.from))
        .filter(appointments::starts_at.lt(w.to))
        .filter(appointments::status.eq_any(AppointmentStatus::LIVE))
        .count()
        .single_value()
        .assume_not_null();
    let quotes = quotes::table
        .filter(quotes::tenant_id.eq(tenant))
        .filter(quotes::status.eq("sent"))
        .filter(quotes::valid_until.ge(w.today))
        .count()
        .single_value()
        .assume_not_null();
    let contracts = contracts::table
        .filter(contracts::tenant_id.eq(tenant))
        .filter(contracts::status.eq("sent"))
        .count()
        .single_value()
        .assume_not_null();
    let deliverables = deliverables::table
        .filter(deliverables::tenant_id.eq(tenant))
        .filter(deliverables::status.eq("submitted"))
        .count()
        .single_value()
        .assume_not_null();
    let overdue = invoices::table
        .filter(invoices::tenant_id.eq(tenant))
        .filter(invoices::status.eq_any(UNPAID))
        .filter(invoices::due_date.lt(w.today))
        .count()
        .single_value()
        .assume_not_null();
    let leads = clients::table
        .filter(clients::tenant_id.eq(tenant))
        .filter(clients::status.eq("lead"))
        .filter(clients::created_at.ge(w.since))
        .count()
        .single_value()
        .assume_not_null();
    let submissions = form_submissions::table
        .filter(form_submissions::tenant_id.eq(tenant))
        .filter(form_submissions::created_at.ge(w.since))
        .count()
        .single_value()
        .assume_not_null();
    let (appointments, quotes, contracts, deliverables, overdue_invoices, new_leads, form_submissions): (
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = diesel::select((appointments, quotes, contracts, deliverables, overdue, leads, submissions))
        .get_result(conn)?;
    Ok(HomeCounts {
        appointments,
        waiting_on_clients: quotes + contracts + deliverables,
        overdue_invoices,
        new_leads,
        form_submissions,
        unread_threads: 0,
    })
}

/// (id, starts, ends, status, service, staff member, client id, client name)
pub type AppointmentLine = (String, NaiveDateTime, NaiveDateTime, String, String, Option<String>, String, String);

pub fn appointments(conn: &mut DbConn, tenant: &str, w: &Window) -> QueryResult<Vec<AppointmentLine>> {
    appointments::table
        .inner_join(clients::table)
        .inner_join(services::table)
        .left_join(staff::table)
        .filter(appointments::tenant_id.eq(tenant))
        .filter(clients::tenant_id.eq(tenant))
        .filter(appointments::starts_at.ge(w.from))
        .filter(appointments::starts_at.lt(w.to))
        .filter(appointments::status.eq_any(AppointmentStatus::LIVE))
        .order((appointments::starts_at, appointments::id))
        .limit(LIMIT)
        .select((
            appointments::id,
            appointments::starts_at,
            appointments::ends_at,
            appointments::status,
            services::name,
            staff::name.nullable(),
            clients::id,
            clients::name,
        ))
        .load(conn)
}

/// (id, title, number or project id, client id, client name, since, first viewed)
pub type WaitingLine = (String, String, Option<String>, String, String, Option<NaiveDateTime>, Option<NaiveDateTime>);

/// Sent quotes still open to a decision, sent longest ago first.
pub fn waiting_quotes(conn: &mut DbConn, tenant: &str, today: NaiveDate) -> QueryResult<Vec<WaitingLine>> {
    quotes::table
        .inner_join(clients::table)
        .filter(quotes::tenant_id.eq(tenant))
        .filter(clients::tenant_id.eq(tenant))
        .filter(quotes::status.eq("sent"))
        .filter(quotes::valid_until.ge(today))
        .order((quotes::sent_at, quotes::id))
        .limit(LIMIT)
        .select((
            quotes::id,
            quotes::title,
            quotes::number.nullable(),
            clients::id,
            clients::name,
            quotes::sent_at,
            quotes::first_viewed_at,
        ))
        .load(conn)
}

/// Sent contracts not signed yet, sent longest ago first.
pub fn waiting_contracts(conn: &mut DbConn, tenant: &str) -> QueryResult<Vec<WaitingLine>> {
    contracts::table
        .inner_join(clients::table)
        .filter(contracts::tenant_id.eq(tenant))
        .filter(clients::tenant_id.eq(tenant))
        .filter(contracts::status.eq("sent"))
        .order((contracts::sent_at, contracts::id))
        .limit(LIMIT)
        .select((
            contracts::id,
            contracts::title,
            None::<String>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::Text>>(),
            clients::id,
            clients::name,
            contracts::sent_at,
            contracts::first_viewed_at,
        ))
        .load(conn)
}

/// Deliverables submitted for approval, submitted longest ago first; the third field is the
/// project's id.
pub fn waiting_deliverables(conn: &mut DbConn, tenant: &str) -> QueryResult<Vec<WaitingLine>> {
    deliverables::table
        .inner_join(projects::table.inner_join(clients::table))
        .filter(deliverables::tenant_id.eq(tenant))
        .filter(projects::tenant_id.eq(tenant))
        .filter(clients::tenant_id.eq(tenant))
        .filter(deliverables::status.eq("submitted"))
        .order((deliverables::submitted_at, deliverables::id))
        .limit(LIMIT)
        .select((
            deliverables::id,
            deliverables::title,
            projects::id.nullable(),
            clients::id,
            clients::name,
            deliverables::submitted_at,
            None::<NaiveDateTime>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::Timestamp>>(),
        ))
        .load(conn)
}

/// (id, number, client id, client name, due date, total, paid, currency)
pub type InvoiceLine = (String, String, String, String, NaiveDate, i64, i64, String);

/// Unpaid invoices past due, most overdue first.
pub fn overdue_invoices(conn: &mut DbConn, tenant: &str, today: NaiveDate) -> QueryResult<Vec<InvoiceLine>> {
    invoices::table
        .inner_join(clients::table)
        .filter(invoices::tenant_id.eq(tenant))
        .filter(clients::tenant_id.eq(tenant))
        .filter(invoices::status.eq_any(UNPAID))
        .filter(invoices::due_date.lt(today))
        .order((invoices::due_date, invoices::id))
        .limit(LIMIT)
        .select((
            invoices::id,
            invoices::number,
            clients::id,
            clients::name,
            invoices::due_date,
            invoices::total_minor,
            invoices::paid_minor,
            invoices::currency,
        ))
        .load(conn)
}

/// (id, name, email, company, created)
pub type LeadLine = (String, String, String, Option<String>, NaiveDateTime);

pub fn new_leads(conn: &mut DbConn, tenant: &str, since: NaiveDateTime) -> QueryResult<Vec<LeadLine>> {
    clients::table
        .filter(clients::tenant_id.eq(tenant))
        .filter(clients::status.eq("lead"))
        .filter(clients::created_at.ge(since))
        .order((clients::created_at.desc(), clients::id.desc()))
        .limit(LIMIT)
        .select((clients::id, clients::name, clients::email, clients::company, clients::created_at))
        .load(conn)
}

/// (id, form id, form title, client id, client name, created a lead, at)
pub type SubmissionLine = (String, String, String, String, String, bool, NaiveDateTime);

pub fn form_submissions(conn: &mut DbConn, tenant: &str, since: NaiveDateTime) -> QueryResult<Vec<SubmissionLine>> {
    form_submissions::table
        .inner_join(forms::table)
        .inner_join(clients::table)
        .filter(form_submissions::tenant_id.eq(tenant))
        .filter(clients::tenant_id.eq(tenant))
        .filter(form_submissions::created_at.ge(since))
        .order((form_submissions::created_at.desc(), form_submissions::id.desc()))
        .limit(LIMIT)
        .select((
            form_submissions::id,
            forms::id,
            forms::title,
            clients::id,
            clients::name,
            form_submissions::created_lead,
            form_submissions::created_at,
        ))
        .load(conn)
}

/// (thread id, unread, newest)
pub type UnreadCount = (String, i64, Option<NaiveDateTime>);

/// Every thread with client messages newer than this staff member's read mark (none read:
/// all of them), with their count. Unlimited: the page counts them and names 20.
pub fn unread_threads(conn: &mut DbConn, tenant: &str, staff_id: &str) -> QueryResult<Vec<UnreadCount>> {
    let mark = thread_reads::thread_id
        .eq(messages::thread_id)
        .and(thread_reads::tenant_id.eq(tenant))
        .and(thread_reads::reader_kind.eq("staff"))
        .and(thread_reads::reader_id.eq(staff_id));
    messages::table
        .left_join(thread_reads::table.on(mark))
        .filter(messages::tenant_id.eq(tenant))
        .filter(messages::author_kind.eq("client"))
        .filter(messages::internal.eq(false))
        .filter(
            thread_reads::last_read_id
                .nullable()
                .is_null()
                .or(messages::id.nullable().gt(thread_reads::last_read_id.nullable())),
        )
        .group_by(messages::thread_id)
        .select((messages::thread_id, count_star(), max(messages::created_at)))
        .load(conn)
}

/// (thread id, title, project id, project name, client id, client name)
pub type ThreadName = (String, String, String, String, String, String);

/// The names around these threads (run even for none, so the page's statements stay fixed).
pub fn thread_names(conn: &mut DbConn, tenant: &str, ids: &[String]) -> QueryResult<Vec<ThreadName>> {
    threads::table
        .inner_join(projects::table.inner_join(clients::table))
        .filter(threads::tenant_id.eq(tenant))
        .filter(clients::tenant_id.eq(tenant))
        .filter(threads::id.eq_any(ids))
        .select((threads::id, threads::title, projects::id, projects::name, clients::id, clients::name))
        .load(conn)
}

/// The latest entries of the whole tenant with the name of their client.
pub fn recent_activity(conn: &mut DbConn, tenant: &str) -> QueryResult<Vec<(ActivityRow, Option<String>)>> {
    activity::table
        .left_join(clients::table.on(clients::id.nullable().eq(activity::client_id).and(clients::tenant_id.eq(tenant))))
        .filter(activity::tenant_id.eq(tenant))
        .order(activity::id.desc())
        .limit(LIMIT)
        .select((ActivityRow::as_select(), clients::name.nullable()))
        .load(conn)
}
