//! Templates: rows, the content of each kind, and the request and answer bodies.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationErrors};

use super::merge::{self, MergeBody, MergeDescription, MergeItem, MergeLine, MergeMessage, MergeNotes, MergeTaskTitle};
use crate::db::schema::templates;
use crate::db::utc;
use crate::error::FieldError;
use crate::money::LineInput;
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = templates)]
pub struct TemplateRow {
    pub id: String,
    pub tenant_id: String,
    pub kind: String,
    pub name: String,
    /// JSON of `TemplateContent`.
    pub content: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::text_enum! {
    /// What a template makes.
    pub enum TemplateKind {
        Project = "project",
        Quote = "quote",
        Contract = "contract",
        Email = "email",
    }
}

/// A task of a project template.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateTask {
    #[validate(
        length(min = 1, max = 300, message = "must be 1 to 300 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = MergeTaskTitle)]
    pub title: String,
}

/// A deliverable of a project template.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateDeliverable {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = MergeLine)]
    pub title: String,
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(value_type = Option<MergeDescription>)]
    pub description: Option<String>,
}

/// A project with its task list and deliverables.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectContent {
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(value_type = Option<MergeNotes>)]
    pub description: Option<String>,
    /// In board order; at most 200.
    #[serde(default)]
    #[validate(length(max = 200, message = "must hold at most 200 tasks"), nested)]
    #[schema(max_items = 200)]
    pub tasks: Vec<TemplateTask>,
    /// At most 50.
    #[serde(default)]
    #[validate(length(max = 50, message = "must hold at most 50 deliverables"), nested)]
    #[schema(max_items = 50)]
    pub deliverables: Vec<TemplateDeliverable>,
}

/// A quote's title, notes and lines.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteContent {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = MergeLine)]
    pub title: String,
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(value_type = Option<MergeNotes>)]
    pub notes: Option<String>,
    /// 1 to 200 lines, as on a quote.
    #[serde(deserialize_with = "crate::money::lines::lines_field")]
    #[validate(length(min = 1, message = "must hold at least one line"), nested)]
    #[schema(min_items = 1, max_items = 200, value_type = Vec<TemplateLine>)]
    pub lines: Vec<LineInput>,
}

/// A quote template's line: a quote's `LineInput` whose description may hold merge fields.
/// Only the spec names it; the server reads a `LineInput`.
#[allow(dead_code)]
#[derive(Deserialize, ToSchema)]
pub struct TemplateLine {
    #[schema(value_type = MergeItem)]
    description: String,
    /// Up to 3 decimals, greater than 0, at most 1000000; a string (`"1.5"`) or a number.
    quantity: crate::money::Quantity,
    /// Price of one unit in minor units of the quote's currency.
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    unit_price_minor: i64,
    /// Tax rate in basis points: `2000` is 20 %. Default 0.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10000)]
    tax_rate_bp: i32,
    /// Discount in basis points: `1000` is 10 % off. Default 0.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10000)]
    discount_bp: i32,
}

/// A contract's title and Markdown body.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContractContent {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = MergeLine)]
    pub title: String,
    #[validate(
        length(min = 1, max = 100000, message = "must be 1 to 100000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(value_type = MergeBody)]
    pub body: String,
}

/// An email staff send by hand.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailContent {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = MergeLine)]
    pub subject: String,
    #[validate(
        length(min = 1, max = 20000, message = "must be 1 to 20000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(value_type = MergeMessage)]
    pub body: String,
}

/// What a template holds; `kind` says which shape.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TemplateContent {
    Project(ProjectContent),
    Quote(QuoteContent),
    Contract(ContractContent),
    Email(EmailContent),
}

