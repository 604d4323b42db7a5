//! The demo tenant `demo`: a small design studio with a dozen clients, its services and
//! opening hours, a few appointments and a review, so a newcomer sees a living portal on
//! first start.

use chrono::TimeDelta;
use serde_json::json;

use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::bookings::appointments::model::{AppointmentRow, AppointmentStatus};
use crate::bookings::appointments::store as appointment_store;
use crate::bookings::reviews::model::ReviewRow;
use crate::bookings::reviews::store as review_store;
use crate::bookings::services::model::ServiceRow;
use crate::bookings::services::store as service_store;
use crate::bookings::settings::model::{UpdateBookingSettings, default_hours};
use crate::bookings::settings::store as settings_store;
use crate::clients::model::{ClientRow, ClientStatus};
use crate::clients::store as client_store;
use crate::db::{Db, DbConn, counters, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::provision::{self, NewTenant, Provisioned};
use crate::service_orders::model::{
    COUNTER, EventRow, NewLine, ServiceOrderRow, ServiceOrderStatus, line_rows, reference,
};
use crate::service_orders::store as order_store;
use crate::staff::store as staff_store;
use crate::tenants::model::{TenantChanges, TenantRow};
use crate::tenants::store as tenant_store;

pub const SLUG: &str = "demo";
/// The demo business's owner, who can log in to the console.
pub const OWNER_EMAIL: &str = "owner@lumen.example";
/// Their name, as clients read it.
pub const OWNER_NAME: &str = "Clara Weiss";
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
            };
            client_store::insert(conn, &row)?;
            client_ids.push((row.email.clone(), row.id.clone()));
            let subject = Subject { kind: "client", id: &row.id, client_id: Some(&row.id) };
            events::record(conn, &tenant.id, &Actor::System, "created", subject, json!({ "source": "demo" }))?;
        }
        for order in ORDERS {
            let client_id = client_ids.iter().find(|(email, _)| email == order.email).map(|(_, id)| id.as_str());
            if let Some(client_id) = client_id {
                seed_order(conn, &tenant, client_id, order)?;
            }
        }
        let ids: Vec<String> = client_ids.into_iter().map(|(_, id)| id).collect();
        bookings(conn, &tenant, &ids)?;
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

/// name, minutes, price in cents
const SERVICES: &[(&str, &str, i32, i64)] = &[
    ("Design consultation", "An hour to talk through your space, your brand or your site.", 60, 9000),
    ("Brand workshop", "Two hours to shape your brand's voice, colours and type.", 120, 24000),
    ("Website review", "A walk through your website with concrete fixes.", 45, 7000),
    ("Quick call", "Half an hour for a question or a next step.", 30, 0),
];

/// client index, service index, days from today (moved off weekends), local hour, status
type DemoAppointment = (usize, usize, i64, u32, AppointmentStatus);

const APPOINTMENTS: &[DemoAppointment] = &[
    (0, 0, 3, 10, AppointmentStatus::Confirmed),
    (0, 1, 10, 14, AppointmentStatus::Pending),
    (0, 2, -14, 11, AppointmentStatus::Completed),
    (0, 3, 5, 15, AppointmentStatus::Cancelled),
    (1, 3, 2, 9, AppointmentStatus::Confirmed),
    (5, 0, -7, 10, AppointmentStatus::Completed),
    (6, 2, 4, 13, AppointmentStatus::Confirmed),
];

/// A weekday `days` from today at `hour` local time, in UTC (a weekend moves to Monday).
fn local_slot(tz: chrono_tz::Tz, days: i64, hour: u32) -> chrono::NaiveDateTime {
    use chrono::{Datelike, TimeZone, Weekday};
    let mut day = chrono::Utc::now().with_timezone(&tz).date_naive() + TimeDelta::days(days);
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day += TimeDelta::days(1);
    }
    let local = day.and_hms_opt(hour, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&local).earliest().map(|t| t.naive_utc()).unwrap_or(local)
}

