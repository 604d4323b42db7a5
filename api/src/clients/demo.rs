//! The demo's clients: a dozen, active and leads, across Europe and Japan; the invoiced
//! companies with a billing address and a VAT ID.

use chrono::TimeDelta;
use serde_json::json;

use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::model::{ClientRow, ClientStatus};
use crate::clients::store as client_store;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::tenants::model::TenantRow;

/// A demo client to try the portal with (the first of `CLIENTS`).
pub const CLIENT_EMAIL: &str = "maria@lopez-interiors.es";

/// name, email, phone, company, status, days since created
type DemoClient = (&'static str, &'static str, Option<&'static str>, Option<&'static str>, ClientStatus, i64);

/// The demo's invoiced companies have an address and a VAT ID, as EU invoices need.
fn billing_address_of(email: &str) -> Option<&'static str> {
    match email {
        "maria@lopez-interiors.es" => Some("Calle de Serrano 41\n28001 Madrid\nSpain"),
        "james@whitfieldbakery.co.uk" => Some("12 Market Row\nLondon SW9 8LB\nUnited Kingdom"),
        _ => None,
    }
}

fn tax_id_of(email: &str) -> Option<&'static str> {
    match email {
        "maria@lopez-interiors.es" => Some("ESB87654321"),
        "james@whitfieldbakery.co.uk" => Some("GB123456789"),
        _ => None,
    }
}

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

/// The demo's clients, created long enough ago to have a history: `(email, id)` of each.
pub fn seed(conn: &mut DbConn, tenant: &TenantRow) -> Result<Vec<(String, String)>, ApiError> {
    let at = now();
    let mut client_ids = Vec::new();
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
            email_opt_out: false,
            billing_address: billing_address_of(email).map(str::to_string),
            tax_id: tax_id_of(email).map(str::to_string),
            // Unset, as for a new client: each notes their browser's language at first login.
            language: None,
            time_zone: None,
        };
        client_store::insert(conn, &row)?;
        client_ids.push((row.email.clone(), row.id.clone()));
        let subject = Subject { kind: "client", id: &row.id, client_id: Some(&row.id) };
        events::record(conn, &tenant.id, &Actor::System, "created", subject, json!({ "source": "demo" }))?;
    }
    Ok(client_ids)
}
