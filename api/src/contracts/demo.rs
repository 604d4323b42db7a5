//! The demo's contracts for Maria: a short services agreement sent and waiting for her
//! signature (so the portal shows signing end to end), and a draft she cannot see yet.

use chrono::Duration;

use super::actions;
use super::model::{ContractRow, ContractStatus};
use super::store;
use crate::auth::Actor;
use crate::auth::otp::sha256_hex;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::parties;
use crate::tenants::model::TenantRow;

const AGREEMENT: &str = "\
# Services agreement — brand refresh

This agreement is between **Lumen Design Studio** (\"the Studio\") and **Lopez Interiors**
(\"the Client\") for the brand refresh described below.

## 1. What the Studio delivers

- A moodboard and three logo concepts, one of which is refined into the final logo
- A colour palette and typography, with print and screen values
- A stationery set: letterhead, business card and email signature
- A short brand guidelines PDF

## 2. Schedule

Work starts on signature and takes about **six weeks**. The Client reviews each deliverable
in the portal within five working days; the schedule moves by any delay in reviews.

## 3. Fees and payment

The fee is **€4,800** excluding VAT: 50% on signature, 50% on delivery of the final files.
Invoices are due within 14 days.

## 4. Changes

Two rounds of changes per deliverable are included. Further rounds, or work outside this
list, are quoted separately before they start.

## 5. Ownership

On full payment the Client owns the final logo and brand assets. The Studio may show the
work in its portfolio unless the Client objects in writing.

## 6. Ending early

Either party may end this agreement with 14 days' written notice. Work done up to then is
invoiced at the agreed rates.
";

const NDA: &str = "\
# Mutual non-disclosure agreement

Both parties keep confidential what the other shares about **new shop locations** and
**unreleased collections**, for two years from signature.

- Shared only with people who need it for the project
- Returned or deleted on request
";

fn row(tenant: &TenantRow, client_id: &str, title: &str, body: &str, status: ContractStatus) -> ContractRow {
    let at = now();
    let sent = (status == ContractStatus::Sent).then(|| at - Duration::days(2));
    ContractRow {
        id: new_id(),
        tenant_id: tenant.id.clone(),
        client_id: client_id.to_string(),
        staff_id: None,
        title: title.to_string(),
        body: body.to_string(),
        body_sha256: sha256_hex(body),
        status: status.as_str().to_string(),
        countersign: status == ContractStatus::Sent,
        sent_at: sent,
        first_viewed_at: None,
        view_count: 0,
        signer_name: None,
        signer_email: None,
        signed_at: None,
        signer_ip: None,
        signer_user_agent: None,
        signature_kind: None,
        signature: None,
        signed_sha256: None,
        countersigner_id: None,
        countersigner_name: None,
        countersigned_at: None,
        voided_at: None,
        created_at: at - Duration::days(3),
        updated_at: sent.unwrap_or(at - Duration::days(1)),
        addressee: None,
        issuer: None,
    }
}

/// Seeds Maria's two contracts.
pub fn seed(conn: &mut DbConn, tenant: &TenantRow, maria_id: &str) -> Result<(), ApiError> {
    let system = Actor::System;
    let mut agreement = row(tenant, maria_id, "Brand refresh — services agreement", AGREEMENT, ContractStatus::Sent);
    let (addressee, issuer) = parties::freeze(conn, &tenant.id, maria_id)?;
    (agreement.addressee, agreement.issuer) = (Some(addressee), Some(issuer));
    store::insert(conn, &agreement)?;
    actions::record(conn, &system, &agreement, "created", false, serde_json::json!({}))?;
    let sent = serde_json::json!({ "body_sha256": agreement.body_sha256 });
    actions::record(conn, &system, &agreement, "sent", true, sent)?;
    let nda = row(tenant, maria_id, "Mutual non-disclosure agreement", NDA, ContractStatus::Draft);
    store::insert(conn, &nda)?;
    actions::record(conn, &system, &nda, "created", false, serde_json::json!({}))?;
    Ok(())
}
