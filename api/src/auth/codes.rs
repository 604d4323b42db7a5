//! One-time codes and links: issued for a login, an invitation or a proof of address, and
//! checked with their tries counted. The login flow (`login::flow`) and the email changes
//! of staff and clients use them alike.

use chrono::TimeDelta;

use super::otp::{self, hmac_hex, same, sha256_hex};
use super::store::{self, LoginCodeRow};
use crate::db::{DbConn, new_id, now};
use crate::secrets::Keys;

/// How long an invitation link works, for clients and staff alike.
pub const INVITE_DAYS: i64 = 7;

/// A person's email as we store and compare it.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// How many codes of one address can be typed at a time; a newer request spends the oldest
/// beyond it, which bounds what guessing can reach (each code has its own tries).
pub const LIVE_CODES: i64 = 5;

/// A new code and link for `email` in `realm_key`. Earlier codes keep working (up to
/// [`LIVE_CODES`]), so a request made by someone else never voids the one in the owner's
/// inbox, nor an invitation. Returns the plaintext code and link token, which only the email sees.
pub fn issue(
    conn: &mut DbConn,
    keys: &Keys,
    realm_key: &str,
    tenant_id: Option<&str>,
    email: &str,
    code_ttl: TimeDelta,
    link_ttl: TimeDelta,
) -> diesel::QueryResult<(String, String, LoginCodeRow)> {
    let at = now();
    let code = otp::new_code();
    let token = otp::new_link_token();
    let row = LoginCodeRow {
        id: new_id(),
        realm: realm_key.to_string(),
        tenant_id: tenant_id.map(str::to_string),
        email: email.to_string(),
        code_hmac: hmac_hex(&keys.hmac, &[realm_key, email, &code]),
        link_hash: sha256_hex(&token),
        attempts: 0,
        created_at: at,
        code_expires_at: at + code_ttl,
        link_expires_at: at + link_ttl,
        spent_at: None,
        client_id: None,
    };
    store::insert_code(conn, &row)?;
    store::spend_codes_beyond(conn, realm_key, email, LIVE_CODES, at)?;
    Ok((code, token, row))
}

/// An invitation: a link only (nobody types its code, which expires as it is issued) that
/// replaces earlier invitations of this address and is untouched by later code requests.
pub fn invite(
    conn: &mut DbConn,
    keys: &Keys,
    realm_key: &str,
    tenant_id: Option<&str>,
    email: &str,
    link_ttl: TimeDelta,
) -> diesel::QueryResult<String> {
    store::spend_invitations(conn, realm_key, email, now())?;
    issue(conn, keys, realm_key, tenant_id, email, TimeDelta::zero(), link_ttl).map(|(_, token, _)| token)
}

/// A one-click login link an integrator hands to one client: a link only (its code expires
/// as it is issued), single use, alive `ttl`, marked with the client so its use is logged.
/// Codes and links emailed to the address keep working beside it.
pub fn login_link(
    conn: &mut DbConn,
    keys: &Keys,
    tenant_id: &str,
    client_id: &str,
    email: &str,
    ttl: TimeDelta,
) -> diesel::QueryResult<(String, LoginCodeRow)> {
    let realm = format!("client:{tenant_id}");
    let (_, token, row) = issue(conn, keys, &realm, Some(tenant_id), email, TimeDelta::zero(), ttl)?;
    store::mark_for_client(conn, &row.id, client_id)?;
    Ok((token, row))
}

/// What a typed code proved.
pub enum Checked {
    /// It was a live code for this address; it is spent now.
    Proved,
    /// Wrong: `left` tries remain (0 or less: none).
    Wrong { left: i32 },
    /// No live code for this address (none asked, expired, spent, or out of tries).
    NoCode,
}

/// Checks `code` against the live codes of `email` in `realm_key`, spending the one it
/// matches. Any live code may be the one typed: the person may have asked twice.
pub fn check_code(
    conn: &mut DbConn,
    keys: &Keys,
    realm_key: &str,
    email: &str,
    code: &str,
    max: i32,
) -> diesel::QueryResult<Checked> {
    let at = now();
    let open = store::open_codes(conn, realm_key, email, max, at)?;
    let Some(newest) = open.first() else {
        return Ok(Checked::NoCode);
    };
    let expected = hmac_hex(&keys.hmac, &[realm_key, email, code]);
    let Some(row) = open.iter().find(|row| same(&expected, &row.code_hmac)) else {
        // A wrong guess counts against every live code, so several codes give no more
        // guesses in all than one code's tries each.
        let left = max - newest.attempts - 1;
        let ids: Vec<String> = open.iter().map(|row| row.id.clone()).collect();
        store::record_wrong_guess(conn, &ids, max, at)?;
        return Ok(Checked::Wrong { left });
    };
    if store::spend(conn, &row.id, at)? == 0 {
        return Ok(Checked::NoCode);
    }
    Ok(Checked::Proved)
}

/// A code that proves an address outside login (an email change). Its realm key is the
/// caller's own, so it can never log anyone in; it has no usable link.
pub fn issue_proof(
    conn: &mut DbConn,
    keys: &Keys,
    realm_key: &str,
    tenant_id: &str,
    email: &str,
    ttl: TimeDelta,
) -> diesel::QueryResult<(String, LoginCodeRow)> {
    let (code, _, row) = issue(conn, keys, realm_key, Some(tenant_id), email, ttl, TimeDelta::zero())?;
    Ok((code, row))
}

/// The fragment of a login link: the token, and the address it logs in so the confirm page
/// can say "Continue as …". A fragment never reaches a server or its logs.
pub fn link_fragment(token: &str, email: &str) -> String {
    let email = percent_encoding::utf8_percent_encode(email, percent_encoding::NON_ALPHANUMERIC);
    format!("token={token}&email={email}")
}
