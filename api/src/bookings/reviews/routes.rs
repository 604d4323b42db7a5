//! Review endpoints: a client reviews a completed appointment in the portal; staff list,
//! approve and reject; anyone reads the approved ones on the portal; the client lists theirs.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, post, web};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    CreateReview, PortalReview, PortalReviewList, PublicReview, PublicReviews, Review, ReviewListQuery, ReviewPage,
    ReviewRow, ReviewStatus, author,
};
use super::store;
use crate::activity::store::Subject;
use crate::auth::{Actor, Caller, ClientPrincipal, Scope};
use crate::bookings::appointments::actions::not_found as no_appointment;
use crate::bookings::appointments::model::AppointmentStatus;
use crate::bookings::appointments::store as appointment_store;
use crate::bookings::tidy;
use crate::db::utc;
use crate::db::{DbConn, new_id, now};
use crate::error::{ApiError, Problem};
use crate::events;
use crate::http::JsonBody;
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;
use crate::tenants::store as tenant_store;

/// Most public reviews shown.
pub const PUBLIC_LIMIT: usize = 50;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_review)
        .service(list_reviews)
        .service(approve_review)
        .service(reject_review)
        .service(list_my_reviews)
        .service(list_public_reviews);
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no review '{id}' in your tenant."))
}

/// Review one of your completed appointments, once. Staff approve it before it is public.
#[utoipa::path(
    tag = "portal-bookings",
    params(("id" = String, Path, description = "The appointment's id")),
    request_body = CreateReview,
    responses(
        (status = 201, description = "Your review, waiting for approval", body = Review,
            headers(("Location" = String, description = "The appointment's portal URL"))),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a client session, or a read-only one", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such appointment", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not completed, or already reviewed", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/appointments/{id}/review")]
pub async fn create_review(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
    body: JsonBody<CreateReview>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let body = body.into_inner();
    let review = state
        .db
        .write(move |conn| {
            let named = appointment_store::get(conn, &who.tenant_id, Some(&who.client_id), &id)?
                .ok_or_else(|| no_appointment(&id))?;
            if named.row.status != AppointmentStatus::Completed.as_str() {
                return Err(ApiError::Conflict(format!(
                    "This appointment is {}; only completed appointments can be reviewed.",
                    named.row.status
                )));
            }
            if !store::for_appointments(conn, &who.tenant_id, std::slice::from_ref(&id))?.is_empty() {
                return Err(ApiError::Conflict("You have already reviewed this appointment.".into()));
            }
            let row = ReviewRow {
                id: new_id(),
                tenant_id: who.tenant_id.clone(),
                appointment_id: id.clone(),
                client_id: who.client_id.clone(),
                rating: body.rating,
                text: tidy(body.text),
                status: ReviewStatus::Pending.as_str().into(),
                created_at: now(),
                moderated_at: None,
            };
            store::insert(conn, &row).map_err(|e| match ApiError::from(e) {
                ApiError::Conflict(_) => ApiError::Conflict("You have already reviewed this appointment.".into()),
                other => other,
            })?;
            let actor = Actor::Client { id: who.client_id.clone() };
            let subject = Subject { kind: "review", id: &row.id, client_id: Some(&who.client_id) };
            let data = json!({ "appointment_id": id, "rating": row.rating });
            events::record(conn, &who.tenant_id, &actor, "reviewed", subject, data)?;
            Ok(Review::of(row, named.client_name, named.service_name))
        })
        .await?;
    let location = format!("/api/v1/portal/appointments/{}", review.appointment_id);
    Ok(HttpResponse::Created().insert_header((LOCATION, location)).json(review))
}

