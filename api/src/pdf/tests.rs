//! What a reader of the PDFs would check, through the text `pdftotext` extracts (poppler;
//! `.ci/run` installs it). A missing `pdftotext` fails these tests instead of skipping them.

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::NaiveDate;

use super::*;
use crate::i18n::{Formats, Language};
use crate::money::{LineInput, Quantity, totals};

/// The text of a PDF, pages separated by form feeds.
fn pdftotext(pdf: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) must be installed to test the PDFs");
    child.stdin.take().expect("stdin").write_all(pdf).expect("write the PDF to pdftotext");
    let out = child.wait_with_output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext refused the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

/// The text of each page.
fn pages(pdf: &[u8]) -> Vec<String> {
    let text = pdftotext(pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Whitespace collapsed, so wrapped text can be searched as one sentence.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap().and_hms_opt(10, 30, 0).unwrap()
}

fn letterhead(color: &str) -> Letterhead {
    Letterhead {
        business_name: "Northwind Studio".into(),
        primary_color: color.into(),
        details: vec!["12 Harbour Road, Bristol".into(), "VAT GB123456789".into()],
    }
}

fn line(description: &str, quantity: &str, price: i64, tax_bp: i32, discount_bp: i32) -> crate::money::Line {
    crate::money::Line::of(&LineInput {
        description: description.into(),
        quantity: Quantity::parse(quantity).unwrap(),
        unit_price_minor: price,
        tax_rate_bp: tax_bp,
        discount_bp,
    })
}

fn english() -> Formats {
    Formats::new(Language::English, "en-GB")
}

fn invoice(lines: Vec<crate::money::Line>) -> DocumentPdf {
    let totals = totals(&lines);
    DocumentPdf {
        id: "0193a1b2-0000-7000-8000-000000000001".into(),
        kind: DocumentKind::Invoice,
        number: "INV-2026-0042".into(),
        title: "Website redesign".into(),
        stamp: None,
        letterhead: letterhead("#2563eb"),
        bill_to: vec!["Ada Lovelace".into(), "Analytical Engines Ltd".into(), "ada@example.com".into()],
        facts: vec![("Issued".into(), "2026-11-02".into()), ("Due".into(), "2026-12-02".into())],
        currency: "EUR".into(),
        payments: vec![("2026-11-10".into(), english().money(10_000, "EUR"))],
        amount_due: Some(english().money(totals.total_minor - 10_000, "EUR")),
        formats: english(),
        lines,
        totals,
        notes: Some("Bank transfer to IBAN GB00 1234 5678. Thank you for your business.".into()),
        updated_at: at(2),
    }
}

fn three_lines() -> Vec<crate::money::Line> {
    vec![
        line("Logo design", "1", 120_050, 2000, 0),
        line("Copywriting, per page", "2.5", 8_000, 750, 1000),
        line("Hosting (first year)", "1", 9_900, 0, 0),
    ]
}

#[test]
fn invoice_shows_number_client_lines_and_totals() {
    let doc = invoice(three_lines());
    let text = pdftotext(&document(&doc));
    let flat = flat(&text);
    for expected in [
        "Northwind Studio",
        "INVOICE",
        "12 Harbour Road, Bristol",
        "Invoice INV-2026-0042",
        "Website redesign",
        "Bill to",
        "Ada Lovelace",
        "Analytical Engines Ltd",
        "Issued",
        "2026-12-02",
        "Logo design",
        "Copywriting, per page",
        "Hosting (first year)",
        "Description",
        "Unit price",
        "Discount",
        "2.5",
        "10%",
        "7.5%",
        "€1,200.50",
        "Subtotal",
        "Tax 20%",
        "Tax 7.5%",
        "Total",
        "Paid 2026-11-10",
        "Amount due",
        "Bank transfer to IBAN GB00 1234 5678.",
        "Page 1 of 1",
    ] {
        assert!(flat.contains(expected), "{expected:?} missing from:\n{text}");
    }
    // 2.5 × 80.00 − 10 % = 180.00; subtotal 1200.50 + 180.00 + 99.00; taxes 240.10 and 13.50.
    assert!(flat.contains(&english().money(doc.totals.subtotal_minor, "EUR")));
    assert_eq!(doc.totals.total_minor, 147_950 + 24_010 + 1_350);
    assert!(flat.contains("€1,733.10"), "total missing:\n{text}");
    assert!(flat.contains("€1,633.10"), "amount due missing:\n{text}");
    assert!(flat.contains("€240.10") && flat.contains("€13.50"));
}

#[test]
fn quote_with_stamp_and_no_payments() {
    let mut doc = invoice(three_lines());
    doc.kind = DocumentKind::Quote;
    doc.number = "Q-2026-0007".into();
    doc.stamp = Some(Stamp::Accepted);
    doc.payments.clear();
    doc.amount_due = None;
    doc.notes = None;
    let text = flat(&pdftotext(&document(&doc)));
    assert!(text.contains("Quote Q-2026-0007"), "{text}");
    assert!(text.contains("ACCEPTED"));
    assert!(!text.contains("Amount due") && !text.contains("Paid ") && !text.contains("Notes"));
}

#[test]
fn same_input_gives_the_same_bytes() {
    let doc = invoice(three_lines());
    let a = document(&doc);
    assert_eq!(a, document(&doc));
    assert!(a.starts_with(b"%PDF-"));
    let mut other = doc.clone();
    other.id = "another".into();
    assert_ne!(a, document(&other), "the document id comes from the row id");
    let contract_doc = contract_pdf(SignatureMark::Typed("Ada Lovelace".into()), "Short.");
    assert_eq!(contract(&contract_doc), contract(&contract_doc));
}

#[test]
fn a_long_invoice_continues_with_the_header_on_every_page() {
    let lines: Vec<_> = (1..=160).map(|i| line(&format!("Line item number {i}"), "1", 1_000, 2000, 0)).collect();
    let doc = invoice(lines);
    let pages = pages(&document(&doc));
    let n = pages.len();
    assert!(n >= 3, "160 lines need at least three pages, got {n}");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of {n}", i + 1)), "page {} footer:\n{page}", i + 1);
        for header in ["Description", "Qty", "Unit price", "Amount"] {
            assert!(
                page.contains(header) || i == n - 1 && !page.contains("Line item"),
                "page {} lacks {header}",
                i + 1
            );
        }
    }
    assert!(pages[1].contains("Invoice INV-2026-0042 (continued)"));
    let all = flat(&pages.join("\n"));
    for i in 1..=160 {
        assert!(all.contains(&format!("Line item number {i} ")), "line {i} missing");
    }
    // The totals block sits on one page, whole.
    let last = flat(&pages[n - 1]);
    for part in ["Subtotal", "Tax 20%", "Total", "Amount due", "€1,920.00"] {
        assert!(last.contains(part), "{part} not on the last page:\n{last}");
    }
}