/// Services, opening hours, a few appointments (Maria has one of each kind) and a review.
fn bookings(conn: &mut crate::db::DbConn, tenant: &TenantRow, clients: &[String]) -> Result<(), ApiError> {
    let at = now();
    let settings = UpdateBookingSettings {
        weekly_hours: default_hours(),
        closed_days: Vec::new(),
        cancellation_cutoff_hours: 24,
        slot_step_minutes: 15,
        location: Some("Lumen Design Studio, Torstraße 12, Berlin".into()),
    };
    settings_store::save(conn, &settings.into_row(&tenant.id, at))?;
    let mut services = Vec::new();
    for (name, description, minutes, price) in SERVICES {
        let row = ServiceRow {
            id: new_id(),
            tenant_id: tenant.id.clone(),
            name: name.to_string(),
            description: Some(description.to_string()),
            duration_minutes: *minutes,
            price_minor: *price,
            currency: tenant.currency.clone(),
            active: true,
            created_at: at,
            updated_at: at,
        };
        service_store::insert(conn, &row)?;
        services.push(row);
    }
    let owner = staff_store::list(conn, &tenant.id)?.into_iter().next().map(|s| s.id);
    let tz: chrono_tz::Tz = tenant.timezone.parse().unwrap_or(chrono_tz::UTC);
    for (client, service, days, hour, status) in APPOINTMENTS {
        let (client_id, service) = (&clients[*client], &services[*service]);
        let starts = local_slot(tz, *days, *hour);
        let cancelled = *status == AppointmentStatus::Cancelled;
        let row = AppointmentRow {
            id: new_id(),
            tenant_id: tenant.id.clone(),
            client_id: client_id.clone(),
            service_id: service.id.clone(),
            staff_id: owner.clone(),
            starts_at: starts,
            ends_at: starts + TimeDelta::minutes(service.duration_minutes.into()),
            status: status.as_str().to_string(),
            location: Some("Lumen Design Studio, Torstraße 12, Berlin".into()),
            notes: None,
            cancel_reason: cancelled.then(|| "Travelling that week".to_string()),
            cancelled_by: cancelled.then(|| "client".to_string()),
            created_at: at,
            updated_at: at,
        };
        appointment_store::insert(conn, &row)?;
        let subject = Subject { kind: "appointment", id: &row.id, client_id: Some(client_id) };
        let data = json!({ "starts_at": crate::db::utc(starts), "service_name": service.name });
        events::record(conn, &tenant.id, &Actor::System, "booked", subject, data)?;
        if *client == 5 {
            let review = ReviewRow {
                id: new_id(),
                tenant_id: tenant.id.clone(),
                appointment_id: row.id.clone(),
                client_id: client_id.clone(),
                rating: 5,
                text: Some("Lumen turned our messy ideas into a clear plan. Warmly recommended.".into()),
                status: "approved".into(),
                created_at: at,
                moderated_at: Some(at),
            };
            review_store::insert(conn, &review)?;
        }
    }
    Ok(())
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

/// A demo service order: whose, what, its lines, and the statuses it went through with how
/// many days ago each happened (the first is when it was received).
struct DemoOrder {
    email: &'static str,
    title: &'static str,
    description: Option<&'static str>,
    /// description, quantity, unit price in cents
    lines: &'static [(&'static str, i64, i64)],
    steps: &'static [(ServiceOrderStatus, i64)],
    /// Days from today, when the work should be done.
    due_in_days: Option<i64>,
}

