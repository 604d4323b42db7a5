//! Deliverable rows, the status machine, and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::{deliverable_events, deliverables, files};
use crate::db::utc;
use crate::files::preview::{PreviewKind, kind_of};
use crate::http::patch::double_option;
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = deliverables)]
pub struct DeliverableRow {
    pub id: String,
    pub tenant_id: String,
    pub project_id: String,
    pub title: String,
    pub description: Option<String>,
    pub status: String,
    pub round: i32,
    pub submitted_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = deliverable_events)]
pub struct EventRow {
    pub id: String,
    pub tenant_id: String,
    pub deliverable_id: String,
    pub status: String,
    pub comment: Option<String>,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub at: NaiveDateTime,
}

/// The columns of `files` a deliverable shows; the upload endpoints own the rest.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = files)]
pub struct FileRow {
    pub id: String,
    pub deliverable_id: Option<String>,
    pub name: String,
    pub size: i64,
    pub content_type: String,
    pub client_visible: bool,
    pub created_at: NaiveDateTime,
    pub thumbnail_key: Option<String>,
}

/// A deliverable with what its answer shows: its files and its history.
#[derive(Debug, Clone)]
pub struct DeliverableParts {
    pub row: DeliverableRow,
    pub files: Vec<FileRow>,
    pub events: Vec<EventRow>,
}

crate::text_enum! {
    /// Where a deliverable stands.
    pub enum DeliverableStatus {
        /// Staff are working on it; the client sees it but cannot decide yet.
        InProgress = "in_progress",
        /// Waiting for the client to approve it or request changes.
        Submitted = "submitted",
        /// The client approved it.
        Approved = "approved",
        /// The client asked for changes; staff resubmit it (a new round) or reopen it.
        ChangesRequested = "changes_requested",
    }
}

/// Who moves a deliverable: staff submit and reopen, the client decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Staff,
    Client,
}

impl DeliverableStatus {
    /// The moves `by` may make. Staff submit work (again after changes were requested) and
    /// reopen anything already handed over; only the client decides on submitted work.
    pub fn can_become(self, to: DeliverableStatus, by: Party) -> bool {
        use DeliverableStatus::*;
        match by {
            Party::Staff => matches!(
                (self, to),
                (InProgress | ChangesRequested, Submitted) | (Submitted | Approved | ChangesRequested, InProgress)
            ),
            Party::Client => matches!((self, to), (Submitted, Approved | ChangesRequested)),
        }
    }

    /// The statuses `by` can move a deliverable from into `to`, as stored.
    pub fn sources(to: DeliverableStatus, by: Party) -> Vec<&'static str> {
        DeliverableStatus::ALL.into_iter().filter(|from| from.can_become(to, by)).map(|s| s.as_str()).collect()
    }

    /// How the state reads after "“Logo concepts” is ".
    pub fn phrase(self) -> &'static str {
        match self {
            DeliverableStatus::InProgress => "in progress",
            DeliverableStatus::Submitted => "submitted for review",
            DeliverableStatus::Approved => "approved",
            DeliverableStatus::ChangesRequested => "back with changes requested",
        }
    }

    /// What can happen next, for a 409 that tells the caller how to go on.
    pub fn next_steps(self) -> &'static str {
        match self {
            DeliverableStatus::InProgress => "staff can submit it for the client's review",
            DeliverableStatus::Submitted => "the client can approve it or request changes, and staff can reopen it",
            DeliverableStatus::Approved => "staff can reopen it",
            DeliverableStatus::ChangesRequested => "staff can resubmit it or reopen it",
        }
    }
}

pub fn status_of(s: &str) -> DeliverableStatus {
    DeliverableStatus::stored_or(s, DeliverableStatus::InProgress)
}

crate::text_enum! {
    /// What happened to a deliverable, in its history.
    pub enum DeliverableEventKind {
        Submitted = "submitted",
        Approved = "approved",
        ChangesRequested = "changes_requested",
        Reopened = "reopened",
    }
}

/// A file attached to a deliverable.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DeliverableFile {
    pub id: String,
    #[schema(example = "logo-concepts-v2.pdf")]
    pub name: String,
    /// Bytes.
    #[schema(example = 482133)]
    pub size: i64,
    #[schema(example = "application/pdf")]
    pub content_type: String,
    /// How the browser can show it (the download with `disposition=inline`); `null`:
    /// download only.
    pub preview: Option<PreviewKind>,
    /// Whether a small JPEG of it is at `…/files/{id}/thumbnail`.
    pub thumbnail: bool,
    pub created_at: DateTime<Utc>,
}

/// One step in a deliverable's history, shown to staff and client alike.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DeliverableEvent {
    pub at: DateTime<Utc>,
    pub event: DeliverableEventKind,
    /// The client's requested changes, or the note staff wrote when submitting or reopening.
    pub comment: Option<String>,
    /// `staff`, `api_key`, `client` or `system`.
    #[schema(example = "client")]
    pub actor_kind: String,
    pub actor_id: Option<String>,
}

