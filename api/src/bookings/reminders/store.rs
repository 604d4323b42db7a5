//! Reminder queries. The scheduler's `due` is the one query across tenants: it looks for
//! work, and everything it then does is scoped by the reminder's tenant.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::appointment_reminders;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = appointment_reminders)]
pub struct ReminderRow {
    pub id: String,
    pub tenant_id: String,
    pub appointment_id: String,
    pub offset_minutes: i32,
    pub due_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// Replaces every reminder of an appointment with `rows`.
pub fn replace(conn: &mut DbConn, tenant_id: &str, appointment_id: &str, rows: &[ReminderRow]) -> QueryResult<()> {
    drop_all(conn, tenant_id, appointment_id)?;
    // One by one: the multi-backend connection has no batch insert.
    for row in rows {
        diesel::insert_into(appointment_reminders::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Removes every reminder of an appointment (it is over, or cancelled).
pub fn drop_all(conn: &mut DbConn, tenant_id: &str, appointment_id: &str) -> QueryResult<usize> {
    diesel::delete(
        appointment_reminders::table
            .filter(appointment_reminders::tenant_id.eq(tenant_id))
            .filter(appointment_reminders::appointment_id.eq(appointment_id)),
    )
    .execute(conn)
}

/// An appointment's reminders, soonest first.
pub fn of(conn: &mut DbConn, tenant_id: &str, appointment_id: &str) -> QueryResult<Vec<ReminderRow>> {
    appointment_reminders::table
        .filter(appointment_reminders::tenant_id.eq(tenant_id))
        .filter(appointment_reminders::appointment_id.eq(appointment_id))
        .order(appointment_reminders::due_at.asc())
        .select(ReminderRow::as_select())
        .load(conn)
}

/// Unsent reminders due at `at`, oldest first, at most `limit`.
pub fn due(conn: &mut DbConn, at: NaiveDateTime, limit: i64) -> QueryResult<Vec<ReminderRow>> {
    appointment_reminders::table
        .filter(appointment_reminders::sent_at.is_null())
        .filter(appointment_reminders::due_at.le(at))
        .order((appointment_reminders::due_at.asc(), appointment_reminders::id.asc()))
        .limit(limit)
        .select(ReminderRow::as_select())
        .load(conn)
}

/// Marks a reminder sent unless someone did first: 1 when this caller has it. On
/// PostgreSQL a second process's update waits for the first to commit, then matches
/// nothing; SQLite lets one writer in at a time.
pub fn claim(conn: &mut DbConn, row: &ReminderRow, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        appointment_reminders::table
            .filter(appointment_reminders::tenant_id.eq(&row.tenant_id))
            .filter(appointment_reminders::id.eq(&row.id))
            .filter(appointment_reminders::sent_at.is_null()),
    )
    .set(appointment_reminders::sent_at.eq(at))
    .execute(conn)
}
