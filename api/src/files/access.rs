//! Who may reach which file. Staff reach every file of their tenant; a client reaches a
//! file only when it is client-visible in one of their own projects, or is the download of
//! a product granted to them. Everything else answers the same 404 as a file that does
//! not exist.

use super::model::FileRow;
use super::store;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::projects::store as project_store;

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no file '{id}'."))
}

pub fn staff_file(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<FileRow, ApiError> {
    store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))
}

pub fn client_file(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str) -> Result<FileRow, ApiError> {
    let file = store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))?;
    let allowed = match (&file.project_id, &file.product_id) {
        (Some(project_id), _) if file.client_visible => {
            project_store::get(conn, tenant_id, Some(client_id), project_id)?.is_some()
        }
        (None, Some(product_id)) => store::granted(conn, tenant_id, client_id, product_id)?,
        _ => false,
    };
    if allowed { Ok(file) } else { Err(not_found(id)) }
}