/// Each shape inlined with its `kind` (a union of whole objects, not of `allOf`s, which
/// generated clients such as openapi-python-client cannot read).
impl utoipa::PartialSchema for TemplateContent {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::RefOr;
        use utoipa::openapi::schema::{Object, ObjectBuilder, OneOfBuilder, Schema, Type};
        let shape = |kind: &str, schema: RefOr<Schema>| -> Object {
            let mut object = match schema {
                RefOr::T(Schema::Object(o)) => o,
                _ => Object::new(),
            };
            let tag = ObjectBuilder::new().schema_type(Type::String).enum_values(Some([kind])).build();
            object.properties.insert("kind".to_string(), tag.into());
            object.required.insert(0, "kind".to_string());
            object
        };
        OneOfBuilder::new()
            .description(Some("What a template holds; `kind` says which shape."))
            .item(shape("project", <ProjectContent as utoipa::PartialSchema>::schema()))
            .item(shape("quote", <QuoteContent as utoipa::PartialSchema>::schema()))
            .item(shape("contract", <ContractContent as utoipa::PartialSchema>::schema()))
            .item(shape("email", <EmailContent as utoipa::PartialSchema>::schema()))
            .into()
    }
}

impl ToSchema for TemplateContent {
    fn schemas(schemas: &mut Vec<(String, utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>)>) {
        for (name, schema) in [
            ("TemplateTask", <TemplateTask as utoipa::PartialSchema>::schema()),
            ("TemplateDeliverable", <TemplateDeliverable as utoipa::PartialSchema>::schema()),
            ("TemplateLine", <TemplateLine as utoipa::PartialSchema>::schema()),
        ] {
            schemas.push((name.to_string(), schema));
        }
        <ProjectContent as ToSchema>::schemas(schemas);
        <QuoteContent as ToSchema>::schemas(schemas);
        <ContractContent as ToSchema>::schemas(schemas);
        <EmailContent as ToSchema>::schemas(schemas);
    }
}

impl Validate for TemplateContent {
    fn validate(&self) -> Result<(), ValidationErrors> {
        match self {
            TemplateContent::Project(c) => c.validate(),
            TemplateContent::Quote(c) => c.validate(),
            TemplateContent::Contract(c) => c.validate(),
            TemplateContent::Email(c) => c.validate(),
        }
    }
}

impl TemplateContent {
    pub fn kind(&self) -> TemplateKind {
        match self {
            TemplateContent::Project(_) => TemplateKind::Project,
            TemplateContent::Quote(_) => TemplateKind::Quote,
            TemplateContent::Contract(_) => TemplateKind::Contract,
            TemplateContent::Email(_) => TemplateKind::Email,
        }
    }

    /// Every text that may hold merge fields, with its field path in a request body.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let at = |name: &str| format!("content.{name}");
        let mut out: Vec<(String, &str)> = Vec::new();
        match self {
            TemplateContent::Project(c) => {
                out.extend(c.description.as_deref().map(|d| (at("description"), d)));
                for (i, t) in c.tasks.iter().enumerate() {
                    out.push((at(&format!("tasks[{i}].title")), &t.title));
                }
                for (i, d) in c.deliverables.iter().enumerate() {
                    out.push((at(&format!("deliverables[{i}].title")), &d.title));
                    out.extend(
                        d.description.as_deref().map(|text| (at(&format!("deliverables[{i}].description")), text)),
                    );
                }
            }
            TemplateContent::Quote(c) => {
                out.push((at("title"), &c.title));
                out.extend(c.notes.as_deref().map(|n| (at("notes"), n)));
                for (i, l) in c.lines.iter().enumerate() {
                    out.push((at(&format!("lines[{i}].description")), &l.description));
                }
            }
            TemplateContent::Contract(c) => {
                out.push((at("title"), &c.title));
                out.push((at("body"), &c.body));
            }
            TemplateContent::Email(c) => {
                out.push((at("subject"), &c.subject));
                out.push((at("body"), &c.body));
            }
        }
        out
    }

    /// Every merge field the content uses, each once.
    pub fn fields(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, text) in self.texts() {
            for field in merge::used(text) {
                if !out.contains(&field) {
                    out.push(field);
                }
            }
        }
        out
    }

    /// A field error for every unknown or unclosed merge field.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for (path, text) in self.texts() {
            merge::check(&path, text, &mut errors);
        }
        errors
    }

    /// The same content with every text passed through `f` (which resolves merge fields).
    pub fn map_texts<E>(&self, f: impl Fn(&str) -> Result<String, E>) -> Result<TemplateContent, E> {
        let opt = |t: &Option<String>| t.as_deref().map(&f).transpose();
        Ok(match self {
            TemplateContent::Project(c) => TemplateContent::Project(ProjectContent {
                description: opt(&c.description)?,
                tasks: c.tasks.iter().map(|t| Ok(TemplateTask { title: f(&t.title)? })).collect::<Result<_, E>>()?,
                deliverables: c
                    .deliverables
                    .iter()
                    .map(|d| Ok(TemplateDeliverable { title: f(&d.title)?, description: opt(&d.description)? }))
                    .collect::<Result<_, E>>()?,
            }),
            TemplateContent::Quote(c) => TemplateContent::Quote(QuoteContent {
                title: f(&c.title)?,
                notes: opt(&c.notes)?,
                lines: c
                    .lines
                    .iter()
                    .map(|l| Ok(LineInput { description: f(&l.description)?, ..l.clone() }))
                    .collect::<Result<_, E>>()?,
            }),
            TemplateContent::Contract(c) => {
                TemplateContent::Contract(ContractContent { title: f(&c.title)?, body: f(&c.body)? })
            }
            TemplateContent::Email(c) => {
                TemplateContent::Email(EmailContent { subject: f(&c.subject)?, body: f(&c.body)? })
            }
        })
    }
}

