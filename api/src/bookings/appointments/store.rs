//! Appointment queries. Every function takes the tenant id first; portal callers also
//! pass the client id, so a client only ever reaches their own rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{AppointmentRow, AppointmentStatus, Named};
use crate::db::DbConn;
use crate::db::schema::{appointments, clients, services, staff, tenants};

/// What a list asks for. `after` is the (starts_at, id) of the last row of the previous page.
#[derive(Debug, Default)]
pub struct ListFilter {
    pub client_id: Option<String>,
    pub staff_id: Option<String>,
    pub status: Option<&'static str>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    /// Portal views: `Some(true)` live appointments starting at or after `now`, `Some(false)` the rest.
    pub upcoming: Option<(bool, NaiveDateTime)>,
    pub descending: bool,
    pub after: Option<(NaiveDateTime, String)>,
    pub limit: i64,
}

type NamedTuple = (AppointmentRow, String, String, Option<String>);

fn named((row, client_name, service_name, staff_name): NamedTuple) -> Named {
    Named { row, client_name, service_name, staff_name }
}

pub fn list(conn: &mut DbConn, tenant_id: &str, f: &ListFilter) -> QueryResult<Vec<Named>> {
    let mut query = appointments::table
        .inner_join(clients::table)
        .inner_join(services::table)
        .left_join(staff::table)
        .filter(appointments::tenant_id.eq(tenant_id))
        .select((AppointmentRow::as_select(), clients::name, services::name, staff::name.nullable()))
        .limit(f.limit)
        .into_boxed();
    if let Some(client_id) = &f.client_id {
        query = query.filter(appointments::client_id.eq(client_id.clone()));
    }
    if let Some(staff_id) = &f.staff_id {
        query = query.filter(appointments::staff_id.eq(staff_id.clone()));
    }
    if let Some(status) = f.status {
        query = query.filter(appointments::status.eq(status));
    }
    if let Some(from) = f.from {
        query = query.filter(appointments::starts_at.ge(from));
    }
    if let Some(to) = f.to {
        query = query.filter(appointments::starts_at.lt(to));
    }
    match f.upcoming {
        Some((true, now)) => {
            query = query
                .filter(appointments::starts_at.ge(now))
                .filter(appointments::status.eq_any(AppointmentStatus::LIVE));
        }
        Some((false, now)) => {
            query =
                query.filter(appointments::starts_at.lt(now).or(appointments::status.ne_all(AppointmentStatus::LIVE)));
        }
        None => {}
    }
    if let Some((at, id)) = &f.after {
        query = if f.descending {
            query.filter(
                appointments::starts_at
                    .lt(*at)
                    .or(appointments::starts_at.eq(*at).and(appointments::id.lt(id.clone()))),
            )
        } else {
            query.filter(
                appointments::starts_at
                    .gt(*at)
                    .or(appointments::starts_at.eq(*at).and(appointments::id.gt(id.clone()))),
            )
        };
    }
    query = if f.descending {
        query.order((appointments::starts_at.desc(), appointments::id.desc()))
    } else {
        query.order((appointments::starts_at.asc(), appointments::id.asc()))
    };
    Ok(query.load::<NamedTuple>(conn)?.into_iter().map(named).collect())
}

/// One appointment with its names; for a client, only their own.
pub fn get(conn: &mut DbConn, tenant_id: &str, client_id: Option<&str>, id: &str) -> QueryResult<Option<Named>> {
    let mut query = appointments::table
        .inner_join(clients::table)
        .inner_join(services::table)
        .left_join(staff::table)
        .filter(appointments::tenant_id.eq(tenant_id))
        .filter(appointments::id.eq(id))
        .select((AppointmentRow::as_select(), clients::name, services::name, staff::name.nullable()))
        .into_boxed();
    if let Some(client_id) = client_id {
        query = query.filter(appointments::client_id.eq(client_id));
    }
    Ok(query.first::<NamedTuple>(conn).optional()?.map(named))
}

