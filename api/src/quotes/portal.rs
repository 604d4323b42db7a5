//! Quotes as the logged-in client sees them: only their own, never a draft that was never
//! sent (it reads as "not found" on every endpoint); while staff revise a quote, the revision
//! the client was sent, marked `being_revised`; and the three decisions they can make on a
//! sent quote.
//! Opening a quote counts as a view, except when a staff member is viewing the portal as
//! the client; such a session cannot decide either (the extractor refuses its writes).

use actix_web::{HttpResponse, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, Decision};
use super::model::{
    AcceptedQuote, DeclineQuote, PortalQuote, PortalQuoteList, PortalQuoteListQuery, PortalQuoteSummary, QuoteRevision,
    QuoteStatus, RequestQuoteChanges,
};
use super::store::{self, ListFilter, StatusFilter};
use crate::auth::ClientPrincipal;
use crate::db::utc;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::download;
use crate::i18n::LanguageQuery;
use crate::rules::tidy;
use crate::state::AppState;

/// The most quotes the portal list returns (newest first).
const MAX_LISTED: i64 = 500;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_portal_quotes)
        .service(get_portal_quote)
        .service(get_portal_quote_revision)
        .service(accept_quote)
        .service(request_quote_changes)
        .service(decline_quote)
        .service(get_portal_quote_pdf);
}