/// Reviews waiting for moderation (or approved, or rejected), newest first.
#[utoipa::path(
    tag = "bookings",
    params(ReviewListQuery, PageQuery),
    responses(
        (status = 200, description = "A page of reviews", body = ReviewPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/reviews")]
pub async fn list_reviews(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ReviewListQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<ReviewPage>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let q = query.into_inner();
    let status = match q.status.as_deref() {
        None => ReviewStatus::Pending,
        Some(s) => ReviewStatus::parse(s).ok_or_else(|| {
            ApiError::BadRequest(format!("'status' must be pending, approved or rejected, not '{s}'."))
        })?,
    };
    let page = page.into_inner();
    let limit = page.limit()?;
    let before = page.after_id()?;
    let mut rows = state
        .db
        .read(move |conn| Ok(store::list(conn, &caller.tenant_id, status.as_str(), before.as_deref(), limit + 1)?))
        .await?;
    let next_cursor = next_cursor(&mut rows, limit, |(r, _, _)| vec![&r.id]);
    let items = rows.into_iter().map(|(r, client, service)| Review::of(r, client, service)).collect();
    Ok(web::Json(ReviewPage { items, next_cursor }))
}

fn moderate(conn: &mut DbConn, caller: &Caller, id: &str, to: ReviewStatus) -> Result<Review, ApiError> {
    let (current, _, _) = store::get(conn, &caller.tenant_id, id)?.ok_or_else(|| not_found(id))?;
    if current.status == to.as_str() {
        return Err(ApiError::Conflict(format!("This review is already {}.", to.as_str())));
    }
    store::set_status(conn, &caller.tenant_id, id, to.as_str(), now())?;
    let subject = Subject { kind: "review", id, client_id: Some(&current.client_id) };
    events::record(conn, &caller.tenant_id, &caller.actor, to.as_str(), subject, json!({ "from": current.status }))?;
    let (row, client, service) = store::get(conn, &caller.tenant_id, id)?.ok_or_else(|| not_found(id))?;
    Ok(Review::of(row, client, service))
}

/// Make a review public on the portal.
#[utoipa::path(
    tag = "bookings",
    params(("id" = String, Path, description = "The review's id")),
    responses(
        (status = 200, description = "The review, approved", body = Review),
        (status = 404, description = "No such review in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already approved", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/reviews/{id}/approve")]
pub async fn approve_review(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Review>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    Ok(web::Json(state.db.write(move |conn| moderate(conn, &caller, &id, ReviewStatus::Approved)).await?))
}

/// Keep a review off the portal.
#[utoipa::path(
    tag = "bookings",
    params(("id" = String, Path, description = "The review's id")),
    responses(
        (status = 200, description = "The review, rejected", body = Review),
        (status = 404, description = "No such review in your tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already rejected", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:write"]), ("staff_session" = ["clients:write"])),
)]
#[post("/reviews/{id}/reject")]
pub async fn reject_review(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<web::Json<Review>, ApiError> {
    caller.require(Scope::ClientsWrite)?;
    let id = id.into_inner();
    Ok(web::Json(state.db.write(move |conn| moderate(conn, &caller, &id, ReviewStatus::Rejected)).await?))
}

/// The most reviews "My reviews" lists: far more than a client writes.
const MINE_LIMIT: i64 = 200;

/// Your reviews, newest first, with where each stands: waiting, published on the business's
/// portal page, or not published.
#[utoipa::path(
    tag = "portal-bookings",
    responses(
        (status = 200, description = "Your reviews", body = PortalReviewList),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/reviews")]
pub async fn list_my_reviews(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<PortalReviewList>, ApiError> {
    let rows =
        state.db.read(move |conn| Ok(store::of_client(conn, &who.tenant_id, &who.client_id, MINE_LIMIT)?)).await?;
    let items = rows.into_iter().map(|(r, service, starts)| PortalReview::of(r, service, starts)).collect();
    Ok(web::Json(PortalReviewList { items }))
}

/// A business's approved reviews, newest first, signed with first names and initials only.
#[utoipa::path(
    tag = "portal",
    params(("slug" = String, Path, description = "The tenant's portal slug")),
    responses(
        (status = 200, description = "The approved reviews", body = PublicReviews),
        (status = 404, description = "No such portal", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/portal/{slug}/reviews")]
pub async fn list_public_reviews(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<web::Json<PublicReviews>, ApiError> {
    let slug = slug.into_inner();
    let reviews = state
        .db
        .read(move |conn| {
            let tenant = tenant_store::find_by_slug(conn, &slug)?
                .ok_or_else(|| ApiError::NotFound(format!("There is no portal '{slug}'.")))?;
            let ratings = store::approved_ratings(conn, &tenant.id)?;
            let rows = store::list(conn, &tenant.id, ReviewStatus::Approved.as_str(), None, PUBLIC_LIMIT as i64)?;
            let count = ratings.len() as i64;
            let average_rating = (count > 0).then(|| ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / count as f64);
            let items = rows
                .into_iter()
                .map(|(r, client, service)| PublicReview {
                    rating: r.rating,
                    text: r.text,
                    author: author(&client),
                    service_name: service,
                    created_at: utc(r.created_at),
                })
                .collect();
            Ok(PublicReviews { average_rating, count, items })
        })
        .await?;
    Ok(web::Json(reviews))
}
