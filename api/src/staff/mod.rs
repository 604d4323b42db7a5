//! Staff: the people of a tenant who run its portal (owner, admin, member). Their login
//! and console endpoints come with the passwordless-login issue.

pub mod store;
