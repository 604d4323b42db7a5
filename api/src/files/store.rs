//! The diesel queries for files. Every query names the tenant first.

use diesel::prelude::*;

use super::model::FileRow;
use crate::db::DbConn;
use crate::db::schema::{deliverables, files, purchases};

pub fn insert(conn: &mut DbConn, row: &FileRow) -> QueryResult<()> {
    diesel::insert_into(files::table).values(row).execute(conn).map(|_| ())
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<FileRow>> {
    files::table
        .filter(files::tenant_id.eq(tenant_id))
        .filter(files::id.eq(id))
        .select(FileRow::as_select())
        .first(conn)
        .optional()
}

/// A project's files, oldest first; `visible_only` for the client.
pub fn for_project(
    conn: &mut DbConn,
    tenant_id: &str,
    project_id: &str,
    deliverable_id: Option<&str>,
    visible_only: bool,
) -> QueryResult<Vec<FileRow>> {
    let mut query = files::table
        .filter(files::tenant_id.eq(tenant_id))
        .filter(files::project_id.eq(project_id))
        .filter(files::pending.eq(false))
        .select(FileRow::as_select())
        .order(files::id)
        .into_boxed();
    if let Some(d) = deliverable_id {
        query = query.filter(files::deliverable_id.eq(d.to_string()));
    }
    if visible_only {
        query = query.filter(files::client_visible.eq(true));
    }
    query.load(conn)
}

/// The files of these products (at most one each).
pub fn for_products(conn: &mut DbConn, tenant_id: &str, product_ids: &[String]) -> QueryResult<Vec<FileRow>> {
    files::table
        .filter(files::tenant_id.eq(tenant_id))
        .filter(files::product_id.eq_any(product_ids))
        .select(FileRow::as_select())
        .order(files::id)
        .load(conn)
}

pub fn set_visible(conn: &mut DbConn, tenant_id: &str, id: &str, visible: bool) -> QueryResult<()> {
    diesel::update(files::table.filter(files::tenant_id.eq(tenant_id)).filter(files::id.eq(id)))
        .set(files::client_visible.eq(visible))
        .execute(conn)
        .map(|_| ())
}

pub fn rename(conn: &mut DbConn, tenant_id: &str, id: &str, name: &str) -> QueryResult<()> {
    diesel::update(files::table.filter(files::tenant_id.eq(tenant_id)).filter(files::id.eq(id)))
        .set(files::name.eq(name))
        .execute(conn)
        .map(|_| ())
}

pub fn delete(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(files::table.filter(files::tenant_id.eq(tenant_id)).filter(files::id.eq(id))).execute(conn)
}

/// Whether this deliverable belongs to this project.
pub fn deliverable_in_project(conn: &mut DbConn, tenant_id: &str, project_id: &str, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        deliverables::table
            .filter(deliverables::tenant_id.eq(tenant_id))
            .filter(deliverables::project_id.eq(project_id))
            .filter(deliverables::id.eq(id)),
    ))
    .get_result(conn)
}

/// Whether the client holds this product.
pub fn granted(conn: &mut DbConn, tenant_id: &str, client_id: &str, product_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        purchases::table
            .filter(purchases::tenant_id.eq(tenant_id))
            .filter(purchases::client_id.eq(client_id))
            .filter(purchases::product_id.eq(product_id)),
    ))
    .get_result(conn)
}
