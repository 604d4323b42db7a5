//! `GET /home`: the console's landing page in one request.

use std::collections::HashMap;

use actix_web::{get, web};
use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use utoipa_actix_web::service_config::ServiceConfig;

use super::model::{
    ClientRef, Home, HomeActivity, HomeAppointment, HomeClient, HomeSubmission, LIMIT, Outstanding, OverdueInvoice,
    UnreadThread, WaitingItem, WaitingKind,
};
use super::store::{self, Window};
use crate::activity::model::Activity;
use crate::auth::{Actor, Caller, Scope};
use crate::db::{DbConn, now, utc};
use crate::error::{ApiError, Problem};
use crate::invoices::store as invoice_store;
use crate::state::AppState;
use crate::tenants::store as tenant_store;

/// Leads and form submissions this recent are new.
const NEW_FOR_DAYS: i64 = 14;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_home);
}

/// What needs the team's attention: today's and tomorrow's appointments, documents waiting on
/// clients, overdue invoices and what is outstanding, new leads and form submissions, unread
/// client messages, and the latest activity. Each list holds at most 20 lines; `counts` says
/// how many there are. Money needs `billing:read` (without it those lists are empty).
#[utoipa::path(
    tag = "home",
    responses(
        (status = 200, description = "The home page", body = Home),
        (status = 401, description = "No valid credential", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The credential lacks `clients:read`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["clients:read"]), ("staff_session" = ["clients:read"])),
)]
#[get("/home")]
pub async fn get_home(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<Home>, ApiError> {
    caller.require(Scope::ClientsRead)?;
    let home = state.db.read(move |conn| home(conn, &caller)).await?;
    Ok(web::Json(home))
}

fn client(id: String, name: String) -> ClientRef {
    ClientRef { id, name }
}

/// Midnight of `day` in `tz`, as UTC (the earliest one on a day that repeats an hour; the
/// hour after a gap when midnight does not exist).
fn midnight(tz: chrono_tz::Tz, day: NaiveDate) -> NaiveDateTime {
    let local = day.and_time(chrono::NaiveTime::MIN);
    (0..3)
        .find_map(|h| tz.from_local_datetime(&(local + Duration::hours(h))).earliest())
        .map(|t| t.naive_utc())
        .unwrap_or(local)
}

fn home(conn: &mut DbConn, caller: &Caller) -> Result<Home, ApiError> {
    let tenant = &caller.tenant_id;
    let tenant_row = tenant_store::get(conn, tenant)?;
    let tz: chrono_tz::Tz = tenant_row.timezone.parse().unwrap_or(chrono_tz::UTC);
    let today = Utc::now().with_timezone(&tz).date_naive();
    let window = Window {
        from: midnight(tz, today),
        to: midnight(tz, today + Duration::days(2)),
        today,
        since: now() - Duration::days(NEW_FOR_DAYS),
    };
    let mut counts = store::counts(conn, tenant, &window)?;

    let appointments = store::appointments(conn, tenant, &window)?
        .into_iter()
        .map(|(id, starts, ends, status, service_name, staff_name, client_id, client_name)| HomeAppointment {
            id,
            starts_at: utc(starts),
            ends_at: utc(ends),
            status,
            service_name,
            staff_name,
            client: client(client_id, client_name),
        })
        .collect();

    let mut waiting: Vec<WaitingItem> = Vec::new();
    let lines = [
        (WaitingKind::Quote, store::waiting_quotes(conn, tenant, today)?),
        (WaitingKind::Contract, store::waiting_contracts(conn, tenant)?),
        (WaitingKind::Deliverable, store::waiting_deliverables(conn, tenant)?),
    ];
    for (kind, rows) in lines {
        for (id, title, extra, client_id, client_name, since, viewed) in rows {
            let (number, project_id) = if kind == WaitingKind::Deliverable { (None, extra) } else { (extra, None) };
            waiting.push(WaitingItem {
                kind,
                id,
                title,
                number,
                project_id,
                client: client(client_id, client_name),
                // Sent and submitted documents always carry the time; the creation time
                // would do, but none is missing.
                since: utc(since.unwrap_or(window.since)),
                viewed_at: viewed.map(utc),
            });
        }
    }
    waiting.sort_by(|a, b| a.since.cmp(&b.since).then_with(|| a.id.cmp(&b.id)));
    waiting.truncate(LIMIT as usize);

    let (overdue_invoices, outstanding) = if caller.has(Scope::BillingRead) {
        let overdue = store::overdue_invoices(conn, tenant, today)?
            .into_iter()
            .map(|(id, number, client_id, client_name, due_date, total, paid, currency)| OverdueInvoice {
                id,
                number,
                client: client(client_id, client_name),
                due_date,
                due_minor: (total - paid).max(0),
                currency,
                days_overdue: (today - due_date).num_days(),
            })
            .collect();
        let outstanding = invoice_store::outstanding(conn, tenant, None, today)?
            .into_iter()
            .filter(|(_, due, _)| *due > 0)
            .map(|(currency, amount_minor, overdue_minor)| Outstanding { currency, amount_minor, overdue_minor })
            .collect();
        (overdue, outstanding)
    } else {
        counts.overdue_invoices = 0;
        (Vec::new(), Vec::new())
    };

    let new_leads = store::new_leads(conn, tenant, window.since)?
        .into_iter()
        .map(|(id, name, email, company, created)| HomeClient { id, name, email, company, created_at: utc(created) })
        .collect();
    let form_submissions = store::form_submissions(conn, tenant, window.since)?
        .into_iter()
        .map(|(id, form_id, form_title, client_id, client_name, created_lead, at)| HomeSubmission {
            id,
            form_id,
            form_title,
            client: client(client_id, client_name),
            created_lead,
            created_at: utc(at),
        })
        .collect();

    // Read marks belong to people; a key has none to compare with.
    let mut unread = match &caller.actor {
        Actor::Staff { id } => store::unread_threads(conn, tenant, id)?,
        _ => Vec::new(),
    };
    counts.unread_threads = unread.len() as i64;
    unread.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    unread.truncate(LIMIT as usize);
    let ids: Vec<String> = unread.iter().map(|u| u.0.clone()).collect();
    let mut names: HashMap<String, store::ThreadName> =
        store::thread_names(conn, tenant, &ids)?.into_iter().map(|n| (n.0.clone(), n)).collect();
    let unread_threads = unread
        .into_iter()
        .filter_map(|(id, unread_count, last)| {
            let (_, title, project_id, project_name, client_id, client_name) = names.remove(&id)?;
            Some(UnreadThread {
                id,
                title,
                project_id,
                project_name,
                client: client(client_id, client_name),
                unread_count,
                last_message_at: utc(last.unwrap_or(window.since)),
            })
        })
        .collect();

    let recent_activity = store::recent_activity(conn, tenant)?
        .into_iter()
        .map(|(row, client_name)| HomeActivity { entry: Activity::from(row), client_name })
        .collect();

    Ok(Home {
        today,
        time_zone: tenant_row.timezone,
        counts,
        appointments,
        waiting_on_clients: waiting,
        overdue_invoices,
        outstanding,
        new_leads,
        form_submissions,
        unread_threads,
        recent_activity,
    })
}