pub fn insert(conn: &mut DbConn, row: &AppointmentRow) -> QueryResult<()> {
    diesel::insert_into(appointments::table).values(row).execute(conn).map(|_| ())
}

/// Writes every changeable column of `row` back.
pub fn save(conn: &mut DbConn, row: &AppointmentRow) -> QueryResult<()> {
    diesel::update(
        appointments::table.filter(appointments::tenant_id.eq(&row.tenant_id)).filter(appointments::id.eq(&row.id)),
    )
    .set((
        appointments::service_id.eq(&row.service_id),
        appointments::staff_id.eq(&row.staff_id),
        appointments::starts_at.eq(row.starts_at),
        appointments::ends_at.eq(row.ends_at),
        appointments::status.eq(&row.status),
        appointments::location.eq(&row.location),
        appointments::notes.eq(&row.notes),
        appointments::cancel_reason.eq(&row.cancel_reason),
        appointments::cancelled_by.eq(&row.cancelled_by),
        appointments::updated_at.eq(row.updated_at),
        appointments::sequence.eq(row.sequence),
    ))
    .execute(conn)
    .map(|_| ())
}

/// Live (pending or confirmed) appointments overlapping `[starts, ends)`, other than
/// `except`; of one staff member when `staff_id` is given, else of anyone.
pub fn overlapping(
    conn: &mut DbConn,
    tenant_id: &str,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
    staff_id: Option<&str>,
    except: Option<&str>,
) -> QueryResult<i64> {
    let mut query = appointments::table
        .filter(appointments::tenant_id.eq(tenant_id))
        .filter(appointments::status.eq_any(AppointmentStatus::LIVE))
        .filter(appointments::starts_at.lt(ends))
        .filter(appointments::ends_at.gt(starts))
        .count()
        .into_boxed();
    if let Some(staff_id) = staff_id {
        query = query.filter(appointments::staff_id.eq(staff_id));
    }
    if let Some(except) = except {
        query = query.filter(appointments::id.ne(except));
    }
    query.get_result(conn)
}

/// A live appointment's hold on the calendar: (staff_id, service_id, starts, ends).
pub type Held = (Option<String>, String, NaiveDateTime, NaiveDateTime);

/// Live appointments touching `[from, to)`, other than `except`, as (staff_id, service_id,
/// starts, ends): what the slot computation subtracts and the daily cap counts.
pub fn busy(
    conn: &mut DbConn,
    tenant_id: &str,
    from: NaiveDateTime,
    to: NaiveDateTime,
    except: Option<&str>,
) -> QueryResult<Vec<Held>> {
    let mut query = appointments::table
        .filter(appointments::tenant_id.eq(tenant_id))
        .filter(appointments::status.eq_any(AppointmentStatus::LIVE))
        .filter(appointments::starts_at.lt(to))
        .filter(appointments::ends_at.gt(from))
        .select((appointments::staff_id, appointments::service_id, appointments::starts_at, appointments::ends_at))
        .into_boxed();
    if let Some(except) = except {
        query = query.filter(appointments::id.ne(except));
    }
    query.load(conn)
}

pub fn staff_count(conn: &mut DbConn, tenant_id: &str) -> QueryResult<i64> {
    staff::table.filter(staff::tenant_id.eq(tenant_id)).count().get_result(conn)
}

/// Serialises bookings of one tenant. On PostgreSQL it locks the tenant's row until the
/// transaction ends, so two transactions cannot both see a time free and both take it.
/// SQLite needs nothing: `Db::write` already lets one writer in at a time.
pub fn lock_bookings(conn: &mut DbConn, tenant_id: &str) -> QueryResult<()> {
    if let DbConn::Pg(pg) = conn {
        tenants::table.filter(tenants::id.eq(tenant_id)).select(tenants::id).for_update().load::<String>(pg)?;
    }
    Ok(())
}
