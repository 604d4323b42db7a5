//! The tenant's billing settings: number prefixes, default payment terms and quote validity,
//! and the details printed on every document. One row per tenant, absent until first saved.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::billing_settings;

pub const DEFAULT_QUOTE_PREFIX: &str = "Q";
pub const DEFAULT_INVOICE_PREFIX: &str = "INV";
pub const DEFAULT_PAYMENT_TERMS_DAYS: i32 = 14;
pub const DEFAULT_QUOTE_VALID_DAYS: i32 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = billing_settings)]
#[diesel(treat_none_as_null = true)]
pub struct BillingSettingsRow {
    pub tenant_id: String,
    pub quote_prefix: String,
    pub invoice_prefix: String,
    pub payment_terms_days: i32,
    pub quote_valid_days: i32,
    pub billing_details: Option<String>,
    pub updated_at: NaiveDateTime,
}

impl BillingSettingsRow {
    pub fn defaults(tenant_id: &str, now: NaiveDateTime) -> BillingSettingsRow {
        BillingSettingsRow {
            tenant_id: tenant_id.to_string(),
            quote_prefix: DEFAULT_QUOTE_PREFIX.into(),
            invoice_prefix: DEFAULT_INVOICE_PREFIX.into(),
            payment_terms_days: DEFAULT_PAYMENT_TERMS_DAYS,
            quote_valid_days: DEFAULT_QUOTE_VALID_DAYS,
            billing_details: None,
            updated_at: now,
        }
    }
}

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
