//! Project and task rows, their statuses, progress, and the DTOs the API speaks.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::schema::{projects, tasks};
use crate::db::utc;
use crate::http::patch::double_option;
use crate::rules;

/// Most tasks one project may hold.
pub const MAX_TASKS: i64 = 500;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = projects)]
pub struct ProjectRow {
    pub id: String,
    pub tenant_id: String,
    pub client_id: String,
    pub staff_id: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub status: String,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub client_uploads: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tasks)]
pub struct TaskRow {
    pub id: String,
    pub tenant_id: String,
    pub project_id: String,
    pub title: String,
    pub status: String,
    pub position: i32,
    pub due_date: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::text_enum! {
    /// Where a project stands. Staff may move it between any two statuses (a completed project
    /// can be reopened).
    pub enum ProjectStatus {
        Planned = "planned",
        Active = "active",
        OnHold = "on_hold",
        Completed = "completed",
        Cancelled = "cancelled",
    }
}

impl ProjectStatus {
    /// Still going: the portal's "open" projects.
    pub const OPEN: [&'static str; 3] = ["planned", "active", "on_hold"];
    /// Over, one way or the other: the portal's "closed" projects.
    pub const CLOSED: [&'static str; 2] = ["completed", "cancelled"];

    /// How the status reads after "Project Brand refresh ", in the client's timeline.
    pub fn phrase(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "is planned",
            ProjectStatus::Active => "is under way",
            ProjectStatus::OnHold => "is on hold",
            ProjectStatus::Completed => "is completed",
            ProjectStatus::Cancelled => "was cancelled",
        }
    }
}

/// Where a task stands on the board. `query` means it waits on a question to the client;
/// `cancelled` tasks stay visible but do not count towards progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Todo,
    InProgress,
    Review,
    Done,
    Query,
    Cancelled,
}

impl TaskStatus {
    /// Also the order of the board's columns.
    pub const ALL: [TaskStatus; 6] = [
        TaskStatus::Todo,
        TaskStatus::InProgress,
        TaskStatus::Review,
        TaskStatus::Query,
        TaskStatus::Done,
        TaskStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Todo => "todo",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Review => "review",
            TaskStatus::Done => "done",
            TaskStatus::Query => "query",
            TaskStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How far a project is: `done` of `total` tasks, cancelled tasks left out of both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Progress {
    /// Tasks done.
    #[schema(example = 3)]
    pub done: i64,
    /// Tasks that count: every task but the cancelled ones.
    #[schema(example = 8)]
    pub total: i64,
    /// `done × 100 / total`, rounded down (so 100 only when every task is done); 0 when
    /// there are no tasks.
    #[schema(example = 37, minimum = 0, maximum = 100)]
    pub percent: i64,
}

impl Progress {
    /// From the number of tasks in each status.
    pub fn of(counts: impl IntoIterator<Item = (TaskStatus, i64)>) -> Progress {
        let (mut done, mut total) = (0, 0);
        for (status, n) in counts {
            match status {
                TaskStatus::Cancelled => {}
                TaskStatus::Done => {
                    done += n;
                    total += n;
                }
                _ => total += n,
            }
        }
        let percent = if total == 0 { 0 } else { done * 100 / total };
        Progress { done, total, percent }
    }
}

/// A task as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Task {
    pub id: String,
    #[schema(example = "Moodboard")]
    pub title: String,
    pub status: TaskStatus,
    /// Order on the board, from 0.
    pub position: i32,
    pub due_date: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A task as the client sees it on the read-only board.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalTask {
    pub id: String,
    #[schema(example = "Moodboard")]
    pub title: String,
    pub status: TaskStatus,
    pub due_date: Option<NaiveDate>,
}

/// One column of the board: the tasks in one status, in board order.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BoardColumn {
    pub status: TaskStatus,
    pub tasks: Vec<PortalTask>,
}

/// A project as its client sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalProject {
    pub id: String,
    #[schema(example = "Brand refresh")]
    pub name: String,
    pub description: Option<String>,
    pub status: ProjectStatus,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// Whether you may upload files to this project.
    pub client_uploads: bool,
    pub progress: Progress,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A project with its board, as its client sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalProjectDetail {
    #[serde(flatten)]
    pub project: PortalProject,
    /// Every status in board order (todo, in_progress, review, query, done, cancelled),
    /// each with its tasks; empty columns included.
    pub board: Vec<BoardColumn>,
}

/// A project as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Project {
    pub client_id: String,
    #[schema(example = "Maria Lopez")]
    pub client_name: String,
    /// The staff member who answers for the project; `null` means the owners and admins.
    pub staff_id: Option<String>,
    #[serde(flatten)]
    pub project: PortalProject,
}

/// A project with its tasks in board order, as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub project: Project,
    pub tasks: Vec<Task>,
}

