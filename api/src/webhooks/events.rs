//! The event catalogue, and how an activity entry becomes an event. Every domain change
//! already records an activity row inside its transaction, so mapping (subject kind, verb)
//! here is the one place events are emitted: no handler calls webhooks itself.

use serde::Serialize;
use utoipa::ToSchema;

/// The event sent by "Send test event"; no endpoint subscribes to it, every endpoint may
/// receive it.
pub const TEST_EVENT: &str = "webhook.test";

/// One event type an endpoint can subscribe to.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct EventType {
    /// The `type` of the payload and of the subscription, e.g. `quote.accepted`.
    #[schema(example = "quote.accepted")]
    pub name: &'static str,
    /// The kind of object it is about (`data.object` in the payload), to group them.
    #[schema(example = "quote")]
    pub object: &'static str,
    /// One line on when it is sent.
    #[schema(example = "The client accepted a quote (a project was created from it).")]
    pub description: &'static str,
}

const fn ev(name: &'static str, object: &'static str, description: &'static str) -> EventType {
    EventType { name, object, description }
}

/// Every event type, grouped by object, in the order the console shows them.
/// How the spec names an event type in a request: the enumeration of [`EVENT_TYPES`], so a
/// generated client offers the list and never subscribes to a name the server refuses.
pub struct EventName;

impl utoipa::PartialSchema for EventName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::rules::string_enum(
            "An event type, as `GET /api/v1/webhooks/event-types` lists them.",
            EVENT_TYPES.iter().map(|e| e.name),
        )
    }
}

impl utoipa::ToSchema for EventName {}

pub const EVENT_TYPES: &[EventType] = &[
    ev("client.created", "client", "A client was added."),
    ev("client.updated", "client", "A client's details or status changed (by staff, or by the client in the portal)."),
    ev("appointment.created", "appointment", "An appointment was booked."),
    ev("appointment.confirmed", "appointment", "A pending appointment was confirmed by the business."),
    ev("appointment.rescheduled", "appointment", "An appointment was moved to another time."),
    ev("appointment.cancelled", "appointment", "An appointment was cancelled, by staff or by the client."),
    ev("appointment.completed", "appointment", "An appointment was marked completed."),
    ev("service_order.status_changed", "service_order", "A service order moved to another status."),
    ev("deliverable.approved", "deliverable", "The client approved a deliverable."),
    ev("deliverable.changes_requested", "deliverable", "The client asked for changes to a deliverable."),
    ev(
        "message.created",
        "message",
        "A message was posted in a project thread (by staff, the client, or an internal note).",
    ),
    ev("quote.sent", "quote", "A quote was sent to the client."),
    ev("quote.viewed", "quote", "The client opened a quote for the first time."),
    ev("quote.accepted", "quote", "The client accepted a quote (a project was created from it)."),
    ev("quote.changes_requested", "quote", "The client asked for changes to a quote."),
    ev("contract.signed", "contract", "The client signed a contract."),
    ev("invoice.sent", "invoice", "An invoice was sent to the client."),
    ev("invoice.paid", "invoice", "An invoice was paid in full."),
    ev("payment.received", "payment", "A payment was recorded against an invoice (online or by staff)."),
    ev("feedback.submitted", "feedback", "The client rated a project."),
];

pub fn is_known(name: &str) -> bool {
    EVENT_TYPES.iter().any(|e| e.name == name)
}

/// What an activity entry turns into: the event type, the object kind, and the data key
/// holding the object's id when the activity's subject is a container (a deliverable
/// decision is recorded on its project).
pub struct Mapping {
    pub event: &'static str,
    pub object: &'static str,
    pub id_key: Option<&'static str>,
}

const fn map(event: &'static str, object: &'static str, id_key: Option<&'static str>) -> Option<Mapping> {
    Some(Mapping { event, object, id_key })
}

/// The event an activity entry stands for, if any. Verbs are the ones the domain modules
/// record (grep `activity_store::insert(` and `actions::record(`).
pub fn of_activity(subject_type: &str, verb: &str) -> Option<Mapping> {
    match (subject_type, verb) {
        ("client", "created") => map("client.created", "client", None),
        ("client", "updated" | "profile_updated" | "archived" | "restored") => map("client.updated", "client", None),
        ("appointment", "booked") => map("appointment.created", "appointment", None),
        ("appointment", "confirmed") => map("appointment.confirmed", "appointment", None),
        ("appointment", "moved") => map("appointment.rescheduled", "appointment", None),
        ("appointment", "cancelled") => map("appointment.cancelled", "appointment", None),
        ("appointment", "completed") => map("appointment.completed", "appointment", None),
        ("service_order", "status_changed") => map("service_order.status_changed", "service_order", None),
        ("project", "deliverable_approved") => map("deliverable.approved", "deliverable", Some("deliverable_id")),
        ("project", "deliverable_changes_requested") => {
            map("deliverable.changes_requested", "deliverable", Some("deliverable_id"))
        }
        ("project", "message_posted") => map("message.created", "message", Some("message_id")),
        ("project", "feedback_submitted") => map("feedback.submitted", "feedback", Some("feedback_id")),
        ("quote", "sent") => map("quote.sent", "quote", None),
        ("quote", "viewed") => map("quote.viewed", "quote", None),
        ("quote", "accepted") => map("quote.accepted", "quote", None),
        ("quote", "changes_requested") => map("quote.changes_requested", "quote", None),
        ("contract", "signed") => map("contract.signed", "contract", None),
        ("invoice", "sent") => map("invoice.sent", "invoice", None),
        ("invoice", "paid") => map("invoice.paid", "invoice", None),
        ("invoice", "payment_recorded") => map("payment.received", "payment", Some("payment_id")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapped_event_is_in_the_catalogue_and_back() {
        let pairs = [
            ("client", "created"),
            ("client", "updated"),
            ("appointment", "booked"),
            ("appointment", "confirmed"),
            ("appointment", "moved"),
            ("appointment", "cancelled"),
            ("appointment", "completed"),
            ("service_order", "status_changed"),
            ("project", "deliverable_approved"),
            ("project", "deliverable_changes_requested"),
            ("project", "message_posted"),
            ("project", "feedback_submitted"),
            ("quote", "sent"),
            ("quote", "viewed"),
            ("quote", "accepted"),
            ("quote", "changes_requested"),
            ("contract", "signed"),
            ("invoice", "sent"),
            ("invoice", "paid"),
            ("invoice", "payment_recorded"),
        ];
        let mut seen: Vec<&str> = pairs.iter().map(|(s, v)| of_activity(s, v).expect("mapped").event).collect();
        for name in &seen {
            let known = EVENT_TYPES.iter().find(|e| e.name == *name).expect("in the catalogue");
            assert!(name.starts_with(&format!("{}.", known.object)), "{name} is grouped under its object");
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), EVENT_TYPES.len(), "each catalogued event has a source");
        assert!(of_activity("project", "created").is_none(), "unlisted changes send nothing");
        assert!(!is_known(TEST_EVENT), "nobody subscribes to the test event");
    }
}
