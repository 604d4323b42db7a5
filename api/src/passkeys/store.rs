//! Passkey and ceremony queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{passkey_ceremonies, passkeys};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = passkeys)]
pub struct PasskeyRow {
    pub id: String,
    pub tenant_id: String,
    pub kind: String,
    pub subject_id: String,
    pub user_handle: String,
    pub credential_id: String,
    /// webauthn-rs's `Passkey`, as JSON.
    pub credential: String,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = passkey_ceremonies)]
pub struct CeremonyRow {
    pub id: String,
    pub purpose: String,
    pub realm: String,
    pub tenant_id: Option<String>,
    pub kind: Option<String>,
    pub subject_id: Option<String>,
    pub state: String,
    pub expires_at: NaiveDateTime,
}

/// One person's passkeys, oldest first.
pub fn of(conn: &mut DbConn, tenant_id: &str, kind: &str, subject_id: &str) -> QueryResult<Vec<PasskeyRow>> {
    passkeys::table
        .filter(passkeys::tenant_id.eq(tenant_id))
        .filter(passkeys::kind.eq(kind))
        .filter(passkeys::subject_id.eq(subject_id))
        .order((passkeys::created_at.asc(), passkeys::id.asc()))
        .select(PasskeyRow::as_select())
        .load(conn)
}

pub fn by_credential_id(conn: &mut DbConn, credential_id: &str) -> QueryResult<Option<PasskeyRow>> {
    passkeys::table
        .filter(passkeys::credential_id.eq(credential_id))
        .select(PasskeyRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &PasskeyRow) -> QueryResult<()> {
    diesel::insert_into(passkeys::table).values(row).execute(conn).map(|_| ())
}

/// After a login with it: the new counter (in `credential`) and when.
pub fn used(conn: &mut DbConn, id: &str, credential: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(passkeys::table.find(id))
        .set((passkeys::credential.eq(credential), passkeys::last_used_at.eq(Some(at))))
        .execute(conn)
}

/// Removes one of a person's passkeys; 0 when it is not theirs.
pub fn delete(conn: &mut DbConn, tenant_id: &str, kind: &str, subject_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(
        passkeys::table
            .filter(passkeys::tenant_id.eq(tenant_id))
            .filter(passkeys::kind.eq(kind))
            .filter(passkeys::subject_id.eq(subject_id))
            .filter(passkeys::id.eq(id)),
    )
    .execute(conn)
}

pub fn insert_ceremony(conn: &mut DbConn, row: &CeremonyRow) -> QueryResult<()> {
    diesel::insert_into(passkey_ceremonies::table).values(row).execute(conn).map(|_| ())
}

/// Takes a live ceremony of `purpose` in `realm` out of the table: each works once.
pub fn take_ceremony(
    conn: &mut DbConn,
    id: &str,
    purpose: &str,
    realm: &str,
    at: NaiveDateTime,
) -> QueryResult<Option<CeremonyRow>> {
    let found = passkey_ceremonies::table
        .find(id)
        .filter(passkey_ceremonies::purpose.eq(purpose))
        .filter(passkey_ceremonies::realm.eq(realm))
        .select(CeremonyRow::as_select())
        .first(conn)
        .optional()?;
    let Some(row) = found else { return Ok(None) };
    // Deleted whether it is still alive or not; a concurrent taker that lost gets nothing.
    if diesel::delete(passkey_ceremonies::table.find(id)).execute(conn)? == 0 || row.expires_at <= at {
        return Ok(None);
    }
    Ok(Some(row))
}

/// Housekeeping: ceremonies nobody finished.
pub fn purge_ceremonies(conn: &mut DbConn, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(passkey_ceremonies::table.filter(passkey_ceremonies::expires_at.le(at))).execute(conn)
}
