//! Where file bytes live: one `ObjectStore` behind the app, a local directory by default or
//! an S3-compatible bucket. Keys are `t/{tenant}/{uuid}`: random, so a key reveals nothing
//! about the upload and one tenant's key can never be guessed from another's.

use std::sync::Arc;

use futures_util::stream::BoxStream;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};

use crate::config::StorageTarget;

/// A shared handle to the object store.
#[derive(Clone, Debug)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
}

/// An object store failure, for the log (the caller gets a plain 503/500).
pub type StorageError = object_store::Error;

impl Storage {
    /// Opens the configured store; a local directory is created if missing.
    pub fn open(target: &StorageTarget) -> Result<Storage, String> {
        let store: Arc<dyn ObjectStore> = match target {
            StorageTarget::Local(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                Arc::new(LocalFileSystem::new_with_prefix(dir).map_err(|e| e.to_string())?)
            }
            StorageTarget::S3 { bucket, prefix } => {
                let s3 = AmazonS3Builder::from_env().with_bucket_name(bucket).build().map_err(|e| e.to_string())?;
                if prefix.is_empty() { Arc::new(s3) } else { Arc::new(PrefixStore::new(s3, prefix.as_str())) }
            }
        };
        Ok(Storage { store })
    }

    /// Over any store (tests use an in-memory one).
    pub fn new(store: Arc<dyn ObjectStore>) -> Storage {
        Storage { store }
    }

    /// A fresh random key in the tenant's space.
    pub fn new_key(tenant_id: &str) -> String {
        format!("t/{tenant_id}/{}", uuid::Uuid::new_v4().simple())
    }

    /// Starts a streamed write; parts go up as they fill.
    pub async fn writer(&self, key: &str) -> Result<WriteMultipart, StorageError> {
        let upload = self.store.put_multipart(&Path::from(key)).await?;
        Ok(WriteMultipart::new(upload))
    }

    /// Writes a small object in one go (demo data).
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), StorageError> {
        self.store.put(&Path::from(key), PutPayload::from(bytes)).await.map(|_| ())
    }

    /// The object's size and a stream of its bytes, read chunk by chunk.
    pub async fn read(
        &self,
        key: &str,
    ) -> Result<(u64, BoxStream<'static, Result<actix_web::web::Bytes, StorageError>>), StorageError> {
        let got = self.store.get(&Path::from(key)).await?;
        let size = got.meta.size;
        Ok((size, got.into_stream()))
    }

    /// Removes an object; one already gone is fine.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self.store.delete(&Path::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Whether an object exists (tests and checks).
    pub async fn exists(&self, key: &str) -> Result<bool, StorageError> {
        match self.store.head(&Path::from(key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Runs `put` to completion from synchronous code (the demo seed runs before the server's
    /// runtime exists), on a thread of its own so it also works when called inside a runtime.
    pub fn put_blocking(&self, key: &str, bytes: Vec<u8>) -> Result<(), String> {
        let storage = self.clone();
        let key = key.to_string();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
            rt.block_on(storage.put(&key, bytes)).map_err(|e| e.to_string())
        })
        .join()
        .map_err(|_| "the storage thread panicked".to_string())?
    }
}
