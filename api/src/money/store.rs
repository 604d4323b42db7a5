//! Billing settings queries.

use diesel::prelude::*;

use super::model::BillingSettingsRow;
use crate::db::DbConn;
use crate::db::schema::billing_settings;

/// The tenant's settings, defaults filled in when never saved.
pub fn load(conn: &mut DbConn, tenant_id: &str) -> QueryResult<BillingSettingsRow> {
    let row = billing_settings::table
        .filter(billing_settings::tenant_id.eq(tenant_id))
        .select(BillingSettingsRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.unwrap_or_else(|| BillingSettingsRow::defaults(tenant_id, crate::db::now())))
}

/// Inserts or replaces the tenant's row (callers hold the write transaction).
pub fn save(conn: &mut DbConn, row: &BillingSettingsRow) -> QueryResult<()> {
    let n = diesel::update(billing_settings::table.filter(billing_settings::tenant_id.eq(&row.tenant_id)))
        .set(row)
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(billing_settings::table).values(row).execute(conn)?;
    }
    Ok(())
}
