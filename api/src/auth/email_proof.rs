//! Proving a new address before it becomes someone's login email: a 6-digit code sent to
//! it, at most five asked for an hour, alive 15 minutes. Staff (`/me/email`) and clients
//! (`/portal/me/email`) share it; the realm says whose proof it is, so a code can never log
//! anyone in.

use chrono::TimeDelta;

use super::codes::{self, Checked};
use super::rate_limit::{self, Limit};
use super::store::LoginCodeRow;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::secrets::Keys;

/// How long the code for a new address lives.
pub const CODE_MINUTES: i64 = 15;

/// A code for `email` under `realm`; 429 past five an hour.
pub fn issue(
    conn: &mut DbConn,
    keys: &Keys,
    realm: &str,
    tenant_id: &str,
    email: &str,
) -> Result<(String, LoginCodeRow), ApiError> {
    let limit = Limit { max: 5, window: TimeDelta::hours(1), cooldown: None };
    if let Err(wait) = rate_limit::hit(conn, realm, limit)? {
        let detail = format!("You asked for several codes already. Try again in {} minutes.", wait.div_ceil(60));
        return Err(ApiError::RateLimited { detail, retry_after_secs: wait });
    }
    Ok(codes::issue_proof(conn, keys, realm, tenant_id, email, TimeDelta::minutes(CODE_MINUTES))?)
}

/// Checks the code sent to `email`. A wrong or spent code is a 403, not a 422 (the request
/// is well formed, the proof is what fails) nor a 401 (which would say the session is gone).
pub fn check(
    conn: &mut DbConn,
    keys: &Keys,
    realm: &str,
    email: &str,
    code: &str,
    max_attempts: i32,
) -> Result<(), ApiError> {
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    match codes::check_code(conn, keys, realm, email, &code, max_attempts)? {
        Checked::Proved => Ok(()),
        Checked::Wrong { left } if left > 0 => {
            let tries = if left == 1 { "try" } else { "tries" };
            Err(ApiError::Forbidden(format!("This code is wrong. {left} {tries} left.")))
        }
        Checked::Wrong { .. } | Checked::NoCode => {
            Err(ApiError::Forbidden("This code is wrong or has expired. Ask for a new code.".into()))
        }
    }
}
