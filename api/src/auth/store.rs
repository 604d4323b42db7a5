//! Credentials at rest: login codes, sessions and the API keys a request presents.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{api_keys, login_codes, rate_limits, sessions};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = login_codes)]
pub struct LoginCodeRow {
    pub id: String,
    pub realm: String,
    pub tenant_id: Option<String>,
    pub email: String,
    pub code_hmac: String,
    pub link_hash: String,
    pub attempts: i32,
    pub created_at: NaiveDateTime,
    pub code_expires_at: NaiveDateTime,
    pub link_expires_at: NaiveDateTime,
    pub spent_at: Option<NaiveDateTime>,
    /// The client an integrator's login link was made for; `None` for emailed codes and links.
    pub client_id: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    pub tenant_id: String,
    pub kind: String,
    pub subject_id: String,
    pub role: Option<String>,
    pub impersonated_by: Option<String>,
    pub refresh_hash: String,
    pub refresh_generation: i32,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub revoked_at: Option<NaiveDateTime>,
    /// The address a client's session was proved with (code or link); None for staff and
    /// for sessions started before it was kept.
    pub login_email: Option<String>,
    /// Per-session randomness the refresh secrets derive from; None for older sessions.
    pub refresh_seed: Option<String>,
    /// Kept on this device for 30 days ("keep me signed in"); no idle limit.
    pub persistent: bool,
}

/// A stored API key: the lookup prefix and a hash, never the key.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyRow {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    /// The non-secret lookup part of the key.
    pub prefix: String,
    /// SHA-256 of the whole key, hex.
    pub hash: String,
    /// Space-separated scopes.
    pub scopes: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

/// Spends the live codes of this email in this realm beyond the `keep` newest, so a flood of
/// requests leaves a bounded number of codes to guess at. Invitations are not login codes
/// (their code part expires when issued) and are never counted or spent here.
pub fn spend_codes_beyond(
    conn: &mut DbConn,
    realm: &str,
    email: &str,
    keep: i64,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let older: Vec<String> = login_codes::table
        .filter(login_codes::realm.eq(realm))
        .filter(login_codes::email.eq(email))
        .filter(login_codes::spent_at.is_null())
        .filter(login_codes::code_expires_at.gt(at))
        .order((login_codes::created_at.desc(), login_codes::id.desc()))
        .offset(keep)
        .select(login_codes::id)
        .load(conn)?;
    if older.is_empty() {
        return Ok(0);
    }
    diesel::update(login_codes::table.filter(login_codes::id.eq_any(&older)))
        .set(login_codes::spent_at.eq(Some(at)))
        .execute(conn)
}

/// Spends the unspent invitations of this email in this realm (rows whose code part expired
/// as it was issued): a resent invitation replaces the one before.
pub fn spend_invitations(conn: &mut DbConn, realm: &str, email: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        login_codes::table
            .filter(login_codes::realm.eq(realm))
            .filter(login_codes::email.eq(email))
            .filter(login_codes::spent_at.is_null())
            .filter(login_codes::code_expires_at.eq(login_codes::created_at)),
    )
    .set(login_codes::spent_at.eq(Some(at)))
    .execute(conn)
}

pub fn insert_code(conn: &mut DbConn, row: &LoginCodeRow) -> QueryResult<()> {
    diesel::insert_into(login_codes::table).values(row).execute(conn).map(|_| ())
}

/// The unspent codes of this email in this realm that can still be typed, newest first.
pub fn open_codes(
    conn: &mut DbConn,
    realm: &str,
    email: &str,
    max_attempts: i32,
    at: NaiveDateTime,
) -> QueryResult<Vec<LoginCodeRow>> {
    login_codes::table
        .filter(login_codes::realm.eq(realm))
        .filter(login_codes::email.eq(email))
        .filter(login_codes::spent_at.is_null())
        .filter(login_codes::code_expires_at.gt(at))
        .filter(login_codes::attempts.lt(max_attempts))
        .order((login_codes::created_at.desc(), login_codes::id.desc()))
        .select(LoginCodeRow::as_select())
        .load(conn)
}

pub fn code_by_link(conn: &mut DbConn, link_hash: &str) -> QueryResult<Option<LoginCodeRow>> {
    login_codes::table
        .filter(login_codes::link_hash.eq(link_hash))
        .select(LoginCodeRow::as_select())
        .first(conn)
        .optional()
}

/// Counts a wrong guess against each of `ids`. A code that reaches `max_attempts` can no
/// longer be typed, but its link still works: guessing at someone's code must not take away
/// the link in their inbox.
pub fn record_wrong_guess(conn: &mut DbConn, ids: &[String], max_attempts: i32, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(login_codes::table.filter(login_codes::id.eq_any(ids)))
        .set(login_codes::attempts.eq(login_codes::attempts + 1))
        .execute(conn)?;
    diesel::update(
        login_codes::table.filter(login_codes::id.eq_any(ids)).filter(login_codes::attempts.ge(max_attempts)),
    )
    .set(login_codes::code_expires_at.eq(at))
    .execute(conn)
    .map(|_| ())
}

/// Spends the code (and so its link). 0 when someone else spent it first.
pub fn mark_for_client(conn: &mut DbConn, id: &str, client_id: &str) -> QueryResult<usize> {
    diesel::update(login_codes::table.find(id)).set(login_codes::client_id.eq(Some(client_id))).execute(conn)
}

pub fn spend(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(login_codes::table.find(id).filter(login_codes::spent_at.is_null()))
        .set(login_codes::spent_at.eq(Some(at)))
        .execute(conn)
}

