//! What staff and the client do to a quote, each in the caller's transaction: the
//! conditional status change, the activity entries, the emails (through the outbox), and
//! the project an acceptance starts. The handlers in `routes` and `portal` only unpack the
//! request and call these.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use serde_json::json;

use super::model::{
    PortalQuote, Quote, QuoteChanges, QuoteLineRow, QuoteRevision, QuoteRevisionRow, QuoteRow, QuoteStatus,
    RevisionSummary, Snapshot, UpdateQuote,
};
use super::store;
use crate::activity::store::Subject;
use crate::auth::Actor;
use crate::clients::email::{self, ClientEmail};
use crate::clients::model::{ClientRow, ClientStatus};
use crate::clients::store as client_store;
use crate::config::Config;
use crate::db::utc;
use crate::db::{DbConn, new_id, now};
use crate::error::ApiError;
use crate::events;
use crate::i18n::{Formats, Language};
use crate::mail::templates::{self, Words};
use crate::money::numbering::{self, DocKind};
use crate::money::{self, Line, LineInput};
use crate::notifications::kinds::NotificationKind;
use crate::notifications::resolve::{self, Acted, any};
use crate::outbox;
use crate::parties::{self, Frozen};
use crate::pdf;
use crate::projects::model::{ProjectRow, ProjectStatus, TaskRow, TaskStatus};
use crate::projects::store as project_store;
use crate::rules::tidy;
use crate::staff::store::{self as staff_store};
use crate::tenants::model::TenantRow;
use crate::tenants::store as tenant_store;
use crate::tr;

pub fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("There is no quote '{id}'."))
}

/// Today in the business's time zone: the day quotes expire by.
pub fn today(tenant: &TenantRow) -> NaiveDate {
    let tz: chrono_tz::Tz = tenant.timezone.parse().unwrap_or(chrono_tz::UTC);
    Utc::now().with_timezone(&tz).date_naive()
}

pub fn today_of(conn: &mut DbConn, tenant_id: &str) -> Result<NaiveDate, ApiError> {
    Ok(today(&tenant_store::get(conn, tenant_id)?))
}

/// A 409 that says where the quote stands and what can still happen to it. Nothing was
/// changed: the conditional UPDATE that failed is the only write attempted before it.
fn refused(conn: &mut DbConn, tenant_id: &str, id: &str, action: &str) -> ApiError {
    let found = store::get(conn, tenant_id, None, id).and_then(|row| Ok((row, tenant_store::get(conn, tenant_id)?)));
    match found {
        Ok((Some(row), _)) if under_revision(&row) => ApiError::Conflict(format!(
            "Quote {} is being revised and cannot be {action}; the new revision can be, once it is sent.",
            row.number
        )),
        Ok((Some(row), tenant)) => {
            let status = QuoteStatus::of(&row.status, row.valid_until, today(&tenant));
            ApiError::Conflict(format!(
                "Quote {} is {} and cannot be {action}; from here {}.",
                row.number,
                status.phrase(),
                status.next_steps()
            ))
        }
        Ok((None, _)) => not_found(id),
        Err(e) => e.into(),
    }
}

/// A quote of the staff member's tenant, or 404.
pub fn staff_quote(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<QuoteRow, ApiError> {
    store::get(conn, tenant_id, None, id)?.ok_or_else(|| not_found(id))
}

/// A quote sent to this client, or 404: drafts never sent, other clients' and other
/// tenants' quotes all read as "not found". A quote staff are revising stays theirs to read.
pub fn client_quote(conn: &mut DbConn, tenant_id: &str, client_id: &str, id: &str) -> Result<QuoteRow, ApiError> {
    store::get(conn, tenant_id, Some(client_id), id)?.ok_or_else(|| not_found(id))
}

fn client_of(conn: &mut DbConn, row: &QuoteRow) -> Result<ClientRow, ApiError> {
    client_store::get(conn, &row.tenant_id, &row.client_id)?
        .ok_or_else(|| ApiError::Internal(format!("quote {} has no client", row.id)))
}

/// What `row` froze when it was sent; nothing on a draft (the next revision follows the
/// client; the one under revision is read through `as_sent`, whose row is not a draft).
fn frozen(row: &QuoteRow) -> Frozen<'_> {
    Frozen::unless_draft(row.status == QuoteStatus::Draft.as_str(), &row.addressee, &row.issuer)
}

