//! What the tests stand on: a real server over a fresh database on either backend
//! (`helpers`), a real SMTP server (`smtp`), a webhook receiver (`receiver`), stand-ins for
//! the payment providers (`fake_providers`), and a recorder of the SQL a test's database
//! receives (`query_log`). No test lives here.

pub mod fake_providers;
pub mod helpers;
pub mod query_log;
pub mod receiver;
pub mod smtp;
