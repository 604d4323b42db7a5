//! Sessions for the load generator: real sessions, created by the same code as a login, for a
//! sample of the dataset's clients and staff, with the ids each benchmarked URL needs.

use chrono::{Datelike, NaiveDate, TimeDelta, Utc};
use diesel::dsl::exists;
use diesel::prelude::*;
use serde::Serialize;

use crate::auth::session::{self, CLIENT, NewSession, STAFF};
use crate::config::Config;
use crate::db::schema::{appointments, clients, invoices, projects, staff, tenants};
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::secrets::Keys;

#[derive(Debug, Serialize)]
pub struct BenchSessions {
    pub clients: Vec<ClientSession>,
    pub staff: Vec<StaffSession>,
}

#[derive(Debug, Serialize)]
pub struct ClientSession {
    pub tenant_id: String,
    pub tenant_slug: String,
    pub client_id: String,
    pub email: String,
    pub access_token: String,
    pub project_id: String,
    pub invoice_id: String,
}

#[derive(Debug, Serialize)]
pub struct StaffSession {
    pub tenant_id: String,
    pub tenant_slug: String,
    pub staff_id: String,
    pub email: String,
    pub access_token: String,
    /// The start of a client's name in that tenant, for the search endpoint.
    pub search: String,
    /// A busy week: the last full week before now, as RFC 3339 instants.
    pub week_from: String,
    pub week_to: String,
}

/// Which tenants to sample: the largest ones (where slow queries show) and an even spread
/// over the long tail.
fn sample(all: &[(String, String)], n: usize) -> Vec<&(String, String)> {
    let head = n.div_ceil(2).min(all.len());
    let mut picked: Vec<&(String, String)> = all.iter().take(head).collect();
    let tail = &all[head..];
    let rest = n.saturating_sub(head);
    for k in 0..rest.min(tail.len()) {
        picked.push(&tail[k * tail.len() / rest.min(tail.len())]);
    }
    picked
}

/// Logs in `n_clients` clients (each with a project and a sent invoice) and `n_staff` owners.
pub fn mint(db: &Db, config: &Config, n_clients: usize, n_staff: usize) -> Result<BenchSessions, ApiError> {
    let keys = Keys::load_with_vault(
        &config.data_dir,
        config.auth.jwt_secret.as_deref(),
        config.auth.hmac_secret.as_deref(),
        config.auth.vault_secret.as_deref(),
    )
    .map_err(|e| ApiError::Internal(format!("secrets in {}: {e}", config.data_dir.display())))?;
    let settings = &config.auth;
    db.write_sync(|conn| {
        // The slugs sort by size: `bench-0001` is the largest business.
        let all: Vec<(String, String)> =
            tenants::table.select((tenants::id, tenants::slug)).order(tenants::slug.asc()).load(conn)?;
        if all.is_empty() {
            return Err(ApiError::Conflict("the database holds no tenant: run `portico seed-bench` first".into()));
        }
        let mut out = BenchSessions { clients: Vec::new(), staff: Vec::new() };
        // Several clients per sampled tenant when there are fewer tenants than sessions wanted.
        let per_tenant = n_clients.div_ceil(all.len()).max(1);
        for (tenant_id, slug) in sample(&all, n_clients.div_ceil(per_tenant)) {
            for (client_id, email, project_id, invoice_id) in clients_with_documents(conn, tenant_id, per_tenant)? {
                if out.clients.len() == n_clients {
                    break;
                }
                let new = new_session(tenant_id, CLIENT, &client_id, None);
                let tokens = session::start(conn, &keys, settings, new)?;
                out.clients.push(ClientSession {
                    tenant_id: tenant_id.clone(),
                    tenant_slug: slug.clone(),
                    client_id,
                    email,
                    access_token: tokens.access_token,
                    project_id,
                    invoice_id,
                });
            }
        }
        for (tenant_id, slug) in sample(&all, n_staff) {
            let (staff_id, email, role): (String, String, String) = staff::table
                .filter(staff::tenant_id.eq(tenant_id))
                .filter(staff::role.eq("owner"))
                .select((staff::id, staff::email, staff::role))
                .first(conn)?;
            let name: String = clients::table
                .filter(clients::tenant_id.eq(tenant_id))
                .order(clients::id.asc())
                .select(clients::name)
                .first(conn)?;
            let (from, to) = busy_week(conn, tenant_id)?;
            let tokens = session::start(conn, &keys, settings, new_session(tenant_id, STAFF, &staff_id, Some(&role)))?;
            out.staff.push(StaffSession {
                tenant_id: tenant_id.clone(),
                tenant_slug: slug.clone(),
                staff_id,
                email,
                access_token: tokens.access_token,
                search: name.chars().take(3).collect(),
                week_from: from,
                week_to: to,
            });
        }
        Ok(out)
    })
}

