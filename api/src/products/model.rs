//! Product and grant rows, and the DTOs the API speaks about them.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::{products, purchases};
use crate::db::utc;
use crate::files::model::FileRow;
use crate::http::patch::{double_option, no_null};
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = products)]
pub struct ProductRow {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    pub description: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = purchases)]
pub struct PurchaseRow {
    pub id: String,
    pub tenant_id: String,
    pub product_id: String,
    pub client_id: String,
    pub granted_at: NaiveDateTime,
}

/// The file a product delivers.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProductFile {
    /// Download it with `GET /api/v1/portal/files/{id}/download` (or `…/link`).
    pub id: String,
    pub name: String,
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256 of the content.
    pub sha256: String,
}

impl From<FileRow> for ProductFile {
    fn from(r: FileRow) -> ProductFile {
        ProductFile { id: r.id, name: r.name, content_type: r.content_type, size: r.size, sha256: r.sha256 }
    }
}

/// A product, as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// None until a file is uploaded with `PUT /api/v1/products/{id}/file`.
    pub file: Option<ProductFile>,
    /// How many clients hold it.
    pub grants: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Product {
    pub fn of(row: ProductRow, file: Option<FileRow>, grants: i64) -> Product {
        Product {
            id: row.id,
            name: row.name,
            description: row.description,
            file: file.map(ProductFile::from),
            grants,
            created_at: utc(row.created_at),
            updated_at: utc(row.updated_at),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProductList {
    pub items: Vec<Product>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Brand guidelines (PDF)", "description": "The full guidelines, 48 pages."}))]
pub struct CreateProduct {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(max_length = 5000)]
    pub description: Option<String>,
}

/// Changes to a product: leave a field out to keep it; `description: null` clears it.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Brand guidelines (PDF, 2nd edition)"}))]
pub struct UpdateProduct {
    #[serde(default, deserialize_with = "no_null")]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 5000)]
    pub description: Option<Option<String>>,
}

/// A client who holds the product.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Grant {
    pub client_id: String,
    pub client_name: String,
    pub client_email: String,
    pub granted_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GrantList {
    pub items: Vec<Grant>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"client_id": "019a7b1c-0a2b-7c3d-8e4f-5a6b7c8d9e0f"}))]
pub struct CreateGrant {
    #[validate(length(min = 1, max = 64, message = "must be a client id"))]
    #[schema(min_length = 1, max_length = 64)]
    pub client_id: String,
}

/// A product you hold, as the portal shows it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalProduct {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub granted_at: DateTime<Utc>,
    /// The download; None while the business has not uploaded it yet.
    pub file: Option<ProductFile>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalProductList {
    pub items: Vec<PortalProduct>,
}

pub use crate::rules::tidy;
