//! Quote queries. Every function takes the tenant id first (and, for the portal, the
//! client id). Status changes are single conditional UPDATEs naming the statuses they may
//! start from; they report how many rows changed, and 0 means the quote was not (or no
//! longer) in one of them — which is how the 49 losers of 50 concurrent accepts lose, on
//! SQLite (one writer) and PostgreSQL (the row lock, then the WHERE re-checked) alike.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::model::{QuoteChanges, QuoteLineRow, QuoteRevisionRow, QuoteRow};
use crate::db::DbConn;
use crate::db::schema::{clients, quote_lines, quote_revisions, quotes};
use crate::db::text::{contains_pattern, lower};

/// Which quotes a list shows, by stored status and expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    /// Every status but draft (what the client may see).
    NotDraft,
    /// One stored status other than sent.
    Stored(&'static str),
    /// Sent and still valid.
    SentValid,
    /// Sent and past its last day.
    Expired,
    /// The client's open ones: sent and valid, or waiting for changes.
    Open,
    /// The client's closed ones: accepted, declined, or expired.
    Closed,
}

pub struct ListFilter {
    pub status: StatusFilter,
    pub client_id: Option<String>,
    /// Case-insensitive substring of the number, the title or the client's name.
    pub q: Option<String>,
    /// The id the page starts after (newest first).
    pub before_id: Option<String>,
    pub limit: i64,
    /// Today in the tenant's zone, for expiry.
    pub today: NaiveDate,
}

/// Quotes newest first, with their client's name.
pub fn list(conn: &mut DbConn, tenant_id: &str, f: &ListFilter) -> QueryResult<Vec<(QuoteRow, String)>> {
    let mut query = quotes::table
        .inner_join(clients::table)
        .filter(quotes::tenant_id.eq(tenant_id))
        .filter(clients::tenant_id.eq(tenant_id))
        .select((QuoteRow::as_select(), clients::name))
        .order(quotes::id.desc())
        .limit(f.limit)
        .into_boxed();
    let today = f.today;
    query = match f.status {
        StatusFilter::All => query,
        StatusFilter::NotDraft => query.filter(quotes::status.ne("draft").or(quotes::revision.gt(1))),
        StatusFilter::Stored(s) => query.filter(quotes::status.eq(s)),
        StatusFilter::SentValid => query.filter(quotes::status.eq("sent")).filter(quotes::valid_until.ge(today)),
        StatusFilter::Expired => query.filter(quotes::status.eq("sent")).filter(quotes::valid_until.lt(today)),
        StatusFilter::Open => query.filter(
            quotes::status
                .eq("changes_requested")
                .or(quotes::status.eq("sent").and(quotes::valid_until.ge(today)))
                .or(quotes::status.eq("draft").and(quotes::revision.gt(1))),
        ),
        StatusFilter::Closed => query.filter(
            quotes::status
                .eq_any(["accepted", "declined"])
                .or(quotes::status.eq("sent").and(quotes::valid_until.lt(today))),
        ),
    };
    if let Some(client_id) = &f.client_id {
        query = query.filter(quotes::client_id.eq(client_id.clone()));
    }
    if let Some(before) = &f.before_id {
        query = query.filter(quotes::id.lt(before.clone()));
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        query = query.filter(
            lower(quotes::title)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(quotes::number).like(pattern.clone()).escape('\\'))
                .or(lower(clients::name).like(pattern).escape('\\')),
        );
    }
    query.load(conn)
}

/// One quote of this tenant (and of this client, when given; drafts excluded then).
pub fn get(conn: &mut DbConn, tenant_id: &str, client_id: Option<&str>, id: &str) -> QueryResult<Option<QuoteRow>> {
    let mut query = quotes::table
        .filter(quotes::tenant_id.eq(tenant_id))
        .filter(quotes::id.eq(id))
        .select(QuoteRow::as_select())
        .into_boxed();
    if let Some(client_id) = client_id {
        // A draft after the first revision is a quote staff are revising: its client keeps it.
        query = query
            .filter(quotes::client_id.eq(client_id.to_string()))
            .filter(quotes::status.ne("draft").or(quotes::revision.gt(1)));
    }
    query.first(conn).optional()
}

pub fn insert(conn: &mut DbConn, row: &QuoteRow) -> QueryResult<()> {
    diesel::insert_into(quotes::table).values(row).execute(conn).map(|_| ())
}

/// The quote's lines in order.
pub fn lines(conn: &mut DbConn, tenant_id: &str, quote_id: &str) -> QueryResult<Vec<QuoteLineRow>> {
    quote_lines::table
        .filter(quote_lines::tenant_id.eq(tenant_id))
        .filter(quote_lines::quote_id.eq(quote_id))
        .order(quote_lines::position)
        .select(QuoteLineRow::as_select())
        .load(conn)
}

