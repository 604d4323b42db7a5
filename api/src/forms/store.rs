//! Form and submission queries. Every function takes the tenant id first.

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::model::{FormChanges, FormRow, SubmissionRow};
use crate::clients::model::ClientRow;
use crate::db::DbConn;
use crate::db::schema::{clients, form_submissions, forms};

/// Forms newest first, `limit` after the cursor's id.
pub fn list(conn: &mut DbConn, tenant_id: &str, before_id: Option<&str>, limit: i64) -> QueryResult<Vec<FormRow>> {
    let mut query = forms::table
        .filter(forms::tenant_id.eq(tenant_id))
        .select(FormRow::as_select())
        .order(forms::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(forms::id.lt(before.to_string()));
    }
    query.load(conn)
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<FormRow>> {
    forms::table
        .filter(forms::tenant_id.eq(tenant_id))
        .filter(forms::id.eq(id))
        .select(FormRow::as_select())
        .first(conn)
        .optional()
}

/// The form at this public address, enabled or not.
pub fn by_slug(conn: &mut DbConn, tenant_id: &str, slug: &str) -> QueryResult<Option<FormRow>> {
    forms::table
        .filter(forms::tenant_id.eq(tenant_id))
        .filter(forms::slug.eq(slug))
        .select(FormRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &FormRow) -> QueryResult<()> {
    diesel::insert_into(forms::table).values(row).execute(conn).map(|_| ())
}

/// Applies `changes`; rows changed.
pub fn update(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &FormChanges) -> QueryResult<usize> {
    diesel::update(forms::table.filter(forms::tenant_id.eq(tenant_id)).filter(forms::id.eq(id)))
        .set(changes)
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(forms::table.filter(forms::tenant_id.eq(tenant_id)).filter(forms::id.eq(id))).execute(conn)
}

/// Submissions of each of these forms, in one query.
pub fn submission_counts(conn: &mut DbConn, tenant_id: &str, form_ids: &[String]) -> QueryResult<Vec<(String, i64)>> {
    if form_ids.is_empty() {
        return Ok(Vec::new());
    }
    form_submissions::table
        .filter(form_submissions::tenant_id.eq(tenant_id))
        .filter(form_submissions::form_id.eq_any(form_ids))
        .group_by(form_submissions::form_id)
        .select((form_submissions::form_id, count_star()))
        .load(conn)
}

/// A form's submissions newest first, with their client, `limit` after the cursor's id.
pub fn submissions(
    conn: &mut DbConn,
    tenant_id: &str,
    form_id: &str,
    before_id: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<(SubmissionRow, ClientRow)>> {
    let mut query = form_submissions::table
        .inner_join(clients::table)
        .filter(form_submissions::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(form_submissions::form_id.eq(form_id))
        .select((SubmissionRow::as_select(), ClientRow::as_select()))
        .order(form_submissions::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before_id {
        query = query.filter(form_submissions::id.lt(before.to_string()));
    }
    query.load(conn)
}

pub fn insert_submission(conn: &mut DbConn, row: &SubmissionRow) -> QueryResult<()> {
    diesel::insert_into(form_submissions::table).values(row).execute(conn).map(|_| ())
}
