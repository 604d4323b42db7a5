//! The products a logged-in client holds, each with its download.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{PortalProduct, PortalProductList, ProductFile};
use super::store;
use crate::auth::ClientPrincipal;
use crate::db::utc;
use crate::error::ApiError;
use crate::files::store as file_store;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_products);
}

/// Your products, most recently granted first. Download a product's file with
/// `GET /api/v1/portal/files/{file.id}/download` or a link from `…/link`.
#[utoipa::path(
    tag = "client-portal",
    responses(
        (status = 200, description = "Your products", body = PortalProductList),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/products")]
pub async fn list_portal_products(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<PortalProductList>, ApiError> {
    let items = state
        .db
        .read(move |conn| {
            let held = store::held_by(conn, &who.tenant_id, &who.client_id)?;
            let ids: Vec<String> = held.iter().map(|(_, p)| p.id.clone()).collect();
            let mut files = file_store::for_products(conn, &who.tenant_id, &ids)?;
            Ok(held
                .into_iter()
                .map(|(grant, product)| {
                    let file = files
                        .iter()
                        .position(|f| f.product_id.as_deref() == Some(&product.id))
                        .map(|i| ProductFile::from(files.remove(i)));
                    PortalProduct {
                        id: product.id,
                        name: product.name,
                        description: product.description,
                        granted_at: utc(grant.granted_at),
                        file,
                    }
                })
                .collect())
        })
        .await?;
    Ok(web::Json(PortalProductList { items }))
}
