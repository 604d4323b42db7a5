//! Who a quote, contract or invoice is between: the client it is addressed to and the
//! business that issues it. Both are frozen into the document's row (JSON in `addressee` and
//! `issuer`) the moment it is sent, so what a client was sent never changes afterwards —
//! not when they edit their company, not when the business changes its letterhead. Drafts
//! have neither and follow the live records.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::clients::model::ClientRow;
use crate::clients::store as client_store;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::i18n::{Formats, Language};
use crate::money::store as billing_store;
use crate::pdf::Letterhead;
use crate::tenants::store as tenant_store;

/// The client a quote, contract or invoice is addressed to: as they were when it was sent,
/// or on a draft, as they are now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Addressee {
    /// The client's id (their record may have changed since).
    pub id: String,
    #[schema(example = "Maria Lopez")]
    pub name: String,
    #[schema(example = "maria@lopez.es")]
    pub email: String,
    #[schema(example = "Lopez Design SL")]
    pub company: Option<String>,
    /// Postal address for invoices, one line per line.
    #[serde(default)]
    #[schema(example = "Calle Mayor 1\n28013 Madrid\nSpain")]
    pub billing_address: Option<String>,
    /// VAT or other tax ID.
    #[serde(default)]
    #[schema(example = "ESB12345678")]
    pub tax_id: Option<String>,
}

impl Addressee {
    pub fn of(client: &ClientRow) -> Addressee {
        Addressee {
            id: client.id.clone(),
            name: client.name.clone(),
            email: client.email.clone(),
            company: client.company.clone(),
            billing_address: client.billing_address.clone(),
            tax_id: client.tax_id.clone(),
        }
    }

    /// The document's "Bill to" block, one item per printed line.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.name.clone()];
        lines.extend(self.company.clone());
        lines.extend(
            self.billing_address
                .iter()
                .flat_map(|a| a.lines())
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
        lines.extend(self.tax_id.as_ref().map(|id| format!("VAT / tax ID: {id}")));
        lines.push(self.email.clone());
        lines
    }
}

/// The business as its letterhead read when the document was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issuer {
    pub business_name: String,
    pub primary_color: String,
    /// Address, tax number, bank details: the tenant's billing details, as typed.
    pub details: Option<String>,
}

impl Issuer {
    pub fn letterhead(&self) -> Letterhead {
        Letterhead::new(&self.business_name, &self.primary_color, self.details.as_deref())
    }
}

/// Both sides of a document.
#[derive(Debug, Clone)]
pub struct Parties {
    pub addressee: Addressee,
    pub issuer: Issuer,
}

/// The frozen columns of a document's row; `draft` documents ignore them.
pub struct Frozen<'a> {
    pub addressee: Option<&'a str>,
    pub issuer: Option<&'a str>,
}

impl<'a> Frozen<'a> {
    /// What a row froze, unless it is a draft (a quote under revision keeps the columns of
    /// the revision its client was sent, but its next revision follows the client).
    pub fn unless_draft(draft: bool, addressee: &'a Option<String>, issuer: &'a Option<String>) -> Frozen<'a> {
        if draft {
            Frozen { addressee: None, issuer: None }
        } else {
            Frozen { addressee: addressee.as_deref(), issuer: issuer.as_deref() }
        }
    }
}

impl Frozen<'_> {
    /// The frozen addressee, or `live` when nothing was frozen.
    pub fn addressee_or(&self, live: Addressee) -> Result<Addressee, ApiError> {
        self.addressee.map_or(Ok(live), parse)
    }
}

/// The client as they are now.
pub fn current_addressee(conn: &mut DbConn, tenant_id: &str, client_id: &str) -> Result<Addressee, ApiError> {
    let client = client_store::get(conn, tenant_id, client_id)?
        .ok_or_else(|| ApiError::Internal(format!("document of client {client_id} has no client")))?;
    Ok(Addressee::of(&client))
}

/// The business's letterhead as it is now.
pub fn current_issuer(conn: &mut DbConn, tenant_id: &str) -> Result<Issuer, ApiError> {
    let tenant = tenant_store::get(conn, tenant_id)?;
    let billing = billing_store::load(conn, tenant_id)?;
    Ok(Issuer { business_name: tenant.name, primary_color: tenant.primary_color, details: billing.billing_details })
}

