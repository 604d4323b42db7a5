//! Quote rows, the quote's statuses and their transitions, and the DTOs staff and the
//! client's portal speak.
//!
//! Amounts are integer minor units of the quote's `currency`. Each line's net and tax are
//! rounded on their own, half to even (`money` module), and the totals are the plain sums of
//! those rounded line amounts, so the printed lines always add up to the printed total.

use crate::parties::Addressee;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::schema::{quote_lines, quote_revisions, quotes};
use crate::db::utc;
use crate::http::patch::double_option;
use crate::money::{Line, LineInput, Quantity, Totals};
use crate::rules;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = quotes)]
pub struct QuoteRow {
    pub id: String,
    pub tenant_id: String,
    pub client_id: String,
    pub staff_id: Option<String>,
    pub number: String,
    pub revision: i32,
    pub title: String,
    pub notes: Option<String>,
    pub currency: String,
    pub subtotal_minor: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub valid_until: NaiveDate,
    pub status: String,
    pub sent_at: Option<NaiveDateTime>,
    pub first_viewed_at: Option<NaiveDateTime>,
    pub last_viewed_at: Option<NaiveDateTime>,
    pub view_count: i32,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_comment: Option<String>,
    pub project_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// JSON of `parties::Addressee`, frozen when a revision is sent; a quote under
    /// revision keeps the one its client was sent.
    pub addressee: Option<String>,
    /// JSON of `parties::Issuer`, frozen alongside.
    pub issuer: Option<String>,
    /// `project_id` was chosen by staff (the quote is for that running project), not set
    /// by an acceptance that started a project.
    pub project_chosen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = quote_lines)]
pub struct QuoteLineRow {
    pub id: String,
    pub tenant_id: String,
    pub quote_id: String,
    pub position: i32,
    pub description: String,
    pub quantity_milli: i64,
    pub unit_price_minor: i64,
    pub tax_rate_bp: i32,
    pub discount_bp: i32,
    pub net_minor: i64,
    pub tax_minor: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = quote_revisions)]
pub struct QuoteRevisionRow {
    pub id: String,
    pub tenant_id: String,
    pub quote_id: String,
    pub revision: i32,
    pub snapshot: String,
    pub created_at: NaiveDateTime,
}

/// The editable fields of a draft; `None` leaves a field as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = quotes)]
pub struct QuoteChanges {
    pub title: Option<String>,
    pub notes: Option<Option<String>>,
    pub valid_until: Option<NaiveDate>,
    pub staff_id: Option<Option<String>>,
    pub project_id: Option<Option<String>>,
    pub project_chosen: Option<bool>,
    pub subtotal_minor: Option<i64>,
    pub tax_minor: Option<i64>,
    pub total_minor: Option<i64>,
    pub updated_at: NaiveDateTime,
}

impl QuoteLineRow {
    pub fn line(&self) -> Line {
        Line {
            description: self.description.clone(),
            quantity: Quantity(self.quantity_milli),
            unit_price_minor: self.unit_price_minor,
            tax_rate_bp: self.tax_rate_bp,
            discount_bp: self.discount_bp,
            net_minor: self.net_minor,
            tax_minor: self.tax_minor,
        }
    }

    pub fn of(tenant_id: &str, quote_id: &str, position: usize, line: &Line) -> QuoteLineRow {
        QuoteLineRow {
            id: crate::db::new_id(),
            tenant_id: tenant_id.to_string(),
            quote_id: quote_id.to_string(),
            position: position as i32,
            description: line.description.clone(),
            quantity_milli: line.quantity.milli(),
            unit_price_minor: line.unit_price_minor,
            tax_rate_bp: line.tax_rate_bp,
            discount_bp: line.discount_bp,
            net_minor: line.net_minor,
            tax_minor: line.tax_minor,
        }
    }
}

crate::text_enum! {
    /// Where a quote stands. `expired` is never stored: it is a `sent` quote whose
    /// `valid_until` has passed (in the business's time zone).
    pub enum QuoteStatus {
        /// Being written; the client cannot see it.
        Draft = "draft",
        /// With the client, waiting for their decision.
        Sent = "sent",
        /// The client accepted it; a project was started from it.
        Accepted = "accepted",
        /// The client asked for changes; staff revise it and send it again.
        ChangesRequested = "changes_requested",
        /// The client declined it.
        Declined = "declined",
        /// Sent, but its `valid_until` date has passed: it can no longer be accepted.
        Expired = "expired",
    }
}

