//! PDFs of quotes, invoices and signed contracts, drawn with printpdf's built-in Helvetica
//! (no font files). Rendering is a pure function of its input — no clock, no random ids — so
//! the copy staff preview and the copy the client downloads are the same bytes.

mod contract;
mod document;
mod layout;
mod markdown;
mod signature;

use chrono::NaiveDateTime;

use crate::i18n::Formats;
use crate::money::{Line, Totals};

/// Who issues the document, as printed in its header.
#[derive(Debug, Clone)]
pub struct Letterhead {
    pub business_name: String,
    /// `#RRGGBB`, the tenant's primary colour, used for the header band and headings.
    pub primary_color: String,
    /// The tenant's billing details (address, tax number, bank details), one item per line.
    pub details: Vec<String>,
}

/// A quote or an invoice.
#[derive(Debug, Clone)]
pub struct DocumentPdf {
    /// Stable id of the document (its row id): becomes the PDF's document id.
    pub id: String,
    pub kind: DocumentKind,
    /// `Q-2026-0001`.
    pub number: String,
    pub title: String,
    /// A stamp across the page; none for an ordinary open document.
    pub stamp: Option<Stamp>,
    pub letterhead: Letterhead,
    /// The client block: name, company, billing address, tax ID, email — one item per line.
    pub bill_to: Vec<String>,
    /// Label and value pairs under the number: issue date, due date, valid until, revision.
    pub facts: Vec<(String, String)>,
    pub currency: String,
    pub lines: Vec<Line>,
    pub totals: Totals,
    /// Payments received so far (invoices): date and method, and amount already formatted.
    pub payments: Vec<(String, String)>,
    /// What is still due (invoices), formatted; none for quotes.
    pub amount_due: Option<String>,
    /// The reader's language and how their numbers, money and dates are written.
    pub formats: Formats,
    pub notes: Option<String>,
    /// When the document last changed: the PDF's creation date, so bytes never depend on
    /// when they were rendered.
    pub updated_at: NaiveDateTime,
}

/// What a document is, printed in its reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Quote,
    Invoice,
}

/// The word across a document that a reader must not miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    Paid,
    Void,
    Overdue,
    Accepted,
    Declined,
    Expired,
}

/// How the client signed.
#[derive(Debug, Clone)]
pub enum SignatureMark {
    /// The typed full name.
    Typed(String),
    /// An SVG path (`d` attribute, absolute M/L/C/Q/Z commands) drawn on a canvas of the
    /// given width and height.
    Svg { path: String, width: f32, height: f32 },
    /// PNG bytes from a canvas.
    Png(Vec<u8>),
}

/// A signed contract: the whole text, the signature and the audit block.
#[derive(Debug, Clone)]
pub struct ContractPdf {
    pub id: String,
    pub title: String,
    pub letterhead: Letterhead,
    /// The client block: name, company, email.
    pub client: Vec<String>,
    /// The exact Markdown that was signed; rendered as text (headings, paragraphs, lists,
    /// emphasis dropped to plain text), never as HTML.
    pub body_markdown: String,
    pub signature: SignatureMark,
    /// Label and value pairs of the audit block: signer name, email, signed at (UTC), IP,
    /// user agent, SHA-256 of the signed text, and the countersignature when there is one.
    pub audit: Vec<(String, String)>,
    /// When it was signed: the PDF's creation date.
    pub signed_at: NaiveDateTime,
    pub formats: Formats,
}

/// Renders a quote or an invoice. Long documents continue on further pages, each repeating
/// the table header and carrying "Page n of m".
pub fn document(doc: &DocumentPdf) -> Vec<u8> {
    document::render(doc)
}

/// Renders a signed contract.
pub fn contract(doc: &ContractPdf) -> Vec<u8> {
    contract::render(doc)
}

impl Letterhead {
    /// The business's name and colour, and its billing details split into lines.
    pub fn new(business_name: &str, primary_color: &str, billing_details: Option<&str>) -> Letterhead {
        Letterhead {
            business_name: business_name.to_string(),
            primary_color: primary_color.to_string(),
            details: billing_details
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