pub fn insert_session(conn: &mut DbConn, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(sessions::table).values(row).execute(conn).map(|_| ())
}

pub fn session(conn: &mut DbConn, id: &str) -> QueryResult<Option<SessionRow>> {
    sessions::table.find(id).select(SessionRow::as_select()).first(conn).optional()
}

pub fn touch_session(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id)).set(sessions::last_seen_at.eq(at)).execute(conn)
}

/// Moves the session to its next refresh token, only if nobody rotated it meanwhile.
pub fn rotate(
    conn: &mut DbConn,
    id: &str,
    from_generation: i32,
    new_hash: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .find(id)
            .filter(sessions::refresh_generation.eq(from_generation))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::refresh_generation.eq(from_generation + 1),
        sessions::refresh_hash.eq(new_hash),
        sessions::last_seen_at.eq(at),
    ))
    .execute(conn)
}

pub fn revoke(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::tenant_id.eq(tenant_id))
            .filter(sessions::id.eq(id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(Some(at)))
    .execute(conn)
}

/// Ends every session of one person (a client disabled or archived, a staff member removed).
pub fn revoke_all(
    conn: &mut DbConn,
    tenant_id: &str,
    kind: &str,
    subject_id: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    // No session has an empty id, so this keeps none.
    revoke_others(conn, tenant_id, kind, subject_id, "", at)
}

/// Ends every session of one person but `keep` (the device that just proved a new email).
pub fn revoke_others(
    conn: &mut DbConn,
    tenant_id: &str,
    kind: &str,
    subject_id: &str,
    keep: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::tenant_id.eq(tenant_id))
            .filter(sessions::kind.eq(kind))
            .filter(sessions::subject_id.eq(subject_id))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(Some(at)))
    .execute(conn)
}

pub fn set_login_email(conn: &mut DbConn, id: &str, email: &str) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id)).set(sessions::login_email.eq(Some(email))).execute(conn)
}

/// Sessions of one person that have not been revoked and have not reached their end.
pub fn live_sessions(
    conn: &mut DbConn,
    tenant_id: &str,
    kind: &str,
    subject_id: &str,
    at: NaiveDateTime,
) -> QueryResult<Vec<SessionRow>> {
    sessions::table
        .filter(sessions::tenant_id.eq(tenant_id))
        .filter(sessions::kind.eq(kind))
        .filter(sessions::subject_id.eq(subject_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(at))
        .order(sessions::id.desc())
        .select(SessionRow::as_select())
        .load(conn)
}

/// Keeps live staff sessions in step with a role change, so it applies at once.
pub fn set_role(conn: &mut DbConn, tenant_id: &str, staff_id: &str, role: &str) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::tenant_id.eq(tenant_id))
            .filter(sessions::kind.eq("staff"))
            .filter(sessions::subject_id.eq(staff_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::role.eq(Some(role)))
    .execute(conn)
}

/// Forgets login codes and rate-limit windows older than `before`: both only matter for an
/// hour, and codes hold typed email addresses, which we keep no longer than needed.
pub fn purge_stale(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    let codes = diesel::delete(login_codes::table.filter(login_codes::created_at.lt(before))).execute(conn)?;
    let windows = diesel::delete(rate_limits::table.filter(rate_limits::last_hit_at.lt(before))).execute(conn)?;
    Ok(codes + windows)
}

/// The one query not scoped by tenant: a presented key is how we learn the tenant.
/// The lookup prefix is unique, so this finds at most one row.
pub fn api_key_by_lookup(conn: &mut DbConn, lookup: &str) -> QueryResult<Option<ApiKeyRow>> {
    api_keys::table.filter(api_keys::prefix.eq(lookup)).select(ApiKeyRow::as_select()).first(conn).optional()
}

/// Notes when a key was last used.
pub fn touch_api_key(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(api_keys::table.filter(api_keys::tenant_id.eq(tenant_id)).filter(api_keys::id.eq(id)))
        .set(api_keys::last_used_at.eq(Some(at)))
        .execute(conn)
}

/// One fixed-window rate-limit bucket (`rate_limit`).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rate_limits)]
pub struct RateCounter {
    pub bucket: String,
    pub window_start: NaiveDateTime,
    pub hits: i32,
    pub last_hit_at: NaiveDateTime,
}

/// The bucket's counter, created empty if missing and locked until the transaction ends,
/// so processes sharing the database take turns per bucket.
pub fn lock_counter(conn: &mut DbConn, bucket: &str, at: NaiveDateTime) -> QueryResult<RateCounter> {
    let fresh = RateCounter { bucket: bucket.to_string(), window_start: at, hits: 0, last_hit_at: at };
    match conn {
        DbConn::Pg(c) => {
            diesel::insert_into(rate_limits::table).values(&fresh).on_conflict_do_nothing().execute(c)?;
            rate_limits::table.find(bucket).for_update().select(RateCounter::as_select()).first(c)
        }
        DbConn::Sqlite(c) => {
            // SQLite write transactions are already serialised.
            diesel::insert_into(rate_limits::table).values(&fresh).on_conflict_do_nothing().execute(c)?;
            rate_limits::table.find(bucket).select(RateCounter::as_select()).first(c)
        }
    }
}

/// Stores the bucket's window and its hits, the last one at `at`.
pub fn count_hit(
    conn: &mut DbConn,
    bucket: &str,
    window_start: NaiveDateTime,
    hits: i32,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(rate_limits::table.find(bucket))
        .set((rate_limits::window_start.eq(window_start), rate_limits::hits.eq(hits), rate_limits::last_hit_at.eq(at)))
        .execute(conn)
}
