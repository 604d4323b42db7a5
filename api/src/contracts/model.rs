//! Contract rows, the status machine, and the DTOs the API speaks.

use crate::error::ApiError;
use crate::parties::{Addressee, Frozen};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::schema::contracts;
use crate::db::utc;
use crate::http::patch::double_option;
use crate::rules;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = contracts)]
pub struct ContractRow {
    pub id: String,
    pub tenant_id: String,
    pub client_id: String,
    pub staff_id: Option<String>,
    pub title: String,
    pub body: String,
    pub body_sha256: String,
    pub status: String,
    pub countersign: bool,
    pub sent_at: Option<NaiveDateTime>,
    pub first_viewed_at: Option<NaiveDateTime>,
    pub view_count: i32,
    pub signer_name: Option<String>,
    pub signer_email: Option<String>,
    pub signed_at: Option<NaiveDateTime>,
    pub signer_ip: Option<String>,
    pub signer_user_agent: Option<String>,
    pub signature_kind: Option<String>,
    pub signature: Option<String>,
    pub signed_sha256: Option<String>,
    pub countersigner_id: Option<String>,
    pub countersigner_name: Option<String>,
    pub countersigned_at: Option<NaiveDateTime>,
    pub voided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// JSON of `parties::Addressee`, frozen when sent; `None` on a draft.
    pub addressee: Option<String>,
    /// JSON of `parties::Issuer`, frozen when sent; `None` on a draft.
    pub issuer: Option<String>,
}

/// The client a contract is with, as their record reads now (emails go here).
#[derive(Debug, Clone, Queryable)]
pub struct ClientBits {
    pub id: String,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub billing_address: Option<String>,
    pub tax_id: Option<String>,
}

crate::text_enum! {
    /// Where a contract stands. `draft` (staff still writing; the client never sees it) →
    /// `sent` (waiting for the client's signature) → `signed`; a draft or sent contract can be
    /// made `void` instead. Signed and void are final.
    pub enum ContractStatus {
        Draft = "draft",
        Sent = "sent",
        Signed = "signed",
        Void = "void",
    }
}

impl ContractStatus {
    /// What a client may ever see.
    pub const CLIENT_VISIBLE: [&'static str; 3] = ["sent", "signed", "void"];

    /// How it reads after "The contract …": "is still a draft".
    pub fn phrase(self) -> &'static str {
        match self {
            ContractStatus::Draft => "is still a draft",
            ContractStatus::Sent => "is waiting for the client's signature",
            ContractStatus::Signed => "is already signed",
            ContractStatus::Void => "is void",
        }
    }
}

pub fn status_of(s: &str) -> ContractStatus {
    ContractStatus::stored_or(s, ContractStatus::Draft)
}

crate::text_enum! {
    /// How the client signed.
    pub enum SignatureKind {
        /// They typed their full name.
        Typed = "typed",
        /// They drew it; stored as an SVG path.
        Svg = "svg",
        /// They drew it; stored as a PNG image.
        Png = "png",
    }
}

/// The client, in a list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContractClientRef {
    pub id: String,
    #[schema(example = "Maria Lopez")]
    pub name: String,
}

/// The audit record of the client's signature: who, when, from where, and the SHA-256 of
/// the exact text they signed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContractSignature {
    /// The name the signer gave.
    #[schema(example = "Maria Lopez")]
    pub signer_name: String,
    /// The email address the client proved when logging in to the session that signed.
    pub signer_email: String,
    pub signed_at: DateTime<Utc>,
    /// The address the signature came from.
    #[schema(example = "203.0.113.7")]
    pub ip: String,
    pub user_agent: String,
    pub kind: SignatureKind,
    /// Hex SHA-256 of the text signed: equal to the contract's `body_sha256`.
    pub signed_sha256: String,
}

/// Staff's countersignature.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Countersignature {
    #[schema(example = "Lena Vogel")]
    pub name: String,
    pub signed_at: DateTime<Utc>,
}

/// A contract as staff see it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Contract {
    pub id: String,
    #[schema(example = "Brand refresh — services agreement")]
    pub title: String,
    /// The text, in Markdown. Show it rendered without raw HTML.
    pub body: String,
    /// Hex SHA-256 of `body`'s UTF-8 bytes; changes with every edit of the text.
    #[schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    pub body_sha256: String,
    pub status: ContractStatus,
    /// Who the contract is with: as the client was when it was sent, and on a draft, as
    /// they are now.
    pub client: Addressee,
    /// The staff member who answers for it; `null` means the owners and admins.
    pub staff_id: Option<String>,
    /// Whether a staff countersignature is wanted once the client has signed.
    pub countersign: bool,
    pub sent_at: Option<DateTime<Utc>>,
    /// When the client first opened it in the portal.
    pub first_viewed_at: Option<DateTime<Utc>>,
    /// How often the client opened it.
    pub view_count: i32,
    pub signature: Option<ContractSignature>,
    pub countersignature: Option<Countersignature>,
    pub voided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A contract in the staff list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContractSummary {
    pub id: String,
    pub title: String,
    pub status: ContractStatus,
    pub client: ContractClientRef,
    pub sent_at: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
    pub view_count: i32,
    pub updated_at: DateTime<Utc>,
}

