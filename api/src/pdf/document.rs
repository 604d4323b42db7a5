//! Quotes and invoices: letterhead, number and facts, "Bill to", the line table (its header
//! repeated on every page), totals kept in one piece, payments, notes and a stamp.

use printpdf::PdfDocument;

use super::layout::{
    BLACK, BOTTOM, CONTENT_W, Canvas, Face, MARGIN, Meta, PAGE_H, RIGHT, RULE, Rgb, Style, fit_size, letterhead, pairs,
    wrap,
};
use super::{DocumentKind, DocumentPdf, Stamp};
use crate::i18n::Language;
use crate::tr;

const SIZE: f32 = 9.0;
const LEAD: f32 = 12.0;
const PAD: f32 = 5.0;
const HEADER_H: f32 = 20.0;
const DESC_X: f32 = MARGIN + 4.0;
const DESC_W: f32 = 176.0;

/// The right edges of the numeric columns; the description column is left of them.
const COLUMNS: [f32; 5] = [270.0, 350.0, 392.0, 445.0, RIGHT - 4.0];

/// The numeric columns' labels, in the reader's language.
fn column_labels(lang: Language) -> [String; 5] {
    [
        tr!(lang, "pdf-qty"),
        tr!(lang, "pdf-unit-price"),
        tr!(lang, "pdf-tax"),
        tr!(lang, "pdf-discount"),
        tr!(lang, "pdf-amount"),
    ]
}

impl DocumentKind {
    pub fn label(self, lang: Language) -> String {
        match self {
            DocumentKind::Quote => tr!(lang, "pdf-quote"),
            DocumentKind::Invoice => tr!(lang, "pdf-invoice"),
        }
    }
}

impl Stamp {
    fn word(self, lang: Language) -> String {
        match self {
            Stamp::Paid => tr!(lang, "stamp-paid"),
            Stamp::Void => tr!(lang, "stamp-void"),
            Stamp::Overdue => tr!(lang, "stamp-overdue"),
            Stamp::Accepted => tr!(lang, "stamp-accepted"),
            Stamp::Declined => tr!(lang, "stamp-declined"),
            Stamp::Expired => tr!(lang, "stamp-expired"),
        }
    }

    /// Green for settled, red for void or lost.
    fn color(self) -> Rgb {
        match self {
            Stamp::Paid | Stamp::Accepted => Rgb(0.08, 0.5, 0.25),
            Stamp::Void | Stamp::Declined | Stamp::Expired | Stamp::Overdue => Rgb(0.76, 0.11, 0.11),
        }
    }
}

/// Renders a quote or an invoice.
pub fn render(doc: &DocumentPdf) -> Vec<u8> {
    let lang = doc.formats.language;
    let kind = doc.kind.label(lang);
    let mut canvas = Canvas::new();
    letterhead(&mut canvas, &doc.letterhead, &kind.to_uppercase());
    heading(&mut canvas, doc, &kind);
    canvas.set_running_head(tr!(lang, "pdf-continued", kind = &kind, number = &doc.number));
    table(&mut canvas, doc);
    totals(&mut canvas, doc);
    notes(&mut canvas, doc);
    let name = format!("{kind} {}", doc.number);
    let meta = Meta { title: &name, id: &doc.id, footer: &name, date: doc.updated_at, language: lang };
    canvas.finish(&meta, PdfDocument::new(&name))
}

/// Bill-to on the left; kind, number, title, facts and the stamp on the right.
fn heading(canvas: &mut Canvas, doc: &DocumentPdf, kind: &str) {
    canvas.y -= 14.0;
    let top = canvas.y;
    let label = Style::new(Face::Bold, 10.0, BLACK);
    canvas.paragraph(MARGIN, 240.0, &tr!(doc.formats.language, "pdf-bill-to"), label);
    canvas.y -= 2.0;
    for line in &doc.bill_to {
        canvas.paragraph(MARGIN, 240.0, line, Style::new(Face::Regular, 10.0, BLACK));
    }
    let left_end = canvas.y;
    canvas.y = top;
    let x = 320.0;
    let width = RIGHT - x;
    canvas.paragraph(x, width, &format!("{kind} {}", doc.number), Style::new(Face::Bold, 14.0, BLACK));
    canvas.paragraph(x, width, &doc.title, Style::new(Face::Regular, 10.0, BLACK));
    canvas.y -= 4.0;
    pairs(canvas, x, 80.0, width, &doc.facts, SIZE);
    if let Some(stamp) = doc.stamp {
        draw_stamp(canvas, &stamp.word(doc.formats.language).to_uppercase(), stamp.color());
    }
    canvas.y = canvas.y.min(left_end) - 20.0;
}

/// The stamp as a bordered word, right-aligned.
fn draw_stamp(canvas: &mut Canvas, word: &str, color: Rgb) {
    let word = word.to_string();
    let size = fit_size(&word, Face::Bold, 18.0, 200.0);
    let w = super::layout::width(&super::layout::clean(&word), Face::Bold, size) + 20.0;
    canvas.y -= 10.0;
    let bottom = canvas.y - size - 10.0;
    canvas.stroke_rect(RIGHT - w, bottom, w, size + 10.0, 2.0, color);
    canvas.text(RIGHT - w + 10.0, bottom + 6.0, &word, Style::new(Face::Bold, size, color));
    canvas.y = bottom;
}

