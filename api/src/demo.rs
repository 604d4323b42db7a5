//! The demo tenant `demo`: a small design studio with a dozen clients, so a newcomer sees
//! a living portal on first start.

use chrono::TimeDelta;
use serde_json::json;

use crate::activity::{self, store::Subject};
use crate::auth::Actor;
use crate::clients::model::{ClientRow, ClientStatus};
use crate::clients::store as client_store;
use crate::db::{Db, new_id, now};
use crate::error::ApiError;
use crate::tenants::model::{TenantChanges, TenantRow};
use crate::tenants::provision::{self, NewTenant, Provisioned};
use crate::tenants::store as tenant_store;

pub const SLUG: &str = "demo";
/// The demo business's owner, who can log in to the console.
pub const OWNER_EMAIL: &str = "owner@lumen.example";
/// A demo client to try the portal with (the first of `CLIENTS`).
pub const CLIENT_EMAIL: &str = "maria@lopez-interiors.es";

/// name, email, phone, company, status, days since created
type DemoClient = (&'static str, &'static str, Option<&'static str>, Option<&'static str>, ClientStatus, i64);

const CLIENTS: &[DemoClient] = &[
    (
        "Maria Lopez",
        "maria@lopez-interiors.es",
        Some("+34 612 345 678"),
        Some("Lopez Interiors"),
        ClientStatus::Active,
        210,
    ),
    (
        "James Whitfield",
        "james@whitfieldbakery.co.uk",
        Some("+44 20 7946 0321"),
        Some("Whitfield Bakery"),
        ClientStatus::Active,
        180,
    ),
    ("Aiko Tanaka", "aiko.tanaka@example.jp", Some("+81 3 1234 5678"), None, ClientStatus::Active, 150),
    (
        "Lukas Becker",
        "lukas@becker-architekten.de",
        Some("+49 30 901820"),
        Some("Becker Architekten"),
        ClientStatus::Active,
        120,
    ),
    // One person, two businesses: one email, two client records.
    ("Lukas Becker", "lukas@becker-architekten.de", None, Some("Café Kiez"), ClientStatus::Active, 45),
    (
        "Sofia Rossi",
        "sofia.rossi@example.it",
        Some("+39 06 4880 1234"),
        Some("Rossi & Figli"),
        ClientStatus::Active,
        98,
    ),
    (
        "Noah Martin",
        "noah@martin-cycles.fr",
        Some("+33 1 42 68 53 00"),
        Some("Martin Cycles"),
        ClientStatus::Active,
        76,
    ),
    ("Emma Johansson", "emma.johansson@example.se", None, Some("Nordljus Yoga"), ClientStatus::Active, 60),
    (
        "Oliver Brown",
        "oliver@brownlegal.com",
        Some("+1 415 555 0142"),
        Some("Brown Legal LLP"),
        ClientStatus::Active,
        33,
    ),
    ("Chloé Dubois", "chloe.dubois@example.fr", Some("+33 6 12 34 56 78"), None, ClientStatus::Active, 21),
    ("Mateo Fernández", "mateo@verdeplantas.mx", None, Some("Verde Plantas"), ClientStatus::Lead, 7),
    (
        "Hannah Schmidt",
        "hannah.schmidt@example.at",
        Some("+43 1 5322 0000"),
        Some("Alpen Tours"),
        ClientStatus::Lead,
        2,
    ),
];

/// Seeds the demo tenant unless a tenant `demo` exists. Returns what was created.
pub fn seed(db: &Db) -> Result<Option<Provisioned>, ApiError> {
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
        let at = now();
        for (name, email, phone, company, status, days) in CLIENTS {
            let created_at = at - TimeDelta::days(*days);
            let row = ClientRow {
                id: new_id(),
                tenant_id: tenant.id.clone(),
                email: email.to_string(),
                name: name.to_string(),
                phone: phone.map(str::to_string),
                company: company.map(str::to_string),
                notes: None,
                status: status.as_str().to_string(),
                portal_enabled: *status == ClientStatus::Active,
                invited_at: (*status == ClientStatus::Active).then_some(created_at),
                last_login_at: None,
                created_at,
                updated_at: created_at,
            };
            client_store::insert(conn, &row)?;
            let subject = Subject { kind: "client", id: &row.id, client_id: Some(&row.id) };
            activity::record(conn, &tenant.id, &Actor::System, "created", subject, json!({ "source": "demo" }))?;
        }
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
        updated_at: now(),
    };
    Ok(tenant_store::update(conn, &tenant.id, &changes)?)
}
