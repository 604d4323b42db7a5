//! Turning a domain change into queued webhooks, inside the change's own transaction: a
//! rolled-back change sends nothing, a committed one is delivered even after a crash.
//! Called by `events::record`; an activity entry that maps to no event, or a
//! tenant without a subscribed endpoint, costs nothing more than one indexed query.

use chrono::SecondsFormat;
use diesel::QueryResult;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::events::{self, Mapping};
use super::model::MessageRow;
use super::store;
use crate::activity::model::ActivityRow;
use crate::auth::Actor;
use crate::db::DbConn;
use crate::db::utc;
use crate::outbox;

/// The outbox kind of a webhook delivery (`deliver::Sender` is its courier).
pub const OUTBOX_KIND: &str = "webhook";

/// What the outbox holds for one delivery: which message to which endpoint.
#[derive(Debug, Serialize, Deserialize)]
pub struct WebhookJob {
    pub endpoint_id: String,
    pub message_id: String,
}

/// A new message id (`webhook-id`): time-ordered, unique, and the same on every attempt.
pub fn new_message_id() -> String {
    format!("msg_{}", uuid::Uuid::now_v7().simple())
}

/// Queues the event an activity entry stands for, to every enabled endpoint of the tenant
/// subscribed to it.
pub fn on_activity(conn: &mut DbConn, row: &ActivityRow) -> QueryResult<()> {
    let Some(mapping) = events::of_activity(&row.subject_type, &row.verb) else { return Ok(()) };
    let endpoints = store::enabled(conn, &row.tenant_id)?;
    let targets: Vec<&str> =
        endpoints.iter().filter(|e| e.subscribes_to(mapping.event)).map(|e| e.id.as_str()).collect();
    if targets.is_empty() {
        return Ok(());
    }
    let message = MessageRow {
        id: new_message_id(),
        tenant_id: row.tenant_id.clone(),
        event_type: mapping.event.to_string(),
        body: body(&mapping, row),
        created_at: row.at,
    };
    store::insert_message(conn, &message)?;
    for endpoint_id in targets {
        enqueue(conn, &row.tenant_id, endpoint_id, &message.id)?;
    }
    Ok(())
}

/// Queues one delivery of a stored message (an event, a test, a resend).
pub fn enqueue(conn: &mut DbConn, tenant_id: &str, endpoint_id: &str, message_id: &str) -> QueryResult<String> {
    let job = WebhookJob { endpoint_id: endpoint_id.to_string(), message_id: message_id.to_string() };
    outbox::store::enqueue(conn, Some(tenant_id), OUTBOX_KIND, &job)
}

/// The Standard Webhooks body: `{type, timestamp, data}`, `data` being the activity's
/// details under the object's id and kind, its client and project, and who acted.
pub fn body(mapping: &Mapping, row: &ActivityRow) -> String {
    let details: Value = serde_json::from_str(&row.data).unwrap_or(Value::Null);
    let mut data = match details {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let id = mapping
        .id_key
        .and_then(|key| data.get(key).and_then(Value::as_str).map(str::to_string))
        .unwrap_or_else(|| row.subject_id.clone());
    let project_id = match row.subject_type.as_str() {
        "project" => Some(Value::String(row.subject_id.clone())),
        _ => data.get("project_id").cloned().filter(|v| v.is_string()),
    };
    data.insert("id".into(), Value::String(id));
    data.insert("object".into(), Value::String(mapping.object.to_string()));
    data.insert("client_id".into(), row.client_id.clone().map(Value::String).unwrap_or(Value::Null));
    data.insert("project_id".into(), project_id.unwrap_or(Value::Null));
    data.insert("actor".into(), json!({ "kind": row.actor_kind, "id": row.actor_id }));
    json!({
        "type": mapping.event,
        "timestamp": utc(row.at).to_rfc3339_opts(SecondsFormat::Millis, true),
        "data": data,
    })
    .to_string()
}

/// The body of a test event for one endpoint, sent by `actor`.
pub fn test_body(endpoint_id: &str, at: chrono::NaiveDateTime, actor: &Actor) -> String {
    json!({
        "type": events::TEST_EVENT,
        "timestamp": utc(at).to_rfc3339_opts(SecondsFormat::Millis, true),
        "data": {
            "id": endpoint_id,
            "object": "webhook",
            "client_id": null,
            "project_id": null,
            "actor": { "kind": actor.kind(), "id": actor.id() },
            "message": "A test event sent from Portico. If you can read this, the endpoint works.",
        },
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhooks::model::WebhookPayload;

    fn activity(subject_type: &str, verb: &str, data: Value) -> ActivityRow {
        ActivityRow {
            id: "a1".into(),
            tenant_id: "t1".into(),
            client_id: Some("c1".into()),
            actor_kind: "client".into(),
            actor_id: Some("c1".into()),
            verb: verb.into(),
            subject_type: subject_type.into(),
            subject_id: "s1".into(),
            data: data.to_string(),
            at: chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00.5Z").unwrap().naive_utc(),
        }
    }

    #[test]
    fn the_body_names_the_object_and_keeps_the_details() {
        let row = activity("quote", "accepted", json!({ "number": "Q-1", "project_id": "p9" }));
        let body: Value =
            serde_json::from_str(&body(&events::of_activity("quote", "accepted").unwrap(), &row)).unwrap();
        assert_eq!(body["type"], "quote.accepted");
        assert_eq!(body["timestamp"], "2026-11-30T10:00:00.500Z");
        assert_eq!(body["data"]["id"], "s1");
        assert_eq!(body["data"]["object"], "quote");
        assert_eq!(body["data"]["client_id"], "c1");
        assert_eq!(body["data"]["project_id"], "p9");
        assert_eq!(body["data"]["number"], "Q-1");
        assert_eq!(body["data"]["actor"], json!({ "kind": "client", "id": "c1" }));
        serde_json::from_value::<WebhookPayload>(body).expect("the documented shape");
    }

    #[test]
    fn objects_inside_a_project_carry_their_own_id() {
        let row = activity("project", "deliverable_approved", json!({ "deliverable_id": "d7", "title": "Logo" }));
        let mapping = events::of_activity("project", "deliverable_approved").unwrap();
        let body: Value = serde_json::from_str(&body(&mapping, &row)).unwrap();
        assert_eq!((body["data"]["id"].as_str(), body["data"]["object"].as_str()), (Some("d7"), Some("deliverable")));
        assert_eq!(body["data"]["project_id"], "s1");
        let test: Value = serde_json::from_str(&test_body("e1", row.at, &Actor::System)).unwrap();
        serde_json::from_value::<WebhookPayload>(test).expect("the test event has the same shape");
    }
}
