//! Staff queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::staff;
use crate::db::{DbConn, new_id, now};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = staff)]
pub struct StaffRow {
    pub id: String,
    pub tenant_id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut DbConn,
    tenant_id: &str,
    email: &str,
    name: &str,
    role: &str,
) -> QueryResult<StaffRow> {
    let at = now();
    let row = StaffRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        email: email.to_string(),
        name: name.to_string(),
        role: role.to_string(),
        created_at: at,
        updated_at: at,
    };
    diesel::insert_into(staff::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

pub fn list(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<StaffRow>> {
    staff::table
        .filter(staff::tenant_id.eq(tenant_id))
        .order(staff::email.asc())
        .select(StaffRow::as_select())
        .load(conn)
}
