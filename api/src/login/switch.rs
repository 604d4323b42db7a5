//! Switching between the accounts one login email opens, without logging in again: the
//! client accounts of one portal that share the address, or the businesses a staff member's
//! address works for. The login proved the address, so any account it opens may be chosen;
//! the current session ends and a new one starts, kept as long as the old one was.

use super::flow::{self, Login, Origin};
use super::model::SwitchableAccount;
use crate::auth::session::{CLIENT, Tokens};
use crate::auth::store::SessionRow;
use crate::clients::store as client_store;
use crate::config::AuthSettings;
use crate::db::{DbConn, now};
use crate::error::ApiError;
use crate::secrets::Keys;
use crate::staff::store as staff_store;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;

/// The address the session was proved with; sessions from before it was kept use the
/// account's own address.
fn login_email(conn: &mut DbConn, s: &SessionRow) -> Result<String, ApiError> {
    if let Some(email) = &s.login_email {
        return Ok(email.clone());
    }
    let email = if s.kind == CLIENT {
        client_store::get(conn, &s.tenant_id, &s.subject_id)?.map(|c| c.email)
    } else {
        staff_store::get(conn, &s.tenant_id, &s.subject_id)?.map(|m| m.email)
    };
    email.ok_or_else(|| ApiError::Unauthorized("This account no longer exists; log in again.".into()))
}

pub fn accounts(conn: &mut DbConn, s: &SessionRow) -> Result<Vec<SwitchableAccount>, ApiError> {
    let email = login_email(conn, s)?;
    if s.kind == CLIENT {
        let tenant = tenant_store::get(conn, &s.tenant_id)?;
        let rows = client_store::portal_accounts(conn, &s.tenant_id, &email)?;
        return Ok(rows
            .into_iter()
            .map(|c| SwitchableAccount {
                current: c.id == s.subject_id,
                id: c.id,
                name: c.name,
                company: c.company,
                tenant_slug: tenant.slug.clone(),
            })
            .collect());
    }
    let rows = staff_store::accounts_by_email(conn, &email)?;
    Ok(rows
        .into_iter()
        .map(|(m, t)| SwitchableAccount {
            current: m.id == s.subject_id,
            id: m.id,
            name: m.name,
            company: Some(t.name),
            tenant_slug: t.slug,
        })
        .collect())
}

/// Ends `s` and starts a session as `account_id`; returns it with the new account's tenant.
pub fn switch(
    conn: &mut DbConn,
    keys: &Keys,
    settings: &AuthSettings,
    s: &SessionRow,
    account_id: &str,
    origin: &Origin,
) -> Result<(Tokens, TenantRow), ApiError> {
    let email = login_email(conn, s)?;
    let not_offered = || {
        ApiError::NotFound(format!("'{account_id}' is not an account your login email opens; see GET /auth/accounts."))
    };
    let login = Login { email: &email, remember: s.persistent, origin };
    let (tokens, tenant) = if s.kind == CLIENT {
        let tenant = tenant_store::get(conn, &s.tenant_id)?;
        let accounts = client_store::portal_accounts(conn, &s.tenant_id, &email)?;
        let client = accounts.into_iter().find(|c| c.id == account_id).ok_or_else(not_offered)?;
        (flow::start_client(conn, keys, settings, &tenant, &client.id, login)?, tenant)
    } else {
        let accounts = staff_store::accounts_by_email(conn, &email)?;
        let (member, tenant) = accounts.into_iter().find(|(m, _)| m.id == account_id).ok_or_else(not_offered)?;
        (flow::start_staff(conn, keys, settings, &member, &tenant, login)?, tenant)
    };
    crate::auth::store::revoke(conn, &s.tenant_id, &s.id, now())?;
    Ok((tokens, tenant))
}
