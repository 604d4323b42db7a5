//! Contract queries. Every function takes the tenant id first (and, for the portal, the
//! client id). Status changes are single conditional UPDATEs naming the state they start
//! from and returning how many rows they changed: 0 means the contract was not (or no
//! longer) in that state, which is how a second signature racing the first one loses, on
//! SQLite and PostgreSQL alike.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{ClientBits, ContractChanges, ContractRow, ContractStatus};
use crate::db::DbConn;
use crate::db::schema::{clients, contracts};
use crate::db::text::{contains_pattern, lower};

pub struct ListFilter {
    /// Only these statuses; empty means all.
    pub statuses: Vec<&'static str>,
    /// Only this client's contracts (always set for the portal).
    pub client_id: Option<String>,
    /// Only contracts that were ever sent: the client's view, where a draft voided before it
    /// went out never existed.
    pub sent_only: bool,
    /// Case-insensitive substring of the title or the client's name.
    pub q: Option<String>,
    /// The id the page starts after (newest first).
    pub before_id: Option<String>,
    pub limit: i64,
}

/// Contracts newest first, with their client's name.
pub fn list(conn: &mut DbConn, tenant_id: &str, f: &ListFilter) -> QueryResult<Vec<(ContractRow, String)>> {
    let mut query = contracts::table
        .inner_join(clients::table)
        .filter(contracts::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .select((ContractRow::as_select(), clients::name))
        .order(contracts::id.desc())
        .limit(f.limit)
        .into_boxed();
    if !f.statuses.is_empty() {
        query = query.filter(contracts::status.eq_any(f.statuses.clone()));
    }
    if let Some(client_id) = &f.client_id {
        query = query.filter(contracts::client_id.eq(client_id.clone()));
    }
    if f.sent_only {
        query = query.filter(contracts::sent_at.is_not_null());
    }
    if let Some(before) = &f.before_id {
        query = query.filter(contracts::id.lt(before.clone()));
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        query = query.filter(
            lower(contracts::title)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(clients::name).like(pattern).escape('\\')),
        );
    }
    query.load(conn)
}

/// One contract of this tenant (and of this client, when given), with its client.
pub fn get(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: Option<&str>,
    id: &str,
) -> QueryResult<Option<(ContractRow, ClientBits)>> {
    let mut query = contracts::table
        .inner_join(clients::table)
        .filter(contracts::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(contracts::id.eq(id))
        .select((
            ContractRow::as_select(),
            (clients::id, clients::name, clients::email, clients::company, clients::billing_address, clients::tax_id),
        ))
        .into_boxed();
    if let Some(client_id) = client_id {
        query = query.filter(contracts::client_id.eq(client_id.to_string()));
    }
    query.first(conn).optional()
}

pub fn insert(conn: &mut DbConn, row: &ContractRow) -> QueryResult<()> {
    diesel::insert_into(contracts::table).values(row).execute(conn).map(|_| ())
}

/// Applies `changes` if the contract is a draft or sent; rows changed.
pub fn update(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &ContractChanges) -> QueryResult<usize> {
    diesel::update(
        contracts::table
            .filter(contracts::tenant_id.eq(tenant_id))
            .filter(contracts::id.eq(id))
            .filter(contracts::status.eq_any([ContractStatus::Draft.as_str(), ContractStatus::Sent.as_str()])),
    )
    .set(changes)
    .execute(conn)
}

/// Draft → sent, freezing who it is between (`parties::freeze`); rows changed.
pub fn send(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    at: NaiveDateTime,
    (addressee, issuer): (String, String),
) -> QueryResult<usize> {
    diesel::update(
        contracts::table
            .filter(contracts::tenant_id.eq(tenant_id))
            .filter(contracts::id.eq(id))
            .filter(contracts::status.eq(ContractStatus::Draft.as_str())),
    )
    .set((
        contracts::status.eq(ContractStatus::Sent.as_str()),
        contracts::sent_at.eq(Some(at)),
        contracts::updated_at.eq(at),
        contracts::addressee.eq(addressee),
        contracts::issuer.eq(issuer),
    ))
    .execute(conn)
}

/// Draft or sent → void; rows changed.
pub fn void(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        contracts::table
            .filter(contracts::tenant_id.eq(tenant_id))
            .filter(contracts::id.eq(id))
            .filter(contracts::status.eq_any([ContractStatus::Draft.as_str(), ContractStatus::Sent.as_str()])),
    )
    .set((
        contracts::status.eq(ContractStatus::Void.as_str()),
        contracts::voided_at.eq(Some(at)),
        contracts::updated_at.eq(at),
    ))
    .execute(conn)
}

