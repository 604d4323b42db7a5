//! Client rows and the DTOs the API speaks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::schema::clients;
use crate::db::utc;
use crate::http::patch::{double_option, no_null};
use crate::i18n::Language;
use crate::outbox::store::{KIND_SMS, OutboxRow, PURPOSE_INVITE};
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = clients)]
pub struct ClientRow {
    pub id: String,
    pub tenant_id: String,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub company: Option<String>,
    pub notes: Option<String>,
    pub status: String,
    pub portal_enabled: bool,
    pub invited_at: Option<NaiveDateTime>,
    pub last_login_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Skip the non-essential emails (notices); see `super::email`.
    pub email_opt_out: bool,
    /// Postal address for invoices, one line per line.
    pub billing_address: Option<String>,
    /// VAT or other tax ID, printed on quotes and invoices.
    pub tax_id: Option<String>,
    /// The language they read (`en`, `de`, `fr`, `es`); `None` until chosen.
    pub language: Option<String>,
    /// The IANA zone they read times in; `None`: the business's.
    pub time_zone: Option<String>,
}

crate::text_enum! {
    /// Where a client stands with the business.
    pub enum ClientStatus {
        /// A prospect: known, not yet a customer.
        Lead = "lead",
        /// A customer.
        Active = "active",
        /// Kept for the records, hidden from lists, cannot log in.
        Archived = "archived",
    }
}

/// A client of the business, as staff see it (with internal notes).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Client {
    pub id: String,
    /// Lowercased. Several clients may share one email (one person, two companies).
    #[schema(example = "maria@example.com")]
    pub email: String,
    #[schema(example = "Maria Lopez")]
    pub name: String,
    #[schema(example = "+34 612 345 678")]
    pub phone: Option<String>,
    #[schema(example = "Lopez Design SL")]
    pub company: Option<String>,
    /// Postal address for quotes and invoices, one line per line.
    #[schema(example = "Calle Mayor 1\n28013 Madrid\nSpain")]
    pub billing_address: Option<String>,
    /// VAT or other tax ID, printed on quotes and invoices.
    #[schema(example = "ESB12345678")]
    pub tax_id: Option<String>,
    /// Internal notes; never shown to the client.
    pub notes: Option<String>,
    pub status: ClientStatus,
    /// Whether this client may log in to the portal.
    pub portal_enabled: bool,
    /// The client turned off non-essential emails (news they also see in the portal).
    /// Login codes, invitations, invoices, receipts and signed contracts are always sent.
    pub email_opt_out: bool,
    /// The language the client reads the portal, emails and documents in; `null` until
    /// staff or the client choose one (or their browser's is noted at first login), and
    /// the business's default applies meanwhile.
    pub language: Option<Language>,
    /// The IANA time zone the client reads times in (noted from their browser, or chosen
    /// in the portal); `null`: the business's.
    #[schema(value_type = Option<String>, example = "Europe/Madrid")]
    pub time_zone: Option<String>,
    pub invited_at: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ClientRow> for Client {
    fn from(r: ClientRow) -> Client {
        Client {
            status: ClientStatus::stored_or(&r.status, ClientStatus::Active),
            id: r.id,
            email: r.email,
            name: r.name,
            phone: r.phone,
            company: r.company,
            billing_address: r.billing_address,
            tax_id: r.tax_id,
            notes: r.notes,
            portal_enabled: r.portal_enabled,
            email_opt_out: r.email_opt_out,
            language: Language::stored(r.language.as_deref()),
            time_zone: r.time_zone,
            invited_at: r.invited_at.map(utc),
            last_login_at: r.last_login_at.map(utc),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// A page of clients.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ClientPage {
    pub items: Vec<Client>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A new client.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateClient {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[schema(example = "maria@example.com")]
    #[schema(max_length = 254)]
    #[schema(format = Email)]
    pub email: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Maria Lopez")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(custom(function = "rules::phone"))]
    #[schema(min_length = 5, max_length = 32, pattern = "^[ +()./-]*(?:[0-9][ +()./-]*){5,}$")]
    pub phone: Option<String>,
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(max_length = 200)]
    pub company: Option<String>,
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[validate(custom(function = "rules::at_most_eight_lines"))]
    #[schema(max_length = 500, pattern = "^[^\\u0000\\n]*(?:\\n[^\\u0000\\n]*){0,7}$")]
    /// Postal address for quotes and invoices, one line per line (at most 8 lines).
    pub billing_address: Option<String>,
    #[validate(length(max = 50, message = "must be at most 50 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(max_length = 50)]
    /// VAT or other tax ID, printed on quotes and invoices.
    pub tax_id: Option<String>,
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
    /// `lead` or `active` (default). Archive with the archive action.
    #[validate(custom(function = "not_archived"))]
    #[schema(value_type = Option<SettableClientStatus>)]
    pub status: Option<ClientStatus>,
    /// Default `true`.
    pub portal_enabled: Option<bool>,
    /// Default `false`: the client gets notice emails.
    pub email_opt_out: Option<bool>,
    /// The language to write to the client in; left out, the business's default applies
    /// until the client chooses.
    pub language: Option<Language>,
}

/// Changes to a client. Fields left out stay as they are; `null` clears an optional field.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"phone": "+33 6 12 34 56 78", "company": "Lopez Interiors", "portal_enabled": true}))]
pub struct UpdateClient {
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    /// The address the client logs in with. Changing it needs `clients:email`, ends their
    /// sessions and emails the old address.
    #[schema(max_length = 254)]
    #[schema(format = Email)]
    pub email: Option<String>,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(custom(function = "rules::phone"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 5, max_length = 32, pattern = "^[ +()./-]*(?:[0-9][ +()./-]*){5,}$")]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(max_length = 200)]
    pub company: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[validate(custom(function = "rules::at_most_eight_lines"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 500, pattern = "^[^\\u0000\\n]*(?:\\n[^\\u0000\\n]*){0,7}$")]
    /// Postal address for quotes and invoices, one line per line (at most 8 lines).
    pub billing_address: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 50, message = "must be at most 50 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(max_length = 50)]
    /// VAT or other tax ID, printed on quotes and invoices.
    pub tax_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 10000, message = "must be at most 10000 characters"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 10000)]
    pub notes: Option<Option<String>>,
    /// `lead` or `active`. Archive and restore with their actions.
    #[validate(custom(function = "not_archived"))]
    #[schema(value_type = Option<SettableClientStatus>)]
    pub status: Option<ClientStatus>,
    pub portal_enabled: Option<bool>,
    /// `true` skips the non-essential emails; the client can change it in their profile.
    pub email_opt_out: Option<bool>,
    /// The language to write to the client in; `null` goes back to the business's default.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Language>, nullable)]
    pub language: Option<Option<Language>>,
    /// The client's time zone; `null` goes back to the business's.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(custom(function = "rules::timezone"))]
    #[schema(value_type = Option<rules::TimeZoneName>, nullable)]
    pub time_zone: Option<Option<String>>,
}