/// A page of contracts, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContractPage {
    pub items: Vec<ContractSummary>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A contract as the client sees it: never a draft, no staff-only fields.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalContract {
    pub id: String,
    pub title: String,
    /// The text, in Markdown. Rendered without raw HTML.
    pub body: String,
    /// Hex SHA-256 of `body`: send it back when signing, to prove which text you read.
    pub body_sha256: String,
    pub status: ContractStatus,
    /// Who the contract is with: as the client was when it was sent, and on a draft, as
    /// they are now.
    pub client: Addressee,
    /// Whether the business countersigns after you.
    pub countersign: bool,
    pub sent_at: Option<DateTime<Utc>>,
    pub signature: Option<ContractSignature>,
    pub countersignature: Option<Countersignature>,
    pub voided_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// A contract in the client's list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalContractSummary {
    pub id: String,
    pub title: String,
    pub status: ContractStatus,
    pub sent_at: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// Your contracts, newest first.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PortalContractList {
    pub items: Vec<PortalContractSummary>,
}

impl ContractRow {
    pub fn status(&self) -> ContractStatus {
        status_of(&self.status)
    }

    pub fn signature(&self) -> Option<ContractSignature> {
        Some(ContractSignature {
            signer_name: self.signer_name.clone()?,
            signer_email: self.signer_email.clone().unwrap_or_default(),
            signed_at: utc(self.signed_at?),
            ip: self.signer_ip.clone().unwrap_or_default(),
            user_agent: self.signer_user_agent.clone().unwrap_or_default(),
            kind: self.signature_kind.as_deref().and_then(SignatureKind::parse)?,
            signed_sha256: self.signed_sha256.clone().unwrap_or_default(),
        })
    }

    pub fn countersignature(&self) -> Option<Countersignature> {
        Some(Countersignature { name: self.countersigner_name.clone()?, signed_at: utc(self.countersigned_at?) })
    }

    /// What the contract froze when it was sent; nothing on a draft.
    pub fn frozen(&self) -> Frozen<'_> {
        Frozen::unless_draft(self.status() == ContractStatus::Draft, &self.addressee, &self.issuer)
    }

    /// Who the contract is with: frozen when it was sent, else the client's record now.
    pub fn addressee(&self, live: ClientBits) -> Result<Addressee, ApiError> {
        self.frozen().addressee_or(live.into())
    }
}

impl From<ClientBits> for Addressee {
    fn from(c: ClientBits) -> Addressee {
        Addressee {
            id: c.id,
            name: c.name,
            email: c.email,
            company: c.company,
            billing_address: c.billing_address,
            tax_id: c.tax_id,
        }
    }
}

impl Contract {
    pub fn of(row: ContractRow, client: ClientBits) -> Result<Contract, ApiError> {
        let client = row.addressee(client)?;
        Ok(Contract {
            status: row.status(),
            signature: row.signature(),
            countersignature: row.countersignature(),
            client,
            sent_at: row.sent_at.map(utc),
            first_viewed_at: row.first_viewed_at.map(utc),
            voided_at: row.voided_at.map(utc),
            created_at: utc(row.created_at),
            updated_at: utc(row.updated_at),
            view_count: row.view_count,
            staff_id: row.staff_id,
            countersign: row.countersign,
            id: row.id,
            title: row.title,
            body: row.body,
            body_sha256: row.body_sha256,
        })
    }
}

impl ContractSummary {
    pub fn of(row: ContractRow, client_name: String) -> ContractSummary {
        ContractSummary {
            status: row.status(),
            client: ContractClientRef { id: row.client_id, name: client_name },
            sent_at: row.sent_at.map(utc),
            signed_at: row.signed_at.map(utc),
            view_count: row.view_count,
            updated_at: utc(row.updated_at),
            id: row.id,
            title: row.title,
        }
    }
}

impl PortalContract {
    pub fn of(row: ContractRow, client: ClientBits) -> Result<PortalContract, ApiError> {
        let client = row.addressee(client)?;
        Ok(PortalContract {
            status: row.status(),
            signature: row.signature(),
            countersignature: row.countersignature(),
            client,
            sent_at: row.sent_at.map(utc),
            voided_at: row.voided_at.map(utc),
            updated_at: utc(row.updated_at),
            countersign: row.countersign,
            id: row.id,
            title: row.title,
            body: row.body,
            body_sha256: row.body_sha256,
        })
    }
}

