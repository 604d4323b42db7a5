//! Which activity entries are news for the client, and how each one reads.
//!
//! The activity log already records, inside each change's transaction, what happened to
//! which object and whether the client may see it (`client_id` set). A notification is such
//! an entry about something the business did for the client: one of the (subject, verb)
//! pairs below, by anyone but the client (what they did themselves is not news to them).
//! Entries that only staff may see carry no `client_id` (a draft's life, an internal note or
//! file), so they can never become a notification.

use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::money::format_amount;
use crate::projects::model::ProjectStatus;
use crate::service_orders::model::ServiceOrderStatus;

/// What changed for you.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    QuoteSent,
    ContractSent,
    ContractChanged,
    ContractCountersigned,
    ContractWithdrawn,
    InvoiceSent,
    InvoiceVoided,
    PaymentRecorded,
    ProjectCreated,
    ProjectStatusChanged,
    DeliverableSubmitted,
    MessagePosted,
    FileShared,
    FeedbackRequested,
    OrderCreated,
    OrderStatusChanged,
    AppointmentBooked,
    AppointmentConfirmed,
    AppointmentMoved,
    AppointmentCancelled,
    AppointmentCompleted,
    ProductGranted,
}

use NotificationKind::*;

/// (subject type, verb) → kind. The verbs are the ones the domains record.
pub const RULES: &[(&str, &str, NotificationKind)] = &[
    // A revision is sent again: the second "sent" carries `revision` > 1.
    ("quote", "sent", QuoteSent),
    ("contract", "sent", ContractSent),
    ("contract", "edited_after_send", ContractChanged),
    ("contract", "countersigned", ContractCountersigned),
    ("contract", "voided", ContractWithdrawn),
    ("invoice", "sent", InvoiceSent),
    ("invoice", "voided", InvoiceVoided),
    ("invoice", "payment_recorded", PaymentRecorded),
    ("project", "created", ProjectCreated),
    ("project", "status_changed", ProjectStatusChanged),
    ("project", "deliverable_submitted", DeliverableSubmitted),
    ("project", "message_posted", MessagePosted),
    ("project", "file_uploaded", FileShared),
    ("project", "feedback_requested", FeedbackRequested),
    ("service_order", "created", OrderCreated),
    ("service_order", "status_changed", OrderStatusChanged),
    ("appointment", "booked", AppointmentBooked),
    ("appointment", "confirmed", AppointmentConfirmed),
    ("appointment", "moved", AppointmentMoved),
    ("appointment", "cancelled", AppointmentCancelled),
    ("appointment", "completed", AppointmentCompleted),
    ("client", "product_granted", ProductGranted),
];

pub fn kind_of(subject_type: &str, verb: &str) -> Option<NotificationKind> {
    RULES.iter().find(|(s, v, _)| *s == subject_type && *v == verb).map(|(_, _, k)| *k)
}

/// The rules as one SQL condition on `activity`. Built only from the constants above, so
/// it is safe to write into the query; grouped by subject so it stays short.
pub fn sql_condition() -> String {
    let mut subjects: Vec<&str> = RULES.iter().map(|(s, _, _)| *s).collect();
    subjects.dedup();
    let groups: Vec<String> = subjects
        .iter()
        .map(|subject| {
            let verbs: Vec<String> =
                RULES.iter().filter(|(s, _, _)| s == subject).map(|(_, v, _)| format!("'{v}'")).collect();
            format!("(activity.subject_type = '{subject}' AND activity.verb IN ({}))", verbs.join(", "))
        })
        .collect();
    format!("({})", groups.join(" OR "))
}

/// The kind of page a notification opens in the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Quote,
    Contract,
    Invoice,
    Project,
    /// A project's deliverables (`project_id` set).
    Deliverable,
    /// A message thread of a project (`project_id` set).
    Thread,
    /// A project's files (`project_id` set).
    File,
    ServiceOrder,
    Appointment,
    /// A digital product among your downloads.
    Product,
}

/// What a notification links to: the object's kind and id, and its project when it lives
/// inside one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct NotificationTarget {
    pub kind: TargetKind,
    pub id: String,
    pub project_id: Option<String>,
}

