//! Receiving a multipart upload: the `file` part is streamed to the object store chunk by
//! chunk while it is hashed, counted and sniffed, so memory stays flat whatever the size.
//! Whatever goes wrong after bytes were written, the object is removed again.

use actix_multipart::{Multipart, MultipartError};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use super::names::sanitise;
use super::sniff::{HEAD, sniff};
use super::thumbnail;
use crate::error::ApiError;
use crate::storage::Storage;

/// Bytes we read past the limit (and throw away) before answering 413, so the client gets
/// the answer instead of a reset connection; a far larger body is cut off.
const DRAIN_PAST_LIMIT: u64 = 16 * 1024 * 1024;
/// Longest value of a plain form field.
const MAX_FIELD_BYTES: usize = 1024;

/// A file now in the store, not yet recorded.
#[derive(Debug, Clone)]
pub struct Stored {
    pub key: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    /// The stored thumbnail, for an image that could be decoded.
    pub thumbnail_key: Option<String>,
}

impl Stored {
    /// Removes what was stored for an upload that will not be recorded.
    pub async fn discard(&self, storage: &Storage) {
        discard(storage, &self.key).await;
        if let Some(thumb) = &self.thumbnail_key {
            discard(storage, thumb).await;
        }
    }
}

/// The form: the stored file and the other fields as sent.
#[derive(Debug, Default)]
pub struct Form {
    pub file: Option<Stored>,
    pub fields: Vec<(String, String)>,
}

impl Form {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn multipart_error(e: MultipartError) -> ApiError {
    match e {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible => {
            ApiError::UnsupportedMediaType("Send the file as multipart/form-data with a part named 'file'.".into())
        }
        MultipartError::Payload(e) => crate::http::limits::payload_error(&e, || {
            ApiError::BadRequest(format!("The multipart body could not be read ({e})."))
        }),
        other => ApiError::BadRequest(format!("The multipart body could not be read ({other}).")),
    }
}

fn too_large(max: u64) -> ApiError {
    ApiError::PayloadTooLarge(format!("The file is larger than the {} MB limit for one upload.", max / (1024 * 1024)))
}

/// Reads the whole form; stores its `file` part under a new key of the tenant. Requires a
/// non-empty file (422 otherwise) of at most `max` bytes (413), and no other part.
pub async fn receive(storage: &Storage, tenant_id: &str, max: u64, mut form: Multipart) -> Result<Stored, ApiError> {
    let mut out = Form::default();
    let result = read_form(storage, tenant_id, max, &[], &mut form, &mut out).await;
    match (result, out.file) {
        (Ok(()), Some(file)) => Ok(file),
        (Ok(()), None) => Err(ApiError::validation("file", "is required: send the file in a part named 'file'")),
        (Err(e), stored) => {
            if let Some(file) = stored {
                file.discard(storage).await;
            }
            Err(e)
        }
    }
}

/// `receive`, also returning the other fields, which may only be those named in `fields`.
pub async fn receive_form(
    storage: &Storage,
    tenant_id: &str,
    max: u64,
    fields: &[&str],
    mut form: Multipart,
) -> Result<(Stored, Form), ApiError> {
    let mut out = Form::default();
    let result = read_form(storage, tenant_id, max, fields, &mut form, &mut out).await;
    match (result, out.file.take()) {
        (Ok(()), Some(file)) => Ok((file, out)),
        (Ok(()), None) => Err(ApiError::validation("file", "is required: send the file in a part named 'file'")),
        (Err(e), stored) => {
            if let Some(file) = stored {
                file.discard(storage).await;
            }
            Err(e)
        }
    }
}

/// Removes a file's bytes and its thumbnail, once its row is gone.
pub async fn discard_file(storage: &Storage, file: &super::model::FileRow) {
    discard(storage, &file.storage_key).await;
    if let Some(thumb) = &file.thumbnail_key {
        discard(storage, thumb).await;
    }
}

/// Removes a stored object that will not be recorded; a failure only leaves an orphan.
pub async fn discard(storage: &Storage, key: &str) {
    if let Err(e) = storage.delete(key).await {
        tracing::warn!(error = %e, key, "could not remove an unrecorded upload");
    }
}

async fn read_form(
    storage: &Storage,
    tenant_id: &str,
    max: u64,
    fields: &[&str],
    form: &mut Multipart,
    out: &mut Form,
) -> Result<(), ApiError> {
    while let Some(field) = form.next().await {
        let mut field = field.map_err(multipart_error)?;
        let name = field.name().unwrap_or("").to_string();
        if name == "file" {
            if out.file.is_some() {
                return Err(ApiError::validation("file", "must be sent once; one upload carries one file"));
            }
            // `filename*` (RFC 5987, exact UTF-8) wins over the plain `filename` fallback.
            let filename = field
                .content_disposition()
                .and_then(|cd| {
                    cd.get_filename_ext()
                        .map(|ext| String::from_utf8_lossy(&ext.value).into_owned())
                        .or_else(|| cd.get_filename().map(str::to_string))
                })
                .unwrap_or_default();
            out.file = Some(store_part(storage, tenant_id, max, &filename, &mut field).await?);
        } else if !fields.contains(&name.as_str()) {
            // As a JSON body refuses an unknown field: a misspelt one would be ignored.
            return Err(ApiError::validation(&name, "is not a known field of this form"));
        } else {
            let mut value = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(multipart_error)?;
                if value.len() + chunk.len() > MAX_FIELD_BYTES {
                    return Err(ApiError::validation(&name, "is too long"));
                }
                value.extend_from_slice(&chunk);
            }
            let value = String::from_utf8(value).map_err(|_| ApiError::validation(&name, "must be UTF-8 text"))?;
            out.fields.push((name, value));
        }
    }
    Ok(())
}

