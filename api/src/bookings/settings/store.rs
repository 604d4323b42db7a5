//! Booking settings queries: one row per tenant, absent until first saved.

use diesel::prelude::*;

use super::model::{BookingSettings, SettingsRow};
use crate::db::DbConn;
use crate::db::schema::booking_settings;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;

pub fn get(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Option<SettingsRow>> {
    booking_settings::table
        .filter(booking_settings::tenant_id.eq(tenant_id))
        .select(SettingsRow::as_select())
        .first(conn)
        .optional()
}

/// The tenant's settings with its time zone, defaults filled in.
pub fn load(conn: &mut DbConn, tenant_id: &str) -> QueryResult<BookingSettings> {
    let tenant = tenant_store::get(conn, tenant_id)?;
    for_tenant(conn, &tenant)
}

/// `load`, for a caller that has read the tenant already.
pub fn for_tenant(conn: &mut DbConn, tenant: &TenantRow) -> QueryResult<BookingSettings> {
    Ok(BookingSettings::of(tenant.timezone.clone(), get(conn, &tenant.id)?))
}

/// Inserts or replaces the tenant's row (callers hold the write transaction).
pub fn save(conn: &mut DbConn, row: &SettingsRow) -> QueryResult<()> {
    let n = diesel::update(booking_settings::table.filter(booking_settings::tenant_id.eq(&row.tenant_id)))
        .set(row)
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(booking_settings::table).values(row).execute(conn)?;
    }
    Ok(())
}