/// Staff pressed Revise and have not sent the next revision yet: the row is a draft again,
/// but the client was sent the revision before it.
pub fn under_revision(row: &QuoteRow) -> bool {
    row.status == QuoteStatus::Draft.as_str() && row.revision > 1
}

/// What the client reads of `row`: the row itself, or while staff revise it, the row as it
/// stood when the last revision was sent (from that revision's snapshot), with its lines.
pub fn as_sent(conn: &mut DbConn, row: &QuoteRow) -> Result<(QuoteRow, Vec<Line>), ApiError> {
    if !under_revision(row) {
        let lines = store::lines(conn, &row.tenant_id, &row.id)?.iter().map(QuoteLineRow::line).collect();
        return Ok((row.clone(), lines));
    }
    let sent = row.revision - 1;
    let frozen = store::revision(conn, &row.tenant_id, &row.id, sent)?
        .ok_or_else(|| ApiError::Internal(format!("quote {} under revision has no revision {sent}", row.id)))?;
    let s = snapshot_of(&frozen)?;
    let status = match s.status {
        // Expiry is worked out from the date, never stored.
        QuoteStatus::Expired => QuoteStatus::Sent,
        other => other,
    };
    let shown = QuoteRow {
        revision: sent,
        title: s.title,
        notes: s.notes,
        currency: s.currency,
        subtotal_minor: s.totals.subtotal_minor,
        tax_minor: s.totals.tax_minor,
        total_minor: s.totals.total_minor,
        valid_until: s.valid_until,
        status: status.as_str().to_string(),
        sent_at: s.sent_at,
        decision_comment: s.comment,
        ..row.clone()
    };
    Ok((shown, s.lines))
}

/// The quote as its client sees it (no staff fields): while staff revise it, the last
/// revision sent, marked `being_revised`.
pub fn portal_view(conn: &mut DbConn, row: &QuoteRow, today: NaiveDate) -> Result<PortalQuote, ApiError> {
    let (shown, lines) = as_sent(conn, row)?;
    let mut view = view_of(conn, &shown, lines, today)?;
    view.being_revised = under_revision(row);
    Ok(view)
}