impl QuoteStatus {
    /// The status as the API shows it on `today` (in the tenant's zone).
    pub fn of(stored: &str, valid_until: NaiveDate, today: NaiveDate) -> QuoteStatus {
        match QuoteStatus::stored_or(stored, QuoteStatus::Draft) {
            QuoteStatus::Sent if valid_until < today => QuoteStatus::Expired,
            other => other,
        }
    }

    /// How the status reads after "Quote Q-2026-0001 ".
    pub fn phrase(self) -> &'static str {
        match self {
            QuoteStatus::Draft => "a draft",
            QuoteStatus::Sent => "sent and waiting for the client's decision",
            QuoteStatus::Accepted => "accepted",
            QuoteStatus::ChangesRequested => "waiting for the changes the client asked for",
            QuoteStatus::Declined => "declined",
            QuoteStatus::Expired => "expired",
        }
    }

    /// What can still happen from this status, for 409 messages.
    pub fn next_steps(self) -> &'static str {
        match self {
            QuoteStatus::Draft => "staff can edit it and send it",
            QuoteStatus::Sent => "the client can accept it, request changes or decline it, and staff can revise it",
            QuoteStatus::Accepted => "staff can only undo the acceptance",
            QuoteStatus::ChangesRequested | QuoteStatus::Expired => "staff can revise it and send it again",
            QuoteStatus::Declined => "nothing more can happen to it; create a new quote instead",
        }
    }
}

/// The client a quote is for, in lists.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QuoteClientName {
    pub id: String,
    #[schema(example = "Maria Lopez")]
    pub name: String,
}

/// An earlier revision of a quote, in brief: open it with the revisions endpoint.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RevisionSummary {
    #[schema(example = 1)]
    pub revision: i32,
    pub sent_at: Option<DateTime<Utc>>,
    /// Where that revision stood when staff revised it (`changes_requested`, `sent` or
    /// `expired`).
    pub status: QuoteStatus,
    /// What the client said about it, when they asked for changes.
    pub comment: Option<String>,
}

/// An earlier revision of a quote, exactly as the client saw it. Amounts follow the same
/// rule as the quote: each line rounded half to even on its own, totals summed from lines.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QuoteRevision {
    #[schema(example = 1)]
    pub revision: i32,
    pub title: String,
    pub notes: Option<String>,
    #[schema(example = "EUR")]
    pub currency: String,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub valid_until: NaiveDate,
    pub sent_at: Option<DateTime<Utc>>,
    pub status: QuoteStatus,
    pub comment: Option<String>,
}

/// A quote as its client sees it: no drafts ever, and none of the staff's own fields.
///
/// Amounts are integer minor units of `currency` (cents; yen for JPY). Each line's net
/// (quantity × unit price − discount) and tax are rounded to the minor unit on their own,
/// half to even; `totals` are the sums of those rounded line amounts.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PortalQuote {
    pub id: String,
    #[schema(example = "Q-2026-0001")]
    pub number: String,
    /// 1, then one more each time the quote is revised after the client asked for changes.
    #[schema(example = 1)]
    pub revision: i32,
    #[schema(example = "Brand refresh")]
    pub title: String,
    pub notes: Option<String>,
    pub status: QuoteStatus,
    /// Who the quote is addressed to: as the client was when it was sent, and on a draft,
    /// as they are now.
    pub client: Addressee,
    #[schema(example = "EUR")]
    pub currency: String,
    pub lines: Vec<Line>,
    pub totals: Totals,
    /// The last day the quote can be accepted.
    pub valid_until: NaiveDate,
    pub sent_at: Option<DateTime<Utc>>,
    pub last_viewed_at: Option<DateTime<Utc>>,
    /// When the client accepted, declined or asked for changes.
    pub decided_at: Option<DateTime<Utc>>,
    /// The client's comment with their decision.
    pub decision_comment: Option<String>,
    /// The project the quote is for (chosen by staff) or that its acceptance started.
    pub project_id: Option<String>,
    /// The earlier revisions, oldest first.
    pub revisions: Vec<RevisionSummary>,
    /// In the portal: the business is preparing the next revision; this is the last one
    /// sent, readable but not open to a decision until the new one arrives. Always `false`
    /// for staff, who see the draft.
    pub being_revised: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A quote as staff see it: the client's view plus who answers for it and how often the
