//! The OpenAPI document. Paths are collected from route registration (utoipa-actix-web),
//! so no hand-kept list can drift from what the server really serves.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::http::header;
use actix_web::{App, HttpResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error::{FieldError, Problem};

pub mod allow;
mod exact;
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
        (name = "home", description = "The console's landing page: what needs the team's attention today"),
        (name = "clients", description = "The business's clients"),
        (name = "templates", description = "Templates for projects (tasks and deliverables), quotes (lines), contracts and emails, with merge fields such as `{{client.name}}` resolved when a document is made"),
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

/// The document as utoipa builds it from the routes, with the refusals shared machinery
/// adds; [`document`] is what is served.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, mut api) =
        App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(crate::routes::all).split_for_parts();
    document_idempotency_key(&mut api);
    document_shared_refusals(&mut api);
    api
}

/// The document the server serves at `/api/v1/openapi.json`: [`spec`] with the rules every
/// string, body and form shares (`exact`), which are written on the JSON (utoipa's types
/// do not read every document they write back).
pub fn document() -> serde_json::Value {
    let mut doc = serde_json::to_value(spec()).unwrap_or_default();
    exact::strings_without_nul(&mut doc);
    exact::references_may_be_missing(&mut doc);
    exact::closed_forms(&mut doc);
    exact::pages_may_be_missing(&mut doc);
    doc
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

/// Refusals that come from shared machinery, not from the handler, so no handler declares
/// them: documented here on every operation they apply to. A status the handler documents
/// keeps its description; one it does not gets every cause that applies. 401, 403 and 429
/// follow from the operation's security requirement and the scope it names.
fn document_shared_refusals(api: &mut utoipa::openapi::OpenApi) {
    for (path, item) in api.paths.paths.iter_mut() {
        let ops = [
            (false, &mut item.get),
            (true, &mut item.post),
            (false, &mut item.put),
            (false, &mut item.patch),
            (false, &mut item.delete),
        ];
        for (post, op) in ops.into_iter().filter_map(|(post, op)| Some((post, op.as_mut()?))) {
            let mut causes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
            let mut add = |status, cause: &str| causes.entry(status).or_default().push(cause.to_string());
            // The credential extractors (`auth::credential`), from the security requirement.
            if let Some((schemes, scopes)) = callers(op) {
                let only = |scheme: &str| schemes.len() == 1 && schemes.contains(scheme);
                if !schemes.contains("metrics_token") {
                    let missing = if schemes.contains("api_key") {
                        "Missing, invalid or revoked credential"
                    } else {
                        "Not logged in"
                    };
                    add("401", missing);
                    add("429", "Too many failed authentications from this address");
                }
                if only("client_session") {
                    add("403", "Not a client session");
                } else if only("staff_session") {
                    add("403", "Not a staff session");
                } else if !scopes.is_empty() {
                    add("403", &format!("The credential lacks `{}`", scopes.join("` and `")));
                }
            }
            // `http::nul`, before routing.
            add("400", "The URL contains a NUL character");
            // `http::limits`, before routing.
            add("431", "The request headers add up to more than 16 KiB");
            // `http::JsonBody`.
            if op.request_body.is_some() {
                add("408", "The request body stopped arriving for longer than the server waits");
            }
            if op.request_body.as_ref().is_some_and(|b| b.content.contains_key("application/json")) {
                add("400", "The body is not valid JSON");
                add("413", "The body is larger than the limit");
                add("415", "The body is not sent as application/json");
                add("422", "Some fields are invalid");
            }
            // `idempotency`.
            if post && honours_idempotency_key(path, op) {
                add("400", "The Idempotency-Key header is not 1 to 255 visible ASCII characters");
                add("409", "A request with this Idempotency-Key is still being answered");
                add("409", "The Idempotency-Key was already used for a different request");
            }
            for (status, causes) in causes {
                op.responses.responses.entry(status.into()).or_insert_with(|| problem_response(&causes.join("; ")));
            }
        }
    }
}

/// Who may call an operation, from its security requirement (the document's own when it
/// states none): the schemes, and the scopes they need. `None` for a public operation.
fn callers(op: &utoipa::openapi::path::Operation) -> Option<(BTreeSet<String>, Vec<String>)> {
    let requirements: Vec<serde_json::Value> = match &op.security {
        Some(requirements) => requirements.iter().map(|r| serde_json::to_value(r).unwrap_or_default()).collect(),
        None => vec![serde_json::json!({ "api_key": [] }), serde_json::json!({ "staff_session": [] })],
    };
    let (mut schemes, mut scopes) = (BTreeSet::new(), Vec::new());
    for (scheme, needs) in requirements.iter().filter_map(serde_json::Value::as_object).flatten() {
        schemes.insert(scheme.clone());
        for scope in needs.as_array().into_iter().flatten().filter_map(serde_json::Value::as_str) {
            if !scopes.iter().any(|s| s == scope) {
                scopes.push(scope.to_string());
            }
        }
    }
    (!schemes.is_empty()).then_some((schemes, scopes))
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
        // What the middleware checks: 1 to 255 visible ASCII characters.
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(255))
                .pattern(Some("^[!-~]{1,255}$")),
        ))
        .build();
    let replayed = HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some("`true` when this is the kept answer to an earlier request with the same Idempotency-Key."))
        .build();
    for (path, item) in api.paths.paths.iter_mut() {
        let Some(op) = item.post.as_mut().filter(|op| honours_idempotency_key(path, op)) else { continue };
        op.parameters.get_or_insert_with(Vec::new).push(parameter.clone());
        for (status, response) in op.responses.responses.iter_mut() {
            if let (true, utoipa::openapi::RefOr::T(response)) = (status.starts_with('2'), response) {
                response.headers.insert("Idempotency-Replayed".into(), replayed.clone());
            }
        }
    }
}

/// A POST under `/api/v1` with a caller to tell apart: public endpoints (no security
/// requirement) cannot tell one caller's key from another's.
fn honours_idempotency_key(path: &str, post: &utoipa::openapi::path::Operation) -> bool {
    let public = post
        .security
        .as_ref()
        .is_some_and(|s| s.iter().all(|r| r == &utoipa::openapi::security::SecurityRequirement::default()));
    path.starts_with("/api/v1/") && !public
}

/// As committed in `openapi/openapi.json` (pretty, trailing newline).
pub fn spec_json() -> String {
    let mut json = serde_json::to_string_pretty(&document()).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}

/// Where the document is served.
pub const SPEC_PATH: &str = "/api/v1/openapi.json";

/// `/docs` → `/docs/`, where Swagger UI's relative asset links resolve.
pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((header::LOCATION, "/docs/")).finish()
}