/// Your quotes, newest first (at most 500).
#[utoipa::path(
    tag = "client-portal",
    params(PortalQuoteListQuery),
    responses(
        (status = 200, description = "Your quotes", body = PortalQuoteList),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/quotes")]
pub async fn list_portal_quotes(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    query: web::Query<PortalQuoteListQuery>,
) -> Result<web::Json<PortalQuoteList>, ApiError> {
    let status = match query.state.as_deref() {
        None | Some("") => StatusFilter::NotDraft,
        Some("open") => StatusFilter::Open,
        Some("closed") => StatusFilter::Closed,
        Some(other) => return Err(ApiError::BadRequest(format!("'state' must be 'open' or 'closed', not '{other}'."))),
    };
    let (rows, today) = state
        .db
        .read(move |conn| {
            let today = actions::today_of(conn, &who.tenant_id)?;
            let filter = ListFilter {
                status,
                client_id: Some(who.client_id.clone()),
                q: None,
                before_id: None,
                limit: MAX_LISTED,
                today,
            };
            // A quote under revision lists as the revision the client was sent.
            let rows = store::list(conn, &who.tenant_id, &filter)?
                .into_iter()
                .map(|(row, _)| {
                    let (revising, updated_at) = (actions::under_revision(&row), row.updated_at);
                    let shown = if revising { actions::as_sent(conn, &row)?.0 } else { row };
                    Ok((shown, revising, updated_at))
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            Ok((rows, today))
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|(row, being_revised, updated_at)| PortalQuoteSummary {
            status: QuoteStatus::of(&row.status, row.valid_until, today),
            id: row.id,
            number: row.number,
            revision: row.revision,
            title: row.title,
            currency: row.currency,
            total_minor: row.total_minor,
            valid_until: row.valid_until,
            sent_at: row.sent_at.map(utc),
            being_revised,
            updated_at: utc(updated_at),
        })
        .collect();
    Ok(web::Json(PortalQuoteList { items }))
}

/// One of your quotes, with its lines, totals and earlier revisions. Opening it tells the
/// team you have seen it.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The quote's id")),
    responses(
        (status = 200, description = "The quote", body = PortalQuote),
        (status = 404, description = "You have no such quote", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/quotes/{id}")]
pub async fn get_portal_quote(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<PortalQuote>, ApiError> {
    let id = id.into_inner();
    let quote = state
        .db
        .write(move |conn| {
            let row = actions::client_quote(conn, &who.tenant_id, &who.client_id, &id)?;
            // Staff viewing the portal as the client are not the client reading it.
            if who.impersonated_by.is_none() {
                actions::viewed(conn, &row)?;
            }
            let row = actions::client_quote(conn, &who.tenant_id, &who.client_id, &id)?;
            let today = actions::today_of(conn, &who.tenant_id)?;
            actions::portal_view(conn, &row, today)
        })
        .await?;
    Ok(web::Json(quote))
}

/// An earlier revision of one of your quotes, as you saw it then.
#[utoipa::path(
    tag = "client-portal",
    params(
        ("id" = String, Path, description = "The quote's id"),
        ("revision" = i32, Path, description = "An earlier revision number (see the quote's `revisions`)"),
    ),
    responses(
        (status = 200, description = "The revision", body = QuoteRevision),
        (status = 400, description = "The revision is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such quote, or it has no such earlier revision", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/quotes/{id}/revisions/{revision}")]
pub async fn get_portal_quote_revision(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    path: web::Path<(String, i32)>,
) -> Result<web::Json<QuoteRevision>, ApiError> {
    let (id, revision) = path.into_inner();
    let found = state
        .db
        .read(move |conn| {
            let row = actions::client_quote(conn, &who.tenant_id, &who.client_id, &id)?;
            actions::revision(conn, &row, revision)
        })
        .await?;
    Ok(web::Json(found))
}

/// Accept a quote sent to you, while it is valid. A project for the work starts at once,
/// with the quote's lines as its tasks, and the team is told by email. Any body (`{}`) is
/// ignored.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The quote's id")),
    responses(
        (status = 200, description = "The quote, accepted, and the project it started", body = AcceptedQuote),
        (status = 403, description = "Not a client session, or a staff member viewing your portal", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such quote", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not waiting for your decision (already decided, or expired)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/quotes/{id}/accept")]
pub async fn accept_quote(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<AcceptedQuote>, ApiError> {
    let id = id.into_inner();
    let config = state.config.clone();
    let (quote, project_id) = state
        .db
        .write(move |conn| {
            let decision = Decision::Accept(who.login_email.clone());
            actions::decide(conn, &config, &who.tenant_id, &who.client_id, &id, decision)
        })
        .await?;
    state.outbox.wake();
    let project_id = project_id.ok_or_else(|| ApiError::Internal("an acceptance started no project".into()))?;
    Ok(web::Json(AcceptedQuote { quote, project_id }))
}

/// Ask for changes to a quote sent to you, saying what should change. The team is told by
/// email and sends you a revised quote.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The quote's id")),
    request_body = RequestQuoteChanges,
    responses(
        (status = 200, description = "The quote, waiting for the changes", body = PortalQuote),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such quote", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not waiting for your decision", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The comment is missing, blank or too long", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/quotes/{id}/request-changes")]
pub async fn request_quote_changes(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<RequestQuoteChanges>,
) -> Result<web::Json<PortalQuote>, ApiError> {
    let id = id.into_inner();
    let comment = body.into_inner().comment.trim().to_string();
    let config = state.config.clone();
    let decision = Decision::RequestChanges(comment);
    let (quote, _) = state
        .db
        .write(move |conn| actions::decide(conn, &config, &who.tenant_id, &who.client_id, &id, decision))
        .await?;
    state.outbox.wake();
    Ok(web::Json(quote))
}

/// Decline a quote sent to you, optionally saying why. The team is told by email.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The quote's id")),
    request_body = DeclineQuote,
    responses(
        (status = 200, description = "The quote, declined", body = PortalQuote),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a staff member viewing your portal", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such quote", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not waiting for your decision", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The comment is too long", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/quotes/{id}/decline")]
pub async fn decline_quote(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<DeclineQuote>,
) -> Result<web::Json<PortalQuote>, ApiError> {
    let id = id.into_inner();
    let decision = Decision::Decline(tidy(body.into_inner().comment));
    let config = state.config.clone();
    let (quote, _) = state
        .db
        .write(move |conn| actions::decide(conn, &config, &who.tenant_id, &who.client_id, &id, decision))
        .await?;
    state.outbox.wake();
    Ok(web::Json(quote))
}

/// One of your quotes as a PDF: the same document the team sees.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The quote's id"), LanguageQuery),
    responses(
        (status = 200, description = "The PDF, as an attachment named after the quote's number", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "You have no such quote", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/quotes/{id}/pdf")]
pub async fn get_portal_quote_pdf(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    lang: web::Query<LanguageQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (bytes, name) = state
        .db
        .read(move |conn| {
            let row = actions::client_quote(conn, &who.tenant_id, &who.client_id, &id)?;
            actions::client_pdf(conn, &row, lang.lang)
        })
        .await?;
    Ok(download::pdf(&name, bytes))
}
