//! API key rows and DTOs. The secret itself never leaves the create response.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Scope;
use crate::auth::api_key::KEY_PREFIX;
use crate::auth::store::ApiKeyRow;
use crate::db::utc;
use crate::rules;

/// An API key, without its secret.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiKey {
    pub id: String,
    #[schema(example = "Zapier")]
    pub name: String,
    /// The key's first characters, to tell keys apart.
    #[schema(example = "pk_live_8fJ2kQ0aLm3X")]
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    /// Updated at most once a minute.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Set once revoked; a revoked key answers 401.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A key just created: the only time its secret is shown.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKey,
    /// The whole key. Store it now: it cannot be shown again.
    #[schema(example = "pk_live_8fJ2kQ0aLm3X…")]
    pub secret: String,
}

/// A page of API keys, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiKeyPage {
    pub items: Vec<ApiKey>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A new API key.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "CRM sync", "scopes": ["clients:write", "billing:read"]}))]
pub struct CreateApiKey {
    /// What the key is for, e.g. the integration's name.
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// What the key may do; at least one, and only scopes the calling credential holds.
    #[validate(length(min = 1, message = "must list at least one scope"))]
    #[schema(min_items = 1)]
    pub scopes: Vec<Scope>,
}

impl From<ApiKeyRow> for ApiKey {
    fn from(r: ApiKeyRow) -> ApiKey {
        ApiKey {
            id: r.id,
            name: r.name,
            prefix: format!("{KEY_PREFIX}{}", r.prefix),
            scopes: Scope::split(&r.scopes),
            created_at: utc(r.created_at),
            last_used_at: r.last_used_at.map(utc),
            revoked_at: r.revoked_at.map(utc),
        }
    }
}
