//! The demo's digital product: a "Brand starter kit" granted to Maria.

use serde_json::json;

use super::model::{ProductRow, PurchaseRow};
use super::store as product_store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::files::demo::stored;
use crate::files::model::FileRow;
use crate::files::store;
use crate::storage::Storage;

const STARTER_KIT: &str = "Brand starter kit\n\n\
1. Write your brand in one sentence.\n2. Pick three words it should feel like.\n\
3. Choose two colours and one typeface, and use only those for a month.\n";

pub fn seed(conn: &mut DbConn, storage: &Storage, tenant_id: &str, maria: &str) -> Result<(), ApiError> {
    let at = now();
    let product = ProductRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        name: "Brand starter kit".into(),
        description: Some("A one-page exercise to find your brand's voice, colours and type.".into()),
        created_at: at,
        updated_at: at,
    };
    product_store::insert(conn, &product)?;
    let file = stored(storage, tenant_id, "brand-starter-kit.txt", STARTER_KIT)?;
    store::insert(
        conn,
        &FileRow {
            id: new_id(),
            tenant_id: tenant_id.to_string(),
            project_id: None,
            deliverable_id: None,
            product_id: Some(product.id.clone()),
            storage_key: file.key,
            name: file.name,
            content_type: file.content_type,
            size: file.size,
            sha256: file.sha256,
            client_visible: false,
            uploaded_by_kind: Actor::System.kind().to_string(),
            uploaded_by_id: None,
            created_at: at,
            thumbnail_key: None,
            message_id: None,
            pending: false,
        },
    )?;
    product_store::insert_grant(
        conn,
        &PurchaseRow {
            id: new_id(),
            tenant_id: tenant_id.to_string(),
            product_id: product.id.clone(),
            client_id: maria.to_string(),
            granted_at: at,
        },
    )?;
    let subject = Subject { kind: "client", id: maria, client_id: Some(maria) };
    let data = json!({ "product_id": product.id, "product_name": product.name });
    events::record(conn, tenant_id, &Actor::System, "product_granted", subject, data)?;
    Ok(())
}
