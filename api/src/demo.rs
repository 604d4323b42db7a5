//! The demo tenant `demo`: a small design studio with a dozen clients, its services and
//! opening hours, appointments, orders, projects, quotes, contracts and invoices, so a
//! newcomer sees a living portal on first start. Each domain seeds its own part (its
//! `demo.rs`); this file makes the tenant and calls them in order.

use crate::db::{Db, now};
use crate::error::ApiError;
use crate::provision::{self, NewTenant, Provisioned};
use crate::staff::store as staff_store;
use crate::tenants::model::{TenantChanges, TenantRow};
use crate::tenants::store as tenant_store;

pub const SLUG: &str = "demo";

/// The demo business's owner, who can log in to the console.
pub const OWNER_EMAIL: &str = "owner@lumen.example";

/// Their name, as clients read it.
pub const OWNER_NAME: &str = "Clara Weiss";

/// A demo client to try the portal with.
pub use crate::clients::demo::CLIENT_EMAIL;

/// Seeds the demo tenant unless a tenant `demo` exists. Returns what was created.
pub fn seed(db: &Db, storage: &crate::storage::Storage) -> Result<Option<Provisioned>, ApiError> {
    db.write_sync(|conn| {
        if tenant_store::find_by_slug(conn, SLUG)?.is_some() {
            return Ok(None);
        }
        let created = provision::create_in(
            conn,
            NewTenant {
                slug: SLUG.into(),
                name: "Lumen Design Studio".into(),
                owner_email: OWNER_EMAIL.into(),
                timezone: "Europe/Berlin".into(),
                currency: "EUR".into(),
            },
        )?;
        let tenant = brand(conn, &created.tenant)?;
        // The owner has a name clients can read ("with Clara"), chosen as at a first login.
        if let Some(owner) = staff_store::list(conn, &tenant.id)?.into_iter().next() {
            staff_store::choose_name(conn, &tenant.id, &owner.id, OWNER_NAME)?;
        }
        let client_ids = crate::clients::demo::seed(conn, &tenant)?;
        crate::service_orders::demo::seed(conn, &tenant, &client_ids)?;
        let ids: Vec<String> = client_ids.into_iter().map(|(_, id)| id).collect();
        crate::bookings::demo::seed(conn, &tenant, &ids)?;
        // Maria (the client who logs in) and Sofia.
        let projects = crate::projects::demo::seed(conn, &tenant, &ids[0], &ids[3])?;
        crate::messages::demo::seed(conn, &projects.under_way)?;
        crate::time_logs::demo::seed(conn, &projects.under_way)?;
        crate::deliverables::demo::seed(conn, &projects)?;
        crate::quotes::demo::seed(conn, &tenant, &ids[0], &ids[3])?;
        crate::feedback::demo::seed(conn, &projects)?;
        crate::files::demo::seed(conn, storage, &projects.under_way, &ids[0])?;
        crate::products::demo::seed(conn, storage, &projects.under_way.tenant_id, &ids[0])?;
        crate::contracts::demo::seed(conn, &tenant, &ids[0])?;
        crate::invoices::demo::seed(conn, &tenant, &ids[0], &projects)?;
        crate::forms::demo::seed(conn, &tenant)?;
        Ok(Some(Provisioned { tenant, api_key: created.api_key }))
    })
}

fn brand(conn: &mut crate::db::DbConn, tenant: &TenantRow) -> Result<TenantRow, ApiError> {
    let changes = TenantChanges {
        slug: None,
        name: None,
        logo_url: None,
        primary_color: Some("#4f46e5".into()),
        accent_color: Some("#f59e0b".into()),
        login_title: Some(Some("Welcome to your Lumen client portal".into())),
        login_message: Some(Some("Log in with your email to see your projects, appointments and invoices.".into())),
        custom_domain: None,
        timezone: None,
        currency: None,
        locale: Some("en-GB".into()),
        mail_from: None,
        language: None,
        remember_device: None,
        updated_at: now(),
    };
    Ok(tenant_store::update(conn, &tenant.id, &changes)?)
}
