//! Message threads on a project: named conversations between the client and staff, with
//! internal notes only staff see, email notices to the other side, and unread counts per
//! reader (a read mark per thread and reader; ids are time-ordered, so "unread" is "newer
//! than the mark"). Files go with messages as attachments.

pub mod actions;
pub mod attachments;
pub mod demo;
pub mod model;
pub mod portal;
pub mod post;
pub mod routes;
pub mod store;
pub mod uploads;
pub mod view;