fn new_session<'a>(tenant_id: &'a str, kind: &'a str, subject_id: &'a str, role: Option<&'a str>) -> NewSession<'a> {
    NewSession {
        tenant_id,
        kind,
        subject_id,
        role,
        impersonated_by: None,
        user_agent: Some("portico-bench"),
        ip: None,
        login_email: None,
        persistent: false,
    }
}

/// Active clients of a tenant with a project and a sent invoice, and one of each.
fn clients_with_documents(
    conn: &mut DbConn,
    tenant_id: &str,
    limit: usize,
) -> Result<Vec<(String, String, String, String)>, ApiError> {
    let sent = invoices::table
        .filter(invoices::tenant_id.eq(tenant_id))
        .filter(invoices::client_id.eq(clients::id))
        .filter(invoices::sent_at.is_not_null());
    let rows: Vec<(String, String)> = clients::table
        .filter(clients::tenant_id.eq(tenant_id))
        .filter(clients::status.eq("active"))
        .filter(exists(
            projects::table.filter(projects::tenant_id.eq(tenant_id)).filter(projects::client_id.eq(clients::id)),
        ))
        .filter(exists(sent))
        .order(clients::id.asc())
        .select((clients::id, clients::email))
        .limit(limit as i64)
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (client_id, email) in rows {
        let project: String = projects::table
            .filter(projects::tenant_id.eq(tenant_id))
            .filter(projects::client_id.eq(&client_id))
            .order(projects::id.desc())
            .select(projects::id)
            .first(conn)?;
        let invoice: String = invoices::table
            .filter(invoices::tenant_id.eq(tenant_id))
            .filter(invoices::client_id.eq(&client_id))
            .filter(invoices::sent_at.is_not_null())
            .order(invoices::id.desc())
            .select(invoices::id)
            .first(conn)?;
        out.push((client_id, email, project, invoice));
    }
    Ok(out)
}

/// Monday to Monday of the last full week before today (the dataset's past is all around
/// it), or of the week of the tenant's latest appointment when it has none then.
fn busy_week(conn: &mut DbConn, tenant_id: &str) -> Result<(String, String), ApiError> {
    let today = Utc::now().date_naive();
    let last_week = today - TimeDelta::days(7 + i64::from(today.weekday().num_days_from_monday()));
    let start = appointments::table
        .filter(appointments::tenant_id.eq(tenant_id))
        .filter(appointments::starts_at.lt(last_week.and_hms_opt(0, 0, 0).unwrap_or_default() + TimeDelta::days(7)))
        .select(diesel::dsl::max(appointments::starts_at))
        .first::<Option<chrono::NaiveDateTime>>(conn)?
        .map(|t| t.date())
        .unwrap_or(last_week);
    let monday: NaiveDate = start - TimeDelta::days(i64::from(start.weekday().num_days_from_monday()));
    let fmt = |d: NaiveDate| format!("{}T00:00:00Z", d.format("%Y-%m-%d"));
    Ok((fmt(monday), fmt(monday + TimeDelta::days(7))))
}

#[cfg(test)]
mod tests {
    use super::sample;

    #[test]
    fn samples_the_largest_and_the_tail() {
        let all: Vec<(String, String)> = (0..100).map(|i| (i.to_string(), format!("bench-{i:04}"))).collect();
        let picked: Vec<&str> = sample(&all, 6).iter().map(|p| p.0.as_str()).collect();
        assert_eq!(picked, vec!["0", "1", "2", "3", "35", "67"]);
        assert_eq!(sample(&all[..2], 6).len(), 2);
    }
}
