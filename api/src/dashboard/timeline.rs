//! The client's recent timeline on the dashboard: the activity entries meant for them, each
//! as a sentence.

use crate::activity::model::ActivityRow;
use crate::bookings::appointments::actions as appointment_actions;
use crate::bookings::settings::model::BookingSettings;
use crate::projects::model::ProjectStatus;
use crate::service_orders::model::ServiceOrderStatus;

/// Entries shown in `recent_activity`.
pub const RECENT: usize = 10;

/// Kinds of object the timeline speaks about.
pub const KINDS: [&str; 3] = ["service_order", "appointment", "project"];

/// What the timeline's sentences need to know about the business.
pub struct Context {
    pub settings: BookingSettings,
    pub business: String,
}

/// The sentence a client reads for an activity entry; `None` for entries not meant for them
/// (or verbs this version does not know), which are left out.
pub fn sentence(row: &ActivityRow, cx: &Context) -> Option<String> {
    let data: serde_json::Value = serde_json::from_str(&row.data).ok()?;
    let text = |key: &str| data[key].as_str().map(str::to_string);
    match (row.subject_type.as_str(), row.verb.as_str()) {
        ("service_order", "created") => Some(format!("Order {} was received: {}.", text("reference")?, text("title")?)),
        ("service_order", "status_changed") => {
            let to = ServiceOrderStatus::parse(&text("to")?)?;
            Some(format!("Order {} {}.", text("reference")?, to.phrase()))
        }
        ("project", verb) => project_sentence(verb, &data),
        ("appointment", _) => appointment_actions::sentence(row, &cx.settings, &cx.business).map(|s| format!("{s}.")),
        _ => None,
    }
}

/// What a client reads about their project's news. Internal entries (a staff note, a file
/// the client cannot see) have no sentence and never reach them.
pub fn project_sentence(verb: &str, data: &serde_json::Value) -> Option<String> {
    let text = |key: &str| data[key].as_str();
    let project = text("name")?;
    Some(match verb {
        "created" => format!("New project: {project}."),
        "status_changed" => format!("Project {project} {}.", ProjectStatus::parse(text("to")?)?.phrase()),
        "deliverable_submitted" => format!("“{}” in {project} is ready for your review.", text("title")?),
        "deliverable_approved" => format!("“{}” in {project} was approved.", text("title")?),
        "deliverable_changes_requested" => format!("Changes were requested to “{}” in {project}.", text("title")?),
        "file_uploaded" if data["client_visible"] == true => format!("New file in {project}: {}.", text("file_name")?),
        "message_posted" if data["internal"] == false && text("author_kind") == Some("staff") => {
            format!("New message in “{}” ({project}).", text("thread_title")?)
        }
        "feedback_requested" => format!("How did {project} go? Your feedback is welcome."),
        "feedback_submitted" => format!("Thank you for rating {project}."),
        _ => return None,
    })
}
