//! `Caller`: the authenticated principal of a request, with its tenant and what it may do.
//! Today an API key; the session extractor of the login issue yields the same type, so
//! handlers do not care how the caller proved who they are.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::credential::{RequestAuth, session_of, valid_api_key};
use super::store as credential_store;
use super::{api_key, session};
use crate::error::ApiError;
use crate::state::AppState;

crate::text_enum! {
    /// A permission an API key can carry. A `:write` scope includes the matching `:read`.
    #[derive(Hash)]
    pub enum Scope {
        TenantRead = "tenant:read",
        TenantWrite = "tenant:write",
        ClientsRead = "clients:read",
        ClientsWrite = "clients:write",
        /// Change a client's login email: it moves their portal account to another mailbox.
        ClientsEmail = "clients:email",
        ApiKeysManage = "api_keys:manage",
        StaffManage = "staff:manage",
        /// Quotes, contracts, invoices and payments.
        BillingRead = "billing:read",
        BillingWrite = "billing:write",
        /// Register webhook endpoints, read their delivery log, resend.
        Webhooks = "webhooks",
    }
}

impl Scope {
    /// Stored as one space-separated text column.
    pub fn join(scopes: &[Scope]) -> String {
        scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// Unknown words (a scope removed in a later version) are ignored, never widened.
    pub fn split(stored: &str) -> Vec<Scope> {
        stored.split_whitespace().filter_map(Scope::parse).collect()
    }

    fn implied_by(self) -> Option<Scope> {
        match self {
            Scope::TenantRead => Some(Scope::TenantWrite),
            Scope::ClientsRead => Some(Scope::ClientsWrite),
            Scope::BillingRead => Some(Scope::BillingWrite),
            _ => None,
        }
    }
}

/// Who acts, as written to the activity log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    ApiKey {
        id: String,
    },
    Staff {
        id: String,
    },
    Client {
        id: String,
    },
    /// The operator at the command line (`portico create-tenant`, demo seeding).
    System,
}

impl Actor {
    pub fn kind(&self) -> &'static str {
        match self {
            Actor::ApiKey { .. } => "api_key",
            Actor::Staff { .. } => "staff",
            Actor::Client { .. } => "client",
            Actor::System => "system",
        }
    }

    pub fn id(&self) -> Option<&str> {
        match self {
            Actor::ApiKey { id } | Actor::Staff { id } | Actor::Client { id } => Some(id),
            Actor::System => None,
        }
    }
}

/// A staff member or an API key acting for a tenant.
#[derive(Debug, Clone)]
pub struct Caller {
    pub tenant_id: String,
    pub actor: Actor,
    pub scopes: Vec<Scope>,
    /// The staff session in use, when a person (not a key) is calling.
    pub session_id: Option<String>,
}

/// What a staff role may do, in scopes, so one check serves keys and people.
pub fn role_scopes(role: &str) -> Vec<Scope> {
    match role {
        "owner" | "admin" => Scope::ALL.to_vec(),
        // Members write quotes and invoices; only owners and admins change the tenant's
        // billing settings and payment provider keys (`tenant:write`).
        _ => vec![Scope::TenantRead, Scope::ClientsWrite, Scope::BillingWrite],
    }
}

impl Caller {
    pub fn has(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope) || scope.implied_by().is_some_and(|s| self.scopes.contains(&s))
    }

    /// 403 naming the missing scope.
    pub fn require(&self, scope: Scope) -> Result<(), ApiError> {
        if self.has(scope) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!("This credential lacks the '{}' scope needed here.", scope.as_str())))
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let ctx = RequestAuth::of(req);
        Box::pin(async move {
            ctx.guarded(|state, token| async move {
                if token.starts_with(api_key::KEY_PREFIX) {
                    return by_api_key(&state, token).await;
                }
                let (claims, session) = session_of(&state, &token).await?;
                if claims.kind != session::STAFF {
                    return Err(ApiError::Forbidden(
                        "This endpoint is for the business's staff; a client session cannot use it.".into(),
                    ));
                }
                let role = session.role.unwrap_or_default();
                Ok(Caller {
                    tenant_id: session.tenant_id,
                    actor: Actor::Staff { id: session.subject_id },
                    scopes: role_scopes(&role),
                    session_id: Some(session.id),
                })
            })
            .await
        })
    }
}

async fn by_api_key(state: &AppState, token: String) -> Result<Caller, ApiError> {
    let row = valid_api_key(state, &token).await?;
    let now = crate::db::now();
    // Record use at most once a minute per key, so reads stay reads.
    if row.last_used_at.is_none_or(|t| now - t > chrono::TimeDelta::minutes(1)) {
        let (tenant_id, id) = (row.tenant_id.clone(), row.id.clone());
        let touched =
            state.db.write(move |conn| Ok(credential_store::touch_api_key(conn, &tenant_id, &id, now)?)).await;
        if let Err(e) = touched {
            tracing::warn!(error = %e, "could not record API key use");
        }
    }
    Ok(Caller {
        tenant_id: row.tenant_id,
        actor: Actor::ApiKey { id: row.id },
        scopes: Scope::split(&row.scopes),
        session_id: None,
    })
}