/// client has opened it (views by staff "viewing as the client" do not count).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Quote {
    #[serde(flatten)]
    pub quote: PortalQuote,
    /// The staff member told about the client's decisions; `null` means the owners and admins.
    pub staff_id: Option<String>,
    /// When the client first opened it in the portal.
    pub first_viewed_at: Option<DateTime<Utc>>,
    /// How many times the client opened it in the portal.
    pub view_count: i32,
}

/// A quote in the staff list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct QuoteSummary {
    pub id: String,
    #[schema(example = "Q-2026-0001")]
    pub number: String,
    pub revision: i32,
    pub title: String,
    pub status: QuoteStatus,
    pub client: QuoteClientName,
    #[schema(example = "EUR")]
    pub currency: String,
    pub total_minor: i64,
    pub valid_until: NaiveDate,
    pub sent_at: Option<DateTime<Utc>>,
    pub view_count: i32,
    pub first_viewed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// A quote in the client's list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PortalQuoteSummary {
    pub id: String,
    #[schema(example = "Q-2026-0001")]
    pub number: String,
    pub revision: i32,
    pub title: String,
    pub status: QuoteStatus,
    #[schema(example = "EUR")]
    pub currency: String,
    pub total_minor: i64,
    pub valid_until: NaiveDate,
    pub sent_at: Option<DateTime<Utc>>,
    /// The business is preparing the next revision; this is the last one sent.
    pub being_revised: bool,
    pub updated_at: DateTime<Utc>,
}

/// A page of quotes, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuotePage {
    pub items: Vec<QuoteSummary>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Your quotes, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalQuoteList {
    pub items: Vec<PortalQuoteSummary>,
}

/// The accepted quote and the project it started.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AcceptedQuote {
    pub quote: PortalQuote,
    pub project_id: String,
}

/// A new quote, created as a numbered draft.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateQuote {
    /// The client the quote is for, in your tenant.
    #[validate(length(min = 1, max = 100, message = "must be a client id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Brand refresh")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
    /// ISO 4217 code; default: your business's currency.
    #[validate(custom(function = "rules::currency"))]
    #[schema(
        pattern = "^(?:AED|AFN|ALL|AMD|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BGN|BHD|BIF|BMD|BND|BOB|BRL|BSD|BTN|BWP|BYN|BZD|CAD|CDF|CHF|CLP|CNY|COP|CRC|CUP|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GEL|GHS|GIP|GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MAD|MDL|MGA|MKD|MMK|MNT|MOP|MRU|MUR|MVR|MWK|MXN|MYR|MZN|NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PEN|PGK|PHP|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|SGD|SHP|SLE|SOS|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TMT|TND|TOP|TRY|TTD|TWD|TZS|UAH|UGX|USD|UYU|UZS|VED|VES|VND|VUV|WST|XAF|XCD|XCG|XOF|XPF|YER|ZAR|ZMW|ZWG)$"
    )]
    #[schema(example = "EUR")]
    pub currency: Option<String>,
    /// The last day it can be accepted; default: today + the billing settings'
    /// `quote_valid_days`.
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    pub valid_until: Option<NaiveDate>,
    /// Who is told about the client's decisions; default: nobody (owners and admins are told).
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<String>,
    /// The client's running project (planned, active or on hold) this quote is for:
    /// accepting it adds its lines to that project as tasks instead of starting a new one.
    #[validate(length(min = 1, max = 100, message = "must be a project id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub project_id: Option<String>,
    /// 1 to 200 lines; net, tax and totals are computed by the server.
    #[serde(deserialize_with = "crate::money::lines::lines_field")]
    #[validate(length(min = 1, message = "must hold at least one line"), nested)]
    #[schema(min_items = 1, max_items = 200)]
    pub lines: Vec<LineInput>,
}

