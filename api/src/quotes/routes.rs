//! Quote endpoints for staff and API keys (`billing:read` to look, `billing:write` to
//! change). Undoing a client's acceptance is for people only: an API key gets 403.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::actions::{self, NewQuote};
use super::model::{
    CreateQuote, Quote, QuoteClientName, QuoteListQuery, QuotePage, QuoteRevision, QuoteStatus, QuoteSummary,
    UndoAcceptance, UpdateQuote,
};
use super::store::{self, ListFilter, StatusFilter};
use crate::auth::{Actor, Caller, Scope};
use crate::db::utc;
use crate::error::{ApiError, Problem};
use crate::http::JsonBody;
use crate::http::download;
use crate::http::page::{PageQuery, next_cursor};
use crate::i18n::LanguageQuery;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_quotes)
        .service(create_quote)
        .service(get_quote)
        .service(update_quote)
        .service(send_quote)
        .service(revise_quote)
        .service(get_quote_revision)
        .service(undo_quote_acceptance)
        .service(get_quote_pdf);
}

/// List quotes, newest first, keyset-paginated.
#[utoipa::path(
    tag = "quotes",
    params(QuoteListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of quotes", body = QuotePage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/quotes")]
pub async fn list_quotes(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<QuoteListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<QuotePage>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let query = query.into_inner();
    let page = page.into_inner();
    let limit = page.limit()?;
    let before_id = page.after_id()?;
    let status = match QuoteStatus::filter("status", query.status.as_deref())? {
        None => StatusFilter::All,
        Some(QuoteStatus::Sent) => StatusFilter::SentValid,
        Some(QuoteStatus::Expired) => StatusFilter::Expired,
        Some(other) => StatusFilter::Stored(other.as_str()),
    };
    if query.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        return Err(ApiError::BadRequest("'q' must be at most 200 characters.".into()));
    }
    let (mut rows, today) = state
        .db
        .read(move |conn| {
            let today = actions::today_of(conn, &caller.tenant_id)?;
            let filter =
                ListFilter { status, client_id: query.client_id, q: query.q, before_id, limit: limit + 1, today };
            Ok((store::list(conn, &caller.tenant_id, &filter)?, today))
        })
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |(last, _)| vec![&last.id]);
    let items = rows
        .into_iter()
        .map(|(row, client_name)| QuoteSummary {
            status: QuoteStatus::of(&row.status, row.valid_until, today),
            client: QuoteClientName { id: row.client_id, name: client_name },
            id: row.id,
            number: row.number,
            revision: row.revision,
            title: row.title,
            currency: row.currency,
            total_minor: row.total_minor,
            valid_until: row.valid_until,
            sent_at: row.sent_at.map(utc),
            view_count: row.view_count,
            first_viewed_at: row.first_viewed_at.map(utc),
            updated_at: utc(row.updated_at),
        })
        .collect();
    Ok(web::Json(QuotePage { items, next_cursor }))
}

