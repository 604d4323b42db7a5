//! The tenant's billing settings: number prefixes, default payment terms and quote validity,
//! and the details printed on every document. One row per tenant, absent until first saved.

use chrono::NaiveDateTime;
use diesel::prelude::*;

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
