//! `GET /metrics`: the HTTP figures kept in memory plus gauges read when scraped (pool,
//! outbox, memory), so a scrape costs two small indexed queries.

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::HttpStats;
use super::exposition::{Exposition, MetricKind};
use crate::auth::credential::bearer;
use crate::db::now;
use crate::error::{ApiError, Problem};
use crate::outbox::store as outbox_store;
use crate::state::AppState;

const TEXT_FORMAT: &str = "text/plain; version=0.0.4; charset=utf-8";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_metrics);
}

/// Server metrics in the Prometheus text format: requests and latency per route, database
/// pool, outbox backlog and failures, memory. Needs `PORTICO_METRICS_TOKEN` as a bearer
/// token; off (404) unless that is set. (`PORTICO_METRICS_LISTEN` serves the same without a
/// token on a separate address.)
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "The metrics", body = String, content_type = "text/plain"),
        (status = 401, description = "No or wrong metrics token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Metrics are off on this address", body = Problem, content_type = "application/problem+json"),
    ),
    security(("metrics_token" = [])),
)]
#[get("/metrics")]
pub async fn get_metrics(
    state: web::Data<AppState>,
    stats: web::Data<HttpStats>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let Some(expected) = state.config.metrics.token.as_deref() else {
        return Err(ApiError::NotFound(
            "Metrics are off on this address: set PORTICO_METRICS_TOKEN, or PORTICO_METRICS_LISTEN for a separate address."
                .into(),
        ));
    };
    let given = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(bearer).unwrap_or("");
    if aws_lc_rs::constant_time::verify_slices_are_equal(given.as_bytes(), expected.as_bytes()).is_err() {
        return Err(ApiError::Unauthorized("Send the metrics token as 'Authorization: Bearer <token>'.".into()));
    }
    render(&state, &stats).await
}

/// The same, unguarded, for the separate metrics address.
pub async fn serve_private(state: web::Data<AppState>, stats: web::Data<HttpStats>) -> Result<HttpResponse, ApiError> {
    render(&state, &stats).await
}

async fn render(state: &AppState, stats: &HttpStats) -> Result<HttpResponse, ApiError> {
    let figures = state.db.read(|conn| Ok(outbox_store::figures(conn)?)).await?;
    let mut out = Exposition::default();
    stats.render(&mut out);

    let pool = state.db.pool_state();
    out.family("portico_db_pool_connections", MetricKind::Gauge, "Database connections, by state.");
    out.sample("portico_db_pool_connections", &[("state", "idle")], f64::from(pool.idle));
    out.sample("portico_db_pool_connections", &[("state", "in_use")], f64::from(pool.open.saturating_sub(pool.idle)));
    out.single("portico_db_pool_max_connections", MetricKind::Gauge, "The pool's size limit.", f64::from(pool.max));

    out.family(
        "portico_outbox_messages",
        MetricKind::Gauge,
        "Emails, texts and webhooks not delivered: pending (waiting or retrying) or dead (given up).",
    );
    for (kind, status, n) in &figures.counts {
        out.sample("portico_outbox_messages", &[("kind", kind), ("status", status)], *n as f64);
    }
    out.family("portico_outbox_retrying", MetricKind::Gauge, "Pending messages whose last delivery attempt failed.");
    for (kind, n) in &figures.retrying {
        out.sample("portico_outbox_retrying", &[("kind", kind)], *n as f64);
    }
    let age = figures.oldest_pending.map(|at| (now() - at).num_milliseconds().max(0) as f64 / 1000.0).unwrap_or(0.0);
    out.single(
        "portico_outbox_oldest_pending_seconds",
        MetricKind::Gauge,
        "Age of the oldest message waiting for delivery (0 when none).",
        age,
    );

    if let Some(bytes) = resident_bytes() {
        out.single("portico_process_resident_memory_bytes", MetricKind::Gauge, "Resident memory.", bytes as f64);
    }
    out.single(
        "portico_process_uptime_seconds",
        MetricKind::Gauge,
        "Time since the server started.",
        state.started.elapsed().as_secs_f64(),
    );
    out.family("portico_build_info", MetricKind::Gauge, "The running version.");
    out.sample("portico_build_info", &[("version", env!("CARGO_PKG_VERSION"))], 1.0);
    Ok(HttpResponse::Ok().content_type(ContentType(TEXT_FORMAT.parse().expect("valid mime"))).body(out.finish()))
}

/// VmRSS from /proc (Linux); none elsewhere.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?.trim().trim_end_matches("kB").trim();
    kb.parse::<u64>().ok().map(|kb| kb * 1024)
}