/// The statuses a create or an update may set: archiving has its own action (it ends the
/// client's sessions), so the spec leaves `archived` out of these bodies.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum SettableClientStatus {
    Lead,
    Active,
}

fn not_archived(status: &ClientStatus) -> Result<(), validator::ValidationError> {
    if *status == ClientStatus::Archived {
        Err(validator::ValidationError::new("status")
            .with_message("must be 'lead' or 'active'; use POST /clients/{id}/archive to archive".into()))
    } else {
        Ok(())
    }
}

#[derive(Debug, AsChangeset)]
#[diesel(table_name = clients)]
pub struct ClientChanges {
    pub email: Option<String>,
    pub name: Option<String>,
    pub phone: Option<Option<String>>,
    pub company: Option<Option<String>>,
    pub billing_address: Option<Option<String>>,
    pub tax_id: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    pub status: Option<String>,
    pub portal_enabled: Option<bool>,
    pub email_opt_out: Option<bool>,
    pub language: Option<Option<String>>,
    pub time_zone: Option<Option<String>>,
    pub updated_at: NaiveDateTime,
}

use crate::rules::tidy;

impl ClientChanges {
    /// Only the login email.
    pub fn email(email: String, at: NaiveDateTime) -> ClientChanges {
        ClientChanges {
            email: Some(email),
            name: None,
            phone: None,
            company: None,
            billing_address: None,
            tax_id: None,
            notes: None,
            status: None,
            portal_enabled: None,
            email_opt_out: None,
            language: None,
            time_zone: None,
            updated_at: at,
        }
    }
}

impl UpdateClient {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("email", self.email.is_some()),
            ("name", self.name.is_some()),
            ("phone", self.phone.is_some()),
            ("company", self.company.is_some()),
            ("billing_address", self.billing_address.is_some()),
            ("tax_id", self.tax_id.is_some()),
            ("notes", self.notes.is_some()),
            ("status", self.status.is_some()),
            ("portal_enabled", self.portal_enabled.is_some()),
            ("email_opt_out", self.email_opt_out.is_some()),
            ("language", self.language.is_some()),
            ("time_zone", self.time_zone.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }

