//! Sessions: one row per login, a short-lived access JWT, and an opaque refresh token that
//! rotates on every use. Presenting a refresh token that was already rotated means it was
//! copied: the whole session is revoked. Each generation's secret is an HMAC of the session's
//! seed under a server key, so an earlier one can be recognised as genuine; a token that only
//! names a session (and guesses at the rest) is refused without touching the session.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{NaiveDateTime, TimeDelta};
use rand::RngExt;

use super::jwt::{self, ACCESS, AccessClaims};
use super::otp::{hmac_hex, same, sha256_hex};
use super::store::{self, SessionRow};
use crate::config::AuthSettings;
use crate::db::utc;
use crate::db::{DbConn, new_id, now};
use crate::secrets::Keys;

pub const CLIENT: &str = "client";
pub const STAFF: &str = "staff";
/// How long a session kept on a device ("keep me signed in") lasts.
pub const REMEMBER_DAYS: i64 = 30;

/// What a login or a refresh hands out.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Tokens {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Exchange at `POST /api/v1/auth/refresh` for new tokens; single use. Absent when the
    /// login asked for a browser session (`cookie: true`): the token is then in the
    /// `HttpOnly` cookie `portico_refresh`, out of reach of script.
    #[schema(nullable = false)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    pub session_id: String,
    /// Kept on this device for 30 days ("keep me signed in"); otherwise the session ends
    /// with the browser (cookie) or after the server's session limit.
    pub persistent: bool,
}

/// Who a new session is for, and from where.
pub struct NewSession<'a> {
    pub tenant_id: &'a str,
    pub kind: &'a str,
    pub subject_id: &'a str,
    pub role: Option<&'a str>,
    pub impersonated_by: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub ip: Option<&'a str>,
    /// The address the login was proved with (clients).
    pub login_email: Option<&'a str>,
    /// "Keep me signed in on this device", already checked against the business's setting.
    pub persistent: bool,
}

/// Generation `generation`'s refresh token and its stored hash. Sessions from before seeds
/// were kept rotate to random secrets, as they always did.
fn generation_token(keys: &Keys, sid: &str, generation: i32, seed: Option<&str>) -> (String, String) {
    let secret = match seed {
        Some(seed) => hmac_hex(&keys.hmac, &["refresh", sid, &generation.to_string(), seed]),
        None => random_base64(),
    };
    let token = format!("{sid}.{generation}.{secret}");
    let hash = sha256_hex(&token);
    (token, hash)
}

fn random_base64() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes[..]);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn access(keys: &Keys, settings: &AuthSettings, row: &SessionRow, at: NaiveDateTime) -> (String, i64) {
    let ttl = TimeDelta::minutes(settings.access_token_minutes);
    // Never outlive the session itself.
    let exp = (at + ttl).min(row.expires_at);
    let claims = AccessClaims {
        sub: row.subject_id.clone(),
        tenant: row.tenant_id.clone(),
        sid: row.id.clone(),
        kind: row.kind.clone(),
        role: row.role.clone(),
        typ: ACCESS.into(),
        iat: utc(at).timestamp(),
        exp: utc(exp).timestamp(),
    };
    (jwt::sign(&keys.jwt, &claims), (exp - at).num_seconds())
}

pub fn start(
    conn: &mut DbConn,
    keys: &Keys,
    settings: &AuthSettings,
    new: NewSession<'_>,
) -> diesel::QueryResult<Tokens> {
    let at = now();
    let id = new_id();
    let seed = random_base64();
    let (refresh_token, refresh_hash) = generation_token(keys, &id, 0, Some(&seed));
    let row = SessionRow {
        id: id.clone(),
        tenant_id: new.tenant_id.to_string(),
        kind: new.kind.to_string(),
        subject_id: new.subject_id.to_string(),
        role: new.role.map(str::to_string),
        impersonated_by: new.impersonated_by.map(str::to_string),
        refresh_hash,
        refresh_generation: 0,
        created_at: at,
        last_seen_at: at,
        expires_at: at + lifetime(settings, new.persistent),
        user_agent: new.user_agent.map(|u| u.chars().take(300).collect()),
        ip: new.ip.map(str::to_string),
        revoked_at: None,
        login_email: new.login_email.map(str::to_string),
        refresh_seed: Some(seed),
        persistent: new.persistent,
    };
    store::insert_session(conn, &row)?;
    let (access_token, expires_in) = access(keys, settings, &row, at);
    Ok(Tokens {
        access_token,
        token_type: "Bearer".into(),
        expires_in,
        refresh_token: Some(refresh_token),
        session_id: id,
        persistent: row.persistent,
    })
}