/// The header row of the line table at the cursor.
fn table_header(canvas: &mut Canvas, doc: &DocumentPdf) {
    let band = Rgb::hex(&doc.letterhead.primary_color).tint(0.85);
    let bottom = canvas.y - HEADER_H;
    canvas.fill_rect(MARGIN, bottom, CONTENT_W, HEADER_H, band);
    let style = Style::new(Face::Bold, 8.5, BLACK);
    let baseline = bottom + 7.0;
    let lang = doc.formats.language;
    canvas.text(DESC_X, baseline, &tr!(lang, "pdf-description"), style);
    for (label, right) in column_labels(lang).iter().zip(COLUMNS) {
        canvas.text_right(right, baseline, label, style);
    }
    canvas.y = bottom;
}

/// Every line, each on a fresh page with the header when it would not fit.
fn table(canvas: &mut Canvas, doc: &DocumentPdf) {
    canvas.ensure(HEADER_H + LEAD + 2.0 * PAD);
    table_header(canvas, doc);
    let f = &doc.formats;
    for line in &doc.lines {
        let cells = [
            f.decimal(&line.quantity.to_string()),
            f.money(line.unit_price_minor, &doc.currency),
            f.percent(line.tax_rate_bp.into()),
            if line.discount_bp == 0 { "-".to_string() } else { f.percent(line.discount_bp.into()) },
            f.money(line.net_minor, &doc.currency),
        ];
        row(canvas, doc, &wrap(&line.description, Face::Regular, SIZE, DESC_W), &cells);
    }
}

/// One table row: the description's lines beside the numbers. A row moves whole to the
/// next page when it fits there; only a row taller than a page is split.
fn row(canvas: &mut Canvas, doc: &DocumentPdf, description: &[String], cells: &[String; 5]) {
    let page_rows = ((PAGE_H - 2.0 * 50.0 - BOTTOM - HEADER_H - 2.0 * PAD) / LEAD).floor() as usize;
    let mut rest = description;
    let mut first = true;
    while first || !rest.is_empty() {
        let wanted = rest.len().clamp(1, page_rows);
        let room = ((canvas.y - BOTTOM - 2.0 * PAD) / LEAD).floor().max(0.0) as usize;
        if room < wanted {
            canvas.new_page();
            table_header(canvas, doc);
            continue;
        }
        let top = canvas.y;
        let style = Style::new(Face::Regular, SIZE, BLACK);
        let take = wanted.min(rest.len());
        for (i, text) in rest[..take].iter().enumerate() {
            canvas.text(DESC_X, top - PAD - SIZE - i as f32 * LEAD, text, style);
        }
        if first {
            number_cells(canvas, top - PAD - SIZE, cells);
        }
        rest = &rest[take..];
        first = false;
        canvas.y = top - wanted as f32 * LEAD - 2.0 * PAD;
        canvas.hline(MARGIN, RIGHT, canvas.y, 0.5, RULE);
    }
}

/// The numbers of a row, right-aligned, shrunk when an amount is wider than its column.
fn number_cells(canvas: &mut Canvas, baseline: f32, cells: &[String; 5]) {
    let mut left = DESC_X + DESC_W;
    for (right, cell) in COLUMNS.iter().zip(cells) {
        let size = fit_size(cell, Face::Regular, SIZE, right - left - 6.0);
        canvas.text_right(*right, baseline, cell, Style::new(Face::Regular, size, BLACK));
        left = *right;
    }
}

/// Subtotal, tax per rate, total, then payments and amount due; never split across pages.
fn totals(canvas: &mut Canvas, doc: &DocumentPdf) {
    let f = &doc.formats;
    let lang = f.language;
    let money = |minor: i64| f.money(minor, &doc.currency);
    let mut rows: Vec<(String, String, bool)> =
        vec![(tr!(lang, "pdf-subtotal"), money(doc.totals.subtotal_minor), false)];
    for tax in &doc.totals.taxes {
        rows.push((tr!(lang, "pdf-tax-rate", rate = f.percent(tax.rate_bp.into())), money(tax.amount_minor), false));
    }
    rows.push((tr!(lang, "pdf-total"), money(doc.totals.total_minor), true));
    for (label, amount) in &doc.payments {
        rows.push((tr!(lang, "pdf-paid", label = label), amount.clone(), false));
    }
    if let Some(due) = &doc.amount_due {
        rows.push((tr!(lang, "pdf-amount-due"), due.clone(), true));
    }
    const ROW: f32 = 16.0;
    canvas.y -= 8.0;
    canvas.ensure(rows.len() as f32 * ROW + 8.0);
    let label_x = 330.0;
    for (label, amount, strong) in rows {
        let face = if strong { Face::Bold } else { Face::Regular };
        if strong {
            canvas.hline(label_x, RIGHT, canvas.y, 0.8, BLACK);
        }
        canvas.y -= ROW;
        let baseline = canvas.y + 5.0;
        let label_size = fit_size(&label, face, 10.0, 110.0);
        canvas.text(label_x, baseline, &label, Style::new(face, label_size, BLACK));
        let size = fit_size(&amount, face, 10.0, RIGHT - 4.0 - label_x - 114.0);
        canvas.text_right(RIGHT - 4.0, baseline, &amount, Style::new(face, size, BLACK));
    }
}

/// The notes under the totals, wrapped across pages.
fn notes(canvas: &mut Canvas, doc: &DocumentPdf) {
    let Some(notes) = doc.notes.as_deref().filter(|n| !n.trim().is_empty()) else { return };
    canvas.y -= 18.0;
    canvas.ensure(3.0 * LEAD);
    canvas.paragraph(MARGIN, CONTENT_W, &tr!(doc.formats.language, "pdf-notes"), Style::new(Face::Bold, 10.0, BLACK));
    canvas.y -= 2.0;
    canvas.paragraph(MARGIN, CONTENT_W, notes, Style::new(Face::Regular, SIZE, BLACK));
}
