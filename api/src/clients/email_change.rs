//! A client's login email changed by the business. The email is the key to the client's
//! portal: whoever reads the new mailbox can log in, sign and accept as the client. So only
//! owners and admins (or a key with `clients:email`) may change it, the client's sessions
//! end, the old address is told who changed it, and the activity log keeps both addresses.

use serde_json::json;

use super::model::ClientRow;
use crate::activity::store::Subject;
use crate::api_keys::store as key_store;
use crate::auth::session::CLIENT;
use crate::auth::store as session_store;
use crate::auth::{Actor, Caller, Scope};
use crate::db::{DbConn, now};
use crate::error::ApiError;
use crate::events;
use crate::i18n::Language;
use crate::mail::templates;
use crate::outbox;
use crate::staff::store as staff_store;
use crate::tenants::store as tenant_store;
use crate::tr;

/// Refuses the change unless the caller may move a client's login.
pub fn allowed(caller: &Caller) -> Result<(), ApiError> {
    if caller.has(Scope::ClientsEmail) {
        return Ok(());
    }
    Err(ApiError::Forbidden(
        "Only an owner or admin can change a client's login email (API keys need the 'clients:email' \
         scope): the new address would log in to their portal as them."
            .into(),
    ))
}

/// After the row has the new address: end the client's sessions, tell the old address,
/// record it. In the caller's transaction.
pub fn apply(conn: &mut DbConn, caller: &Caller, before: &ClientRow, after: &ClientRow) -> Result<(), ApiError> {
    session_store::revoke_all(conn, &caller.tenant_id, CLIENT, &after.id, now())?;
    let tenant = tenant_store::get(conn, &caller.tenant_id)?;
    let lang = tenant.language_for(before.language.as_deref());
    let by = who(conn, caller, lang)?;
    let brand = tenant.brand();
    let heading = tr!(lang, "client-email-changed-heading", business = brand.name);
    let lines = [
        tr!(lang, "client-email-changed", who = by, business = brand.name, email = mask(&after.email)),
        tr!(lang, "client-email-changed-old"),
        tr!(lang, "client-email-changed-warn", business = brand.name),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mail = templates::security_notice(&brand, lang, &before.email, &heading, &lines);
    outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    let subject = Subject { kind: "client", id: &after.id, client_id: Some(&after.id) };
    let data = json!({ "from": before.email, "to": after.email });
    events::record(conn, &caller.tenant_id, &caller.actor, "email_changed", subject, data)?;
    Ok(())
}

/// The person or integration named in the notice.
fn who(conn: &mut DbConn, caller: &Caller, lang: Language) -> Result<String, ApiError> {
    Ok(match &caller.actor {
        Actor::Staff { id } => staff_store::get(conn, &caller.tenant_id, id)?.map(|s| s.name),
        Actor::ApiKey { id } => {
            key_store::get(conn, &caller.tenant_id, id)?.map(|k| tr!(lang, "who-integration", name = k.name))
        }
        _ => None,
    }
    .unwrap_or_else(|| tr!(lang, "who-someone")))
}

/// `maria@lopez.es` → `m***@lopez.es`: enough for the owner to recognise, not to hand out.
fn mask(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "a new address".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn masks_all_but_the_first_letter_and_the_domain() {
        assert_eq!(mask("maria@lopez.es"), "m***@lopez.es");
        assert_eq!(mask("x@y.z"), "x***@y.z");
    }
}