fn lifetime(settings: &AuthSettings, persistent: bool) -> TimeDelta {
    if persistent { TimeDelta::days(REMEMBER_DAYS) } else { TimeDelta::hours(settings.session_max_hours) }
}

/// Why a session cannot be used.
pub fn unusable(row: &SessionRow, settings: &AuthSettings, at: NaiveDateTime) -> Option<&'static str> {
    if row.revoked_at.is_some() {
        Some("This session has ended; log in again.")
    } else if row.expires_at <= at {
        Some("This session has reached its time limit; log in again.")
    } else if !row.persistent && at - row.last_seen_at > TimeDelta::minutes(settings.session_idle_minutes) {
        Some("This session ended after a period of inactivity; log in again.")
    } else {
        None
    }
}

pub enum Refreshed {
    Tokens(Tokens),
    /// The token was already used: the session is now revoked.
    Reused,
    Invalid(&'static str),
}

/// New tokens for `token`, if its session is one `accept` takes (a portal's refresh path
/// takes only its own clients' sessions).
pub fn refresh(
    conn: &mut DbConn,
    keys: &Keys,
    settings: &AuthSettings,
    token: &str,
    accept: impl Fn(&SessionRow) -> bool,
) -> diesel::QueryResult<Refreshed> {
    let mut parts = token.splitn(3, '.');
    let (Some(sid), Some(generation), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return Ok(Refreshed::Invalid("The refresh token is malformed."));
    };
    let Ok(generation) = generation.parse::<i32>() else {
        return Ok(Refreshed::Invalid("The refresh token is malformed."));
    };
    let Some(row) = store::session(conn, sid)?.filter(|row| accept(row)) else {
        return Ok(Refreshed::Invalid("The refresh token is not valid."));
    };
    let at = now();
    if let Some(why) = unusable(&row, settings, at) {
        return Ok(Refreshed::Invalid(why));
    }
    const NOT_VALID: &str = "The refresh token is not valid.";
    let seed = row.refresh_seed.as_deref();
    if generation < row.refresh_generation {
        // Reuse only when the token really is an earlier one of this session: anyone can
        // write a session id and a small number, and must not end someone's session by it.
        let genuine = generation >= 0
            && seed.is_some_and(|seed| same(&generation_token(keys, &row.id, generation, Some(seed)).0, token));
        if !genuine {
            return Ok(Refreshed::Invalid(NOT_VALID));
        }
        store::revoke(conn, &row.tenant_id, &row.id, at)?;
        return Ok(Refreshed::Reused);
    }
    if generation != row.refresh_generation || !same(&sha256_hex(token), &row.refresh_hash) {
        return Ok(Refreshed::Invalid(NOT_VALID));
    }
    let (refresh_token, hash) = generation_token(keys, &row.id, generation + 1, seed);
    if store::rotate(conn, &row.id, generation, &hash, at)? == 0 {
        // A concurrent refresh won the race with this same token: that is a reuse.
        store::revoke(conn, &row.tenant_id, &row.id, at)?;
        return Ok(Refreshed::Reused);
    }
    let (access_token, expires_in) = access(keys, settings, &row, at);
    Ok(Refreshed::Tokens(Tokens {
        access_token,
        token_type: "Bearer".into(),
        expires_in,
        refresh_token: Some(refresh_token),
        session_id: row.id,
        persistent: row.persistent,
    }))
}
