//! Creating a tenant with its owner and a first API key, all or nothing. Used by
//! `portico create-tenant` and by demo seeding.

use serde_json::json;
use validator::Validate;

use crate::activity;
use crate::activity::store::Subject;
use crate::api_keys::store as key_store;
use crate::auth::{Actor, Scope, api_key};
use crate::db::{Db, DbConn, new_id, now};
use crate::error::ApiError;
use crate::rules;
use crate::staff;
use crate::tenants::model::TenantRow;
use crate::tenants::store;

#[derive(Debug, Validate)]
pub struct NewTenant {
    #[validate(custom(function = "rules::slug"))]
    pub slug: String,
    #[validate(
        length(min = 1, max = 120, message = "must be 1 to 120 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    pub name: String,
    #[validate(email(message = "must be a valid email address"))]
    pub owner_email: String,
    #[validate(custom(function = "rules::timezone"))]
    pub timezone: String,
    #[validate(custom(function = "rules::currency"))]
    pub currency: String,
}

/// The tenant created and its first API key, in plaintext (shown once).
pub struct Provisioned {
    pub tenant: TenantRow,
    pub api_key: String,
}

pub fn create_tenant(db: &Db, new: NewTenant) -> Result<Provisioned, ApiError> {
    new.validate()?;
    db.write_sync(|conn| create_in(conn, new))
}

pub fn create_in(conn: &mut DbConn, new: NewTenant) -> Result<Provisioned, ApiError> {
    let at = now();
    let tenant = TenantRow {
        id: new_id(),
        slug: new.slug,
        name: new.name.trim().to_string(),
        logo_url: None,
        primary_color: "#2563eb".into(),
        accent_color: "#f59e0b".into(),
        login_title: None,
        login_message: None,
        custom_domain: None,
        timezone: new.timezone,
        currency: new.currency,
        locale: "en-US".into(),
        created_at: at,
        updated_at: at,
        mail_from: None,
        language: "en".into(),
        remember_device: true,
    };
    store::insert(conn, &tenant).map_err(store::conflict)?;
    let owner_email = new.owner_email.trim().to_lowercase();
    let owner_name = owner_email.split('@').next().unwrap_or("Owner").to_string();
    staff::store::insert(conn, &tenant.id, &owner_email, &owner_name, "owner")?;
    let key = api_key::generate();
    let key_row = key_store::insert(conn, &tenant.id, "Owner key", &key, &Scope::ALL)?;
    let subject = Subject { kind: "tenant", id: &tenant.id, client_id: None };
    activity::store::insert(conn, &tenant.id, &Actor::System, "created", subject, json!({ "slug": tenant.slug }))?;
    let subject = Subject { kind: "api_key", id: &key_row.id, client_id: None };
    activity::store::insert(conn, &tenant.id, &Actor::System, "created", subject, json!({ "name": key_row.name }))?;
    Ok(Provisioned { tenant, api_key: key.plaintext })
}
