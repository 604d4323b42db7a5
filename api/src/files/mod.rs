//! Files of projects and products: bytes in an object store (a local directory or an
//! S3-compatible bucket) under random keys, rows in `files` with the cleaned name, size,
//! SHA-256 and sniffed type. Internal files never reach the client.

pub mod access;
pub mod actions;
pub mod demo;
pub mod download;
pub mod model;
pub mod names;
pub mod portal;
pub mod preview;
pub mod routes;
pub mod sniff;
pub mod store;
pub mod thumbnail;
pub mod upload;
