//! Sending a file: streamed from the store with its length, its sniffed type and the
//! original name; and the short-lived signed links that let a browser download without a
//! bearer header (an `<a href>` cannot send one).

use actix_web::HttpResponse;
use actix_web::body::SizedStream;
use actix_web::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use chrono::{TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::model::{DownloadLink, FileRow};
use super::preview::{self, Disposition};
use super::thumbnail;
use crate::auth::jwt;
use crate::error::ApiError;
use crate::http::download::inline_disposition;
use crate::storage::Storage;

/// The `typ` of a download token.
pub const FILE_TOKEN: &str = "file";
/// How long a download link works.
pub const LINK_MINUTES: i64 = 5;

/// Who a download link was made for, and which file of which tenant it opens.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkClaims {
    /// The staff member, API key or client who asked for the link.
    pub sub: String,
    /// `staff`, `api_key` or `client`.
    pub kind: String,
    pub tenant: String,
    pub file: String,
    /// The session that asked (staff, client); the link dies with it. None for API keys,
    /// whose links die with the key.
    #[serde(default)]
    pub sid: Option<String>,
    pub typ: String,
    pub iat: i64,
    pub exp: i64,
}

/// Signs a link to `file_id` for this principal, made from session `sid` when a person asked.
pub fn link(key: &[u8], tenant_id: &str, file_id: &str, kind: &str, sub: &str, sid: Option<&str>) -> DownloadLink {
    let now = Utc::now();
    let expires_at = now + TimeDelta::minutes(LINK_MINUTES);
    let claims = LinkClaims {
        sub: sub.to_string(),
        kind: kind.to_string(),
        tenant: tenant_id.to_string(),
        file: file_id.to_string(),
        sid: sid.map(str::to_string),
        typ: FILE_TOKEN.to_string(),
        iat: now.timestamp(),
        exp: expires_at.timestamp(),
    };
    let token = jwt::sign(key, &claims);
    DownloadLink { url: format!("/api/v1/files/{file_id}/content?token={token}"), expires_at }
}

/// The claims of a valid, unexpired link token for this file.
pub fn verify(key: &[u8], token: &str, file_id: &str) -> Result<LinkClaims, ApiError> {
    jwt::verify::<LinkClaims>(key, token, FILE_TOKEN).filter(|c| c.file == file_id).ok_or_else(|| {
        ApiError::Unauthorized("This download link is invalid or has expired; ask for a new one.".into())
    })
}

/// Whether the credential that made the link still stands: its session not ended (logout,
/// revocation, time limits), its API key not revoked. A link is a bearer token in a URL, so
/// it must not outlive what it was made from.
pub fn still_valid(
    conn: &mut crate::db::DbConn,
    settings: &crate::config::AuthSettings,
    claims: &LinkClaims,
) -> Result<(), ApiError> {
    const ENDED: &str = "The session or key this download link was made with has ended; ask for a new link.";
    let at = crate::db::now();
    let alive = match (claims.kind.as_str(), &claims.sid) {
        ("api_key", _) => {
            crate::api_keys::store::get(conn, &claims.tenant, &claims.sub)?.is_some_and(|key| key.revoked_at.is_none())
        }
        (_, Some(sid)) => crate::auth::store::session(conn, sid)?.is_some_and(|s| {
            s.tenant_id == claims.tenant
                && s.subject_id == claims.sub
                && crate::auth::session::unusable(&s, settings, at).is_none()
        }),
        // Links signed before they named their session: their 5 minutes are nearly over.
        (_, None) => true,
    };
    if alive { Ok(()) } else { Err(ApiError::Unauthorized(ENDED.into())) }
}

async fn read(
    storage: &Storage,
    file: &FileRow,
    key: &str,
) -> Result<(u64, futures_util::stream::BoxStream<'static, Result<actix_web::web::Bytes, object_store::Error>>), ApiError>
{
    storage.read(key).await.map_err(|e| match e {
        object_store::Error::NotFound { .. } => {
            tracing::error!(file = %file.id, key, "a recorded file is missing from storage");
            ApiError::Internal(format!("file {} is missing from storage", file.id))
        }
        other => super::upload::storage_error(other),
    })
}

/// Streams the file's bytes; memory use does not grow with its size. Images and PDFs go
/// out inline when asked (a preview), everything else as an attachment.
pub async fn respond(storage: &Storage, file: &FileRow, wanted: Disposition) -> Result<HttpResponse, ApiError> {
    let (size, stream) = read(storage, file, &file.storage_key).await?;
    let mut res = HttpResponse::Ok();
    res.insert_header((CONTENT_TYPE, file.content_type.as_str()))
        .insert_header((X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((CACHE_CONTROL, "private, no-store"));
    preview::apply(&mut res, &file.content_type, &file.name, wanted);
    Ok(res.body(SizedStream::new(size, stream)))
}

/// The file's thumbnail (a small JPEG), or 404 when it has none. It may stay in the
/// browser's private cache for a few minutes: a list shown again does not fetch it again.
pub async fn respond_thumbnail(storage: &Storage, file: &FileRow) -> Result<HttpResponse, ApiError> {
    let key = file.thumbnail_key.as_deref().ok_or_else(|| {
        ApiError::NotFound(format!("'{}' has no thumbnail: only images get one; download it instead.", file.name))
    })?;
    let (size, stream) = read(storage, file, key).await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, thumbnail::CONTENT_TYPE))
        .insert_header((CONTENT_DISPOSITION, inline_disposition(&thumbnail_name(&file.name))))
        .insert_header((CONTENT_SECURITY_POLICY, preview::IMAGE_POLICY))
        .insert_header((X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((CACHE_CONTROL, "private, max-age=300"))
        .body(SizedStream::new(size, stream)))
}

/// "logo.png" → "logo-thumbnail.jpg".
fn thumbnail_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    format!("{stem}-thumbnail.jpg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_bound_to_their_file_and_expire() {
        let l = link(b"k", "t1", "f1", "client", "c1", Some("s1"));
        let token = l.url.split("token=").nth(1).unwrap();
        assert_eq!(verify(b"k", token, "f1").unwrap().sub, "c1");
        assert!(verify(b"k", token, "f2").is_err(), "another file");
        assert!(verify(b"other", token, "f1").is_err(), "another key");
        assert!(l.expires_at > Utc::now() + TimeDelta::minutes(4));
    }

    #[test]
    fn thumbnails_are_named_after_their_file() {
        assert_eq!(thumbnail_name("logo.final.png"), "logo.final-thumbnail.jpg");
        assert_eq!(thumbnail_name("scan"), "scan-thumbnail.jpg");
    }
}
