//! The passwordless login flow, shared by the portal (clients of one tenant) and the console
//! (staff, who may belong to several tenants): request a code, prove it (code or link),
//! choose an account when several share the email, get a session.

use actix_web::http::header::USER_AGENT;
use actix_web::{HttpRequest, HttpResponse};
use chrono::TimeDelta;
use serde_json::json;

use super::model::{AccountChoice, LoginResponse};
use crate::activity;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::auth::codes::{self, Checked, link_fragment};
use crate::auth::cookie;
use crate::auth::jwt::{self, SELECT, SelectClaims};
use crate::auth::otp::{hmac_hex, sha256_hex};
use crate::auth::rate_limit::{self, Limit};
use crate::auth::session::{self, CLIENT, NewSession, STAFF};
use crate::auth::store::{self};
use crate::clients::store as client_store;
use crate::config::AuthSettings;
use crate::db::{DbConn, new_id, now, utc};
use crate::error::ApiError;
use crate::http::client_ip::client_ip;
use crate::i18n::Language;
use crate::mail::templates::{self, Brand};
use crate::outbox;
use crate::secrets::Keys;
use crate::sms::{Sms, e164};
use crate::staff::store::{self as staff_store, StaffRow};
use crate::state::AppState;
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;

/// Whose accounts a login is for.
#[derive(Debug, Clone)]
pub enum Realm {
    /// The clients of one tenant.
    Portal(Box<TenantRow>),
    /// Staff of any tenant.
    Console,
}

impl Realm {
    pub fn key(&self) -> String {
        match self {
            Realm::Portal(t) => format!("client:{}", t.id),
            Realm::Console => "staff".to_string(),
        }
    }
}

/// The business whose portal is at `slug` (any case), or 404.
pub async fn portal_tenant(state: &AppState, slug: String) -> Result<TenantRow, ApiError> {
    let wanted = slug.to_ascii_lowercase();
    let tenant = state.db.read(move |conn| Ok(tenant_store::find_by_slug(conn, &wanted)?)).await?;
    tenant.ok_or_else(|| ApiError::NotFound(format!("There is no portal at '{slug}'; check the link you were sent.")))
}

/// Where a login comes from, recorded on the session.
#[derive(Debug, Clone)]
pub struct Origin {
    pub ip: String,
    pub user_agent: Option<String>,
}

impl Origin {
    pub fn of(req: &HttpRequest) -> Origin {
        Origin {
            ip: client_ip(req).to_string(),
            user_agent: req.headers().get(USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string),
        }
    }
}

/// Login proofs share the per-IP brake of credentials: many wrong codes → 429.
pub async fn guarded<T>(
    state: &AppState,
    req: &HttpRequest,
    attempt: impl std::future::Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    let ip = client_ip(req);
    state.throttle.refuse_if_blocked(ip)?;
    let result = attempt.await;
    state.throttle.count(ip, &result);
    result
}

fn too_many(wait: u64) -> ApiError {
    ApiError::RateLimited {
        detail: format!("Too many login code requests; you can ask again in {wait} s."),
        retry_after_secs: wait,
    }
}

