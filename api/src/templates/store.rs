//! Every SQL statement about templates, each scoped by tenant.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::TemplateRow;
use crate::db::DbConn;
use crate::db::schema::templates;

/// The tenant's templates (of one kind, when given), by kind and name.
pub fn list(conn: &mut DbConn, tenant_id: &str, kind: Option<&str>) -> QueryResult<Vec<TemplateRow>> {
    let mut query = templates::table
        .filter(templates::tenant_id.eq(tenant_id))
        .order((templates::kind, templates::name, templates::id))
        .select(TemplateRow::as_select())
        .into_boxed();
    if let Some(kind) = kind {
        query = query.filter(templates::kind.eq(kind.to_string()));
    }
    query.load(conn)
}

pub fn get(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<Option<TemplateRow>> {
    templates::table
        .filter(templates::tenant_id.eq(tenant_id))
        .filter(templates::id.eq(id))
        .select(TemplateRow::as_select())
        .first(conn)
        .optional()
}

/// Whether another template of this kind already has this name.
pub fn name_taken(conn: &mut DbConn, tenant_id: &str, kind: &str, name: &str, except: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        templates::table
            .filter(templates::tenant_id.eq(tenant_id))
            .filter(templates::kind.eq(kind))
            .filter(templates::name.eq(name))
            .filter(templates::id.ne(except)),
    ))
    .get_result(conn)
}

pub fn insert(conn: &mut DbConn, row: &TemplateRow) -> QueryResult<()> {
    diesel::insert_into(templates::table).values(row).execute(conn).map(|_| ())
}

pub fn update(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    (kind, name, content): (&str, &str, &str),
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(templates::table.filter(templates::tenant_id.eq(tenant_id)).filter(templates::id.eq(id)))
        .set((
            templates::kind.eq(kind),
            templates::name.eq(name),
            templates::content.eq(content),
            templates::updated_at.eq(at),
        ))
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, tenant_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(templates::table.filter(templates::tenant_id.eq(tenant_id)).filter(templates::id.eq(id)))
        .execute(conn)
}
