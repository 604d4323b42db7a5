//! What the portal shows a client about themselves and the business (`/portal/me`).

use super::model::{ClientRow, PortalMe};
use crate::auth::ClientPrincipal;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::i18n::Language;
use crate::tenants::store as tenant_store;

/// What the portal shows a client about themselves and the business.
pub fn portal_me(conn: &mut DbConn, who: &ClientPrincipal, client: ClientRow) -> Result<PortalMe, ApiError> {
    let tenant = tenant_store::get(conn, &who.tenant_id)?;
    Ok(PortalMe {
        id: client.id,
        name: client.name,
        email: client.email,
        phone: client.phone,
        company: client.company,
        billing_address: client.billing_address,
        tax_id: client.tax_id,
        email_opt_out: client.email_opt_out,
        language: Language::stored(client.language.as_deref()),
        tenant_language: tenant.language(),
        time_zone: client.time_zone,
        tenant_time_zone: tenant.timezone,
        tenant_slug: tenant.slug,
        tenant_name: tenant.name,
        impersonated: who.impersonated_by.is_some(),
    })
}
