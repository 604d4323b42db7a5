//! Form rows and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::clients::model::ClientStatus;
use crate::db::schema::{form_submissions, forms};
use crate::db::utc;
use crate::http::patch::{double_option, no_null};
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = forms)]
pub struct FormRow {
    pub id: String,
    pub tenant_id: String,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    /// JSON array of `FormField`.
    pub fields: String,
    pub success_message: Option<String>,
    pub enabled: bool,
    pub notify_staff: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl FormRow {
    /// The stored fields; a row always holds what `fields::check` accepted.
    pub fn fields(&self) -> Vec<FormField> {
        serde_json::from_str(&self.fields).unwrap_or_default()
    }
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = forms)]
pub struct FormChanges {
    pub slug: Option<String>,
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub fields: Option<String>,
    pub success_message: Option<Option<String>>,
    pub enabled: Option<bool>,
    pub notify_staff: Option<bool>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = form_submissions)]
pub struct SubmissionRow {
    pub id: String,
    pub tenant_id: String,
    pub form_id: String,
    pub client_id: String,
    pub created_lead: bool,
    /// JSON object of the values by field key.
    pub data: String,
    pub ip: String,
    pub user_agent: Option<String>,
    pub created_at: NaiveDateTime,
}

/// What a field asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text, up to 200 characters.
    Text,
    Email,
    Phone,
    /// Several lines, up to 5000 characters.
    Textarea,
    /// One of `options`.
    Select,
    /// A yes/no box; when required, it must be ticked (terms, consent).
    Checkbox,
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FormField {
    /// The name its value is sent and stored under: lowercase letters, digits and `_`,
    /// starting with a letter. Every form has `name` and `email`.
    #[schema(example = "budget", pattern = "^ *(?!website *$)[a-z][a-z0-9_]{0,39} *$")]
    pub key: String,
    #[schema(example = "Your budget", min_length = 1, max_length = 200)]
    #[schema(pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// The choices of a `select` field (1 to 50, each 1 to 200 characters, all different);
    /// empty for the other kinds.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub options: Vec<String>,
    /// A hint shown under the field.
    #[serde(default)]
    #[schema(max_length = 500)]
    pub help: Option<String>,
}

/// An intake form, as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Form {
    pub id: String,
    /// The last part of its public address.
    #[schema(example = "contact")]
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub fields: Vec<FormField>,
    /// What the visitor reads once they have sent it (a default when empty).
    pub success_message: Option<String>,
    /// Only an enabled form is public.
    pub enabled: bool,
    /// Email the owners and admins at each submission.
    pub notify_staff: bool,
    /// Where visitors fill it in.
    #[schema(example = "https://portal.example.com/portal/acme/forms/contact")]
    pub public_url: String,
    pub submission_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Form {
    pub fn of(row: FormRow, public_url: String, submission_count: i64) -> Form {
        Form {
            fields: row.fields(),
            id: row.id,
            slug: row.slug,
            title: row.title,
            description: row.description,
            success_message: row.success_message,
            enabled: row.enabled,
            notify_staff: row.notify_staff,
            public_url,
            submission_count,
            created_at: utc(row.created_at),
            updated_at: utc(row.updated_at),
        }
    }
}

/// A page of forms, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct FormPage {
    pub items: Vec<Form>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A new form. `name` and `email` fields are added when missing: every submission must say
/// who sent it.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateForm {
    #[validate(custom(function = "form_slug"))]
    #[schema(example = "contact")]
    #[schema(min_length = 2, max_length = 60, pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    pub slug: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Tell us about your project")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    #[serde(default)]
    #[schema(max_items = 30)]
    pub fields: Vec<FormField>,
    #[validate(length(max = 1000, message = "must be at most 1000 characters"))]
    #[schema(max_length = 1000)]
    pub success_message: Option<String>,
    /// Default `true`.
    pub enabled: Option<bool>,
    /// Default `true`.
    pub notify_staff: Option<bool>,
}

/// Changes to a form. Fields left out stay as they are; `null` clears an optional text.
/// `fields`, when sent, replaces the whole list.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "Book a discovery call", "description": "Tell us about your project; we answer within a day.", "enabled": true}))]
pub struct UpdateForm {
    #[serde(default, deserialize_with = "no_null")]
    #[validate(custom(function = "form_slug"))]
    #[schema(value_type = String, required = false)]
    #[schema(min_length = 2, max_length = 60, pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    #[schema(nullable = false)]
    pub slug: Option<String>,
    #[serde(default, deserialize_with = "no_null")]
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(value_type = String, required = false)]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 2000)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "no_null")]
    #[schema(value_type = Vec<FormField>, required = false)]
    #[schema(nullable = false, max_items = 30)]
    pub fields: Option<Vec<FormField>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 1000, message = "must be at most 1000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 1000)]
    pub success_message: Option<Option<String>>,
    #[serde(default, deserialize_with = "no_null")]
    #[schema(value_type = bool, required = false)]
    #[schema(nullable = false)]
    pub enabled: Option<bool>,
    #[serde(default, deserialize_with = "no_null")]
    #[schema(value_type = bool, required = false)]
    #[schema(nullable = false)]
    pub notify_staff: Option<bool>,
}

impl UpdateForm {
    /// The names of the fields this update touches, for the activity log.
    pub fn touched(&self) -> Vec<&'static str> {
        [
            ("slug", self.slug.is_some()),
            ("title", self.title.is_some()),
            ("description", self.description.is_some()),
            ("fields", self.fields.is_some()),
            ("success_message", self.success_message.is_some()),
            ("enabled", self.enabled.is_some()),
            ("notify_staff", self.notify_staff.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }
}

/// Lowercase letters, digits and single hyphens; 2–60 characters.
fn form_slug(value: &str) -> Result<(), validator::ValidationError> {
    let len = value.chars().count();
    let shaped = (2..=60).contains(&len)
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--");
    if shaped {
        Ok(())
    } else {
        Err(validator::ValidationError::new("slug")
            .with_message("must be 2 to 60 lowercase letters, digits and single hyphens (e.g. 'new-project')".into()))
    }
}

/// A form as visitors see it: no staff settings.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicForm {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub fields: Vec<FormField>,
}

/// A visitor's answers.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"values": {"name": "Ana Ruiz", "email": "ana@example.com", "phone": "+34 600 123 456", "budget": "5-10k", "message": "We need a new logo and website.", "newsletter": false}, "website": ""}))]
pub struct SubmitForm {
    /// The answers by field key: text for most kinds, `true`/`false` for a checkbox.
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub values: serde_json::Map<String, serde_json::Value>,
    /// Leave empty. The form hides it from people; robots that fill in every field give
    /// themselves away.
    #[serde(default)]
    pub website: Option<String>,
}

/// The answer to a submission.
#[derive(Debug, Serialize, ToSchema)]
pub struct FormReceived {
    #[schema(example = "Thank you! We received your message and will get back to you soon.")]
    pub message: String,
}

/// Who a submission is linked to.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionClient {
    pub id: String,
    pub name: String,
    pub email: String,
    pub status: ClientStatus,
}

/// One submission of a form.
#[derive(Debug, Serialize, ToSchema)]
pub struct Submission {
    pub id: String,
    pub form_id: String,
    pub client: SubmissionClient,
    /// The submission created this client as a lead (the email was unknown).
    pub created_lead: bool,
    /// The answers by field key.
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub data: serde_json::Value,
    pub ip: String,
    pub user_agent: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A page of submissions, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionPage {
    pub items: Vec<Submission>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}
