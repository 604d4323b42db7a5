//! The OpenAPI document. Paths are collected from route registration (utoipa-actix-web),
//! so no hand-kept list can drift from what the server really serves.

use actix_web::http::header;
use actix_web::{App, HttpResponse, web};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error::{FieldError, Problem};
use crate::webhooks::model::{WebhookPayload, WebhookPayloadData};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Portico API",
        description = "REST API of Portico, the self-hostable client portal. Conventions (errors, pagination, ids, times, money, auth): docs/API-DESIGN.md.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    modifiers(&BearerAuth),
    security(("api_key" = []), ("staff_session" = [])),
    components(schemas(Problem, FieldError, WebhookPayload, WebhookPayloadData)),
    tags(
        (name = "portal", description = "Public portal endpoints, no credential needed"),
        (name = "portal-auth", description = "Client login to a portal: code, magic link, account choice"),
        (name = "staff-auth", description = "Staff login to the console"),
        (name = "sessions", description = "Refresh, log out, and see or end your sessions"),
        (name = "tenant", description = "The caller's own business: branding and settings"),
        (name = "clients", description = "The business's clients"),
        (name = "service-orders", description = "Repairs and jobs taken in for clients, numbered per business"),
        (name = "projects", description = "Projects shared with a client: the task board and its progress, deliverables, files, messages, time and feedback"),
        (name = "client-portal", description = "What a logged-in client sees in the portal: their dashboard, service orders and notifications"),
        (name = "contracts", description = "Contracts the client signs in the portal: Markdown text, typed or drawn signature bound to the text's SHA-256, signed PDF, countersignature"),
        (name = "products", description = "Digital products staff define and grant to clients, each with a file to download"),
        (name = "quotes", description = "Quotes staff write and send to clients; accepting one starts a project"),
        (name = "invoices", description = "Invoices, their payments and the payment providers' webhook log"),
        (name = "billing", description = "Billing settings: document prefixes, terms, details, payment provider keys"),
        (name = "payment-webhooks", description = "Endpoints the payment providers call; the signature is the credential"),
        (name = "forms", description = "Intake forms staff build and publish; what visitors send through them becomes leads"),
        (name = "api-keys", description = "Credentials for integrations"),
        (name = "webhooks", description = "Outbound webhooks: endpoints subscribed to event types, signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature v1 HMAC-SHA256), retried for about a day; the body is a WebhookPayload"),
        (name = "staff", description = "The team that runs the console"),
        (name = "bookings", description = "Services, opening hours, appointments and reviews, as staff manage them"),
        (name = "portal-bookings", description = "A client's own appointments and reviews in the portal"),
        (name = "health", description = "Probes for orchestrators"),
    ),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let bearer = |format: &str, description: &str| {
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format(format)
                    .description(Some(description))
                    .build(),
            )
        };
        components.add_security_scheme(
            "api_key",
            bearer("pk_live_…", "An API key created by the tenant; its scopes limit what it may do."),
        );
        components.add_security_scheme(
            "staff_session",
            bearer("JWT", "The access token of a staff login (`/api/v1/auth/…`); the role limits what it may do."),
        );
        components.add_security_scheme(
            "client_session",
            bearer("JWT", "The access token of a client's portal login (`/api/v1/portal/{slug}/auth/…`)."),
        );
        components.add_security_scheme(
            "metrics_token",
            bearer("token", "The operator's `PORTICO_METRICS_TOKEN`, for `GET /metrics` only."),
        );
    }
}

/// The document the server serves at `/api/v1/openapi.json`.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, mut api) =
        App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(crate::routes).split_for_parts();
    document_idempotency_key(&mut api);
    document_body_errors(&mut api);
    document_url_errors(&mut api);
    api
}

/// A NUL character anywhere in the URL is refused before routing (`http::nul`), whatever
/// the operation: every operation can answer 400.
fn document_url_errors(api: &mut utoipa::openapi::OpenApi) {
    for item in api.paths.paths.values_mut() {
        let ops = [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
        for op in ops.into_iter().flatten() {
            op.responses.responses.entry("400".into()).or_insert_with(|| problem_response("The URL is malformed"));
        }
    }
}

/// An error answer: a problem document.
fn problem_response(description: &str) -> utoipa::openapi::RefOr<utoipa::openapi::response::Response> {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build(),
        )
        .build()
        .into()
}

/// Every JSON body is read by one extractor, whose refusals are the same everywhere:
/// documented once here rather than on each handler, so none can be forgotten.
fn document_body_errors(api: &mut utoipa::openapi::OpenApi) {
    let refusals = [
        ("400", "The body is not valid JSON"),
        ("413", "The body is larger than the limit"),
        ("415", "The body is not sent as application/json"),
        ("422", "Some fields are invalid"),
    ];
    for item in api.paths.paths.values_mut() {
        for op in [&mut item.post, &mut item.put, &mut item.patch].into_iter().flatten() {
            let json = op.request_body.as_ref().is_some_and(|b| b.content.contains_key("application/json"));
            if !json {
                continue;
            }
            for (status, description) in refusals {
                op.responses.responses.entry(status.into()).or_insert_with(|| problem_response(description));
            }
        }
    }
}

/// Every POST under `/api/v1` honours `Idempotency-Key` (a middleware, so no handler
/// declares it): say so on each of them, where integrators look.
fn document_idempotency_key(api: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    use utoipa::openapi::{Required, header::HeaderBuilder};

    let parameter = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "Any unique string (a UUID): a retry with the same key and the same request gets the first \
             successful answer again, with `Idempotency-Replayed: true`, for 24 hours. See docs/API.md.",
        ))
        .schema(Some(ObjectBuilder::new().schema_type(Type::String).min_length(Some(1)).max_length(Some(255))))
        .build();
    let replayed = HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some("`true` when this is the kept answer to an earlier request with the same Idempotency-Key."))
        .build();
    for (path, item) in api.paths.paths.iter_mut() {
        let Some(op) = item.post.as_mut().filter(|_| path.starts_with("/api/v1/")) else { continue };
        // Public endpoints (no security requirement) cannot tell one caller's key from another's.
        if op
            .security
            .as_ref()
            .is_some_and(|s| s.iter().all(|r| r == &utoipa::openapi::security::SecurityRequirement::default()))
        {
            continue;
        }
        op.parameters.get_or_insert_with(Vec::new).push(parameter.clone());
        let responses = &mut op.responses.responses;
        responses
            .entry("400".into())
            .or_insert_with(|| problem_response("The Idempotency-Key header is not 1 to 255 visible ASCII characters"));
        responses
            .entry("422".into())
            .or_insert_with(|| problem_response("The Idempotency-Key was already used for a different request"));
        responses
            .entry("409".into())
            .or_insert_with(|| problem_response("A request with this Idempotency-Key is still being answered"));
        for (status, response) in op.responses.responses.iter_mut() {
            if let (true, utoipa::openapi::RefOr::T(response)) = (status.starts_with('2'), response) {
                response.headers.insert("Idempotency-Replayed".into(), replayed.clone());
            }
        }
    }
}

/// As committed in `openapi/openapi.json` (pretty, trailing newline).
pub fn spec_json() -> String {
    let mut json = spec().to_pretty_json().unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}

/// Where the document is served.
pub const SPEC_PATH: &str = "/api/v1/openapi.json";

pub async fn serve_spec(spec: web::Data<String>) -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(spec.get_ref().clone())
}

/// `/docs` → `/docs/`, where Swagger UI's relative asset links resolve.
pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((header::LOCATION, "/docs/")).finish()
}