/// What the server records with a signature.
pub struct Signing<'a> {
    pub signer_name: &'a str,
    pub signer_email: &'a str,
    pub ip: &'a str,
    pub user_agent: &'a str,
    pub kind: &'a str,
    pub signature: &'a str,
    /// The hash the client read; must be the current `body_sha256`.
    pub sha256: &'a str,
    pub at: NaiveDateTime,
}

/// Sent → signed, only if the text is still the one the client read (`body_sha256` equals
/// the hash they sent). One statement, so of two racing signatures exactly one matches.
/// A signature is also a reading: one sent straight through the API, without opening the
/// contract first, sets `first_viewed_at` so staff never see "signed, never viewed".
pub fn sign(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str, s: &Signing<'_>) -> QueryResult<usize> {
    let signed = sign_row(conn, tenant_id, client_id, id, s)?;
    if signed > 0 {
        diesel::update(
            contracts::table
                .filter(contracts::tenant_id.eq(tenant_id))
                .filter(contracts::id.eq(id))
                .filter(contracts::first_viewed_at.is_null()),
        )
        .set((contracts::first_viewed_at.eq(Some(s.at)), contracts::view_count.eq(contracts::view_count + 1)))
        .execute(conn)?;
    }
    Ok(signed)
}

fn sign_row(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str, s: &Signing<'_>) -> QueryResult<usize> {
    diesel::update(
        contracts::table
            .filter(contracts::tenant_id.eq(tenant_id))
            .filter(contracts::client_id.eq(client_id))
            .filter(contracts::id.eq(id))
            .filter(contracts::status.eq(ContractStatus::Sent.as_str()))
            .filter(contracts::body_sha256.eq(s.sha256)),
    )
    .set((
        contracts::status.eq(ContractStatus::Signed.as_str()),
        contracts::signer_name.eq(Some(s.signer_name)),
        contracts::signer_email.eq(Some(s.signer_email)),
        contracts::signed_at.eq(Some(s.at)),
        contracts::signer_ip.eq(Some(s.ip)),
        contracts::signer_user_agent.eq(Some(s.user_agent)),
        contracts::signature_kind.eq(Some(s.kind)),
        contracts::signature.eq(Some(s.signature)),
        contracts::signed_sha256.eq(Some(s.sha256)),
        contracts::updated_at.eq(s.at),
    ))
    .execute(conn)
}

/// Adds staff's countersignature to a signed contract that asks for one and has none yet;
/// rows changed.
pub fn countersign(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    staff_id: &str,
    name: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        contracts::table
            .filter(contracts::tenant_id.eq(tenant_id))
            .filter(contracts::id.eq(id))
            .filter(contracts::status.eq(ContractStatus::Signed.as_str()))
            .filter(contracts::countersign.eq(true))
            .filter(contracts::countersigned_at.is_null()),
    )
    .set((
        contracts::countersigner_id.eq(Some(staff_id)),
        contracts::countersigner_name.eq(Some(name)),
        contracts::countersigned_at.eq(Some(at)),
        contracts::updated_at.eq(at),
    ))
    .execute(conn)
}

/// Counts one view by the client; true when it was the first (so exactly one request logs
/// "viewed", however many arrive together).
pub fn record_view(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    id: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let mine = || {
        contracts::table
            .filter(contracts::tenant_id.eq(tenant_id))
            .filter(contracts::client_id.eq(client_id))
            .filter(contracts::id.eq(id))
            .filter(contracts::status.eq_any(ContractStatus::CLIENT_VISIBLE))
    };
    diesel::update(mine()).set(contracts::view_count.eq(contracts::view_count + 1)).execute(conn)?;
    let first = diesel::update(mine().filter(contracts::first_viewed_at.is_null()))
        .set(contracts::first_viewed_at.eq(Some(at)))
        .execute(conn)?;
    Ok(first > 0)
}