#[test]
fn long_descriptions_and_notes_wrap_and_paginate() {
    let long = "Discovery workshop with stakeholders, followed by a written report. ".repeat(7);
    let mut lines: Vec<_> = (0..40).map(|i| line(&format!("{i}: {long}"), "1", 50_000, 2000, 0)).collect();
    lines.push(line("Final line", "1", 1, 0, 0));
    let mut doc = invoice(lines);
    doc.notes =
        Some(format!("{}The very last sentence of the notes.", "Payment terms apply to every item. ".repeat(300)));
    let pages = pages(&document(&doc));
    assert!(pages.len() > 5, "expected many pages, got {}", pages.len());
    let all = flat(&pages.join("\n"));
    assert!(all.contains("39: Discovery workshop"));
    assert!(all.contains("Final line"));
    assert!(all.contains("The very last sentence of the notes."));
    let n = pages.len();
    assert!(pages[n - 1].contains(&format!("Page {n} of {n}")));
}

#[test]
fn latin_text_survives_and_the_rest_becomes_question_marks() {
    let mut doc = invoice(vec![line("Café Müller – 10 € per “page” ’n’ straße", "1", 100, 0, 0)]);
    doc.bill_to = vec!["Zoë Łukasiewicz".into(), "東京 Ltd".into()];
    let text = flat(&pdftotext(&document(&doc)));
    assert!(text.contains("Café Müller – 10 € per “page” ’n’ straße"), "{text}");
    assert!(text.contains("Zoë Lukasiewicz"), "{text}");
    assert!(text.contains("?? Ltd"), "{text}");
}