impl From<ContractRow> for PortalContractSummary {
    fn from(row: ContractRow) -> PortalContractSummary {
        PortalContractSummary {
            status: row.status(),
            sent_at: row.sent_at.map(utc),
            signed_at: row.signed_at.map(utc),
            updated_at: utc(row.updated_at),
            id: row.id,
            title: row.title,
        }
    }
}

/// A new contract, saved as a draft.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateContract {
    /// The client it is with, in your tenant.
    #[validate(length(min = 1, max = 100, message = "must be a client id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub client_id: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Brand refresh — services agreement")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// The text, in Markdown (raw HTML is shown as text, never rendered).
    #[validate(
        length(min = 1, max = 200000, message = "must be 1 to 200000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub body: String,
    /// The staff member who answers for it; default: nobody (owners and admins are told).
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<String>,
    /// Whether staff countersign after the client. Default `false`.
    #[serde(default)]
    pub countersign: bool,
}

/// Changes to a draft or sent contract. Fields left out stay as they are; `null` clears
/// `staff_id`. Changing the text of a sent contract changes `body_sha256`, so a client who
/// read the old text must reload before signing.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "Brand refresh — services agreement", "body": "# Services agreement\n\nLumen Design Studio will…", "countersign": true}))]
pub struct UpdateContract {
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
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[validate(
        length(min = 1, max = 200000, message = "must be 1 to 200000 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200000, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$", nullable = false)]
    pub body: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[validate(length(min = 1, max = 100, message = "must be a staff id"))]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(min_length = 1, max_length = 100)]
    pub staff_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::patch::no_null")]
    #[schema(nullable = false)]
    pub countersign: Option<bool>,
}

impl UpdateContract {
    /// The names of the fields this update touches, for the activity log.
    pub fn fields(&self) -> Vec<&'static str> {
        [
            ("title", self.title.is_some()),
            ("body", self.body.is_some()),
            ("staff_id", self.staff_id.is_some()),
            ("countersign", self.countersign.is_some()),
        ]
        .into_iter()
        .filter(|(_, p)| *p)
        .map(|(f, _)| f)
        .collect()
    }
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = contracts)]
pub struct ContractChanges {
    pub title: Option<String>,
    pub body: Option<String>,
    pub body_sha256: Option<String>,
    pub staff_id: Option<Option<String>>,
    pub countersign: Option<bool>,
    pub updated_at: NaiveDateTime,
}

/// Staff's countersignature: the name printed under the client's.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CountersignContract {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Lena Vogel")]
    #[validate(custom(function = "rules::one_line"))]
    #[schema(
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029][^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$"
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
}

/// The client's mark.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SignatureInput {
    /// The full name, typed.
    Typed {
        #[schema(example = "Maria Lopez")]
        #[schema(min_length = 1, max_length = 200)]
        #[schema(
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )]
        name: String,
    },
    /// Drawn on a canvas of `width` × `height` pixels (1–4000 each): the SVG path data (the
    /// `d` attribute), at most 100 000 characters, made only of the commands M, L, C, Q, Z
    /// (either case) and numbers, starting with M and drawing at least one line or curve.
    Svg {
        #[schema(example = "M10 80 C40 10 65 10 95 80 Q150 150 180 80")]
        #[schema(min_length = 2, max_length = 100000, pattern = "^\\s*[Mm][-+0-9.eE,\\sMmLlCcQqZz]*$")]
        path: String,
        #[schema(minimum = 1, maximum = 4000)]
        width: i64,
        #[schema(minimum = 1, maximum = 4000)]
        height: i64,
    },
    /// Drawn on a canvas and exported as PNG: base64 (a `data:image/png;base64,` prefix is
    /// allowed), at most 200 KB decoded, at most 4000 × 4000 pixels.
    Png {
        /// Base64 of a PNG starts with `iVBORw0KGgo` (its 8-byte signature).
        #[schema(max_length = 273094, pattern = "^\\s*(?:data:image/png;base64,)?iVBORw0KGgo[A-Za-z0-9+/=]*\\s*$")]
        data_base64: String,
    },
}

/// The client signs the text they read.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignContract {
    /// The signer's full name.
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
    pub signer_name: String,
    /// The `body_sha256` of the contract as you read it. If the text changed since, the
    /// signature is refused (409): reload and read it again.
    #[validate(length(min = 64, max = 64, message = "must be the 64 hex digits of the contract's body_sha256"))]
    #[schema(min_length = 64, max_length = 64)]
    pub body_sha256: String,
    pub signature: SignatureInput,
}

/// Filters of the staff list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContractListQuery {
    /// `draft`, `sent`, `signed` or `void`. Default: all.
    #[param(value_type = Option<String>, pattern = "^(?:draft|sent|signed|void)?$")]
    pub status: Option<String>,
    /// Only this client's contracts.
    pub client_id: Option<String>,
    /// Case-insensitive search in the title and the client's name.
    #[param(max_length = 200)]
    pub q: Option<String>,
}