/// How one entry reads to the client.
pub struct Reading {
    pub title: String,
    /// A second line: a reason, a note.
    pub detail: Option<String>,
    pub target: NotificationTarget,
}

fn text<'a>(data: &'a Value, key: &str) -> &'a str {
    data.get(key).and_then(Value::as_str).unwrap_or("")
}

fn note(data: &Value, key: &str) -> Option<String> {
    data.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

fn amount(data: &Value, key: &str) -> Option<String> {
    let minor = data.get(key).and_then(Value::as_i64)?;
    let currency = data.get("currency").and_then(Value::as_str)?;
    Some(format_amount(minor, currency))
}

/// A UTC time from the data, in the tenant's time zone: "Tue 3 Dec 2026, 14:00".
fn when(data: &Value, key: &str, tz: chrono_tz::Tz) -> Option<String> {
    let raw = data.get(key).and_then(Value::as_str)?;
    let at = chrono::DateTime::parse_from_rfc3339(raw).ok()?;
    Some(at.with_timezone(&tz).format("%a %-d %b %Y, %H:%M").to_string())
}

/// The title, detail and link of an entry of this kind. `data` is what the domain logged.
pub fn read(kind: NotificationKind, subject_id: &str, data: &Value, tz: chrono_tz::Tz) -> Reading {
    let target = |kind: TargetKind| NotificationTarget { kind, id: subject_id.to_string(), project_id: None };
    let in_project = |kind: TargetKind, key: &str| {
        let id = data.get(key).and_then(Value::as_str).unwrap_or(subject_id).to_string();
        NotificationTarget { kind, id, project_id: Some(subject_id.to_string()) }
    };
    let (title, detail, target) = match kind {
        QuoteSent => {
            let revised = data.get("revision").and_then(Value::as_i64).is_some_and(|r| r > 1);
            let label = if revised { "Revised quote" } else { "New quote" };
            (format!("{label} {}: {}", text(data, "number"), text(data, "title")), None, target(TargetKind::Quote))
        }
        ContractSent => (format!("Contract to sign: {}", text(data, "title")), None, target(TargetKind::Contract)),
        ContractChanged => (
            format!("Contract changed: {}", text(data, "title")),
            Some("Its text changed; read it again before you sign.".to_string()),
            target(TargetKind::Contract),
        ),
        ContractCountersigned => {
            (format!("Contract countersigned: {}", text(data, "title")), None, target(TargetKind::Contract))
        }
        ContractWithdrawn => {
            (format!("Contract withdrawn: {}", text(data, "title")), None, target(TargetKind::Contract))
        }
        InvoiceSent => {
            let title = match amount(data, "total_minor") {
                Some(total) => format!("New invoice {} for {total}", text(data, "number")),
                None => format!("New invoice {}", text(data, "number")),
            };
            (title, None, target(TargetKind::Invoice))
        }
        InvoiceVoided => (format!("Invoice {} was voided", text(data, "number")), None, target(TargetKind::Invoice)),
        PaymentRecorded => {
            let title = match amount(data, "amount_minor") {
                Some(paid) => format!("Payment of {paid} received for invoice {}", text(data, "number")),
                None => format!("Payment received for invoice {}", text(data, "number")),
            };
            (title, None, target(TargetKind::Invoice))
        }
        ProjectCreated => (format!("New project: {}", text(data, "name")), None, target(TargetKind::Project)),
        ProjectStatusChanged => {
            let phrase = ProjectStatus::parse(text(data, "to")).map(ProjectStatus::phrase).unwrap_or("changed");
            (format!("Project {} {phrase}", text(data, "name")), None, target(TargetKind::Project))
        }
        DeliverableSubmitted => (
            format!("Ready for your review: {}", text(data, "title")),
            note(data, "note"),
            in_project(TargetKind::Deliverable, "deliverable_id"),
        ),
        MessagePosted => (
            format!("New message in “{}”", text(data, "thread_title")),
            note(data, "name").map(|p| format!("Project: {p}")),
            in_project(TargetKind::Thread, "thread_id"),
        ),
        FileShared => (
            format!("New file: {}", text(data, "file_name")),
            note(data, "name").map(|p| format!("Project: {p}")),
            in_project(TargetKind::File, "file_id"),
        ),
        FeedbackRequested => {
            (format!("How did {} go? Rate the project", text(data, "name")), None, target(TargetKind::Project))
        }
        OrderCreated => (
            format!("New order {}: {}", text(data, "reference"), text(data, "title")),
            None,
            target(TargetKind::ServiceOrder),
        ),
        OrderStatusChanged => {
            let phrase =
                ServiceOrderStatus::parse(text(data, "to")).map(ServiceOrderStatus::phrase).unwrap_or("changed");
            (
                format!("Order {} {phrase}", text(data, "reference")),
                note(data, "note"),
                target(TargetKind::ServiceOrder),
            )
        }
        AppointmentBooked => {
            let title = match when(data, "starts_at", tz) {
                Some(at) => format!("Appointment booked: {} on {at}", text(data, "service_name")),
                None => format!("Appointment booked: {}", text(data, "service_name")),
            };
            (title, None, target(TargetKind::Appointment))
        }
        AppointmentConfirmed => ("Your appointment is confirmed".to_string(), None, target(TargetKind::Appointment)),
        AppointmentMoved => {
            let title = match when(data, "to", tz) {
                Some(at) => format!("Appointment moved to {at}"),
                None => "Your appointment was moved".to_string(),
            };
            (title, None, target(TargetKind::Appointment))
        }
        AppointmentCancelled => (
            "Your appointment was cancelled".to_string(),
            note(data, "reason").map(|r| format!("Reason: {r}")),
            target(TargetKind::Appointment),
        ),
        AppointmentCompleted => (
            "Thank you for your visit".to_string(),
            Some("You can leave a review of your appointment.".to_string()),
            target(TargetKind::Appointment),
        ),
        ProductGranted => (
            format!("New download: {}", text(data, "product_name")),
            None,
            NotificationTarget {
                kind: TargetKind::Product,
                id: text(data, "product_id").to_string(),
                project_id: None,
            },
        ),
    };
    Reading { title, detail, target }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_rule_is_found_and_the_condition_names_each_verb() {
        let condition = sql_condition();
        for (subject, verb, kind) in RULES {
            assert_eq!(kind_of(subject, verb), Some(*kind));
            assert!(condition.contains(&format!("'{verb}'")), "{verb} in {condition}");
        }
        assert_eq!(kind_of("client", "logged_in"), None);
        assert_eq!(kind_of("quote", "viewed"), None);
        // Each subject appears once, so the condition stays one group per subject.
        assert_eq!(condition.matches("'appointment'").count(), 1, "{condition}");
    }

    #[test]
    fn titles_read_as_news_with_links_to_the_object() {
        let tz: chrono_tz::Tz = "Europe/Berlin".parse().unwrap();
        let r = read(QuoteSent, "q1", &json!({ "number": "Q-2026-0003", "title": "Logo", "revision": 2 }), tz);
        assert_eq!(r.title, "Revised quote Q-2026-0003: Logo");
        assert_eq!(r.target, NotificationTarget { kind: TargetKind::Quote, id: "q1".into(), project_id: None });

        let data = json!({ "thread_id": "t1", "thread_title": "Kick-off", "name": "Brand" });
        let r = read(MessagePosted, "p1", &data, tz);
        assert_eq!(r.title, "New message in “Kick-off”");
        assert_eq!(
            r.target,
            NotificationTarget { kind: TargetKind::Thread, id: "t1".into(), project_id: Some("p1".into()) }
        );

        let r = read(AppointmentMoved, "a1", &json!({ "to": "2026-12-03T13:00:00Z" }), tz);
        assert_eq!(r.title, "Appointment moved to Thu 3 Dec 2026, 14:00");

        let data = json!({ "number": "INV-1", "amount_minor": 12050, "currency": "EUR" });
        assert!(read(PaymentRecorded, "i1", &data, tz).title.starts_with("Payment of "));
    }
}
