//! HTTP plumbing shared by every domain: the JSON body extractor, list pagination, downloads,
//! PATCH semantics, request ids, idempotency keys, browser security headers, compression and
//! limits on how a request arrives.

pub mod client_ip;
pub mod compression;
pub mod download;
pub mod gate;
pub mod json;
pub mod limits;
pub mod nul;
pub mod page;
pub mod patch;
pub mod query;
pub mod request_id;
pub mod security_headers;
pub mod throttle;

pub use json::JsonBody;
pub use page::{Cursor, PageQuery};
