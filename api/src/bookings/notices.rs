//! Telling an appointment's people what changed: booked, confirmed, moved, cancelled,
//! completed, and the reminders before it. The client gets an email (and a text message
//! when the business turned them on and the client has a phone), the assigned staff member
//! an email (the owners and admins when nobody is assigned), each in its reader's language
//! and time zone, each email with a calendar file (`METHOD:REQUEST`, or `CANCEL`) whose
//! `UID` stays and whose `SEQUENCE` rises with every change. The portal notification and
//! the webhook come from the activity entry the change records (`events::record`).
//! Everything is queued in the caller's transaction.

use chrono::NaiveDateTime;

use super::appointments::model::{AppointmentRow, AppointmentStatus, Named};
use super::settings::model::BookingSettings;
use super::settings::store as settings_store;
use crate::auth::Actor;
use crate::calendar::{self, Event, Method, Person};
use crate::clients::email::{self, ClientEmail};
use crate::clients::model::ClientRow;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::{DbConn, now, utc};
use crate::error::ApiError;
use crate::i18n::{Formats, Language};
use crate::mail::templates::{self, Words};
use crate::mail::{Attachment, Email};
use crate::outbox;
use crate::sms::{Sms, e164};
use crate::staff::store as staff_store;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;
use crate::tr;

/// What happened.
#[derive(Debug, Clone, Copy)]
pub enum Told {
    Booked,
    Confirmed,
    Moved {
        from: NaiveDateTime,
    },
    Cancelled,
    Completed,
    /// A reminder before the start.
    Reminder,
}

/// Whom a message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Client,
    Staff,
}

/// The appointment as a calendar event; `UID` stable for the appointment's whole life.
pub fn event(config: &Config, tenant: &TenantRow, named: &Named, reader: Option<&ClientRow>) -> Event {
    let r = &named.row;
    let status = AppointmentStatus::stored_or(&r.status, AppointmentStatus::Cancelled);
    let (summary, url) = match reader {
        Some(_) => (
            format!("{} · {}", named.service_name, tenant.name),
            config.public(&format!("/portal/{}/appointments/{}", tenant.slug, r.id)),
        ),
        None => (
            format!("{} · {}", named.service_name, named.client_name),
            config.public(&format!("/app/appointments/{}", r.id)),
        ),
    };
    let organizer =
        Person { name: tenant.name.clone(), email: address(tenant.mail_from.as_deref().unwrap_or(&config.mail.from)) };
    Event {
        uid: format!("appointment-{}@portico", r.id),
        sequence: r.sequence,
        starts: utc(r.starts_at),
        ends: utc(r.ends_at),
        summary,
        description: Some(url.clone()),
        location: r.location.clone(),
        url: Some(url),
        cancelled: status == AppointmentStatus::Cancelled,
        tentative: status == AppointmentStatus::Pending,
        organizer: Some(organizer),
        attendee: reader.map(|c| Person { name: c.name.clone(), email: c.email.clone() }),
        stamp: utc(r.updated_at),
    }
}

/// The address of a sender such as `Portico <no-reply@example.com>`.
fn address(from: &str) -> String {
    match (from.rfind('<'), from.rfind('>')) {
        (Some(a), Some(b)) if a < b => from[a + 1..b].trim().to_string(),
        _ => from.trim().to_string(),
    }
}

fn attachment(method: Method, event: Event) -> Attachment {
    let text = calendar::calendar(method, None, &[event]);
    let name = if method == Method::Cancel { "cancelled.ics" } else { "invite.ics" };
    Attachment::new(name, calendar::content_type(method), text.as_bytes())
}

/// The zone a client reads times in.
pub fn client_zone<'a>(client: &'a ClientRow, tenant: &'a TenantRow) -> &'a str {
    client.time_zone.as_deref().filter(|z| z.parse::<chrono_tz::Tz>().is_ok()).unwrap_or(&tenant.timezone)
}

