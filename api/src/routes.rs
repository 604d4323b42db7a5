//! The route list: every route of the server, registered here once for the server and for
//! the spec. Nothing else imports a domain's `routes.rs` or `portal.rs`.

use actix_web::{HttpResponse, web};
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    api_keys, bookings, client_overview, clients, contracts, dashboard, deliverables, feedback, files, forms, health,
    home, invoices, login, messages, metrics, notifications, passkeys, payments, products, projects, quotes,
    service_orders, staff, templates, tenants, time_logs, webhooks,
};

/// Every route of the server. Registered here once, for the server and for the spec.
pub fn all(cfg: &mut ServiceConfig) {
    cfg.configure(health::configure).configure(metrics::routes::configure).service(
        scope::scope("/api/v1")
            .configure(login::routes::configure)
            .configure(login::sessions::configure)
            .configure(login::passkey::configure)
            .configure(passkeys::routes::configure)
            .configure(clients::portal::configure)
            .configure(clients::own_email::configure)
            .configure(staff::profile::configure)
            // Before tenants: `/portal/{slug}` would take `/portal/dashboard` and the like.
            .configure(service_orders::portal::configure)
            .configure(dashboard::portal::configure)
            .configure(projects::portal::configure)
            .configure(messages::portal::configure)
            .configure(messages::uploads::configure)
            .configure(time_logs::portal::configure)
            .configure(deliverables::portal::configure)
            .configure(feedback::portal::configure)
            .configure(files::portal::configure)
            .configure(products::portal::configure)
            .configure(contracts::portal::configure)
            .configure(invoices::portal::configure)
            .configure(payments::checkout::configure)
            // Before tenants: `/portal/appointments` must not be read as a portal slug.
            .configure(bookings::portal::configure)
            // Before tenants: `/portal/booking` must not be read as a portal slug.
            .configure(bookings::booking::portal::configure)
            .configure(bookings::feeds::portal::configure)
            .configure(quotes::portal::configure)
            // Before tenants: `/portal/notifications` must not be read as a portal slug.
            .configure(notifications::portal::configure)
            .configure(forms::public::configure)
            .configure(bookings::booking::public::configure)
            .configure(bookings::feeds::public::configure)
            .configure(bookings::reviews::routes::configure)
            .configure(tenants::routes::configure)
            .configure(home::routes::configure)
            .configure(templates::routes::configure)
            .configure(clients::routes::configure)
            .configure(clients::access::configure)
            .configure(clients::emails::configure)
            .configure(client_overview::routes::configure)
            .configure(service_orders::routes::configure)
            .configure(projects::routes::configure)
            .configure(messages::routes::configure)
            .configure(time_logs::routes::configure)
            .configure(deliverables::routes::configure)
            .configure(feedback::routes::configure)
            .configure(files::routes::configure)
            .configure(products::routes::configure)
            .configure(contracts::routes::configure)
            .configure(invoices::routes::configure)
            .configure(payments::routes::configure)
            .configure(payments::settings::configure)
            .configure(payments::webhooks::configure)
            .configure(api_keys::routes::configure)
            .configure(staff::routes::configure)
            .configure(bookings::services::routes::configure)
            .configure(bookings::settings::routes::configure)
            .configure(bookings::appointments::routes::configure)
            .configure(bookings::feeds::routes::configure)
            .configure(quotes::routes::configure)
            .configure(webhooks::routes::configure)
            .configure(forms::routes::configure)
            // Served as a plain route so it does not describe itself.
            .route("/openapi.json", web::get().to(serve_spec)),
    );
}

/// The spec at `openapi::SPEC_PATH`, rendered once at startup and handed in as app data.
async fn serve_spec(spec: web::Data<String>) -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(spec.get_ref().clone())
}

/// The metrics-only server on `PORTICO_METRICS_LISTEN`: `/metrics`, without a token.
pub fn metrics_only(cfg: &mut web::ServiceConfig) {
    cfg.route("/metrics", web::get().to(metrics::routes::serve_private));
}
