//! File rows and the DTOs the API speaks about them, for staff and for the portal.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::preview::{Disposition, PreviewKind, kind_of};
use crate::db::schema::files;
use crate::db::utc;
use crate::http::patch::no_null;
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = files)]
pub struct FileRow {
    pub id: String,
    pub tenant_id: String,
    pub project_id: Option<String>,
    pub deliverable_id: Option<String>,
    pub product_id: Option<String>,
    pub storage_key: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub client_visible: bool,
    pub uploaded_by_kind: String,
    pub uploaded_by_id: Option<String>,
    pub created_at: NaiveDateTime,
    /// The stored JPEG thumbnail, for images.
    pub thumbnail_key: Option<String>,
    /// The message it was sent with.
    pub message_id: Option<String>,
    /// Uploaded for a message not sent yet.
    pub pending: bool,
}

/// A file of a project, as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectFile {
    pub id: String,
    pub project_id: Option<String>,
    /// The deliverable it belongs to, if any.
    pub deliverable_id: Option<String>,
    /// The product it is the download of, if any.
    pub product_id: Option<String>,
    /// The uploaded name, cleaned of directories and control characters.
    pub name: String,
    /// Read from the file's first bytes, not from what the uploader declared.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256 of the content.
    pub sha256: String,
    /// Whether the client sees it in the portal; internal files never reach the client.
    pub client_visible: bool,
    /// `staff`, `api_key` or `client`.
    pub uploaded_by_kind: String,
    pub uploaded_by_id: Option<String>,
    /// The message it was sent with, if any.
    pub message_id: Option<String>,
    /// How the browser can show it (`…/download?disposition=inline`); `null`: download only.
    pub preview: Option<PreviewKind>,
    /// Whether a small JPEG of it is at `/files/{id}/thumbnail`.
    pub thumbnail: bool,
    pub created_at: DateTime<Utc>,
}

impl From<FileRow> for ProjectFile {
    fn from(r: FileRow) -> ProjectFile {
        ProjectFile {
            id: r.id,
            project_id: r.project_id,
            deliverable_id: r.deliverable_id,
            product_id: r.product_id,
            name: r.name,
            preview: kind_of(&r.content_type),
            content_type: r.content_type,
            size: r.size,
            sha256: r.sha256,
            client_visible: r.client_visible,
            thumbnail: r.thumbnail_key.is_some(),
            uploaded_by_kind: r.uploaded_by_kind,
            uploaded_by_id: r.uploaded_by_id,
            message_id: r.message_id,
            created_at: utc(r.created_at),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectFileList {
    pub items: Vec<ProjectFile>,
}

/// A file of your project, as the portal shows it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalFile {
    pub id: String,
    pub deliverable_id: Option<String>,
    pub name: String,
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256 of the content, to check a download.
    pub sha256: String,
    /// True when you uploaded it yourself.
    pub uploaded_by_you: bool,
    /// The message it was sent with, if any.
    pub message_id: Option<String>,
    /// How the browser can show it (`…/download?disposition=inline`); `null`: download only.
    pub preview: Option<PreviewKind>,
    /// Whether a small JPEG of it is at `/portal/files/{id}/thumbnail`.
    pub thumbnail: bool,
    pub created_at: DateTime<Utc>,
}

impl PortalFile {
    pub fn of(r: FileRow, client_id: &str) -> PortalFile {
        let uploaded_by_you = r.uploaded_by_kind == "client" && r.uploaded_by_id.as_deref() == Some(client_id);
        PortalFile {
            id: r.id,
            deliverable_id: r.deliverable_id,
            name: r.name,
            preview: kind_of(&r.content_type),
            content_type: r.content_type,
            size: r.size,
            thumbnail: r.thumbnail_key.is_some(),
            sha256: r.sha256,
            uploaded_by_you,
            message_id: r.message_id,
            created_at: utc(r.created_at),
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalFileList {
    pub items: Vec<PortalFile>,
}

/// The multipart form of a staff upload.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The file. Its name is kept (cleaned); its declared content type is ignored.
    #[schema(value_type = String, format = Binary, min_length = 1)]
    pub file: Vec<u8>,
    /// `true` or `false`. Default: `true` when attached to a deliverable, else `false`
    /// (internal).
    #[schema(nullable = false)]
    pub client_visible: Option<bool>,
    /// A deliverable of the same project to attach the file to.
    #[schema(nullable = false, min_length = 1, max_length = 100)]
    pub deliverable_id: Option<String>,
}

/// The multipart form of an upload with only a file (the portal, a product's file).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct FileOnlyForm {
    /// The file. Its name is kept (cleaned); its declared content type is ignored.
    #[schema(value_type = String, format = Binary, min_length = 1)]
    pub file: Vec<u8>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FileListQuery {
    /// Only the files of this deliverable.
    pub deliverable_id: Option<String>,
}

/// Changes to a file: leave a field out to keep it.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"client_visible": true, "name": "moodboard-v2.pdf"}))]
pub struct UpdateFile {
    #[serde(default, deserialize_with = "no_null")]
    #[schema(nullable = false)]
    pub client_visible: Option<bool>,
    /// A new name; cleaned like an uploaded one.
    #[serde(default, deserialize_with = "no_null")]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub name: Option<String>,
}

/// A short-lived URL that downloads the file without a bearer header, for `<a href>`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DownloadLink {
    /// Relative to the API's origin: `/api/v1/files/{id}/content?token=…`.
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContentQuery {
    /// The token from a download link.
    pub token: String,
    /// `inline` to view an image or PDF in the browser; other types, and the default,
    /// download.
    #[param(inline)]
    pub disposition: Option<Disposition>,
}