/// Queues a login email when the email has accounts in the realm. Whether it has is never
/// revealed: limits apply and the answer is the same either way.
pub async fn request_code(
    state: &AppState,
    realm: Realm,
    email: String,
    by_sms: bool,
    page_language: Option<Language>,
    origin: Origin,
) -> Result<(), ApiError> {
    let by_sms = by_sms && state.config.sms.is_some();
    let settings = state.config.auth.clone();
    let keys = state.keys.clone();
    let public = state.config.clone();
    let sent = state
        .db
        .write(move |conn| {
            let ip_limit =
                Limit { max: settings.requests_per_ip_per_hour, window: TimeDelta::hours(1), cooldown: None };
            if let Err(wait) = rate_limit::hit(conn, &format!("otp-ip:{}", origin.ip), ip_limit)? {
                return Ok(Err(wait));
            }
            let realm_key = realm.key();
            if let Err(wait) = email_limits(conn, &keys, &settings, &realm_key, &email, &origin.ip)? {
                return Ok(Err(wait));
            }
            // A phone on file, for clients who asked for a text message; the language the
            // account chose, else the page's, else the business's.
            let (has_accounts, phone, lang) = match &realm {
                Realm::Portal(t) => {
                    let accounts = client_store::portal_accounts(conn, &t.id, &email)?;
                    let phone = accounts.iter().find_map(|c| c.phone.clone()).filter(|_| by_sms);
                    let chosen = accounts.iter().find_map(|c| Language::stored(c.language.as_deref()));
                    (!accounts.is_empty(), phone, chosen.or(page_language).unwrap_or_else(|| t.language()))
                }
                Realm::Console => {
                    let accounts = staff_store::accounts_by_email(conn, &email)?;
                    let chosen = accounts.iter().find_map(|(s, _)| Language::stored(s.language.as_deref()));
                    (!accounts.is_empty(), None, chosen.or(page_language).unwrap_or(Language::English))
                }
            };
            let tenant_id = match &realm {
                Realm::Portal(t) => Some(t.id.as_str()),
                Realm::Console => None,
            };
            // A code is issued even for an address with no account, and never sent: checking
            // a code then answers alike ("wrong, N tries left") whether the account exists or not.
            let (code, token, row) = codes::issue(
                conn,
                &keys,
                &realm_key,
                tenant_id,
                &email,
                TimeDelta::minutes(settings.code_ttl_minutes),
                TimeDelta::minutes(settings.link_ttl_minutes),
            )?;
            let fragment = link_fragment(&token, &email);
            let (brand, link) = match &realm {
                Realm::Portal(t) => (t.brand(), public.public(&format!("/portal/{}/login/link#{fragment}", t.slug))),
                Realm::Console => (Brand::portico(), public.public(&format!("/app/login/link#{fragment}"))),
            };
            if !has_accounts {
                return Ok(Ok(false));
            }
            if let Some(phone) = phone {
                let body = templates::login_sms(&brand, lang, &code, settings.code_ttl_minutes);
                let sms = Sms { to: e164(&phone), body };
                outbox::store::enqueue_traced_sms(conn, tenant_id, &sms, outbox::store::PURPOSE_LOGIN)?;
                return Ok(Ok(true));
            }
            let mail = templates::login(
                &brand,
                lang,
                &email,
                &code,
                &link,
                utc(row.code_expires_at),
                settings.code_ttl_minutes,
            );
            outbox::store::enqueue_traced_email(conn, tenant_id, &mail, outbox::store::PURPOSE_LOGIN)?;
            Ok(Ok(true))
        })
        .await?;
    match sent {
        Err(wait) => Err(too_many(wait)),
        Ok(true) => {
            state.outbox.wake();
            Ok(())
        }
        Ok(false) => Ok(()),
    }
}