/// The addressee a document shows: frozen at sending, else the client as they are now.
pub fn addressee(conn: &mut DbConn, tenant_id: &str, client_id: &str, frozen: &Frozen) -> Result<Addressee, ApiError> {
    match frozen.addressee {
        Some(json) => parse(json),
        None => current_addressee(conn, tenant_id, client_id),
    }
}

/// Both sides a document shows: frozen at sending, else as they are now.
pub fn of_document(conn: &mut DbConn, tenant_id: &str, client_id: &str, frozen: &Frozen) -> Result<Parties, ApiError> {
    let addressee = addressee(conn, tenant_id, client_id, frozen)?;
    let issuer = issuer(conn, tenant_id, frozen)?;
    Ok(Parties { addressee, issuer })
}

/// The letterhead a document shows: frozen at sending, else the business's now.
pub fn issuer(conn: &mut DbConn, tenant_id: &str, frozen: &Frozen) -> Result<Issuer, ApiError> {
    match frozen.issuer {
        Some(json) => parse(json),
        None => current_issuer(conn, tenant_id),
    }
}

/// The JSON to store in `(addressee, issuer)` as a document is sent.
pub fn freeze(conn: &mut DbConn, tenant_id: &str, client_id: &str) -> Result<(String, String), ApiError> {
    let addressee = current_addressee(conn, tenant_id, client_id)?;
    let issuer = current_issuer(conn, tenant_id)?;
    let json = |v: serde_json::Result<String>| v.map_err(|e| ApiError::Internal(e.to_string()));
    Ok((json(serde_json::to_string(&addressee))?, json(serde_json::to_string(&issuer))?))
}

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, ApiError> {
    serde_json::from_str(json).map_err(|e| ApiError::Internal(format!("a document's frozen party is unreadable: {e}")))
}

/// How a document reads for its client: in the language asked for (`?lang=`), else the
/// client's own, else the business's; numbers and dates in that language's way.
pub fn reader(
    conn: &mut DbConn,
    tenant_id: &str,
    client_id: &str,
    asked: Option<Language>,
) -> Result<Formats, ApiError> {
    let tenant = tenant_store::get(conn, tenant_id)?;
    let chosen = match asked {
        Some(lang) => Some(lang),
        None => client_store::get(conn, tenant_id, client_id)?.and_then(|c| Language::stored(c.language.as_deref())),
    };
    Ok(Formats::new(chosen.unwrap_or_else(|| tenant.language()), &tenant.locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maria() -> Addressee {
        Addressee {
            id: "c1".into(),
            name: "Maria Lopez".into(),
            email: "maria@lopez.es".into(),
            company: Some("Lopez Design SL".into()),
            billing_address: Some("Calle Mayor 1\n\n 28013 Madrid \nSpain".into()),
            tax_id: Some("ESB12345678".into()),
        }
    }

    #[test]
    fn the_bill_to_block_prints_address_lines_and_the_tax_id() {
        assert_eq!(
            maria().lines(),
            [
                "Maria Lopez",
                "Lopez Design SL",
                "Calle Mayor 1",
                "28013 Madrid",
                "Spain",
                "VAT / tax ID: ESB12345678",
                "maria@lopez.es"
            ]
        );
    }

    #[test]
    fn documents_frozen_before_addresses_existed_still_read() {
        let old = r#"{"id":"c1","name":"Maria Lopez","email":"maria@lopez.es","company":null}"#;
        let read: Addressee = parse(old).unwrap();
        assert_eq!(read.billing_address, None);
        assert_eq!(read.lines(), ["Maria Lopez", "maria@lopez.es"]);
    }

    #[test]
    fn a_draft_ignores_what_an_earlier_revision_froze() {
        let json = Some(serde_json::to_string(&maria()).unwrap());
        assert!(Frozen::unless_draft(true, &json, &None).addressee.is_none());
        assert!(Frozen::unless_draft(false, &json, &None).addressee.is_some());
    }
}
