//! A provider's keys at rest: sealed in the vault under a context naming the tenant, the
//! provider and the key, opened only to talk to the provider.

use super::model::ProviderRow;
use super::providers::Keys;
use crate::error::ApiError;
use crate::vault::Vault;

/// The vault context a provider secret is sealed under.
pub fn context(tenant_id: &str, provider: &str, what: &str) -> String {
    format!("{tenant_id}/{provider}/{what}")
}

/// Opens a provider row's keys.
pub fn open_keys(vault: &Vault, row: &ProviderRow) -> Result<Keys, ApiError> {
    let open = |what: &str, sealed: &str| {
        vault
            .open(&context(&row.tenant_id, &row.provider, what), sealed)
            .map_err(|e| ApiError::Internal(format!("{} {what} of tenant {}: {e}", row.provider, row.tenant_id)))
    };
    Ok(Keys {
        secret_key: open("secret_key", &row.secret_key)?,
        webhook_secret: row.webhook_secret.as_deref().map(|s| open("webhook_secret", s)).transpose()?,
    })
}