/// The limits on codes for one address, built so that a stranger who knows it can delay its
/// owner by one resend cooldown at most, never lock them out:
/// - per address *and* requesting IP: `codes_per_email_per_hour`, one per cooldown. A flood
///   from elsewhere uses up the flooder's allowance, not the owner's;
/// - per address from everywhere: `codes_per_email_all_ips_per_hour`; past it, sending only
///   slows to one email per cooldown, and every email that goes out carries a code and link
///   that work (new codes never void older ones), so the owner's inbox always has a way in.
///
/// Buckets name a keyed hash, not the address: no list of typed emails is kept.
fn email_limits(
    conn: &mut DbConn,
    keys: &Keys,
    settings: &AuthSettings,
    realm_key: &str,
    email: &str,
    ip: &str,
) -> diesel::QueryResult<Result<(), u64>> {
    let cooldown = Some(TimeDelta::seconds(settings.resend_cooldown_seconds));
    let per_ip = Limit { max: settings.codes_per_email_per_hour, window: TimeDelta::hours(1), cooldown };
    let from_here = format!("otp-email-ip:{}", &hmac_hex(&keys.hmac, &[realm_key, email, ip])[..32]);
    if let Err(wait) = rate_limit::hit(conn, &from_here, per_ip)? {
        return Ok(Err(wait));
    }
    let address = &hmac_hex(&keys.hmac, &[realm_key, email])[..32];
    let all = Limit { max: settings.codes_per_email_all_ips_per_hour, window: TimeDelta::hours(1), cooldown: None };
    let under_cap = rate_limit::hit(conn, &format!("otp-email:{address}"), all)?.is_ok();
    // Every email sent is noted here, so past the cap the cooldown runs from the last one.
    let sent = Limit { max: i32::MAX, window: TimeDelta::hours(1), cooldown: if under_cap { None } else { cooldown } };
    rate_limit::hit(conn, &format!("otp-email-sent:{address}"), sent)
}

