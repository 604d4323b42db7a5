//! The client's recent timeline on the dashboard: the activity entries meant for them, each
//! as a sentence.

use crate::activity::model::ActivityRow;
use crate::bookings::appointments::actions as appointment_actions;
use crate::bookings::settings::model::BookingSettings;
use crate::i18n::Formats;
use crate::projects::model::ProjectStatus;
use crate::service_orders::model::ServiceOrderStatus;
use crate::tr;

/// Entries shown in `recent_activity`.
pub const RECENT: usize = 10;

/// Kinds of object the timeline speaks about.
pub const KINDS: [&str; 3] = ["service_order", "appointment", "project"];

/// What the timeline's sentences need to know about the business.
pub struct Context {
    pub settings: BookingSettings,
    pub business: String,
    /// The reader's language, and how they write dates.
    pub formats: Formats,
}

/// The sentence a client reads for an activity entry; `None` for entries not meant for them
/// (or verbs this version does not know), which are left out.
pub fn sentence(row: &ActivityRow, cx: &Context) -> Option<String> {
    let data: serde_json::Value = serde_json::from_str(&row.data).ok()?;
    let text = |key: &str| data[key].as_str().map(str::to_string);
    let lang = cx.formats.language;
    match (row.subject_type.as_str(), row.verb.as_str()) {
        ("service_order", "created") => {
            Some(tr!(lang, "timeline-order-received", reference = text("reference")?, title = text("title")?))
        }
        ("service_order", "status_changed") => {
            let to = ServiceOrderStatus::parse(&text("to")?)?;
            Some(format!("{}.", to.headline(lang, &text("reference")?)))
        }
        ("project", verb) => project_sentence(verb, &data, cx),
        ("appointment", _) => {
            appointment_actions::sentence(row, &cx.settings, &cx.business, &cx.formats).map(|s| format!("{s}."))
        }
        _ => None,
    }
}

/// What a client reads about their project's news. Internal entries (a staff note, a file
/// the client cannot see) have no sentence and never reach them.
pub fn project_sentence(verb: &str, data: &serde_json::Value, cx: &Context) -> Option<String> {
    let text = |key: &str| data[key].as_str();
    let lang = cx.formats.language;
    let project = text("name")?;
    Some(match verb {
        "created" => tr!(lang, "timeline-project-created", project = project),
        "status_changed" => match ProjectStatus::parse(text("to")?)? {
            ProjectStatus::Planned => tr!(lang, "timeline-project-planned", project = project),
            ProjectStatus::Active => tr!(lang, "timeline-project-active", project = project),
            ProjectStatus::OnHold => tr!(lang, "timeline-project-on-hold", project = project),
            ProjectStatus::Completed => tr!(lang, "timeline-project-completed", project = project),
            ProjectStatus::Cancelled => tr!(lang, "timeline-project-cancelled", project = project),
        },
        "deliverable_submitted" => tr!(lang, "timeline-deliverable-ready", title = text("title")?, project = project),
        "deliverable_approved" => tr!(lang, "timeline-deliverable-approved", title = text("title")?, project = project),
        "deliverable_changes_requested" => {
            tr!(lang, "timeline-deliverable-changes", title = text("title")?, project = project)
        }
        "file_uploaded" if data["client_visible"] == true => {
            tr!(lang, "timeline-file", project = project, file = text("file_name")?)
        }
        "message_posted" if data["internal"] == false && text("author_kind") == Some("staff") => {
            tr!(lang, "timeline-message", thread = text("thread_title")?, project = project)
        }
        "feedback_requested" => tr!(lang, "timeline-feedback-asked", project = project),
        "feedback_submitted" => tr!(lang, "timeline-feedback-thanks", project = project),
        _ => return None,
    })
}
