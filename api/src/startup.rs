//! `Application::build` wires configuration, the database, middleware and routes into an
//! HTTP server; `main.rs` only parses the command line around it.

use std::net::TcpListener;
use std::sync::Arc;

use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::middleware::{Compress, Condition, ErrorHandlers, from_fn};
use actix_web::{App, HttpServer, web};
use tracing_actix_web::TracingLogger;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::config::{Config, MailTransport};
use crate::db::{self, Db};
use crate::http::throttle::AuthThrottle;
use crate::mail::{self, Mailer};
use crate::outbox::{self, OutboxSignal};
use crate::secrets::Keys;
use crate::state::AppState;
use crate::storage::Storage;
use crate::{bookings, error, housekeeping, http, idempotency, memory, metrics, openapi, routes, sms, spa, webhooks};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] db::OpenError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("PORTICO_DATA_DIR: cannot keep secrets in {dir}: {source}")]
    Secrets { dir: String, source: std::io::Error },
    #[error(transparent)]
    Mail(#[from] mail::MailerError),
    #[error("PORTICO_SMS_URL: {0}")]
    Sms(String),
    #[error("PORTICO_STORAGE_URL: {0}")]
    Storage(String),
    #[error("webhooks: cannot build the HTTP client: {0}")]
    Webhooks(String),
}

/// A bound, not yet running server.
pub struct Application {
    port: u16,
    server: Server,
    /// The metrics-only server on `PORTICO_METRICS_LISTEN`, when set.
    metrics_server: Option<Server>,
}

impl Application {
    /// Opens the database (applying migrations) and binds `config.listen`.
    pub fn build(config: Config) -> Result<Application, StartError> {
        let db = Db::open(&config.database, config.db_pool_size)?;
        Application::with_db(config, db)
    }

    /// Binds `config.listen` over an already opened database.
    pub fn with_db(config: Config, db: Db) -> Result<Application, StartError> {
        let listener = TcpListener::bind(config.listen)
            .map_err(|source| StartError::Bind { addr: config.listen.to_string(), source })?;
        let port = listener
            .local_addr()
            .map_err(|source| StartError::Bind { addr: config.listen.to_string(), source })?
            .port();
        let workers = config.workers;
        let keys = Keys::load_with_vault(
            &config.data_dir,
            config.auth.jwt_secret.as_deref(),
            config.auth.hmac_secret.as_deref(),
            config.auth.vault_secret.as_deref(),
        )
        .map_err(|source| StartError::Secrets { dir: config.data_dir.display().to_string(), source })?;
        let mailer = match &config.mail.transport {
            MailTransport::Console => Mailer::console(&config.mail.from)?,
            MailTransport::Smtp(url) => Mailer::smtp(url, &config.mail.from)?,
        };
        let storage = Storage::open(&config.storage).map_err(StartError::Storage)?;
        let signal = OutboxSignal::default();
        // The worker resumes whatever a previous run left undelivered.
        let sms = match &config.sms {
            Some(settings) => Some(sms::SmsSender::new(settings.clone()).map_err(StartError::Sms)?),
            None => None,
        };
        let webhooks = webhooks::deliver::Sender::new(&config, keys.vault.clone()).map_err(StartError::Webhooks)?;
        let channels = outbox::worker::Channels { mailer, sms, couriers: vec![Box::new(webhooks)] };
        tokio::spawn(outbox::worker::run(db.clone(), Arc::new(channels), signal.clone()));
        tokio::spawn(housekeeping::run(db.clone(), storage.clone()));
        tokio::spawn(bookings::reminders::run(db.clone(), config.clone(), signal.clone()));
        tokio::spawn(memory::trim_periodically());
        spa::warn_if_missing(&config.web_dir);
        // Computed once: every worker serves the same document.
        let spec = web::Data::new(openapi::spec_json());
        let state = web::Data::new(AppState {
            throttle: AuthThrottle::new(config.auth_failures_per_minute),
            config: Arc::new(config),
            db,
            keys,
            outbox: signal,
            storage,
            started: std::time::Instant::now(),
        });
        // Apart from the state: only the metrics read them, and the middleware fills them in.
        let stats = web::Data::new(metrics::HttpStats::default());
        // The HTTP layer reads its settings alone: it sits below the state.
        let settings = web::Data::from(state.config.clone());
        let metrics_server = match state.config.metrics.listen {
            Some(addr) => {
                let (state, stats) = (state.clone(), stats.clone());
                let server = HttpServer::new(move || {
                    App::new().app_data(state.clone()).app_data(stats.clone()).configure(routes::metrics_only)
                })
                .workers(1)
                .bind(addr)
                .map_err(|source| StartError::Bind { addr: addr.to_string(), source })?
                .run();
                Some(server)
            }
            None => None,
        };
        let server = HttpServer::new(move || {
            let config = &state.config;
            let (app, _) = App::new()
                .into_utoipa_app()
                .openapi(openapi::ApiDoc::openapi())
                .app_data(state.clone())
                .app_data(stats.clone())
                .app_data(settings.clone())
                .app_data(spec.clone())
                .app_data(web::PayloadConfig::new(http::json::MAX_JSON_BYTES))
                .app_data(web::QueryConfig::default().error_handler(error::query_error))
                .app_data(web::PathConfig::default().error_handler(error::path_error))
                .configure(routes::all)
                .split_for_parts();
            app.service(SwaggerUi::new("/docs/{_:.*}").config(utoipa_swagger_ui::Config::from(openapi::SPEC_PATH)))
                .route("/docs", web::get().to(openapi::docs_redirect))
                // Last: the web app answers only what no route above claims.
                .default_service(web::to(spa::serve))
                .wrap(from_fn(idempotency::honour))
                .wrap(Condition::new(!config.cors_origins.is_empty(), cors(config)))
                .wrap(from_fn(http::nul::reject_nul))
                .wrap(from_fn(http::limits::guard))
                .wrap(ErrorHandlers::new().default_handler(error::ensure_problem_body))
                // Compression sees the final body; `choose` marks what must stay plain.
                .wrap(from_fn(http::compression::choose))
                .wrap(Compress::default())
                .wrap(from_fn(http::compression::tidy))
                .wrap(from_fn(http::request_id::echo_request_id))
                .wrap(from_fn(http::security_headers::add))
                .wrap(from_fn(metrics::middleware::track))
                .wrap(TracingLogger::default())
        })
        .workers(workers)
        .listen(listener)
        .map_err(|source| StartError::Bind { addr: format!("port {port}"), source })?
        .run();
        Ok(Application { port, server, metrics_server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        match self.metrics_server {
            // Either one stopping (a signal stops both) ends the process's serving.
            Some(metrics) => {
                tokio::select! {
                    done = self.server => done,
                    done = metrics => done,
                }
            }
            None => self.server.await,
        }
    }
}

/// Browsers may call the API from the configured origins (and the public URL's own).
fn cors(config: &Config) -> Cors {
    let own = config.public_url.origin().ascii_serialization();
    config
        .cors_origins
        .iter()
        .chain(std::iter::once(&own))
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods(["GET", "POST", "PATCH", "PUT", "DELETE"])
        .allowed_headers(["authorization", "content-type", "idempotency-key"])
        .expose_headers(["x-request-id", "location", "retry-after", "idempotency-replayed"])
        .max_age(3600)
}