async fn store_part(
    storage: &Storage,
    tenant_id: &str,
    max: u64,
    filename: &str,
    field: &mut actix_multipart::Field,
) -> Result<Stored, ApiError> {
    let key = Storage::new_key(tenant_id);
    let mut writer = storage.writer(&key).await.map_err(storage_error)?;
    let mut hasher = Sha256::new();
    let mut head: Vec<u8> = Vec::with_capacity(HEAD);
    let mut size: u64 = 0;
    while let Some(chunk) = field.next().await {
        let chunk = match chunk {
            Ok(c) => c,
            Err(e) => {
                let _ = writer.abort().await;
                return Err(multipart_error(e));
            }
        };
        size += chunk.len() as u64;
        if size > max {
            let _ = writer.abort().await;
            discard(storage, &key).await;
            drain(field, size, max).await;
            return Err(too_large(max));
        }
        if head.len() < HEAD {
            let take = (HEAD - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        hasher.update(&chunk);
        writer.put(chunk);
        // Back-pressure: at most two parts in flight, so memory stays bounded.
        if let Err(e) = writer.wait_for_capacity(2).await {
            discard(storage, &key).await;
            return Err(storage_error(e));
        }
    }
    if size == 0 {
        let _ = writer.abort().await;
        discard(storage, &key).await;
        return Err(ApiError::validation("file", "is empty"));
    }
    writer.finish().await.map_err(storage_error)?;
    let content_type = sniff(&head).to_string();
    let thumbnail_key = thumbnail::make(storage, tenant_id, &key, &content_type, size).await;
    Ok(Stored {
        key,
        name: sanitise(filename),
        content_type,
        size: size as i64,
        sha256: hex(&hasher.finalize()),
        thumbnail_key,
    })
}

/// Reads and drops the rest of an oversized part, up to a bound.
async fn drain(field: &mut actix_multipart::Field, mut seen: u64, max: u64) {
    while seen <= max + DRAIN_PAST_LIMIT {
        match field.next().await {
            Some(Ok(chunk)) => seen += chunk.len() as u64,
            _ => return,
        }
    }
}

pub fn storage_error(e: object_store::Error) -> ApiError {
    tracing::error!(error = %e, "file storage failed");
    ApiError::Unavailable("File storage is not answering; try again in a moment.".into())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
