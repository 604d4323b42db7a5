//! The client's notifications in the portal: the list behind the bell, the unread count,
//! and marking them read. A staff member viewing the portal as the client sees the same
//! list but marks nothing (the extractor refuses writes of an impersonated session).

use actix_web::{get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::kinds;
use super::model::{Notification, NotificationPage, ReadRow, UnreadCount};
use super::store;
use crate::activity::model::ActivityRow;
use crate::auth::ClientPrincipal;
use crate::db::utc;
use crate::db::{DbConn, now};
use crate::error::{ApiError, Problem};
use crate::http::page::{PageQuery, next_cursor};
use crate::state::AppState;
use crate::tenants::store as tenant_store;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_notifications)
        .service(get_unread_notification_count)
        .service(mark_all_notifications_read)
        .service(mark_notification_read);
}

fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("You have no notification '{id}'."))
}

/// The entry as the client reads it; `None` for an entry no rule covers (never loaded).
fn notification(row: ActivityRow, mark: Option<&str>, read: &[String], tz: chrono_tz::Tz) -> Option<Notification> {
    let kind = kinds::kind_of(&row.subject_type, &row.verb)?;
    let data: serde_json::Value = serde_json::from_str(&row.data).unwrap_or_default();
    let reading = kinds::read(kind, &row.subject_id, &data, tz);
    let is_read = mark.is_some_and(|m| row.id.as_str() <= m) || read.contains(&row.id);
    Some(Notification {
        id: row.id,
        kind,
        title: reading.title,
        detail: reading.detail,
        target: reading.target,
        at: utc(row.at),
        read: is_read,
    })
}

fn unread(conn: &mut DbConn, who: &ClientPrincipal) -> Result<UnreadCount, ApiError> {
    Ok(UnreadCount { unread_count: store::unread_count(conn, &who.tenant_id, &who.client_id)? })
}

/// What changed for you, newest first: quotes, contracts and invoices sent, payments
/// recorded, deliverables to review, messages from the business, appointment and order
/// changes. What you did yourself is not listed. Reading the list marks nothing.
#[utoipa::path(
    tag = "client-portal",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of your notifications, with the unread count", body = NotificationPage),
        (status = 400, description = "A query parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    page: web::Query<PageQuery>,
) -> Result<web::Json<NotificationPage>, ApiError> {
    let limit = page.limit()?;
    let before = page.after_id()?;
    let page = state
        .db
        .read(move |conn| {
            let (tenant_id, client_id) = (&who.tenant_id, &who.client_id);
            let tenant = tenant_store::get(conn, tenant_id)?;
            let tz = tenant.timezone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
            let mut rows = store::page(conn, tenant_id, client_id, before.as_deref(), limit + 1)?;
            let next_cursor = next_cursor(&mut rows, limit, |r| vec![&r.id]);
            let mark = store::read_mark(conn, tenant_id, client_id)?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let read = store::read_among(conn, tenant_id, client_id, &ids)?;
            let items = rows.into_iter().filter_map(|r| notification(r, mark.as_deref(), &read, tz)).collect();
            let UnreadCount { unread_count } = unread(conn, &who)?;
            Ok(NotificationPage { items, next_cursor, unread_count })
        })
        .await?;
    Ok(web::Json(page))
}

/// How many of your notifications are unread, for the bell.
#[utoipa::path(
    tag = "client-portal",
    responses(
        (status = 200, description = "The unread count", body = UnreadCount),
    ),
    security(("client_session" = [])),
)]
#[get("/portal/notifications/unread-count")]
pub async fn get_unread_notification_count(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<UnreadCount>, ApiError> {
    Ok(web::Json(state.db.read(move |conn| unread(conn, &who)).await?))
}

/// Mark one notification read. Marking it again changes nothing.
#[utoipa::path(
    tag = "client-portal",
    params(("id" = String, Path, description = "The notification's id")),
    responses(
        (status = 200, description = "Marked; the unread count that remains", body = UnreadCount),
        (status = 403, description = "Not a client session, or a staff member viewing your portal (read-only)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no such notification", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/notifications/{id}/read")]
pub async fn mark_notification_read(
    state: web::Data<AppState>,
    who: ClientPrincipal,
    id: web::Path<String>,
) -> Result<web::Json<UnreadCount>, ApiError> {
    let id = id.into_inner();
    let count = state
        .db
        .write(move |conn| {
            let (tenant_id, client_id) = (&who.tenant_id, &who.client_id);
            store::get(conn, tenant_id, client_id, &id)?.ok_or_else(|| not_found(&id))?;
            let mark = store::read_mark(conn, tenant_id, client_id)?;
            if mark.is_none_or(|m| id > m) {
                let row = ReadRow {
                    tenant_id: tenant_id.clone(),
                    client_id: client_id.clone(),
                    activity_id: id.clone(),
                    read_at: now(),
                };
                store::mark_read(conn, &row)?;
            }
            unread(conn, &who)
        })
        .await?;
    Ok(web::Json(count))
}

/// Mark every notification you have read.
#[utoipa::path(
    tag = "client-portal",
    responses(
        (status = 200, description = "All marked; the unread count (0 unless something just arrived)", body = UnreadCount),
        (status = 403, description = "Not a client session, or a staff member viewing your portal (read-only)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("client_session" = [])),
)]
#[post("/portal/notifications/read-all")]
pub async fn mark_all_notifications_read(
    state: web::Data<AppState>,
    who: ClientPrincipal,
) -> Result<web::Json<UnreadCount>, ApiError> {
    let count = state
        .db
        .write(move |conn| {
            if let Some(newest) = store::newest(conn, &who.tenant_id, &who.client_id)? {
                store::mark_all_read(conn, &who.tenant_id, &who.client_id, &newest)?;
            }
            unread(conn, &who)
        })
        .await?;
    Ok(web::Json(count))
}
