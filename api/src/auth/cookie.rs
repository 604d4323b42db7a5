//! Browser sessions keep their refresh token where script cannot read it: an `HttpOnly`,
//! `SameSite=Strict` cookie, `Secure` behind https, sent only to its realm's auth endpoints
//! (`/api/v1/auth` for the console, `/api/v1/portal/{slug}/auth` for a portal). Access
//! tokens stay in the page's memory, so one login serves every tab: a new tab trades the
//! cookie for an access token. Reading the cookie needs the `X-Portico-CSRF` header, which
//! another site's form cannot send and another site's script may not (CORS does not allow it).

use actix_web::HttpRequest;
use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};

use super::session::{REMEMBER_DAYS, Tokens};
use crate::config::Config;
use crate::error::ApiError;

pub const NAME: &str = "portico_refresh";
pub const CSRF_HEADER: &str = "X-Portico-CSRF";

/// The console's cookie path.
pub fn console_path() -> String {
    "/api/v1/auth".into()
}

/// One portal's cookie path: its sessions never reach the console's or another portal's.
pub fn portal_path(slug: &str) -> String {
    format!("/api/v1/portal/{slug}/auth")
}

/// Moves the refresh token out of `tokens` into a cookie for `path`. A session kept on the
/// device lives 30 days; any other ends when the browser closes.
pub fn keep(tokens: &mut Tokens, path: String, config: &Config) -> Option<Cookie<'static>> {
    let value = tokens.refresh_token.take()?;
    let mut cookie = base(value, path, config);
    if tokens.persistent {
        cookie.set_max_age(Duration::days(REMEMBER_DAYS));
    }
    Some(cookie)
}

/// Tells the browser to forget the cookie at `path`.
pub fn clear(path: String, config: &Config) -> Cookie<'static> {
    let mut cookie = base(String::new(), path, config);
    cookie.make_removal();
    cookie
}

fn base(value: String, path: String, config: &Config) -> Cookie<'static> {
    Cookie::build(NAME, value)
        .path(path)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(config.public_url.scheme() == "https")
        .finish()
}

/// The refresh token the browser sent, if any.
pub fn read(req: &HttpRequest) -> Option<String> {
    req.cookie(NAME).map(|c| c.value().to_string()).filter(|v| !v.is_empty())
}

/// Refuses a cookie-authenticated call without the custom header.
pub fn require_csrf(req: &HttpRequest) -> Result<(), ApiError> {
    if req.headers().contains_key(CSRF_HEADER) {
        return Ok(());
    }
    Err(ApiError::Forbidden(format!(
        "A call that uses the session cookie must carry the '{CSRF_HEADER}: 1' header, so that other sites \
         cannot make it for you."
    )))
}