/// Create a quote for a client: a draft, numbered at once (`Q-2026-0001`; the prefix is in
/// the billing settings). Net, tax and totals are computed here: each line rounded half to
/// even on its own, totals summed from the rounded lines.
#[utoipa::path(
    tag = "quotes",
    request_body = CreateQuote,
    responses(
        (status = 201, description = "The quote, created as a draft", body = Quote,
            headers(("Location" = String, description = "URL of the new quote"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid, or the client or staff member is unknown", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[post("/quotes")]
pub async fn create_quote(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<CreateQuote>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let b = body.into_inner();
    let new = NewQuote {
        client_id: b.client_id,
        title: b.title,
        notes: b.notes,
        currency: b.currency,
        valid_until: b.valid_until,
        staff_id: b.staff_id,
        project_id: b.project_id,
        lines: b.lines,
    };
    let quote = state.db.write(move |conn| actions::create(conn, &caller.tenant_id, &caller.actor, new)).await?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/api/v1/quotes/{}", quote.quote.id))).json(quote))
}

/// One quote, with its lines, totals, the client's views and its earlier revisions.
#[utoipa::path(
    tag = "quotes",
    params(("id" = String, Path, description = "The quote's id")),
    responses(
        (status = 200, description = "The quote", body = Quote),
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/quotes/{id}")]
pub async fn get_quote(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Quote>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let id = id.into_inner();
    Ok(web::Json(state.db.read(move |conn| actions::reload(conn, &caller.tenant_id, &id)).await?))
}

/// Change a draft: title, notes, last valid day, staff member, or all its lines at once.
/// Anything but a draft answers 409 (revise a sent quote first).
#[utoipa::path(
    tag = "quotes",
    params(("id" = String, Path, description = "The quote's id")),
    request_body = UpdateQuote,
    responses(
        (status = 200, description = "The quote as changed", body = Quote),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not a draft", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[patch("/quotes/{id}")]
pub async fn update_quote(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UpdateQuote>,
) -> Result<web::Json<Quote>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let update = body.into_inner();
    let quote =
        state.db.write(move |conn| actions::update(conn, &caller.tenant_id, &caller.actor, &id, update)).await?;
    Ok(web::Json(quote))
}

/// Send a draft to the client: they get an email with a link to it in their portal.
#[utoipa::path(
    tag = "quotes",
    params(("id" = String, Path, description = "The quote's id")),
    responses(
        (status = 200, description = "The quote, sent", body = Quote),
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not a draft", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Its `valid_until` has passed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[post("/quotes/{id}/send")]
pub async fn send_quote(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Quote>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let config = state.config.clone();
    let quote = state.db.write(move |conn| actions::send(conn, &config, &caller.tenant_id, &caller.actor, &id)).await?;
    state.outbox.wake();
    Ok(web::Json(quote))
}

/// Start a new revision of a quote the client asked changes to (or of a sent or expired
/// one): the current revision is frozen as the client saw it (readable through the
/// revisions endpoint), and the quote becomes a draft again, one revision higher.
#[utoipa::path(
    tag = "quotes",
    params(("id" = String, Path, description = "The quote's id")),
    responses(
        (status = 200, description = "The quote, a draft of its next revision", body = Quote),
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is a draft, accepted or declined", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:write"]), ("staff_session" = ["billing:write"])),
)]
#[post("/quotes/{id}/revise")]
pub async fn revise_quote(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Quote>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    let id = id.into_inner();
    let quote = state.db.write(move |conn| actions::revise(conn, &caller.tenant_id, &caller.actor, &id)).await?;
    Ok(web::Json(quote))
}

/// An earlier revision of a quote, as the client saw it.
#[utoipa::path(
    tag = "quotes",
    params(
        ("id" = String, Path, description = "The quote's id"),
        ("revision" = i32, Path, description = "An earlier revision number (see the quote's `revisions`)"),
    ),
    responses(
        (status = 200, description = "The revision", body = QuoteRevision),
        (status = 400, description = "The revision is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such quote in your tenant, or no such earlier revision", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/quotes/{id}/revisions/{revision}")]
pub async fn get_quote_revision(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, i32)>,
) -> Result<web::Json<QuoteRevision>, ApiError> {
    caller.require(Scope::BillingRead)?;
    let (id, revision) = path.into_inner();
    let found = state
        .db
        .read(move |conn| {
            let row = actions::staff_quote(conn, &caller.tenant_id, &id)?;
            actions::revision(conn, &row, revision)
        })
        .await?;
    Ok(web::Json(found))
}

/// Undo the client's acceptance (say why): the quote is sent again and waits for a new
/// decision; the project the acceptance started stays, unlinked. Staff members only.
#[utoipa::path(
    tag = "quotes",
    params(("id" = String, Path, description = "The quote's id")),
    request_body = UndoAcceptance,
    responses(
        (status = 200, description = "The quote, sent again", body = Quote),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a staff member (API keys cannot), or lacking `billing:write`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The quote is not accepted", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing or blank", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/quotes/{id}/undo-acceptance")]
pub async fn undo_quote_acceptance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: JsonBody<UndoAcceptance>,
) -> Result<web::Json<Quote>, ApiError> {
    caller.require(Scope::BillingWrite)?;
    if !matches!(caller.actor, Actor::Staff { .. }) {
        return Err(ApiError::Forbidden(
            "Only a staff member logged in to the console can undo a client's acceptance; API keys cannot.".into(),
        ));
    }
    let id = id.into_inner();
    let reason = body.into_inner().reason.trim().to_string();
    let quote = state
        .db
        .write(move |conn| actions::undo_acceptance(conn, &caller.tenant_id, &caller.actor, &id, &reason))
        .await?;
    Ok(web::Json(quote))
}

/// The quote as a PDF, the same bytes the client downloads from the portal.
#[utoipa::path(
    tag = "quotes",
    params(("id" = String, Path, description = "The quote's id"), LanguageQuery),
    responses(
        (status = 200, description = "The PDF, as an attachment named after the quote's number", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, description = "No such quote in your tenant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["billing:read"]), ("staff_session" = ["billing:read"])),
)]
#[get("/quotes/{id}/pdf")]
pub async fn get_quote_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    lang: web::Query<LanguageQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Scope::BillingRead)?;
    let id = id.into_inner();
    let (bytes, name) = state
        .db
        .read(move |conn| {
            let row = actions::staff_quote(conn, &caller.tenant_id, &id)?;
            actions::pdf(conn, &row, lang.lang)
        })
        .await?;
    Ok(download::pdf(&name, bytes))
}
