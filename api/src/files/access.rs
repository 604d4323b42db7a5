//! Who may reach which file. Staff reach every file of their tenant; a client reaches a
//! file only when it is client-visible in one of their own projects, or is the download of
//! a product granted to them. Everything else answers the same 404 as a file that does
//! not exist.

use super::model::FileRow;
use super::store;
use crate::db::DbConn;
use crate::db::schema::projects;
use crate::error::ApiError;

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no file '{id}'."))
}

pub fn staff_file(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<FileRow, ApiError> {
    store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))
}

pub fn client_file(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str) -> Result<FileRow, ApiError> {
    use diesel::prelude::*;
    let file = store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))?;
    let allowed = match (&file.project_id, &file.product_id) {
        (Some(project_id), _) if file.client_visible => diesel::select(diesel::dsl::exists(
            projects::table
                .filter(projects::tenant_id.eq(tenant_id))
                .filter(projects::client_id.eq(client_id))
                .filter(projects::id.eq(project_id)),
        ))
        .get_result(conn)?,
        (None, Some(product_id)) => store::granted(conn, tenant_id, client_id, product_id)?,
        _ => false,
    };
    if allowed { Ok(file) } else { Err(not_found(id)) }
}