    pub fn into_changes(self, now: NaiveDateTime) -> ClientChanges {
        ClientChanges {
            email: self.email.map(|e| e.trim().to_lowercase()),
            name: self.name.map(|n| n.trim().to_string()),
            phone: self.phone.map(tidy),
            company: self.company.map(tidy),
            billing_address: self.billing_address.map(tidy),
            tax_id: self.tax_id.map(tidy),
            notes: self.notes.map(tidy),
            status: self.status.map(|s| s.as_str().to_string()),
            portal_enabled: self.portal_enabled,
            email_opt_out: self.email_opt_out,
            language: self.language.map(|l| l.map(|l| l.as_str().to_string())),
            time_zone: self.time_zone,
            updated_at: now,
        }
    }
}

impl CreateClient {
    pub fn into_row(self, tenant_id: &str, id: String, now: NaiveDateTime) -> ClientRow {
        ClientRow {
            id,
            tenant_id: tenant_id.to_string(),
            email: self.email.trim().to_lowercase(),
            name: self.name.trim().to_string(),
            phone: tidy(self.phone),
            company: tidy(self.company),
            notes: tidy(self.notes),
            status: self.status.unwrap_or(ClientStatus::Active).as_str().to_string(),
            portal_enabled: self.portal_enabled.unwrap_or(true),
            invited_at: None,
            last_login_at: None,
            created_at: now,
            updated_at: now,
            email_opt_out: self.email_opt_out.unwrap_or(false),
            billing_address: tidy(self.billing_address),
            tax_id: tidy(self.tax_id),
            language: self.language.map(|l| l.as_str().to_string()),
            time_zone: None,
        }
    }
}

/// Order of a client list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientSort {
    /// By name, A → Z (default).
    Name,
    /// Newest first.
    NewestFirst,
}

/// Filters of the client list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClientListQuery {
    /// Case-insensitive search in name, email and company.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// `lead`, `active`, `archived`, or `all`. Default: everyone but archived.
    #[param(value_type = Option<String>, pattern = "^(?:lead|active|archived|all)$")]
    pub status: Option<String>,
    /// `name` (A → Z, default) or `-created` (newest first).
    #[param(value_type = Option<String>, pattern = "^(?:name|-created)$")]
    pub sort: Option<String>,
}

/// The logged-in client.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalMe {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub company: Option<String>,
    /// Your postal address for quotes and invoices, one line per line.
    pub billing_address: Option<String>,
    /// Your VAT or other tax ID, printed on quotes and invoices.
    pub tax_id: Option<String>,
    /// You turned off non-essential emails (news you also see in the portal). Login codes,
    /// invoices, receipts and signed contracts still come.
    pub email_opt_out: bool,
    /// The language you read the portal, emails and documents in; `null` until you choose
    /// (the business's default applies meanwhile).
    pub language: Option<Language>,
    /// The business's default language.
    pub tenant_language: Language,
    /// The IANA zone you read times in; `null` until set (the business's applies meanwhile).
    #[schema(value_type = Option<String>, example = "Europe/Madrid")]
    pub time_zone: Option<String>,
    /// The business's IANA time zone.
    #[schema(example = "Europe/Berlin")]
    pub tenant_time_zone: String,
    pub tenant_slug: String,
    pub tenant_name: String,
    /// True when a staff member is viewing the portal as this client (read-only).
    pub impersonated: bool,
}

/// Changes a client makes to their own details and email preference. Fields left out stay
/// as they are; `null` clears the phone, the company, the billing address or the tax ID. The email is the login, so only
/// staff change it.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePortalMe {
    #[serde(default, deserialize_with = "no_null")]
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(value_type = String, required = false, example = "Maria Lopez")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(custom(function = "rules::phone"))]
    #[schema(value_type = Option<String>, nullable, example = "+34 612 345 678")]
    #[schema(min_length = 5, max_length = 32, pattern = "^[ +()./-]*(?:[0-9][ +()./-]*){5,}$")]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    #[schema(value_type = Option<String>, nullable, example = "Lopez Design SL")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(max_length = 200)]
    pub company: Option<Option<String>>,
    /// Your postal address for quotes and invoices, at most 8 lines. Documents already
    /// sent keep the address they were sent with.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[validate(custom(function = "rules::at_most_eight_lines"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 500, pattern = "^[^\\u0000\\n]*(?:\\n[^\\u0000\\n]*){0,7}$")]
    pub billing_address: Option<Option<String>>,
    /// Your VAT or other tax ID.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(max = 50, message = "must be at most 50 characters"))]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$")]
    #[schema(max_length = 50)]
    pub tax_id: Option<Option<String>>,
    /// `true` turns off non-essential emails; `false` turns them back on.
    #[serde(default, deserialize_with = "no_null")]
    #[schema(value_type = bool, required = false)]
    #[schema(nullable = false)]
    pub email_opt_out: Option<bool>,
    /// The language to read the portal, emails and documents in.
    #[serde(default, deserialize_with = "no_null")]
    #[schema(value_type = Language, required = false)]
    #[schema(nullable = false)]
    pub language: Option<Language>,
    /// The IANA time zone to show times in (the portal notes the browser's); `null` goes
    /// back to the business's.
    #[serde(default, deserialize_with = "double_option")]
    #[validate(custom(function = "rules::timezone"))]
    #[schema(value_type = Option<rules::TimeZoneName>, nullable)]
    pub time_zone: Option<Option<String>>,
}