/// A page of projects, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectPage {
    pub items: Vec<Project>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A page of your projects, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalProjectPage {
    pub items: Vec<PortalProject>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

pub fn project_status_of(s: &str) -> ProjectStatus {
    ProjectStatus::stored_or(s, ProjectStatus::Planned)
}

pub fn task_status_of(s: &str) -> TaskStatus {
    TaskStatus::parse(s).unwrap_or(TaskStatus::Todo)
}

impl PortalProject {
    pub fn of(row: ProjectRow, progress: Progress) -> PortalProject {
        PortalProject {
            status: project_status_of(&row.status),
            id: row.id,
            name: row.name,
            description: row.description,
            start_date: row.start_date,
            due_date: row.due_date,
            client_uploads: row.client_uploads,
            progress,
            created_at: utc(row.created_at),
            updated_at: utc(row.updated_at),
        }
    }
}

impl Project {
    pub fn of(row: ProjectRow, client_name: String, progress: Progress) -> Project {
        Project {
            client_id: row.client_id.clone(),
            staff_id: row.staff_id.clone(),
            client_name,
            project: PortalProject::of(row, progress),
        }
    }
}

impl From<TaskRow> for Task {
    fn from(r: TaskRow) -> Task {
        Task {
            status: task_status_of(&r.status),
            id: r.id,
            title: r.title,
            position: r.position,
            due_date: r.due_date,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// The board: one column per status, tasks kept in the order given.
pub fn board(tasks: Vec<TaskRow>) -> Vec<BoardColumn> {
    let mut columns: Vec<BoardColumn> =
        TaskStatus::ALL.into_iter().map(|status| BoardColumn { status, tasks: vec![] }).collect();
    for t in tasks {
        let status = task_status_of(&t.status);
        if let Some(column) = columns.iter_mut().find(|c| c.status == status) {
            column.tasks.push(PortalTask { id: t.id, title: t.title, status, due_date: t.due_date });
        }
    }
    columns
}

/// The progress of a list of tasks.
pub fn progress_of(tasks: &[TaskRow]) -> Progress {
    Progress::of(tasks.iter().map(|t| (task_status_of(&t.status), 1)))
}

/// A new project. It starts `planned` unless another status is given.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProject {
    /// The client the project is for, in your tenant.
    #[validate(length(min = 1, max = 100, message = "must be a client id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Brand refresh")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    /// Default `planned`.
    pub status: Option<ProjectStatus>,
    /// `YYYY-MM-DD`.
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub start_date: Option<NaiveDate>,
    /// `YYYY-MM-DD`, not before `start_date`.
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub due_date: Option<NaiveDate>,
    /// The staff member who answers for it; default: nobody (owners and admins are told).
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<String>,
    /// Whether the client may upload files to it. Default `false`.
    #[serde(default)]
    pub client_uploads: bool,
}

/// Changes to a project. Fields left out stay as they are; `null` clears the nullable ones.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "active", "due_date": "2027-01-31", "client_uploads": true}))]
pub struct UpdateProject {
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
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 10000)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[schema(nullable = false)]
    pub status: Option<ProjectStatus>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub start_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub due_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[schema(nullable = false)]
    pub client_uploads: Option<bool>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = projects)]
pub struct ProjectChanges {
    pub name: Option<String>,
    pub description: Option<Option<String>>,
    pub status: Option<String>,
    pub start_date: Option<Option<NaiveDate>>,
    pub due_date: Option<Option<NaiveDate>>,
    pub staff_id: Option<Option<String>>,
    pub client_uploads: Option<bool>,
    pub updated_at: NaiveDateTime,
}

impl UpdateProject {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("name", self.name.is_some()),
            ("description", self.description.is_some()),
            ("status", self.status.is_some()),
            ("start_date", self.start_date.is_some()),
            ("due_date", self.due_date.is_some()),
            ("staff_id", self.staff_id.is_some()),
            ("client_uploads", self.client_uploads.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }
}

/// A new task, added at the end of the board unless `position` says where.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTask {
    #[validate(
        length(min = 1, max = 300, message = "must be 1 to 300 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Moodboard")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 300)]
    pub title: String,
    /// Default `todo`.
    pub status: Option<TaskStatus>,
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub due_date: Option<NaiveDate>,
}