fn view_of(conn: &mut DbConn, row: &QuoteRow, lines: Vec<Line>, today: NaiveDate) -> Result<PortalQuote, ApiError> {
    let client = parties::addressee(conn, &row.tenant_id, &row.client_id, &frozen(row))?;
    let totals = money::totals(&lines);
    let revisions = store::revisions(conn, &row.tenant_id, &row.id)?
        .into_iter()
        .filter(|r| r.revision < row.revision)
        .map(|r| {
            let s = snapshot_of(&r)?;
            Ok(RevisionSummary {
                revision: r.revision,
                sent_at: s.sent_at.map(utc),
                status: s.status,
                comment: s.comment,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(PortalQuote {
        id: row.id.clone(),
        number: row.number.clone(),
        revision: row.revision,
        title: row.title.clone(),
        notes: row.notes.clone(),
        status: QuoteStatus::of(&row.status, row.valid_until, today),
        client,
        currency: row.currency.clone(),
        lines,
        totals,
        valid_until: row.valid_until,
        sent_at: row.sent_at.map(utc),
        last_viewed_at: row.last_viewed_at.map(utc),
        decided_at: row.decided_at.map(utc),
        decision_comment: row.decision_comment.clone(),
        project_id: row.project_id.clone(),
        revisions,
        being_revised: false,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

/// The quote as staff see it: the row as it is now, draft edits included.
pub fn staff_view(conn: &mut DbConn, row: &QuoteRow, today: NaiveDate) -> Result<Quote, ApiError> {
    let lines = store::lines(conn, &row.tenant_id, &row.id)?.iter().map(QuoteLineRow::line).collect();
    Ok(Quote {
        quote: view_of(conn, row, lines, today)?,
        staff_id: row.staff_id.clone(),
        first_viewed_at: row.first_viewed_at.map(utc),
        view_count: row.view_count,
    })
}

/// Reads a quote back after a change, as staff see it.
pub fn reload(conn: &mut DbConn, tenant_id: &str, id: &str) -> Result<Quote, ApiError> {
    let row = staff_quote(conn, tenant_id, id)?;
    let today = today_of(conn, tenant_id)?;
    staff_view(conn, &row, today)
}

fn snapshot_of(row: &QuoteRevisionRow) -> Result<Snapshot, ApiError> {
    serde_json::from_str(&row.snapshot)
        .map_err(|e| ApiError::Internal(format!("quote revision {} is unreadable: {e}", row.id)))
}

/// A frozen revision of the quote, or 404.
pub fn revision(conn: &mut DbConn, row: &QuoteRow, revision: i32) -> Result<QuoteRevision, ApiError> {
    let found = store::revision(conn, &row.tenant_id, &row.id, revision)?;
    let found =
        found.ok_or_else(|| ApiError::NotFound(format!("Quote {} has no earlier revision {revision}.", row.number)))?;
    Ok(snapshot_of(&found)?.revision(revision))
}

/// Line rows and the totals to store on the quote.
fn priced(tenant_id: &str, quote_id: &str, inputs: &[LineInput]) -> (Vec<QuoteLineRow>, money::Totals) {
    let lines: Vec<Line> = inputs.iter().map(Line::of).collect();
    let totals = money::totals(&lines);
    let rows = lines.iter().enumerate().map(|(i, l)| QuoteLineRow::of(tenant_id, quote_id, i, l)).collect();
    (rows, totals)
}

fn subject<'a>(row: &'a QuoteRow) -> Subject<'a> {
    Subject { kind: "quote", id: &row.id, client_id: Some(&row.client_id) }
}

fn record(
    conn: &mut DbConn,
    actor: &Actor,
    row: &QuoteRow,
    verb: &str,
    extra: serde_json::Value,
) -> Result<(), ApiError> {
    let mut data = json!({ "number": row.number, "title": row.title, "revision": row.revision });
    if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
        data.extend(extra.clone());
    }
    events::record(conn, &row.tenant_id, actor, verb, subject(row), data)?;
    Ok(())
}

/// What a new quote is made of, once the request is read.
pub struct NewQuote {
    pub client_id: String,
    pub title: String,
    pub notes: Option<String>,
    pub currency: Option<String>,
    pub valid_until: Option<NaiveDate>,
    pub staff_id: Option<String>,
    pub project_id: Option<String>,
    pub lines: Vec<LineInput>,
}

/// Creates a numbered draft. The number comes from the tenant's counter in this same
/// transaction, so a failed creation gives its number back and concurrent ones take turns.
pub fn create(conn: &mut DbConn, tenant_id: &str, actor: &Actor, new: NewQuote) -> Result<Quote, ApiError> {
    let client = client_store::get(conn, tenant_id, &new.client_id)?
        .ok_or_else(|| ApiError::reference("client_id", "is not a client of your business"))?;
    if client.status == ClientStatus::Archived.as_str() {
        return Err(ApiError::Conflict("The client named in 'client_id' is archived; restore them first.".into()));
    }
    staff_store::ensure_member(conn, tenant_id, new.staff_id.as_deref())?;
    if let Some(project_id) = &new.project_id {
        running_project(conn, tenant_id, &client.id, project_id)?;
    }
    let tenant = tenant_store::get(conn, tenant_id)?;
    let settings = money::store::load(conn, tenant_id)?;
    let today = today(&tenant);
    let valid_until = new.valid_until.unwrap_or(today + Duration::days(i64::from(settings.quote_valid_days)));
    if valid_until < today {
        return Err(ApiError::validation("valid_until", "must not be in the past"));
    }
    let number = numbering::next_number(conn, tenant_id, DocKind::Quote, &settings.quote_prefix, today.year())?;
    let id = new_id();
    let (lines, totals) = priced(tenant_id, &id, &new.lines);
    let at = now();
    let row = QuoteRow {
        id: id.clone(),
        tenant_id: tenant_id.to_string(),
        client_id: client.id.clone(),
        staff_id: new.staff_id,
        number,
        revision: 1,
        title: new.title.trim().to_string(),
        notes: tidy(new.notes),
        currency: new.currency.unwrap_or_else(|| tenant.currency.clone()),
        subtotal_minor: totals.subtotal_minor,
        tax_minor: totals.tax_minor,
        total_minor: totals.total_minor,
        valid_until,
        status: QuoteStatus::Draft.as_str().to_string(),
        sent_at: None,
        first_viewed_at: None,
        last_viewed_at: None,
        view_count: 0,
        decided_at: None,
        decision_comment: None,
        project_chosen: new.project_id.is_some(),
        project_id: new.project_id,
        created_at: at,
        updated_at: at,
        addressee: None,
        issuer: None,
    };
    store::insert(conn, &row)?;
    store::replace_lines(conn, tenant_id, &id, &lines)?;
    record(conn, actor, &row, "created", json!({ "total_minor": row.total_minor, "currency": row.currency }))?;
    staff_view(conn, &row, today)
}

/// Edits a draft (anything else: 409, nothing changed).
pub fn update(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    id: &str,
    update: UpdateQuote,
) -> Result<Quote, ApiError> {
    let current = staff_quote(conn, tenant_id, id)?;
    let today = today_of(conn, tenant_id)?;
    if let Some(Some(project_id)) = &update.project_id {
        running_project(conn, tenant_id, &current.client_id, project_id)?;
    }
    if update.valid_until.is_some_and(|d| d < today) {
        return Err(ApiError::validation("valid_until", "must not be in the past"));
    }
    if let Some(staff_id) = &update.staff_id {
        staff_store::ensure_member(conn, tenant_id, staff_id.as_deref())?;
    }
    let fields = update.fields();
    let priced = update.lines.as_deref().map(|inputs| priced(tenant_id, id, inputs));
    let changes = QuoteChanges {
        title: update.title.map(|t| t.trim().to_string()),
        notes: update.notes.map(tidy),
        valid_until: update.valid_until,
        staff_id: update.staff_id,
        project_chosen: update.project_id.as_ref().map(Option::is_some),
        project_id: update.project_id,
        subtotal_minor: priced.as_ref().map(|(_, t)| t.subtotal_minor),
        tax_minor: priced.as_ref().map(|(_, t)| t.tax_minor),
        total_minor: priced.as_ref().map(|(_, t)| t.total_minor),
        updated_at: now(),
    };
    if store::update_draft(conn, tenant_id, id, &changes)? == 0 {
        return Err(refused(conn, tenant_id, id, "edited"));
    }
    if let Some((lines, _)) = &priced {
        store::replace_lines(conn, tenant_id, id, lines)?;
    }
    let row = staff_quote(conn, tenant_id, id)?;
    record(conn, actor, &row, "updated", json!({ "fields": fields }))?;
    staff_view(conn, &row, today)
}

/// draft → sent, and the client is emailed a link to it in the portal.
pub fn send(conn: &mut DbConn, config: &Config, tenant_id: &str, actor: &Actor, id: &str) -> Result<Quote, ApiError> {
    let current = staff_quote(conn, tenant_id, id)?;
    let tenant = tenant_store::get(conn, tenant_id)?;
    let today = today(&tenant);
    if current.status == QuoteStatus::Draft.as_str() && current.valid_until < today {
        return Err(ApiError::validation(
            "valid_until",
            "has passed; set a new last day (PATCH the quote) before sending it",
        ));
    }
    let frozen = parties::freeze(conn, tenant_id, &current.client_id)?;
    if store::send(conn, tenant_id, id, now(), frozen)? == 0 {
        return Err(refused(conn, tenant_id, id, "sent"));
    }
    let row = staff_quote(conn, tenant_id, id)?;
    record(conn, actor, &row, "sent", json!({}))?;
    let client = client_of(conn, &row)?;
    if client.status != ClientStatus::Archived.as_str() {
        let link = portal_link(config, &tenant.slug, &row.id);
        let lang = tenant.language_for(client.language.as_deref());
        let f = Formats::new(lang, &tenant.locale);
        let (number, title) = (row.number.as_str(), row.title.as_str());
        let words = Words {
            heading: if row.revision > 1 {
                tr!(lang, "quote-sent-heading-revised", number = number, title = title)
            } else {
                tr!(lang, "quote-sent-heading", number = number, title = title)
            },
            lines: vec![
                tr!(lang, "quote-sent-line", business = &tenant.name, title = title),
                tr!(lang, "quote-sent-total", total = f.money(row.total_minor, &row.currency)),
                tr!(lang, "quote-sent-until", date = f.date(row.valid_until)),
            ],
            button: tr!(lang, "quote-sent-button"),
        };
        let mail = templates::notice(&tenant.brand(), lang, &client.email, &words, &link);
        email::send(conn, config, &tenant, &client, ClientEmail::Notice, mail)?;
    }
    staff_view(conn, &row, today)
}

/// Freezes the current revision (as the client saw it) and reopens the quote as a draft of
/// the next revision: from changes_requested, or sent (expired or not).
pub fn revise(conn: &mut DbConn, tenant_id: &str, actor: &Actor, id: &str) -> Result<Quote, ApiError> {
    let current = staff_quote(conn, tenant_id, id)?;
    let today = today_of(conn, tenant_id)?;
    let at = now();
    if store::revise(conn, tenant_id, id, current.revision, at)? == 0 {
        return Err(refused(conn, tenant_id, id, "revised"));
    }
    let lines: Vec<Line> = store::lines(conn, tenant_id, id)?.iter().map(QuoteLineRow::line).collect();
    let snapshot = Snapshot {
        title: current.title.clone(),
        notes: current.notes.clone(),
        currency: current.currency.clone(),
        totals: money::totals(&lines),
        lines,
        valid_until: current.valid_until,
        sent_at: current.sent_at,
        status: QuoteStatus::of(&current.status, current.valid_until, today),
        comment: current.decision_comment.clone(),
    };
    let frozen = QuoteRevisionRow {
        id: new_id(),
        tenant_id: tenant_id.to_string(),
        quote_id: id.to_string(),
        revision: current.revision,
        snapshot: serde_json::to_string(&snapshot).map_err(|e| ApiError::Internal(e.to_string()))?,
        created_at: at,
    };
    store::insert_revision(conn, &frozen)?;
    let row = staff_quote(conn, tenant_id, id)?;
    record(conn, actor, &row, "revised", json!({ "from_revision": current.revision }))?;
    staff_view(conn, &row, today)
}

/// accepted → sent, by a staff member with a reason. The project the acceptance started
/// stays (work may have begun) but is no longer linked to the quote.
pub fn undo_acceptance(
    conn: &mut DbConn,
    tenant_id: &str,
    actor: &Actor,
    id: &str,
    reason: &str,
) -> Result<Quote, ApiError> {
    let current = staff_quote(conn, tenant_id, id)?;
    if store::undo_acceptance(conn, tenant_id, id, now())? == 0 {
        return Err(refused(conn, tenant_id, id, "un-accepted"));
    }
    let row = staff_quote(conn, tenant_id, id)?;
    let data = json!({ "reason": reason, "project_id": current.project_id });
    record(conn, actor, &row, "acceptance_undone", data)?;
    let today = today_of(conn, tenant_id)?;
    staff_view(conn, &row, today)
}

/// Counts the client's view (not when staff are viewing as the client); the first view
/// goes to the activity log.
pub fn viewed(conn: &mut DbConn, row: &QuoteRow) -> Result<(), ApiError> {
    if store::record_view(conn, &row.tenant_id, &row.id, now())? {
        let actor = Actor::Client { id: row.client_id.clone() };
        record(conn, &actor, row, "viewed", json!({}))?;
    }
    Ok(())
}

/// The client's decision on a sent, unexpired quote.
#[derive(Debug, Clone)]
pub enum Decision {
    /// With the address the client proved at login, kept with the acceptance.
    Accept(Option<String>),
    RequestChanges(String),
    Decline(Option<String>),
}

/// Applies the client's decision. An acceptance starts the project in this same
/// transaction: the UPDATE that wins the quote and the project's INSERT commit together,
/// and a losing UPDATE (0 rows) stops before any project exists.
pub fn decide(
    conn: &mut DbConn,
    config: &Config,
    tenant_id: &str,
    client_id: &str,
    id: &str,
    decision: Decision,
) -> Result<(PortalQuote, Option<String>), ApiError> {
    client_quote(conn, tenant_id, client_id, id)?;
    let tenant = tenant_store::get(conn, tenant_id)?;
    let today = today(&tenant);
    let at = now();
    let (to, comment, action) = match &decision {
        Decision::Accept(_) => (QuoteStatus::Accepted, None, "accepted"),
        Decision::RequestChanges(c) => (QuoteStatus::ChangesRequested, Some(c.as_str()), "sent back for changes"),
        Decision::Decline(c) => (QuoteStatus::Declined, c.as_deref(), "declined"),
    };
    if store::decide(conn, tenant_id, client_id, id, to.as_str(), comment, today, at)? == 0 {
        return Err(refused(conn, tenant_id, id, action));
    }
    let row = staff_quote(conn, tenant_id, id)?;
    let actor = Actor::Client { id: client_id.to_string() };
    let client = client_of(conn, &row)?;
    let answered = Acted { subject_type: "quote", subject_id: id, kinds: &[NotificationKind::QuoteSent], about: &any };
    resolve::acted(conn, tenant_id, client_id, answered)?;
    let project = match &decision {
        Decision::Accept(email) => {
            let (project, started) = match chosen_project(conn, &row)? {
                Some(project) => (add_to_project(conn, &actor, &row, project)?, false),
                None => (start_project(conn, &actor, &row)?, true),
            };
            store::link_project(conn, tenant_id, id, &project.id)?;
            let email = email.as_deref().unwrap_or(&client.email);
            let data = json!({
                "project_id": project.id,
                "project_name": project.name,
                "project_started": started,
                "proved_email": email,
            });
            record(conn, &actor, &row, "accepted", data)?;
            Some((project.id, project.name, started))
        }
        Decision::RequestChanges(_) => {
            record(conn, &actor, &row, "changes_requested", json!({ "comment": comment }))?;
            None
        }
        Decision::Decline(_) => {
            record(conn, &actor, &row, "declined", json!({ "comment": comment }))?;
            None
        }
    };
    email_staff(conn, config, &tenant, &row, |f, button| {
        let lang = f.language;
        let (who, number) = (client.name.as_str(), row.number.as_str());
        let heading = match to {
            QuoteStatus::Accepted => tr!(lang, "quote-accepted-heading", client = who, number = number),
            QuoteStatus::ChangesRequested => tr!(lang, "quote-changes-heading", client = who, number = number),
            _ => tr!(lang, "quote-declined-heading", client = who, number = number),
        };
        let total = f.money(row.total_minor, &row.currency);
        let mut lines = vec![tr!(lang, "quote-context", title = &row.title, revision = row.revision, total = total)];
        lines.extend(comment.map(|c| tr!(lang, "quoted", text = c)));
        match &project {
            Some((_, _, true)) => lines.push(tr!(lang, "quote-project-started", title = &row.title)),
            Some((_, name, false)) => lines.push(tr!(lang, "quote-project-added", project = name)),
            None => {}
        }
        Words { heading, lines, button }
    })?;
    let row = staff_quote(conn, tenant_id, id)?;
    Ok((portal_view(conn, &row, today)?, project.map(|(id, _, _)| id)))
}

/// The client's project `project_id`, if it is still running; else 422 naming the field.
fn running_project(conn: &mut DbConn, tenant_id: &str, client_id: &str, project_id: &str) -> Result<(), ApiError> {
    let (project, _) = project_store::get(conn, tenant_id, Some(client_id), project_id)?
        .ok_or_else(|| ApiError::reference("project_id", "is not a project of this quote's client"))?;
    if !ProjectStatus::OPEN.contains(&project.status.as_str()) {
        return Err(ApiError::validation(
            "project_id",
            "is a completed or cancelled project; choose a running one, or none to start a new project",
        ));
    }
    Ok(())
}

/// The running project staff wrote the quote for; `None` when there is none (or it has been
/// completed or cancelled since, when the acceptance starts a new one instead).
fn chosen_project(conn: &mut DbConn, quote: &QuoteRow) -> Result<Option<ProjectRow>, ApiError> {
    let Some(project_id) = quote.project_id.as_deref().filter(|_| quote.project_chosen) else {
        return Ok(None);
    };
    Ok(project_store::get(conn, &quote.tenant_id, Some(&quote.client_id), project_id)?
        .map(|(project, _)| project)
        .filter(|p| ProjectStatus::OPEN.contains(&p.status.as_str())))
}

/// The quote's lines become tasks at the end of the running project it was written for.
fn add_to_project(
    conn: &mut DbConn,
    actor: &Actor,
    quote: &QuoteRow,
    project: ProjectRow,
) -> Result<ProjectRow, ApiError> {
    let tasks = project_store::tasks(conn, &quote.tenant_id, &project.id)?;
    let first = tasks.iter().map(|t| t.position + 1).max().unwrap_or(0);
    let added = add_tasks(conn, quote, &project.id, first)?;
    let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
    let data = json!({ "quote_id": quote.id, "quote_number": quote.number, "tasks_added": added });
    events::record(conn, &quote.tenant_id, actor, "quote_accepted", subject, data)?;
    Ok(project)
}

/// One task per quote line, in the quote's order, from position `first` on; how many.
fn add_tasks(conn: &mut DbConn, quote: &QuoteRow, project_id: &str, first: i32) -> Result<usize, ApiError> {
    let at = now();
    let lines = store::lines(conn, &quote.tenant_id, &quote.id)?;
    for (i, line) in lines.iter().enumerate() {
        // Task titles are at most 300 characters; line descriptions may be longer.
        let title: String = line.description.chars().take(300).collect();
        let task = TaskRow {
            id: new_id(),
            tenant_id: quote.tenant_id.clone(),
            project_id: project_id.to_string(),
            title,
            status: TaskStatus::Todo.as_str().to_string(),
            position: first + i as i32,
            due_date: None,
            created_at: at,
            updated_at: at,
        };
        project_store::insert_task(conn, &task)?;
    }
    Ok(lines.len())
}

/// The project an acceptance starts: named after the quote, active, for the same client
/// and staff member, with one task per line in the quote's order.
pub fn start_project(conn: &mut DbConn, actor: &Actor, quote: &QuoteRow) -> Result<ProjectRow, ApiError> {
    let at = now();
    let project = ProjectRow {
        id: new_id(),
        tenant_id: quote.tenant_id.clone(),
        client_id: quote.client_id.clone(),
        staff_id: quote.staff_id.clone(),
        name: quote.title.clone(),
        description: Some(format!("Started from quote {} (revision {}).", quote.number, quote.revision)),
        status: ProjectStatus::Active.as_str().to_string(),
        start_date: None,
        due_date: None,
        client_uploads: false,
        created_at: at,
        updated_at: at,
    };
    project_store::insert(conn, &project)?;
    add_tasks(conn, quote, &project.id, 0)?;
    let subject = Subject { kind: "project", id: &project.id, client_id: Some(&project.client_id) };
    let data = json!({ "name": project.name, "quote_id": quote.id, "quote_number": quote.number });
    events::record(conn, &quote.tenant_id, actor, "created", subject, data)?;
    Ok(project)
}

/// `words` writes the notice in each reader's language and formats, given the button's label.
fn email_staff(
    conn: &mut DbConn,
    config: &Config,
    tenant: &TenantRow,
    quote: &QuoteRow,
    words: impl Fn(Formats, String) -> Words,
) -> Result<(), ApiError> {
    let link = config.public(&format!("/app/quotes/{}", quote.id));
    for member in staff_store::to_notify(conn, &quote.tenant_id, quote.staff_id.as_deref())? {
        let lang = tenant.language_for(member.language.as_deref());
        let words = words(Formats::new(lang, &tenant.locale), tr!(lang, "quote-open-button"));
        let mail = templates::notice(&tenant.brand(), lang, &member.email, &words, &link);
        outbox::store::enqueue_email(conn, Some(&tenant.id), &mail)?;
    }
    Ok(())
}

/// The quote's page in the client's portal.
pub fn portal_link(config: &Config, tenant_slug: &str, quote_id: &str) -> String {
    config.public(&format!("/portal/{tenant_slug}/quotes/{quote_id}"))
}

/// The quote's PDF and its file name. A pure function of the stored quote (and of today,
/// for the EXPIRED stamp), so staff and the client download the same bytes.
pub fn pdf(conn: &mut DbConn, row: &QuoteRow, lang: Option<Language>) -> Result<(Vec<u8>, String), ApiError> {
    let lines: Vec<Line> = store::lines(conn, &row.tenant_id, &row.id)?.iter().map(QuoteLineRow::line).collect();
    pdf_of(conn, row, lines, lang)
}

/// The PDF as the client may download it: while staff revise, the revision they were sent.
pub fn client_pdf(conn: &mut DbConn, row: &QuoteRow, lang: Option<Language>) -> Result<(Vec<u8>, String), ApiError> {
    let (shown, lines) = as_sent(conn, row)?;
    pdf_of(conn, &shown, lines, lang)
}

fn pdf_of(
    conn: &mut DbConn,
    row: &QuoteRow,
    lines: Vec<Line>,
    lang: Option<Language>,
) -> Result<(Vec<u8>, String), ApiError> {
    let tenant = tenant_store::get(conn, &row.tenant_id)?;
    let f = parties::reader(conn, &row.tenant_id, &row.client_id, lang)?;
    let parties = parties::of_document(conn, &row.tenant_id, &row.client_id, &frozen(row))?;
    let status = QuoteStatus::of(&row.status, row.valid_until, today(&tenant));
    let stamp = match status {
        QuoteStatus::Accepted => Some(pdf::Stamp::Accepted),
        QuoteStatus::Declined => Some(pdf::Stamp::Declined),
        QuoteStatus::Expired => Some(pdf::Stamp::Expired),
        _ => None,
    };
    let doc = pdf::DocumentPdf {
        id: row.id.clone(),
        kind: pdf::DocumentKind::Quote,
        number: row.number.clone(),
        title: row.title.clone(),
        stamp,
        letterhead: parties.issuer.letterhead(),
        bill_to: parties.addressee.lines(),
        facts: vec![
            (tr!(f.language, "pdf-valid-until"), f.date(row.valid_until)),
            (tr!(f.language, "pdf-revision"), row.revision.to_string()),
        ],
        currency: row.currency.clone(),
        totals: money::totals(&lines),
        lines,
        payments: vec![],
        amount_due: None,
        notes: row.notes.clone(),
        updated_at: row.updated_at,
        formats: f,
    };
    Ok((pdf::document(&doc), format!("{}.pdf", row.number)))
}