/// What a proof attempt came to, decided inside the transaction so wrong guesses persist.
enum Verdict {
    Done(LoginResponse),
    Wrong { left: i32 },
    Invalid(&'static str),
}

const BAD_CODE: &str = "This code is wrong or has expired. Check the latest email, or request a new code.";

pub async fn verify_code(
    state: &AppState,
    realm: Realm,
    email: String,
    code: String,
    remember: bool,
    origin: Origin,
) -> Result<LoginResponse, ApiError> {
    let settings = state.config.auth.clone();
    let keys = state.keys.clone();
    let code: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
    let verdict = state
        .db
        .write(move |conn| {
            match codes::check_code(conn, &keys, &realm.key(), &email, &code, settings.code_max_attempts)? {
                Checked::Proved => finish(conn, &keys, &settings, &realm, &email, remember, &origin),
                Checked::Wrong { left } => Ok(Verdict::Wrong { left }),
                Checked::NoCode => Ok(Verdict::Invalid(BAD_CODE)),
            }
        })
        .await?;
    conclude(verdict)
}

pub async fn redeem_link(
    state: &AppState,
    realm: Realm,
    token: String,
    remember: bool,
    origin: Origin,
) -> Result<LoginResponse, ApiError> {
    let settings = state.config.auth.clone();
    let keys = state.keys.clone();
    let verdict = state
        .db
        .write(move |conn| {
            let at = now();
            const BAD_LINK: &str = "This login link has expired or was already used. Request a new one.";
            let Some(row) = store::code_by_link(conn, &sha256_hex(&token))? else {
                return Ok(Verdict::Invalid(BAD_LINK));
            };
            if row.realm != realm.key() || row.spent_at.is_some() || row.link_expires_at <= at {
                return Ok(Verdict::Invalid(BAD_LINK));
            }
            if store::spend(conn, &row.id, at)? == 0 {
                return Ok(Verdict::Invalid(BAD_LINK));
            }
            if let (Some(client_id), Realm::Portal(tenant)) = (&row.client_id, &realm) {
                // An integrator's link: every use is in the client's log, with where it came from.
                let subject = Subject { kind: "client", id: client_id, client_id: Some(client_id) };
                let actor = Actor::Client { id: client_id.clone() };
                let data = json!({ "link_id": row.id, "ip": origin.ip, "user_agent": origin.user_agent });
                activity::store::insert(conn, &tenant.id, &actor, "login_link_used", subject, data)?;
            }
            finish(conn, &keys, &settings, &realm, &row.email, remember, &origin)
        })
        .await?;
    conclude(verdict)
}

pub async fn select(
    state: &AppState,
    realm: Realm,
    token: String,
    account_id: String,
    remember: bool,
    origin: Origin,
) -> Result<LoginResponse, ApiError> {
    let settings = state.config.auth.clone();
    let keys = state.keys.clone();
    let claims: SelectClaims = jwt::verify(&keys.jwt, &token, SELECT)
        .filter(|c: &SelectClaims| c.realm == realm.key())
        .ok_or_else(|| ApiError::Unauthorized("The account choice has expired; log in again.".into()))?;
    let verdict = state
        .db
        .write(move |conn| {
            // One choice per token: a second use (a copied token) gets no session. Spent only
            // once an offered account is chosen, so a wrong pick can be corrected.
            const USED: &str = "This account choice was already used; log in again.";
            let once = Limit { max: 1, window: TimeDelta::minutes(10), cooldown: None };
            let bucket = format!("select:{}", claims.jti);
            let tokens = match &realm {
                Realm::Portal(t) => {
                    let accounts = client_store::portal_accounts(conn, &t.id, &claims.email)?;
                    let Some(client) = accounts.into_iter().find(|c| c.id == account_id) else {
                        return Ok(Verdict::Invalid("That account is not one of the accounts offered for this email."));
                    };
                    if rate_limit::hit(conn, &bucket, once)?.is_err() {
                        return Ok(Verdict::Invalid(USED));
                    }
                    let login = Login { email: &claims.email, remember, origin: &origin };
                    start_client(conn, &keys, &settings, t, &client.id, login)?
                }
                Realm::Console => {
                    let accounts = staff_store::accounts_by_email(conn, &claims.email)?;
                    let Some((member, tenant)) = accounts.into_iter().find(|(s, _)| s.id == account_id) else {
                        return Ok(Verdict::Invalid("That account is not one of the accounts offered for this email."));
                    };
                    if rate_limit::hit(conn, &bucket, once)?.is_err() {
                        return Ok(Verdict::Invalid(USED));
                    }
                    let login = Login { email: &claims.email, remember, origin: &origin };
                    start_staff(conn, &keys, &settings, &member, &tenant, login)?
                }
            };
            Ok(Verdict::Done(LoginResponse::authenticated(tokens)))
        })
        .await?;
    conclude(verdict)
}

fn conclude(verdict: Verdict) -> Result<LoginResponse, ApiError> {
    match verdict {
        Verdict::Done(response) => Ok(response),
        Verdict::Wrong { left } if left > 0 => Err(ApiError::Unauthorized(format!(
            "This code is wrong. {left} {} left before it stops working.",
            if left == 1 { "try" } else { "tries" }
        ))),
        Verdict::Wrong { .. } => Err(ApiError::Unauthorized(
            "This code is wrong, and too many wrong codes were entered: request a new code.".into(),
        )),
        Verdict::Invalid(why) => Err(ApiError::Unauthorized(why.into())),
    }
}

/// The proof is good: one account → a session; several → the chooser; none left → refused.
fn finish(
    conn: &mut DbConn,
    keys: &Keys,
    settings: &AuthSettings,
    realm: &Realm,
    email: &str,
    remember: bool,
    origin: &Origin,
) -> Result<Verdict, ApiError> {
    let login = Login { email, remember, origin };
    let choices: Vec<AccountChoice> = match realm {
        Realm::Portal(t) => {
            let accounts = client_store::portal_accounts(conn, &t.id, email)?;
            if let [only] = accounts.as_slice() {
                let tokens = start_client(conn, keys, settings, t, &only.id, login)?;
                return Ok(Verdict::Done(LoginResponse::authenticated(tokens)));
            }
            accounts.into_iter().map(|c| AccountChoice { id: c.id, name: c.name, company: c.company }).collect()
        }
        Realm::Console => {
            let accounts = staff_store::accounts_by_email(conn, email)?;
            if let [(member, tenant)] = accounts.as_slice() {
                let tokens = start_staff(conn, keys, settings, member, tenant, login)?;
                return Ok(Verdict::Done(LoginResponse::authenticated(tokens)));
            }
            accounts.into_iter().map(|(s, t)| AccountChoice { id: s.id, name: s.name, company: Some(t.name) }).collect()
        }
    };
    if choices.is_empty() {
        return Ok(Verdict::Invalid(
            "This account can no longer log in. Contact the business if you think this is wrong.",
        ));
    }
    let at = utc(now()).timestamp();
    let claims = SelectClaims {
        realm: realm.key(),
        email: email.to_string(),
        jti: new_id(),
        typ: SELECT.into(),
        iat: at,
        exp: at + 300,
    };
    Ok(Verdict::Done(LoginResponse::choose_account(jwt::sign(&keys.jwt, &claims), choices)))
}

/// A proved login: the address, whether to keep the session on this device, from where.
#[derive(Clone, Copy)]
pub struct Login<'a> {
    pub email: &'a str,
    /// "Keep me signed in on this device"; granted only when the business allows it.
    pub remember: bool,
    pub origin: &'a Origin,
}

