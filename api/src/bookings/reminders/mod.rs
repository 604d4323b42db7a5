//! Reminders before appointments: scheduled when an appointment is booked or moved (one per
//! offset the business set, only those still ahead), dropped when it is cancelled or over,
//! and sent by a scheduler inside the server (no cron). Marking a reminder sent and queueing
//! its messages happen in one transaction, so each is sent once: across restarts (a crash
//! before the commit leaves it due, after it leaves it queued in the outbox) and across
//! several processes (only one claim matches).

pub mod store;

use std::time::Duration;

use chrono::TimeDelta;

use self::store::ReminderRow;
use super::appointments::model::{AppointmentRow, AppointmentStatus};
use super::appointments::store as appointment_store;
use super::notices::{self, Told};
use super::settings::model::BookingSettings;
use super::settings::store as settings_store;
use crate::auth::Actor;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{Db, DbConn, new_id, now};
use crate::error::ApiError;
use crate::outbox::OutboxSignal;
use crate::tenants::store as tenant_store;

/// At most this many reminders per transaction, so one pass never holds the writer long.
const BATCH: i64 = 50;

/// Sets the reminders of `row` from the business's offsets: those still ahead when it is
/// live, none otherwise. Call in the transaction that books, moves or ends it.
pub fn schedule(conn: &mut DbConn, settings: &BookingSettings, row: &AppointmentRow) -> Result<(), ApiError> {
    let live = AppointmentStatus::stored_or(&row.status, AppointmentStatus::Cancelled).is_live();
    if !live {
        store::drop_all(conn, &row.tenant_id, &row.id)?;
        return Ok(());
    }
    let at = now();
    let rows: Vec<ReminderRow> = settings
        .reminder_offsets_minutes
        .iter()
        .map(|m| (*m, row.starts_at - TimeDelta::minutes((*m).into())))
        .filter(|(_, due)| *due > at)
        .map(|(m, due)| ReminderRow {
            id: new_id(),
            tenant_id: row.tenant_id.clone(),
            appointment_id: row.id.clone(),
            offset_minutes: m,
            due_at: due,
            sent_at: None,
        })
        .collect();
    store::replace(conn, &row.tenant_id, &row.id, &rows)?;
    Ok(())
}

/// Sends what is due, in one transaction; returns how many reminders were sent.
pub fn send_due(conn: &mut DbConn, config: &Config) -> Result<usize, ApiError> {
    let at = now();
    let mut sent = 0;
    for reminder in store::due(conn, at, BATCH)? {
        if store::claim(conn, &reminder, at)? == 0 {
            continue;
        }
        let tenant_id = &reminder.tenant_id;
        let Some(named) = appointment_store::get(conn, tenant_id, None, &reminder.appointment_id)? else { continue };
        let live = AppointmentStatus::stored_or(&named.row.status, AppointmentStatus::Cancelled).is_live();
        // Late (the server was down) is still useful until the start; after it, not.
        if !live || named.row.starts_at <= at {
            continue;
        }
        let Some(client) = client_store::get(conn, tenant_id, &named.row.client_id)? else { continue };
        let tenant = tenant_store::get(conn, tenant_id)?;
        let settings = settings_store::for_tenant(conn, &tenant)?;
        notices::tell(conn, config, &tenant, &settings, &named, &client, Told::Reminder, &Actor::System)?;
        sent += 1;
    }
    Ok(sent)
}

/// The scheduler: every `reminder_check_seconds`, sends what is due and wakes the outbox.
pub async fn run(db: Db, config: Config, outbox: OutboxSignal) {
    let every = Duration::from_secs(config.reminder_check_seconds);
    loop {
        let config = config.clone();
        match db.write(move |conn| send_due(conn, &config)).await {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(reminders = n, "reminders queued");
                outbox.wake();
            }
            Err(e) => tracing::warn!(error = %e, "reminders: cannot send what is due"),
        }
        tokio::time::sleep(every).await;
    }
}
