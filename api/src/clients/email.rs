//! Emails to clients, and which of them a client may turn off.
//!
//! The events that put a notification in the portal also email the client. A client who
//! opted out (`clients.email_opt_out`) keeps the notifications but not those emails. Some
//! emails are never skipped, because the client needs them whatever they chose:
//!
//! | email | class |
//! |---|---|
//! | login code and link (`login::flow`; goes to an address, not a client row) | essential |
//! | portal invitation (`clients::access`) | essential |
//! | invoice sent, payment receipt (`invoices::actions::email_client`) | essential |
//! | signed contract copy with its PDF (`contracts::actions::email_signed`) | essential |
//! | quote sent (`quotes::actions::send`) | notice |
//! | contract sent for signature (`contracts::actions::email_sent`) | notice |
//! | deliverable to review, feedback request (`deliverables::actions::email_client`) | notice |
//! | new message from the business (`messages::post`) | notice |
//! | service order status (`service_orders::actions`) | notice |
//! | appointment booked, confirmed, moved, cancelled, completed, reminders (`bookings::notices`) | essential |
//!
//! Every client email but the login code goes through `send`, so the rule lives in one
//! place; every notice carries a line saying how to turn notices off.

use diesel::QueryResult;

use crate::clients::model::ClientRow;
use crate::config::Config;
use crate::db::DbConn;
use crate::mail::Email;
use crate::mail::templates;
use crate::outbox;
use crate::tenants::model::TenantRow;

/// Whether a client may turn an email off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientEmail {
    /// Always sent: access to the portal, money they owe or paid, what they signed.
    Essential,
    /// News the portal also shows; skipped for a client who opted out.
    Notice,
}

/// The client's profile in the portal, where the email preference is.
pub fn profile_link(config: &Config, tenant: &TenantRow) -> String {
    config.public(&format!("/portal/{}/profile", tenant.slug))
}

/// Queues `mail` to the client in the caller's transaction, unless it is a notice and they
/// opted out. Returns whether it was queued.
pub fn send(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    client: &ClientRow,
    class: ClientEmail,
    mail: Email,
) -> QueryResult<bool> {
    let mail = match class {
        ClientEmail::Essential => mail,
        ClientEmail::Notice if client.email_opt_out => return Ok(false),
        ClientEmail::Notice => templates::with_opt_out(
            mail,
            tenant.language_for(client.language.as_deref()),
            &profile_link(config, tenant),
        ),
    };
    outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    Ok(true)
}