const ORDERS: &[DemoOrder] = &[
    DemoOrder {
        email: CLIENT_EMAIL,
        title: "Brand refresh: shop signage",
        description: None,
        lines: &[("Shop sign, brushed aluminium", 1, 68000)],
        steps: &[
            (ServiceOrderStatus::Received, 40),
            (ServiceOrderStatus::InProgress, 38),
            (ServiceOrderStatus::Ready, 32),
            (ServiceOrderStatus::Delivered, 30),
        ],
        due_in_days: None,
    },
    DemoOrder {
        email: "james@whitfieldbakery.co.uk",
        title: "Menu boards for the new counter",
        description: Some("Three chalk-style boards, matching the logo colours."),
        lines: &[("Menu board, 60 × 90 cm", 3, 12500)],
        steps: &[(ServiceOrderStatus::Received, 9), (ServiceOrderStatus::InProgress, 6)],
        due_in_days: Some(5),
    },
    DemoOrder {
        email: CLIENT_EMAIL,
        title: "Framed poster set",
        description: Some("Three A2 posters of the autumn collection, oak frames."),
        lines: &[("A2 poster print", 3, 2400), ("Oak frame, A2", 3, 5500)],
        steps: &[
            (ServiceOrderStatus::Received, 12),
            (ServiceOrderStatus::InProgress, 8),
            (ServiceOrderStatus::Ready, 1),
        ],
        due_in_days: None,
    },
    DemoOrder {
        email: "sofia.rossi@example.it",
        title: "Wedding invitations",
        description: None,
        lines: &[("Letterpress invitation", 120, 350)],
        steps: &[(ServiceOrderStatus::Received, 3)],
        due_in_days: Some(14),
    },
    DemoOrder {
        email: CLIENT_EMAIL,
        title: "Print run: 200 brochures",
        description: Some("A5, four pages, matt 170 g paper."),
        lines: &[("Brochure print, A5, 4 pages", 200, 150), ("Design proof and colour check", 1, 4500)],
        steps: &[(ServiceOrderStatus::Received, 4), (ServiceOrderStatus::InProgress, 2)],
        due_in_days: Some(3),
    },
];

/// Writes one order as if it had lived through its steps: numbered by the counter, with a
/// history entry and an activity entry per step, and no email (nothing happened today).
fn seed_order(conn: &mut DbConn, tenant: &TenantRow, client_id: &str, demo: &DemoOrder) -> Result<(), ApiError> {
    let at = now();
    let (first, last) = match (demo.steps.first(), demo.steps.last()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Ok(()),
    };
    let number = counters::next(conn, &tenant.id, COUNTER)?;
    let row = ServiceOrderRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        client_id: client_id.to_string(),
        number,
        title: demo.title.to_string(),
        description: demo.description.map(str::to_string),
        currency: tenant.currency.clone(),
        estimated_completion: demo.due_in_days.map(|d| (at + TimeDelta::days(d)).date()),
        status: last.0.as_str().to_string(),
        status_changed_at: at - TimeDelta::days(last.1),
        created_at: at - TimeDelta::days(first.1),
        updated_at: at - TimeDelta::days(last.1),
    };
    order_store::insert(conn, &row)?;
    let lines = demo
        .lines
        .iter()
        .map(|(d, q, p)| NewLine { description: d.to_string(), quantity: *q, unit_price_minor: *p })
        .collect();
    order_store::replace_lines(conn, &tenant.id, &row.id, &line_rows(&tenant.id, &row.id, lines))?;
    let mut from = None;
    for (status, days) in demo.steps {
        let event = EventRow::of(&row, *status, None, at - TimeDelta::days(*days));
        order_store::insert_event(conn, &event)?;
        let subject = Subject { kind: "service_order", id: &row.id, client_id: Some(client_id) };
        let (verb, data) = match from {
            None => ("created", json!({ "number": number, "reference": reference(number), "title": row.title })),
            Some(from) => (
                "status_changed",
                json!({ "reference": reference(number), "title": row.title, "from": ServiceOrderStatus::as_str(from), "to": status.as_str(), "note": null }),
            ),
        };
        events::record(conn, &tenant.id, &Actor::System, verb, subject, data)?;
        from = Some(*status);
    }
    Ok(())
}
