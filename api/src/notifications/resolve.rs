//! Notifications that clear themselves. Once the client has done what a notification asked
//! of them — answered the quote, signed the contract, approved the deliverable or asked for
//! changes, paid the invoice, read the message, rated the project — it counts as read, in
//! the list and in the bell's count, without a click on "mark as read".
//!
//! Each domain calls [`acted`] in the transaction of the client's action, naming which
//! kinds of notification about which object it answers; only the read state changes (the
//! notification itself, an activity entry, stays in the list).

use diesel::prelude::*;
use serde_json::Value;

use super::kinds::{NotificationKind, RULES};
use super::model::ReadRow;
use super::store;
use crate::db::{DbConn, now};

/// What the client acted on: an activity subject, and which of its notifications that
/// answers (`about` picks them by their data, e.g. one deliverable of a project).
pub struct Acted<'a> {
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    pub kinds: &'a [NotificationKind],
    pub about: &'a dyn Fn(&Value) -> bool,
}

/// Every notification about anything on the subject.
pub fn any(_: &Value) -> bool {
    true
}

/// Marks read the client's unread notifications that `acted` answers.
pub fn acted(conn: &mut DbConn, tenant_id: &str, client_id: &str, acted: Acted) -> QueryResult<()> {
    let verbs: Vec<&str> = RULES
        .iter()
        .filter(|(s, _, k)| *s == acted.subject_type && acted.kinds.contains(k))
        .map(|(_, v, _)| *v)
        .collect();
    if verbs.is_empty() {
        return Ok(());
    }
    let mark = store::read_mark(conn, tenant_id, client_id)?;
    let candidates =
        store::unread_about(conn, tenant_id, client_id, acted.subject_type, acted.subject_id, &verbs, mark)?;
    let at = now();
    for row in candidates {
        let data: Value = serde_json::from_str(&row.data).unwrap_or(Value::Null);
        if (acted.about)(&data) {
            let read =
                ReadRow { tenant_id: tenant_id.into(), client_id: client_id.into(), activity_id: row.id, read_at: at };
            store::mark_read(conn, &read)?;
        }
    }
    Ok(())
}
