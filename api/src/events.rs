//! A domain change, told: its entry in the activity log and the webhooks it stands for,
//! both written in the change's own transaction (a rolled-back change tells nothing, a
//! committed one is delivered even after a crash). Every domain change passes here; only
//! the folders below the webhooks, whose changes no event is about, write the log directly.

use diesel::QueryResult;

use crate::activity;
use crate::auth::Actor;
use crate::db::DbConn;
use crate::webhooks;

pub use crate::activity::store::Subject;

pub fn record(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    verb: &str,
    subject: Subject<'_>,
    data: serde_json::Value,
) -> QueryResult<()> {
    let entry = activity::store::insert(conn, tenant_id, actor, verb, subject, data)?;
    webhooks::emit::on_activity(conn, &entry)
}