/// Changes to a draft. Fields left out stay as they are; `null` clears `notes` or
/// `staff_id`; `lines`, when sent, replaces every line.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"valid_until": "2026-12-31", "lines": [{"description": "Logo design", "quantity": "1", "unit_price_minor": 120000, "tax_rate_bp": 2000}, {"description": "Brand guidelines", "quantity": "2.5", "unit_price_minor": 30000, "tax_rate_bp": 2000}]}))]
pub struct UpdateQuote {
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 10000)]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(custom(function = "rules::sane_date"))]
    #[schema(pattern = "^20[0-9]{2}-")]
    #[schema(nullable = false)]
    pub valid_until: Option<NaiveDate>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<Option<String>>,
    /// The running project the quote is for; `null`: none (accepting starts a new project).
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(min = 1, max = 100, message = "must be a project id"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 1, max_length = 100)]
    pub project_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::money::lines::some_lines_field")]
    #[validate(length(min = 1, message = "must hold at least one line"), nested)]
    #[schema(min_items = 1, max_items = 200, nullable = false)]
    pub lines: Option<Vec<LineInput>>,
}

impl UpdateQuote {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("title", self.title.is_some()),
            ("notes", self.notes.is_some()),
            ("valid_until", self.valid_until.is_some()),
            ("staff_id", self.staff_id.is_some()),
            ("project_id", self.project_id.is_some()),
            ("lines", self.lines.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }
}

/// Why staff undo the client's acceptance (kept in the activity log).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UndoAcceptance {
    #[validate(
        length(min = 1, max = 2000, message = "must be 1 to 2000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "The client accepted by mistake; they will accept the revised quote.")]
    #[schema(min_length = 1, max_length = 2000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub reason: String,
}

/// What the client wants changed.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestQuoteChanges {
    #[validate(
        length(min = 1, max = 2000, message = "must be 1 to 2000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Could the logo work be split into two phases?")]
    #[schema(min_length = 1, max_length = 2000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub comment: String,
}

/// The client declines the quote, optionally saying why.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"comment": "We went with a smaller scope for now."}))]
pub struct DeclineQuote {
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// Filters of the staff list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuoteListQuery {
    /// `draft`, `sent` (and not expired), `accepted`, `changes_requested`, `declined` or
    /// `expired`. Default: all.
    #[param(value_type = Option<String>, pattern = "^(?:draft|sent|accepted|changes_requested|declined|expired)?$")]
    pub status: Option<String>,
    /// Only this client's quotes.
    pub client_id: Option<String>,
    /// Case-insensitive search in the number, the title and the client's name.
    #[param(max_length = 200)]
    pub q: Option<String>,
}

/// Filters of the portal list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalQuoteListQuery {
    /// `open` (waiting for your decision, or for the changes you asked for) or `closed`
    /// (accepted, declined, expired). Default: both.
    #[param(value_type = Option<String>, pattern = "^(?:open|closed)?$")]
    pub state: Option<String>,
}

/// A frozen revision, as stored in `quote_revisions.snapshot`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub title: String,
    pub notes: Option<String>,
    pub currency: String,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub valid_until: NaiveDate,
    pub sent_at: Option<NaiveDateTime>,
    pub status: QuoteStatus,
    pub comment: Option<String>,
}

impl Snapshot {
    pub fn revision(self, revision: i32) -> QuoteRevision {
        QuoteRevision {
            revision,
            title: self.title,
            notes: self.notes,
            currency: self.currency,
            lines: self.lines,
            totals: self.totals,
            valid_until: self.valid_until,
            sent_at: self.sent_at.map(utc),
            status: self.status,
            comment: self.comment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sent_quote_expires_after_its_last_day() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let next = day.succ_opt().unwrap();
        assert_eq!(QuoteStatus::of("sent", day, day), QuoteStatus::Sent, "valid on its last day");
        assert_eq!(QuoteStatus::of("sent", day, next), QuoteStatus::Expired);
        assert_eq!(QuoteStatus::of("accepted", day, next), QuoteStatus::Accepted, "only sent ones expire");
        assert_eq!(QuoteStatus::of("changes_requested", day, next), QuoteStatus::ChangesRequested);
    }
}
