//! The diesel queries for products and grants. Every query names the tenant first.

use std::collections::HashMap;

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::model::{ProductRow, PurchaseRow};
use crate::clients::model::ClientRow;
use crate::db::DbConn;
use crate::db::schema::{clients, files, products, purchases};

pub fn insert(conn: &mut DbConn, row: &ProductRow) -> QueryResult<()> {
    diesel::insert_into(products::table).values(row).execute(conn).map(|_| ())
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<ProductRow>> {
    products::table
        .filter(products::tenant_id.eq(tenant_id))
        .filter(products::id.eq(id))
        .select(ProductRow::as_select())
        .first(conn)
        .optional()
}

/// Every product of the tenant, by name.
pub fn list(conn: &mut DbConn, tenant_id: &str) -> QueryResult<Vec<ProductRow>> {
    products::table
        .filter(products::tenant_id.eq(tenant_id))
        .select(ProductRow::as_select())
        .order((products::name, products::id))
        .load(conn)
}

pub fn update(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    name: Option<&str>,
    description: Option<Option<&str>>,
    at: chrono::NaiveDateTime,
) -> QueryResult<()> {
    let target = products::table.filter(products::tenant_id.eq(tenant_id)).filter(products::id.eq(id));
    if let Some(name) = name {
        diesel::update(target).set(products::name.eq(name)).execute(conn)?;
    }
    if let Some(description) = description {
        diesel::update(target).set(products::description.eq(description)).execute(conn)?;
    }
    diesel::update(target).set(products::updated_at.eq(at)).execute(conn).map(|_| ())
}

pub fn delete(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(products::table.filter(products::tenant_id.eq(tenant_id)).filter(products::id.eq(id))).execute(conn)
}

/// The storage keys of a product's files (to remove the bytes once the rows are gone).
pub fn file_keys(conn: &mut DbConn, tenant_id: &str, product_id: &str) -> QueryResult<Vec<String>> {
    let keys: Vec<(String, Option<String>)> = files::table
        .filter(files::tenant_id.eq(tenant_id))
        .filter(files::product_id.eq(product_id))
        .select((files::storage_key, files::thumbnail_key))
        .load(conn)?;
    Ok(keys.into_iter().flat_map(|(key, thumb)| std::iter::once(key).chain(thumb)).collect())
}

/// Removes a product's file rows except `keep`.
pub fn delete_files_except(conn: &mut DbConn, tenant_id: &str, product_id: &str, keep: &str) -> QueryResult<usize> {
    diesel::delete(
        files::table
            .filter(files::tenant_id.eq(tenant_id))
            .filter(files::product_id.eq(product_id))
            .filter(files::id.ne(keep)),
    )
    .execute(conn)
}

/// Grant counts per product.
pub fn grant_counts(conn: &mut DbConn, tenant_id: &str, ids: &[String]) -> QueryResult<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = purchases::table
        .filter(purchases::tenant_id.eq(tenant_id))
        .filter(purchases::product_id.eq_any(ids))
        .group_by(purchases::product_id)
        .select((purchases::product_id, count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

pub fn grant(
    conn: &mut DbConn,
    tenant_id: &str,
    product_id: &str,
    client_id: &str,
) -> QueryResult<Option<PurchaseRow>> {
    purchases::table
        .filter(purchases::tenant_id.eq(tenant_id))
        .filter(purchases::product_id.eq(product_id))
        .filter(purchases::client_id.eq(client_id))
        .select(PurchaseRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert_grant(conn: &mut DbConn, row: &PurchaseRow) -> QueryResult<()> {
    diesel::insert_into(purchases::table).values(row).execute(conn).map(|_| ())
}

pub fn delete_grant(conn: &mut DbConn, tenant_id: &str, product_id: &str, client_id: &str) -> QueryResult<usize> {
    diesel::delete(
        purchases::table
            .filter(purchases::tenant_id.eq(tenant_id))
            .filter(purchases::product_id.eq(product_id))
            .filter(purchases::client_id.eq(client_id)),
    )
    .execute(conn)
}

/// The product's holders with their client rows, oldest grant first.
pub fn grants(conn: &mut DbConn, tenant_id: &str, product_id: &str) -> QueryResult<Vec<(PurchaseRow, ClientRow)>> {
    purchases::table
        .inner_join(clients::table.on(clients::id.eq(purchases::client_id)))
        .filter(purchases::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(purchases::product_id.eq(product_id))
        .select((PurchaseRow::as_select(), ClientRow::as_select()))
        .order(purchases::id)
        .load(conn)
}

/// What a client holds, newest grant first.
pub fn held_by(conn: &mut DbConn, tenant_id: &str, client_id: &str) -> QueryResult<Vec<(PurchaseRow, ProductRow)>> {
    purchases::table
        .inner_join(products::table)
        .filter(purchases::tenant_id.eq(tenant_id))
        .filter(products::tenant_id.eq(tenant_id))
        .filter(purchases::client_id.eq(client_id))
        .select((PurchaseRow::as_select(), ProductRow::as_select()))
        .order(purchases::id.desc())
        .load(conn)
}
