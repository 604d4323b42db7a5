//! Staff DTOs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::store::StaffRow;
use crate::db::utc;
use crate::http::patch::no_null;
use crate::i18n::Language;
use crate::rules;

crate::text_enum! {
    /// What a staff member may do. Owners and admins manage everything; members work with
    /// clients but cannot change settings, keys or staff. Only an owner can make an owner.
    pub enum Role {
        Owner = "owner",
        Admin = "admin",
        Member = "member",
    }
}

/// A person who works in the console.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StaffMember {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

impl From<StaffRow> for StaffMember {
    fn from(r: StaffRow) -> StaffMember {
        StaffMember {
            role: Role::stored_or(&r.role, Role::Member),
            id: r.id,
            email: r.email,
            name: r.name,
            created_at: utc(r.created_at),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StaffList {
    pub items: Vec<StaffMember>,
}

/// Someone to add to the team; they get an email with a login link.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "lena@lumen.example", "name": "Lena Vogel", "role": "member"}))]
pub struct InviteStaff {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(max_length = 254)]
    #[schema(format = Email)]
    pub email: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    pub role: Role,
}

/// Changes to a staff member.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"role": "admin"}))]
pub struct UpdateStaff {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    pub role: Option<Role>,
}

/// The name you want clients and colleagues to see, and the language you read. Fields left
/// out stay as they are.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Clara Weiss", "language": "de"}))]
pub struct UpdateMe {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    #[serde(default, deserialize_with = "no_null")]
    #[schema(value_type = String, required = false, nullable = false)]
    pub name: Option<String>,
    /// The language of the console and of your emails.
    #[serde(default, deserialize_with = "no_null")]
    #[schema(value_type = Language, required = false, nullable = false)]
    pub language: Option<Language>,
}

/// The address you want to log in with from now on.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "clara@lumen.example"}))]
pub struct ChangeEmail {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(max_length = 254)]
    #[schema(format = Email)]
    pub email: String,
}

/// The code that reached the new address.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "clara@lumen.example", "code": "123456"}))]
pub struct ConfirmEmail {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(max_length = 254)]
    #[schema(format = Email)]
    pub email: String,
    /// The 6 digits; spaces and dashes are ignored.
    #[validate(custom(function = "rules::login_code"))]
    #[schema(pattern = "^[ -]*(?:[0-9][ -]*){6}$")]
    pub code: String,
}

/// A code is on its way to the new address.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EmailChangeStarted {
    pub email: String,
    /// Confirm before this moment.
    pub expires_at: DateTime<Utc>,
}

/// The logged-in staff member.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StaffMe {
    pub id: String,
    pub name: String,
    pub email: String,
    /// `owner`, `admin` or `member`.
    pub role: String,
    pub tenant_id: String,
    pub tenant_slug: String,
    pub tenant_name: String,
    /// Whether you have chosen the name clients see; until then the console asks.
    pub name_chosen: bool,
    /// The language you read the console and your emails in; `null`: the business's.
    pub language: Option<Language>,
    /// The business's default language.
    pub tenant_language: Language,
}