#[test]
fn header_text_reads_on_the_brand_colour() {
    assert_eq!(layout::text_on("#2563eb"), layout::Rgb(1.0, 1.0, 1.0));
    assert_eq!(layout::text_on("#fde047"), layout::Rgb::hex("#111827"));
    assert_eq!(layout::text_on("not a colour"), layout::Rgb(1.0, 1.0, 1.0));
    // A light brand colour still renders a readable, valid file.
    let mut doc = invoice(three_lines());
    doc.letterhead.primary_color = "#fde047".into();
    assert!(flat(&pdftotext(&document(&doc))).contains("Northwind Studio"));
}

const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

fn contract_pdf(signature: SignatureMark, body: &str) -> ContractPdf {
    ContractPdf {
        id: "contract-1".into(),
        title: "Master services agreement".into(),
        letterhead: letterhead("#0f766e"),
        client: vec!["Ada Lovelace".into(), "Analytical Engines Ltd".into()],
        body_markdown: body.into(),
        signature,
        audit: vec![
            ("Signed by".into(), "Ada Lovelace".into()),
            ("Email".into(), "ada@example.com".into()),
            ("Signed at (UTC)".into(), "2026-11-03 10:30:00".into()),
            ("IP address".into(), "203.0.113.7".into()),
            ("User agent".into(), "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0".into()),
            ("SHA-256 of the text".into(), HASH.into()),
        ],
        signed_at: at(3),
        formats: english(),
    }
}

const BODY: &str = "# Scope\n\nThe *studio* designs the **website** described in [the brief](https://example.com/brief).\n\n\
## Payment\n\n1. Half on signature.\n2. Half on delivery.\n\n- Invoices are due in 30 days.\n\n\
> Quoted clause stays.\n\nRaw <b>html</b> is shown as text.\n\n<script>alert('x')</script>\n\n```\nfn main() {}\n```\n";

#[test]
fn contract_shows_text_signature_and_audit() {
    let doc = contract_pdf(SignatureMark::Typed("Ada Lovelace".into()), BODY);
    let text = pdftotext(&contract(&doc));
    let flat = flat(&text);
    for expected in [
        "Northwind Studio",
        "Master services agreement",
        "Client",
        "Analytical Engines Ltd",
        "Scope",
        "The studio designs the website described in the brief (https://example.com/brief).",
        "Payment",
        "1. Half on signature.",
        "2. Half on delivery.",
        "• Invoices are due in 30 days.",
        "Quoted clause stays.",
        "Raw <b>html</b> is shown as text.",
        "<script>alert('x')</script>",
        "fn main() {}",
        "Signature",
        "Typed signature",
        "Audit trail",
        "Signed by",
        "Signed at (UTC)",
        "2026-11-03 10:30:00",
        "203.0.113.7",
        "Chrome/131.0",
        HASH,
        "Page 1 of",
    ] {
        assert!(flat.contains(expected), "{expected:?} missing from:\n{text}");
    }
    let audit = flat.split("Audit trail").nth(1).expect("an audit block");
    assert!(audit.contains("Ada Lovelace") && audit.contains("ada@example.com"), "{audit}");
}

#[test]
fn a_long_contract_runs_over_pages_and_ends_with_the_signature() {
    let body: String =
        (1..=120).map(|i| format!("Clause {i}. The parties agree to everything in clause number {i}.\n\n")).collect();
    let doc = contract_pdf(
        SignatureMark::Svg {
            path: "M10 10 C 20 40 40 40 50 10 q10 -20 20 0 L 290 90 Z".into(),
            width: 300.0,
            height: 100.0,
        },
        &body,
    );
    let pdf = contract(&doc);
    let pages = pages(&pdf);
    assert!(pages.len() >= 3, "got {} pages", pages.len());
    let all = flat(&pages.join("\n"));
    for i in 1..=120 {
        assert!(all.contains(&format!("Clause {i}. The parties agree to everything in clause number {i}.")));
    }
    // The signature and the audit block come after the last clause.
    let after = all.split("clause number 120.").nth(1).expect("the last clause");
    assert!(after.contains("Drawn signature") && after.contains(HASH), "{after}");
    assert!(flat(pages.last().unwrap()).contains(HASH));
    assert!(pages[1].contains("Master services agreement (continued)"));
}

#[test]
fn a_png_signature_is_accounted_for() {
    let png = vec![0x89, b'P', b'N', b'G', 1, 2, 3];
    let doc = contract_pdf(SignatureMark::Png(png), "Short text.");
    let text = flat(&pdftotext(&contract(&doc)));
    assert!(text.contains("Drawn signature"), "{text}");
    assert!(text.contains("Short text."));
}