/// Changes to a task. Fields left out stay as they are; `null` clears `due_date`.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "done"}))]
pub struct UpdateTask {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 300, message = "must be 1 to 300 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 300, nullable = false)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[schema(nullable = false)]
    pub status: Option<TaskStatus>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>, nullable)]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub due_date: Option<Option<NaiveDate>>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = tasks)]
pub struct TaskChanges {
    pub title: Option<String>,
    pub status: Option<String>,
    pub position: Option<i32>,
    pub due_date: Option<Option<NaiveDate>>,
    pub updated_at: NaiveDateTime,
}

/// The board's new order: every task id of the project, each once.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"task_ids": ["019a7b2e-51c4-7d2e-9f3a-0c1b2d3e4f50", "019a7b2e-6a10-7b3c-8d4e-5f6a7b8c9d0e"]}))]
pub struct ReorderTasks {
    #[validate(length(max = 500, message = "must hold at most 500 ids"))]
    #[schema(max_items = 500)]
    pub task_ids: Vec<String>,
}

/// Filters of the staff list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectListQuery {
    /// `planned`, `active`, `on_hold`, `completed` or `cancelled`. Default: all.
    #[param(value_type = Option<String>, pattern = "^(?:planned|active|on_hold|completed|cancelled)?$")]
    pub status: Option<String>,
    /// Only this client's projects.
    pub client_id: Option<String>,
    /// Case-insensitive search in the project's and the client's name.
    #[param(max_length = 200)]
    pub q: Option<String>,
}

/// Filters of the portal list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalProjectListQuery {
    /// `open` (planned, active, on hold) or `closed` (completed, cancelled). Default: both.
    #[param(value_type = Option<String>, pattern = "^(?:open|closed)?$")]
    pub state: Option<String>,
}

pub use crate::rules::tidy;

#[cfg(test)]
mod tests {
    use super::TaskStatus::*;
    use super::*;

    #[test]
    fn progress_counts_done_over_all_but_cancelled_rounded_down() {
        assert_eq!(Progress::of([]), Progress { done: 0, total: 0, percent: 0 });
        assert_eq!(Progress::of([(Done, 1), (Todo, 2)]), Progress { done: 1, total: 3, percent: 33 });
        assert_eq!(Progress::of([(Done, 2), (Todo, 1)]).percent, 66);
        assert_eq!(Progress::of([(Done, 3), (Cancelled, 5)]), Progress { done: 3, total: 3, percent: 100 });
        assert_eq!(Progress::of([(Cancelled, 4)]), Progress { done: 0, total: 0, percent: 0 });
        assert_eq!(Progress::of([(Done, 199), (Review, 1)]).percent, 99, "100 only when all are done");
        let all = [(Todo, 1), (InProgress, 1), (Review, 1), (Query, 1), (Done, 4), (Cancelled, 9)];
        assert_eq!(Progress::of(all), Progress { done: 4, total: 8, percent: 50 });
    }

    #[test]
    fn the_board_has_every_column_in_order_even_empty_ones() {
        let columns = board(vec![]);
        let order: Vec<_> = columns.iter().map(|c| c.status).collect();
        assert_eq!(order, TaskStatus::ALL.to_vec());
    }
}
