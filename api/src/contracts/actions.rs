//! What the staff and portal handlers share: finding a contract for the caller, the 409
//! that says where it stands, its activity entries, the emails, and the signed PDF.

use serde_json::json;

use super::model::{ClientBits, ContractRow, ContractStatus};
use super::signature;
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::email::{self, ClientEmail};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::events;
use crate::i18n::{Formats, Language};
use crate::mail::templates::{self, Words};
use crate::mail::{Attachment, Email};
use crate::outbox;
use crate::parties;
use crate::pdf::{self, ContractPdf};
use crate::staff::store::{self as staff_store};
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;
use crate::tr;

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no contract '{id}'."))
}

/// A contract of the staff member's tenant, with its client, or 404.
pub fn staff_contract(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<(ContractRow, ClientBits), ApiError> {
    store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))
}

/// A contract of this client that they may see (one that was sent: never a draft, nor a
/// draft voided before it went out), or 404: those, another client's contract and no
/// contract at all read the same.
pub fn client_contract(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    id: &str,
) -> Result<(ContractRow, ClientBits), ApiError> {
    store::get(conn, tenant_id, Some(client_id), id)?
        .filter(|(row, _)| row.status() != ContractStatus::Draft && row.sent_at.is_some())
        .ok_or_else(|| not_found(id))
}

/// A 409 that says where the contract stands.
pub fn refused(row: &ContractRow, action: &str) -> ApiError {
    let status = row.status();
    let hint = match status {
        ContractStatus::Draft => "; send it first",
        ContractStatus::Void => "; write a new contract instead",
        ContractStatus::Sent | ContractStatus::Signed => "",
    };
    ApiError::Conflict(format!("“{}” {} and cannot be {action}{hint}.", row.title, status.phrase()))
}

/// Appends an entry to the activity log. `client_visible` entries carry the client's id;
/// what only staff should know about (a draft's life) carries none.
pub fn record(
    conn: &mut DbConn,
    actor: &Actor,
    row: &ContractRow,
    verb: &str,
    client_visible: bool,
    extra: serde_json::Value,
) -> Result<(), ApiError> {
    let mut data = json!({ "title": row.title });
    if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
        data.extend(extra.clone());
    }
    let client_id = client_visible.then_some(row.client_id.as_str());
    let subject = Subject { kind: "contract", id: &row.id, client_id };
    events::record(conn, &row.tenant_id, actor, verb, subject, data)?;
    Ok(())
}

/// The contract's page in the staff console.
pub fn console_link(config: &Config, id: &str) -> String {
    config.public(&format!("/app/contracts/{id}"))
}

/// The contract's page in the client's portal.
pub fn portal_link(config: &Config, tenant_slug: &str, id: &str) -> String {
    config.public(&format!("/portal/{tenant_slug}/contracts/{id}"))
}

/// Emails the client a link to read and sign a contract just sent (unless archived).
pub fn email_sent(conn: &mut DbConn, config: &Config, row: &ContractRow) -> Result<(), ApiError> {
    let client = client_store::get(conn, &row.tenant_id, &row.client_id)?;
    let Some(client) = client.filter(|c| c.status != ClientStatus::Archived.as_str()) else { return Ok(()) };
    let tenant = tenant_store::get(conn, &row.tenant_id)?;
    let lang = tenant.language_for(client.language.as_deref());
    let words = Words {
        heading: tr!(lang, "contract-sent-heading", business = &tenant.name),
        lines: vec![tr!(lang, "contract-sent-line", title = &row.title), tr!(lang, "contract-sent-how")],
        button: tr!(lang, "contract-sent-button"),
    };
    let link = portal_link(config, &tenant.slug, &row.id);
    let mail = templates::notice(&tenant.brand(), lang, &client.email, &words, &link);
    email::send(conn, config, &tenant, &client, ClientEmail::Notice, mail)?;
    Ok(())
}

/// The file name of the signed PDF: the title, with characters file systems dislike replaced.
pub fn pdf_name(title: &str) -> String {
    let clean: String =
        title.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c }).collect();
    format!("{}.pdf", clean.trim())
}