/// Replaces every line of the quote.
pub fn replace_lines(conn: &mut DbConn, tenant_id: &str, quote_id: &str, rows: &[QuoteLineRow]) -> QueryResult<()> {
    diesel::delete(
        quote_lines::table.filter(quote_lines::tenant_id.eq(tenant_id)).filter(quote_lines::quote_id.eq(quote_id)),
    )
    .execute(conn)?;
    // One statement per line: `MultiConnection` has no batch insert, and there are at most 200.
    for row in rows {
        diesel::insert_into(quote_lines::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Edits a draft; 0 when the quote is not (or no longer) a draft.
pub fn update_draft(conn: &mut DbConn, tenant_id: &str, id: &str, changes: &QuoteChanges) -> QueryResult<usize> {
    diesel::update(
        quotes::table
            .filter(quotes::tenant_id.eq(tenant_id))
            .filter(quotes::id.eq(id))
            .filter(quotes::status.eq("draft")),
    )
    .set(changes)
    .execute(conn)
}

/// draft → sent, freezing who it is between (`parties::freeze`).
pub fn send(
    conn: &mut DbConn,
    tenant_id: &str,
    id: &str,
    at: NaiveDateTime,
    (addressee, issuer): (String, String),
) -> QueryResult<usize> {
    diesel::update(
        quotes::table
            .filter(quotes::tenant_id.eq(tenant_id))
            .filter(quotes::id.eq(id))
            .filter(quotes::status.eq("draft")),
    )
    .set((
        quotes::status.eq("sent"),
        quotes::sent_at.eq(Some(at)),
        quotes::updated_at.eq(at),
        quotes::addressee.eq(addressee),
        quotes::issuer.eq(issuer),
    ))
    .execute(conn)
}

/// The client's decision on a sent quote that is still valid on `today`: accepted,
/// changes_requested or declined.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    id: &str,
    to: &str,
    comment: Option<&str>,
    today: NaiveDate,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        quotes::table
            .filter(quotes::tenant_id.eq(tenant_id))
            .filter(quotes::client_id.eq(client_id))
            .filter(quotes::id.eq(id))
            .filter(quotes::status.eq("sent"))
            .filter(quotes::valid_until.ge(today)),
    )
    .set((
        quotes::status.eq(to),
        quotes::decided_at.eq(Some(at)),
        quotes::decision_comment.eq(comment),
        quotes::updated_at.eq(at),
    ))
    .execute(conn)
}

/// Links the project an acceptance started.
pub fn link_project(conn: &mut DbConn, tenant_id: &str, id: &str, project_id: &str) -> QueryResult<usize> {
    diesel::update(quotes::table.filter(quotes::tenant_id.eq(tenant_id)).filter(quotes::id.eq(id)))
        .set(quotes::project_id.eq(Some(project_id)))
        .execute(conn)
}

/// accepted → sent, the project unlinked and the decision cleared.
pub fn undo_acceptance(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        quotes::table
            .filter(quotes::tenant_id.eq(tenant_id))
            .filter(quotes::id.eq(id))
            .filter(quotes::status.eq("accepted")),
    )
    .set((
        quotes::status.eq("sent"),
        // A project staff chose stays the quote's; one the acceptance started is let go.
        quotes::project_id
            .eq(diesel::dsl::case_when(quotes::project_chosen, quotes::project_id).otherwise(None::<String>)),
        quotes::decided_at.eq(None::<NaiveDateTime>),
        quotes::decision_comment.eq(None::<String>),
        quotes::updated_at.eq(at),
    ))
    .execute(conn)
}

/// changes_requested or sent (expired or not), still at `revision` → a draft of the next
/// revision, the decision and sending cleared.
pub fn revise(conn: &mut DbConn, tenant_id: &str, id: &str, revision: i32, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        quotes::table
            .filter(quotes::tenant_id.eq(tenant_id))
            .filter(quotes::id.eq(id))
            .filter(quotes::revision.eq(revision))
            .filter(quotes::status.eq_any(["sent", "changes_requested"])),
    )
    .set((
        quotes::status.eq("draft"),
        quotes::revision.eq(revision + 1),
        quotes::sent_at.eq(None::<NaiveDateTime>),
        quotes::decided_at.eq(None::<NaiveDateTime>),
        quotes::decision_comment.eq(None::<String>),
        quotes::updated_at.eq(at),
    ))
    .execute(conn)
}

/// Counts a view by the client; true when it was their first. `updated_at` stays: a view
/// changes nothing in the quote (and so nothing in its PDF).
pub fn record_view(conn: &mut DbConn, tenant_id: &str, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let mine = || quotes::table.filter(quotes::tenant_id.eq(tenant_id)).filter(quotes::id.eq(id));
    diesel::update(mine())
        .set((quotes::view_count.eq(quotes::view_count + 1), quotes::last_viewed_at.eq(Some(at))))
        .execute(conn)?;
    let first = diesel::update(mine().filter(quotes::first_viewed_at.is_null()))
        .set(quotes::first_viewed_at.eq(Some(at)))
        .execute(conn)?;
    Ok(first == 1)
}

pub fn insert_revision(conn: &mut DbConn, row: &QuoteRevisionRow) -> QueryResult<()> {
    diesel::insert_into(quote_revisions::table).values(row).execute(conn).map(|_| ())
}

/// The frozen revisions of a quote, oldest first.
pub fn revisions(conn: &mut DbConn, tenant_id: &str, quote_id: &str) -> QueryResult<Vec<QuoteRevisionRow>> {
    quote_revisions::table
        .filter(quote_revisions::tenant_id.eq(tenant_id))
        .filter(quote_revisions::quote_id.eq(quote_id))
        .order(quote_revisions::revision)
        .select(QuoteRevisionRow::as_select())
        .load(conn)
}

pub fn revision(
    conn: &mut DbConn,
    tenant_id: &str,
    quote_id: &str,
    revision: i32,
) -> QueryResult<Option<QuoteRevisionRow>> {
    quote_revisions::table
        .filter(quote_revisions::tenant_id.eq(tenant_id))
        .filter(quote_revisions::quote_id.eq(quote_id))
        .filter(quote_revisions::revision.eq(revision))
        .select(QuoteRevisionRow::as_select())
        .first(conn)
        .optional()
}