pub fn start_client(
    conn: &mut DbConn,
    keys: &Keys,
    settings: &AuthSettings,
    tenant: &TenantRow,
    client_id: &str,
    login: Login<'_>,
) -> Result<session::Tokens, ApiError> {
    let (tenant_id, email, origin) = (tenant.id.as_str(), login.email, login.origin);
    let tokens = session::start(
        conn,
        keys,
        settings,
        NewSession {
            tenant_id,
            kind: CLIENT,
            subject_id: client_id,
            role: None,
            impersonated_by: None,
            user_agent: origin.user_agent.as_deref(),
            ip: Some(&origin.ip),
            login_email: Some(email),
            persistent: login.remember && tenant.remember_device,
        },
    )?;
    client_store::record_login(conn, tenant_id, client_id, now())?;
    let subject = Subject { kind: "client", id: client_id, client_id: Some(client_id) };
    let actor = Actor::Client { id: client_id.to_string() };
    activity::store::insert(conn, tenant_id, &actor, "logged_in", subject, json!({ "session_id": tokens.session_id }))?;
    Ok(tokens)
}

pub fn start_staff(
    conn: &mut DbConn,
    keys: &Keys,
    settings: &AuthSettings,
    member: &StaffRow,
    tenant: &TenantRow,
    login: Login<'_>,
) -> Result<session::Tokens, ApiError> {
    let (email, origin) = (login.email, login.origin);
    let (tenant_id, staff_id, role) = (member.tenant_id.as_str(), member.id.as_str(), member.role.as_str());
    let tokens = session::start(
        conn,
        keys,
        settings,
        NewSession {
            tenant_id,
            kind: STAFF,
            subject_id: staff_id,
            role: Some(role),
            impersonated_by: None,
            user_agent: origin.user_agent.as_deref(),
            ip: Some(&origin.ip),
            login_email: Some(email),
            persistent: login.remember && tenant.remember_device,
        },
    )?;
    let subject = Subject { kind: "staff", id: staff_id, client_id: None };
    let actor = Actor::Staff { id: staff_id.to_string() };
    activity::store::insert(conn, tenant_id, &actor, "logged_in", subject, json!({ "session_id": tokens.session_id }))?;
    Ok(tokens)
}

pub fn realm_path(realm: &Realm) -> String {
    match realm {
        Realm::Portal(t) => cookie::portal_path(&t.slug),
        Realm::Console => cookie::console_path(),
    }
}

/// The login's answer; with `cookie`, its refresh token moves into the browser's cookie.
pub fn respond(
    state: &AppState,
    mut outcome: LoginResponse,
    cookie: bool,
    path: String,
) -> Result<HttpResponse, ApiError> {
    let mut response = HttpResponse::Ok();
    if let (true, LoginResponse::Authenticated(done)) = (cookie, &mut outcome)
        && let Some(kept) = cookie::keep(&mut done.tokens, path, &state.config)
    {
        response.cookie(kept);
    }
    Ok(response.json(outcome))
}