/// UTC, to the second, as the audit block prints it.
fn stamp(at: chrono::NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// The signed contract as a PDF: the text, the signature and the audit block. A pure
/// function of the row, so staff and client download the same bytes. `None` before the
/// client has signed.
pub fn signed_pdf(
    conn: &mut DbConn,
    row: &ContractRow,
    client: &ClientBits,
    lang: Language,
) -> Result<Option<Vec<u8>>, ApiError> {
    let (Some(signed_at), Some(kind), Some(stored)) = (row.signed_at, &row.signature_kind, &row.signature) else {
        return Ok(None);
    };
    let mark = signature::mark(kind, stored)
        .ok_or_else(|| ApiError::Internal(format!("contract {} holds an unreadable signature", row.id)))?;
    let tenant: TenantRow = tenant_store::get(conn, &row.tenant_id)?;
    let addressee = row.addressee(client.clone())?;
    let issuer = parties::issuer(conn, &row.tenant_id, &row.frozen())?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let how = if kind == "typed" { tr!(lang, "pdf-typed-name") } else { tr!(lang, "pdf-drawn-by-hand") };
    let mut audit = vec![
        (tr!(lang, "pdf-signed-by"), text(&row.signer_name)),
        (tr!(lang, "pdf-email"), text(&row.signer_email)),
        (tr!(lang, "pdf-signed-at"), stamp(signed_at)),
        (tr!(lang, "pdf-ip"), text(&row.signer_ip)),
        (tr!(lang, "pdf-user-agent"), text(&row.signer_user_agent)),
        (tr!(lang, "pdf-signature"), how),
        (tr!(lang, "pdf-sha"), text(&row.signed_sha256)),
    ];
    if let (Some(name), Some(at)) = (&row.countersigner_name, row.countersigned_at) {
        audit.push((
            tr!(lang, "pdf-countersigned-by"),
            tr!(lang, "pdf-countersigned-for", name = name, business = &tenant.name),
        ));
        audit.push((tr!(lang, "pdf-countersigned-at"), stamp(at)));
    }
    let doc = ContractPdf {
        id: row.id.clone(),
        title: row.title.clone(),
        letterhead: issuer.letterhead(),
        client: addressee.lines(),
        body_markdown: row.body.clone(),
        signature: mark,
        audit,
        signed_at,
        formats: Formats::new(lang, &tenant.locale),
    };
    Ok(Some(pdf::contract(&doc)))
}

/// After the client signed, in the same transaction: the signed PDF to the client and to
/// the business (assigned staff, or owners and admins), each as an attachment.
pub fn email_signed(
    conn: &mut DbConn,
    config: &Config,
    row: &ContractRow,
    client: &ClientBits,
) -> Result<(), ApiError> {
    let tenant = tenant_store::get(conn, &row.tenant_id)?;
    let brand = tenant.brand();
    let signer = row.signer_name.clone().unwrap_or_else(|| client.name.clone());
    let sha = row.signed_sha256.as_deref().unwrap_or_default();
    // Each reader's copy of the PDF is in their language.
    let attachment = |conn: &mut DbConn, lang: Language| -> Result<Attachment, ApiError> {
        let bytes = signed_pdf(conn, row, client, lang)?
            .ok_or_else(|| ApiError::Internal(format!("contract {} has no signature to email", row.id)))?;
        Ok(Attachment::new(pdf_name(&row.title), "application/pdf", &bytes))
    };

    let link = portal_link(config, &tenant.slug, &row.id);
    // Their copy of what they signed is theirs to keep, whatever their email preference.
    if let Some(signer_row) = client_store::get(conn, &row.tenant_id, &row.client_id)? {
        let lang = tenant.language_for(signer_row.language.as_deref());
        let words = Words {
            heading: tr!(lang, "contract-signed-heading", title = &row.title),
            lines: vec![tr!(lang, "contract-signed-thanks", signer = &signer), tr!(lang, "contract-hash", sha = sha)],
            button: tr!(lang, "contract-open-button"),
        };
        let mail = templates::notice(&brand, lang, &client.email, &words, &link);
        let mail = mail.with_attachment(attachment(conn, lang)?);
        email::send(conn, config, &tenant, &signer_row, ClientEmail::Essential, mail)?;
    }

    let link = console_link(config, &row.id);
    for member in staff_store::to_notify(conn, &row.tenant_id, row.staff_id.as_deref())? {
        let lang = tenant.language_for(member.language.as_deref());
        let words = Words {
            heading: tr!(lang, "contract-client-signed-heading", client = &client.name, title = &row.title),
            lines: vec![
                tr!(lang, "contract-client-signed-line", signer = &signer, email = &client.email),
                if row.countersign {
                    tr!(lang, "contract-countersign-waits")
                } else {
                    tr!(lang, "contract-nothing-more")
                },
                tr!(lang, "contract-hash", sha = sha),
            ],
            button: tr!(lang, "contract-open-button"),
        };
        let mail = templates::notice(&brand, lang, &member.email, &words, &link);
        let pdf = attachment(conn, lang)?;
        enqueue(conn, &tenant, mail.with_attachment(pdf))?;
    }
    Ok(())
}

fn enqueue(conn: &mut DbConn, tenant: &TenantRow, mail: Email) -> Result<(), ApiError> {
    outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    Ok(())
}
