//! Liveness and readiness probes, outside `/api/v1` where orchestrators look for them.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{ApiError, Problem};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(check_liveness).service(check_readiness);
}

/// Probe answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// The process is up (does not touch the database).
#[utoipa::path(tag = "health", responses((status = 200, description = "Up", body = Health)), security(()))]
#[get("/healthz")]
pub async fn check_liveness() -> web::Json<Health> {
    web::Json(Health { status: "ok" })
}

/// The database answers a query.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/readyz")]
pub async fn check_readiness(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    use diesel::RunQueryDsl;
    state
        .db
        .read(|conn| {
            diesel::sql_query("SELECT 1").execute(conn).map_err(|e| ApiError::Unavailable(format!("readyz: {e}")))
        })
        .await
        .map_err(|e| match e {
            ApiError::Internal(m) => ApiError::Unavailable(m),
            other => other,
        })?;
    Ok(web::Json(Health { status: "ok" }))
}