/// A message's words for one reader.
fn words(told: Told, reader: Reader, by_client: bool, lang: Language, f: &Formats, zone: &str, named: &Named) -> Words {
    let r = &named.row;
    let service = named.service_name.as_str();
    let client = named.client_name.as_str();
    let when = f.date_time(utc(r.starts_at), zone);
    let pending = r.status == AppointmentStatus::Pending.as_str();
    let (heading, line) = match (told, reader) {
        (Told::Booked, Reader::Client) if pending => (
            tr!(lang, "appointment-requested-heading"),
            tr!(lang, "appointment-requested-line", service = service, when = when.clone()),
        ),
        (Told::Booked, Reader::Client) => (
            tr!(lang, "appointment-booked-heading"),
            tr!(lang, "appointment-booked-line", service = service, when = when.clone()),
        ),
        (Told::Booked, Reader::Staff) => (
            tr!(lang, "appointment-staff-booked-heading"),
            if pending {
                tr!(lang, "appointment-staff-requested-line", client = client, service = service, when = when.clone())
            } else {
                tr!(lang, "appointment-staff-booked-line", client = client, service = service, when = when.clone())
            },
        ),
        (Told::Confirmed, Reader::Client) => (
            tr!(lang, "appointment-confirmed-heading"),
            tr!(lang, "appointment-confirmed-line", service = service, when = when.clone()),
        ),
        (Told::Confirmed, Reader::Staff) => (
            tr!(lang, "appointment-confirmed-heading"),
            tr!(lang, "appointment-staff-confirmed-line", client = client, service = service, when = when.clone()),
        ),
        (Told::Moved { from }, Reader::Client) => (
            tr!(lang, "appointment-moved-heading"),
            tr!(
                lang,
                "appointment-moved-line",
                service = service,
                from = f.date_time(utc(from), zone),
                to = when.clone()
            ),
        ),
        (Told::Moved { from }, Reader::Staff) if by_client => (
            tr!(lang, "appointment-client-moved-heading"),
            tr!(
                lang,
                "appointment-client-moved-line",
                client = client,
                service = service,
                from = f.date_time(utc(from), zone),
                to = when.clone()
            ),
        ),
        (Told::Moved { from }, Reader::Staff) => (
            tr!(lang, "appointment-moved-heading"),
            tr!(
                lang,
                "appointment-staff-moved-line",
                client = client,
                service = service,
                from = f.date_time(utc(from), zone),
                to = when.clone()
            ),
        ),
        (Told::Cancelled, Reader::Client) => (
            tr!(lang, "appointment-cancelled-heading"),
            tr!(lang, "appointment-cancelled-line", service = service, when = when.clone()),
        ),
        (Told::Cancelled, Reader::Staff) if by_client => (
            tr!(lang, "appointment-client-cancelled-heading"),
            tr!(lang, "appointment-client-cancelled-line", client = client, service = service, when = when.clone()),
        ),
        (Told::Cancelled, Reader::Staff) => (
            tr!(lang, "appointment-cancelled-heading"),
            tr!(lang, "appointment-staff-cancelled-line", client = client, service = service, when = when.clone()),
        ),
        (Told::Completed, Reader::Client) => (
            tr!(lang, "appointment-completed-heading"),
            tr!(lang, "appointment-completed-line", service = service, when = when.clone()),
        ),
        (Told::Completed, Reader::Staff) => (
            tr!(lang, "appointment-staff-completed-heading"),
            tr!(lang, "appointment-staff-completed-line", client = client, service = service, when = when.clone()),
        ),
        (Told::Reminder, _) => (
            tr!(lang, "appointment-reminder-heading"),
            tr!(lang, "appointment-reminder-line", service = service, when = when.clone()),
        ),
    };
    let mut lines = vec![line];
    if let Some(staff) = named.staff_name.as_deref().filter(|_| reader == Reader::Client) {
        lines.push(tr!(lang, "appointment-with", staff = staff));
    }
    if let Some(place) = r.location.as_deref().filter(|_| !matches!(told, Told::Cancelled)) {
        lines.push(tr!(lang, "appointment-where", location = place));
    }
    if let Some(reason) = r.cancel_reason.as_deref().filter(|_| matches!(told, Told::Cancelled)) {
        lines.push(tr!(lang, "appointment-reason", reason = reason));
    }
    if matches!(told, Told::Booked) && pending && reader == Reader::Client {
        lines.push(tr!(lang, "appointment-requested-wait"));
    }
    Words { heading, lines, button: tr!(lang, "button-portal") }
}