impl From<UpdatePortalMe> for UpdateClient {
    /// The same change staff could make, limited to the fields a client may touch.
    fn from(u: UpdatePortalMe) -> UpdateClient {
        UpdateClient {
            name: u.name,
            phone: u.phone,
            company: u.company,
            billing_address: u.billing_address,
            tax_id: u.tax_id,
            email_opt_out: u.email_opt_out,
            language: u.language.map(Some),
            time_zone: u.time_zone,
            ..UpdateClient::default()
        }
    }
}

/// The longest a login link lives, in minutes.
pub const LOGIN_LINK_MAX_MINUTES: i64 = 15;

/// A one-click login link for the client: leave `minutes` out for the longest, 15.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"minutes": 10}))]
pub struct CreateLoginLink {
    /// How long the link works, 1 to 15 minutes. Default 15.
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(range(min = 1, max = 15, message = "must be from 1 to 15 minutes"))]
    #[schema(minimum = 1, maximum = 15, nullable = false)]
    pub minutes: Option<i64>,
}

/// A single-use link that logs the client in to the portal (through the same "Continue as"
/// page an emailed link opens). Hand it to the client only; it works once, until `expires_at`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LoginLink {
    /// Absolute, on the portal's public address.
    #[schema(example = "https://portal.example.com/portal/acme/login/link#token=…&email=maria%40lopez.es")]
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

/// How a login message travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LoginMessageChannel {
    Email,
    Sms,
}

/// What a login message was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LoginMessagePurpose {
    /// A login code (and, by email, a one-click link) the client asked for.
    LoginCode,
    /// An invitation to the portal sent by the business.
    Invite,
}

/// Where a login message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LoginMessageStatus {
    /// Waiting for its first try.
    Queued,
    /// A try failed (see `last_error`); it will be tried again.
    Retrying,
    /// Accepted by the mail relay or SMS provider.
    Sent,
    /// The receiving mail server refused it for good (no such mailbox, say): check the address.
    Bounced,
    /// Every try failed; it was given up.
    Failed,
}

/// A login code, link or invitation sent to the client, and what became of it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LoginMessage {
    pub id: String,
    pub channel: LoginMessageChannel,
    pub purpose: LoginMessagePurpose,
    /// The address or number it went to.
    #[schema(example = "maria@lopez.es")]
    pub to: String,
    pub status: LoginMessageStatus,
    pub attempts: i32,
    /// Why the last try failed, as the relay or provider said it.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LoginMessageList {
    pub items: Vec<LoginMessage>,
}

impl From<OutboxRow> for LoginMessage {
    fn from(r: OutboxRow) -> LoginMessage {
        let status = match (r.status.as_str(), r.attempts) {
            ("sent", _) => LoginMessageStatus::Sent,
            ("dead", _) if r.bounced => LoginMessageStatus::Bounced,
            ("dead", _) => LoginMessageStatus::Failed,
            (_, 0) => LoginMessageStatus::Queued,
            _ => LoginMessageStatus::Retrying,
        };
        LoginMessage {
            channel: if r.kind == KIND_SMS { LoginMessageChannel::Sms } else { LoginMessageChannel::Email },
            purpose: if r.purpose.as_deref() == Some(PURPOSE_INVITE) {
                LoginMessagePurpose::Invite
            } else {
                LoginMessagePurpose::LoginCode
            },
            to: r.recipient.unwrap_or_default(),
            status,
            attempts: r.attempts,
            last_error: r.last_error,
            created_at: utc(r.created_at),
            sent_at: r.sent_at.map(utc),
            id: r.id,
        }
    }
}