/// A template as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Template {
    pub id: String,
    pub kind: TemplateKind,
    pub name: String,
    pub content: TemplateContent,
    /// The merge fields it uses: a document made from it needs a quote when it uses
    /// `quote.*`, a project when it uses `project.*`.
    #[schema(example = json!(["client.name", "today"]))]
    pub fields: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TemplateRow {
    pub fn content(&self) -> Result<TemplateContent, crate::error::ApiError> {
        serde_json::from_str(&self.content).map_err(|e| {
            crate::error::ApiError::Internal(format!("template {} holds unreadable content: {e}", self.id))
        })
    }

    pub fn view(&self) -> Result<Template, crate::error::ApiError> {
        let content = self.content()?;
        Ok(Template {
            id: self.id.clone(),
            kind: content.kind(),
            name: self.name.clone(),
            fields: content.fields(),
            content,
            created_at: utc(self.created_at),
            updated_at: utc(self.updated_at),
        })
    }
}

/// The templates of one kind (or all), by name.
#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateList {
    pub items: Vec<Template>,
}

/// A merge field and what it stands for.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeField {
    #[schema(example = "client.name")]
    pub name: String,
    #[schema(example = "The client's name")]
    pub description: String,
}

/// Every merge field a template may use.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergeFieldList {
    pub items: Vec<MergeField>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTemplate {
    /// Unique among your templates of its kind.
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 100, example = "Website project")]
    pub name: String,
    #[validate(nested)]
    pub content: TemplateContent,
}

/// Changes to a template. Fields left out stay as they are; `content` replaces the whole
/// content (its `kind` may change).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Website project", "content": {"kind": "contract", "title": "Agreement with {{client.name}}", "body": "# Agreement\n\nMade on {{today}}."}}))]
pub struct UpdateTemplate {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 100, nullable = false)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(nested)]
    #[schema(nullable = false)]
    pub content: Option<TemplateContent>,
}

/// What a document made from a template is about: its merge fields take their values from
/// these.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"client_id": "0193a5b2-7c1d-7000-8000-000000000001"}))]
pub struct RenderTemplate {
    /// The client, in your tenant.
    #[validate(length(min = 1, max = 100, message = "must be a client id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    /// A quote of that client, for `quote.*` fields.
    #[validate(length(min = 1, max = 100, message = "must be a quote id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub quote_id: Option<String>,
    /// A project of that client, for `project.*` fields.
    #[validate(length(min = 1, max = 100, message = "must be a project id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub project_id: Option<String>,
}

/// The template's content with every merge field replaced: ready to create the document.
#[derive(Debug, Serialize, ToSchema)]
pub struct RenderedTemplate {
    pub template_id: String,
    pub content: TemplateContent,
}