/// Queues every message `told` calls for. `actor` made the change (their own copy is
/// skipped: a staff member who moved an appointment knows it).
#[allow(clippy::too_many_arguments)]
pub fn tell(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    settings: &BookingSettings,
    named: &Named,
    client: &ClientRow,
    told: Told,
    actor: &Actor,
) -> Result<(), ApiError> {
    let by_client = matches!(actor, Actor::Client { .. });
    let method = if matches!(told, Told::Cancelled) { Method::Cancel } else { Method::Request };
    let brand = tenant.brand();

    // The client.
    let lang = tenant.language_for(client.language.as_deref());
    let zone = client_zone(client, tenant);
    let f = Formats::new(lang, &tenant.locale);
    let w = words(told, Reader::Client, by_client, lang, &f, zone, named);
    let link = config.public(&format!("/portal/{}/appointments/{}", tenant.slug, named.row.id));
    let mail = templates::notice(&brand, lang, &client.email, &w, &link)
        .with_attachment(attachment(method, event(config, tenant, named, Some(client))));
    // What the client booked and when is theirs to know whatever they chose about news.
    email::send(conn, config, tenant, client, ClientEmail::Essential, mail)?;
    if settings.sms_notices
        && config.sms.is_some()
        && let Some(phone) = client.phone.as_deref()
    {
        let body = tr!(
            lang,
            "appointment-sms",
            business = tenant.name.as_str(),
            line = w.lines[0].as_str(),
            link = link.as_str()
        );
        outbox::store::enqueue_sms(conn, Some(&tenant.id), &Sms { to: e164(phone), body })?;
    }
    if matches!(told, Told::Reminder) {
        return Ok(());
    }

    // The staff member it is with, or the business's owners and admins.
    let me = match actor {
        Actor::Staff { id, .. } => Some(id.as_str()),
        _ => None,
    };
    let readers: Vec<(String, Language)> = match named.row.staff_id.as_deref() {
        Some(id) if Some(id) == me => Vec::new(),
        Some(id) => staff_store::get(conn, &tenant.id, id)?
            .map(|s| (s.email.clone(), tenant.language_for(s.language.as_deref())))
            .into_iter()
            .collect(),
        None => staff_store::business_addresses(conn, tenant)?,
    };
    let staff_link = config.public(&format!("/app/appointments/{}", named.row.id));
    for (to, lang) in readers {
        let f = Formats::new(lang, &tenant.locale);
        let mut w = words(told, Reader::Staff, by_client, lang, &f, &tenant.timezone, named);
        w.button = tr!(lang, "button-console");
        let mail: Email = templates::notice(&brand, lang, &to, &w, &staff_link)
            .with_attachment(attachment(method, event(config, tenant, named, None)));
        outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    }
    Ok(())
}

/// `tell`, for a caller holding only the appointment: loads its tenant, settings and client.
pub fn tell_about(
    conn: &mut DbConn,
    config: &Config,
    named: &Named,
    told: Told,
    actor: &Actor,
) -> Result<(), ApiError> {
    let tenant = tenant_store::get(conn, &named.row.tenant_id)?;
    let settings = settings_store::for_tenant(conn, &tenant)?;
    let Some(client) = client_store::get(conn, &tenant.id, &named.row.client_id)? else { return Ok(()) };
    tell(conn, config, &tenant, &settings, named, &client, told, actor)
}

/// Marks a change calendars must apply: a higher `SEQUENCE`, a new stamp.
pub fn bump(row: &mut AppointmentRow) {
    row.sequence += 1;
    row.updated_at = now();
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_organizer_is_an_address_not_a_display_name() {
        assert_eq!(super::address("Portico <no-reply@portal.test>"), "no-reply@portal.test");
        assert_eq!(super::address("hello@studio.example"), "hello@studio.example");
    }
}