/// A deliverable with its files and history. In the portal only files shared with the
/// client are listed.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Deliverable {
    pub id: String,
    pub project_id: String,
    #[schema(example = "Logo concepts")]
    pub title: String,
    pub description: Option<String>,
    pub status: DeliverableStatus,
    /// How many times it has been submitted; a resubmission after requested changes is round 2.
    #[schema(example = 1)]
    pub round: i32,
    /// When it was last submitted.
    pub submitted_at: Option<DateTime<Utc>>,
    /// When the client last approved it or requested changes.
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub files: Vec<DeliverableFile>,
    /// Every submission, decision and reopening, oldest first.
    pub history: Vec<DeliverableEvent>,
}

/// A project's deliverables, oldest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DeliverableList {
    pub items: Vec<Deliverable>,
}

impl From<FileRow> for DeliverableFile {
    fn from(r: FileRow) -> DeliverableFile {
        DeliverableFile {
            id: r.id,
            name: r.name,
            size: r.size,
            preview: kind_of(&r.content_type),
            thumbnail: r.thumbnail_key.is_some(),
            content_type: r.content_type,
            created_at: utc(r.created_at),
        }
    }
}

impl From<EventRow> for DeliverableEvent {
    fn from(r: EventRow) -> DeliverableEvent {
        DeliverableEvent {
            at: utc(r.at),
            event: DeliverableEventKind::stored_or(&r.status, DeliverableEventKind::Submitted),
            comment: r.comment,
            actor_kind: r.actor_kind,
            actor_id: r.actor_id,
        }
    }
}

impl From<DeliverableParts> for Deliverable {
    fn from(p: DeliverableParts) -> Deliverable {
        let r = p.row;
        Deliverable {
            status: status_of(&r.status),
            id: r.id,
            project_id: r.project_id,
            title: r.title,
            description: r.description,
            round: r.round,
            submitted_at: r.submitted_at.map(utc),
            decided_at: r.decided_at.map(utc),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
            files: p.files.into_iter().map(DeliverableFile::from).collect(),
            history: p.events.into_iter().map(DeliverableEvent::from).collect(),
        }
    }
}

/// A new deliverable. It starts `in_progress`: the client sees it, but decides only once it
/// is submitted.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDeliverable {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Logo concepts")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(max_length = 5000)]
    pub description: Option<String>,
}

/// Changes to a deliverable. Fields left out stay as they are; `null` clears `description`.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "Logo — final files", "description": "SVG, PNG and PDF versions."}))]
pub struct UpdateDeliverable {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 5000)]
    pub description: Option<Option<String>>,
}

/// Submitting or reopening, with an optional note the client sees in the history.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "Second round: colours adjusted as discussed."}))]
pub struct DeliverableNote {
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(max_length = 5000)]
    pub note: Option<String>,
}

/// The changes the client asks for.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestChanges {
    /// What should change, 1–5000 characters.
    #[validate(
        length(min = 1, max = 5000, message = "must be 1 to 5000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Could the second concept use a warmer red?")]
    #[schema(min_length = 1, max_length = 5000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub comment: String,
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = deliverables)]
pub struct DeliverableChanges {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub updated_at: NaiveDateTime,
}

impl UpdateDeliverable {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [("title", self.title.is_some()), ("description", self.description.is_some())]
            .into_iter()
            .filter(|(_, p)| *p)
            .map(|(f, _)| f)
            .collect()
    }

    pub fn into_changes(self, now: NaiveDateTime) -> DeliverableChanges {
        DeliverableChanges {
            title: self.title.map(|t| t.trim().to_string()),
            description: self.description.map(tidy),
            updated_at: now,
        }
    }
}

pub use crate::rules::tidy;

#[cfg(test)]
mod tests {
    use super::DeliverableStatus::{self, *};
    use super::Party;

    #[test]
    fn only_the_documented_transitions_are_allowed() {
        let staff = [
            (InProgress, Submitted),
            (ChangesRequested, Submitted),
            (Submitted, InProgress),
            (Approved, InProgress),
            (ChangesRequested, InProgress),
        ];
        let client = [(Submitted, Approved), (Submitted, ChangesRequested)];
        for from in DeliverableStatus::ALL {
            for to in DeliverableStatus::ALL {
                assert_eq!(from.can_become(to, Party::Staff), staff.contains(&(from, to)), "staff {from:?} → {to:?}");
                assert_eq!(
                    from.can_become(to, Party::Client),
                    client.contains(&(from, to)),
                    "client {from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn sources_are_what_the_conditional_updates_match() {
        assert_eq!(DeliverableStatus::sources(Submitted, Party::Staff), ["in_progress", "changes_requested"]);
        assert_eq!(
            DeliverableStatus::sources(InProgress, Party::Staff),
            ["submitted", "approved", "changes_requested"]
        );
        assert_eq!(DeliverableStatus::sources(Approved, Party::Client), ["submitted"]);
        assert_eq!(DeliverableStatus::sources(ChangesRequested, Party::Client), ["submitted"]);
    }
}
