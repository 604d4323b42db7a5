//! The client's portal home page in one request: counts of what needs their attention and
//! their recent timeline. Each domain adds its own fields here.

pub mod model;
pub mod portal;
pub mod store;
pub mod timeline;
