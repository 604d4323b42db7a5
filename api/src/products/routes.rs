//! Product endpoints for staff and API keys (`clients:read` to look, `clients:write` to
//! change and grant).

use actix_multipart::Multipart;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    CreateGrant, CreateProduct, Grant, GrantList, Product, ProductList, ProductRow, PurchaseRow, UpdateProduct, tidy,
};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Caller, Scope};
use crate::clients::model::ClientStatus;
use crate::clients::store as client_store;
use crate::db::utc;
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::files::model::{FileOnlyForm, FileRow};
use crate::files::store as file_store;
use crate::files::upload;
use crate::http::JsonBody;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_products)
        .service(create_product)
        .service(get_product)
        .service(update_product)
        .service(delete_product)
        .service(upload_product_file)
        .service(list_product_grants)
        .service(grant_product)
        .service(revoke_product_grant);
}

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no product '{id}'."))
}

fn staff_product(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<ProductRow, ApiError> {
    store::get(conn, tenant_id, id)?.ok_or_else(|| not_found(id))
}

/// The product as staff see it: with its file and how many clients hold it.
fn product(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<Product, ApiError> {
    let row = staff_product(conn, tenant_id, id)?;
    let ids = vec![row.id.clone()];
    let file = file_store::for_products(conn, tenant_id, &ids)?.pop();
    let grants = store::grant_counts(conn, tenant_id, &ids)?.remove(&row.id).unwrap_or(0);
    Ok(Product::of(row, file, grants))
}

/// Every product of your business, by name.
#[utoipa::path(
    tag = "products",
    responses(
        (status = 200, description = "The products", body = ProductList),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/products")]
pub async fn list_products(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<ProductList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let items = state
        .db
        .read(move |conn| {
            let rows = store::list(conn, &caller.tenant_id)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let mut files: Vec<FileRow> = file_store::for_products(conn, &caller.tenant_id, &ids)?;
            let mut counts = store::grant_counts(conn, &caller.tenant_id, &ids)?;
            Ok(rows
                .into_iter()
                .map(|row| {
                    let file =
                        files.iter().position(|f| f.product_id.as_deref() == Some(&row.id)).map(|i| files.remove(i));
                    let grants = counts.remove(&row.id).unwrap_or(0);
                    Product::of(row, file, grants)
                })
                .collect())
        })
        .await?;
    Ok(web::Json(ProductList { items }))
}

/// Define a product; upload its file with `PUT /api/v1/products/{id}/file`.
#[utoipa::path(
    tag = "products",
    request_body = CreateProduct,
    responses(
        (status = 201, description = "The product, created", body = Product,
            headers(("Location" = String, description = "URL of the new product"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/products")]
pub async fn create_product(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateProduct>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let new = body.into_inner();
    let name = new.name.trim().to_string();
    if name.is_empty() {
        return Err(ApiError::validation("name", "must not be blank"));
    }
    let created = state
        .db
        .write(move |conn| {
            let at = now();
            let row = ProductRow {
                id: new_id(),
                tenant_id: caller.tenant_id.clone(),
                name,
                description: tidy(new.description),
                created_at: at,
                updated_at: at,
            };
            store::insert(conn, &row)?;
            Ok(Product::of(row, None, 0))
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/products/{}", created.id))).json(created))
}

/// One product.
#[utoipa::path(
    tag = "products",
    params(("id" = String, Path, description = "The product's id")),
    responses(
        (status = 200, description = "The product", body = Product),
        (status = 404, description = "No such product in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/products/{id}")]
pub async fn get_product(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Product>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    Ok(web::Json(state.db.read(move |conn| product(conn, &caller.tenant_id, &id)).await?))
}

/// Rename or redescribe a product.
#[utoipa::path(
    tag = "products",
    params(("id" = String, Path, description = "The product's id")),
    request_body = UpdateProduct,
    responses(
        (status = 200, description = "The product, changed", body = Product),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such product in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[patch("/products/{id}")]
pub async fn update_product(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateProduct>,
) -> Result<web::Json<Product>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let changes = body.into_inner();
    let name = changes.name.map(|n| n.trim().to_string());
    if name.as_deref() == Some("") {
        return Err(ApiError::validation("name", "must not be blank"));
    }
    let description = changes.description.map(tidy);
    let updated = state
        .db
        .write(move |conn| {
            staff_product(conn, &caller.tenant_id, &id)?;
            let description = description.as_ref().map(|d| d.as_deref());
            store::update(conn, &caller.tenant_id, &id, name.as_deref(), description, now())?;
            product(conn, &caller.tenant_id, &id)
        })
        .await?;
    Ok(web::Json(updated))
}

/// Delete a product, its file and every grant of it.
#[utoipa::path(
    tag = "products",
    params(("id" = String, Path, description = "The product's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such product in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[delete("/products/{id}")]
pub async fn delete_product(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let keys = state
        .db
        .write(move |conn| {
            staff_product(conn, &caller.tenant_id, &id)?;
            let keys = store::file_keys(conn, &caller.tenant_id, &id)?;
            store::delete(conn, &caller.tenant_id, &id)?;
            Ok(keys)
        })
        .await?;
    for key in keys {
        upload::discard(&state.storage, &key).await;
    }
    Ok(HttpResponse::NoContent().finish())
}

/// Upload the product's file (multipart); it replaces the previous one.
#[utoipa::path(
    tag = "products",
    params(("id" = String, Path, description = "The product's id")),
    request_body(content_type = "multipart/form-data", content = FileOnlyForm),
    responses(
        (status = 200, description = "The product with its new file", body = Product),
        (status = 400, description = "The multipart body is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such product in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than the upload limit (PORTICO_MAX_UPLOAD_MB)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not multipart/form-data", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No file, or an empty file", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[put("/products/{id}/file")]
pub async fn upload_product_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    form: Multipart,
) -> Result<web::Json<Product>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let (tenant_id, pid) = (caller.tenant_id.clone(), id.clone());
    state.db.read(move |conn| staff_product(conn, &tenant_id, &pid)).await?;
    let stored = upload::receive(&state.storage, &caller.tenant_id, state.config.max_upload_bytes, form).await?;
    let kept = stored.clone();
    let result = state
        .db
        .write(move |conn| {
            staff_product(conn, &caller.tenant_id, &id)?;
            let old = store::file_keys(conn, &caller.tenant_id, &id)?;
            let row = FileRow {
                id: new_id(),
                tenant_id: caller.tenant_id.clone(),
                project_id: None,
                deliverable_id: None,
                product_id: Some(id.clone()),
                storage_key: stored.key.clone(),
                name: stored.name.clone(),
                content_type: stored.content_type.clone(),
                size: stored.size,
                sha256: stored.sha256.clone(),
                client_visible: false,
                uploaded_by_kind: caller.actor.kind().to_string(),
                uploaded_by_id: caller.actor.id().map(str::to_string),
                created_at: now(),
                thumbnail_key: stored.thumbnail_key.clone(),
                message_id: None,
                pending: false,
            };
            file_store::insert(conn, &row)?;
            store::delete_files_except(conn, &caller.tenant_id, &id, &row.id)?;
            store::update(conn, &caller.tenant_id, &id, None, None, now())?;
            Ok((product(conn, &caller.tenant_id, &id)?, old))
        })
        .await;
    match result {
        Ok((product, old)) => {
            for key in old {
                upload::discard(&state.storage, &key).await;
            }
            Ok(web::Json(product))
        }
        Err(e) => {
            kept.discard(&state.storage).await;
            Err(e)
        }
    }
}

/// The clients who hold a product, oldest grant first.
#[utoipa::path(
    tag = "products",
    params(("id" = String, Path, description = "The product's id")),
    responses(
        (status = 200, description = "The grants", body = GrantList),
        (status = 404, description = "No such product in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/products/{id}/grants")]
pub async fn list_product_grants(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<GrantList>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| {
            staff_product(conn, &caller.tenant_id, &id)?;
            Ok(store::grants(conn, &caller.tenant_id, &id)?)
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|(p, c)| Grant {
            client_id: c.id,
            client_name: c.name,
            client_email: c.email,
            granted_at: utc(p.granted_at),
        })
        .collect();
    Ok(web::Json(GrantList { items }))
}

/// Give a client the product: it appears in their portal with its download.
#[utoipa::path(
    tag = "products",
    params(("id" = String, Path, description = "The product's id")),
    request_body = CreateGrant,
    responses(
        (status = 201, description = "Granted", body = Grant),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such product in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The client holds it already", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The client is unknown or archived", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/products/{id}/grants")]
pub async fn grant_product(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<CreateGrant>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    let client_id = body.into_inner().client_id;
    let grant = state
        .db
        .write(move |conn| {
            let product = staff_product(conn, &caller.tenant_id, &id)?;
            let client = client_store::get(conn, &caller.tenant_id, &client_id)?
                .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
            if client.status == ClientStatus::Archived.as_str() {
                return Err(ApiError::Conflict(
                    "The client named in 'client_id' is archived; restore them first.".into(),
                ));
            }
            if store::grant(conn, &caller.tenant_id, &id, &client.id)?.is_some() {
                return Err(ApiError::Conflict(format!("{} holds '{}' already.", client.name, product.name)));
            }
            let row = PurchaseRow {
                id: new_id(),
                tenant_id: caller.tenant_id.clone(),
                product_id: id.clone(),
                client_id: client.id.clone(),
                granted_at: now(),
            };
            store::insert_grant(conn, &row)?;
            let subject = Subject { kind: "client", id: &client.id, client_id: Some(&client.id) };
            let data = json!({ "product_id": product.id, "product_name": product.name });
            events::record(conn, &caller.tenant_id, &caller.actor, "product_granted", subject, data)?;
            Ok(Grant {
                client_id: client.id,
                client_name: client.name,
                client_email: client.email,
                granted_at: utc(row.granted_at),
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(grant))
}

/// Take the product back from a client.
#[utoipa::path(
    tag = "products",
    params(
        ("id" = String, Path, description = "The product's id"),
        ("client_id" = String, Path, description = "The client's id"),
    ),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "No such product, or the client does not hold it", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[delete("/products/{id}/grants/{client_id}")]
pub async fn revoke_product_grant(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let (id, client_id) = path.into_inner();
    state
        .db
        .write(move |conn| {
            staff_product(conn, &caller.tenant_id, &id)?;
            if store::delete_grant(conn, &caller.tenant_id, &id, &client_id)? == 0 {
                return Err(ApiError::NotFound(format!("Client '{client_id}' does not hold this product.")));
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
