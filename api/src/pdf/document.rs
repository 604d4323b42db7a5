//! Quotes and invoices: letterhead, number and facts, "Bill to", the line table (its header
//! repeated on every page), totals kept in one piece, payments, notes and a stamp.

use printpdf::PdfDocument;

use super::DocumentPdf;
use super::layout::{
    BLACK, BOTTOM, CONTENT_W, Canvas, Face, GREY, MARGIN, Meta, PAGE_H, RIGHT, RULE, Rgb, Style, fit_size, letterhead,
    pairs, wrap,
};
use crate::money::format_amount;

const SIZE: f32 = 9.0;
const LEAD: f32 = 12.0;
const PAD: f32 = 5.0;
const HEADER_H: f32 = 20.0;
const DESC_X: f32 = MARGIN + 4.0;
const DESC_W: f32 = 176.0;

/// The numeric columns: label and right edge; the description column is left of them.
const COLUMNS: [(&str, f32); 5] =
    [("Qty", 270.0), ("Unit price", 350.0), ("Tax", 392.0), ("Discount", 445.0), ("Amount", RIGHT - 4.0)];

/// Renders a quote or an invoice.
pub fn render(doc: &DocumentPdf) -> Vec<u8> {
    let mut canvas = Canvas::new();
    letterhead(&mut canvas, &doc.letterhead, &doc.kind.to_uppercase());
    heading(&mut canvas, doc);
    canvas.set_running_head(format!("{} {} (continued)", doc.kind, doc.number));
    table(&mut canvas, doc);
    totals(&mut canvas, doc);
    notes(&mut canvas, doc);
    let name = format!("{} {}", doc.kind, doc.number);
    let meta = Meta { title: &name, id: &doc.id, footer: &name, date: doc.updated_at };
    canvas.finish(&meta, PdfDocument::new(&name))
}

/// `2000` → `20%`, `750` → `7.5%`, `1925` → `19.25%`.
pub fn percent(bp: i32) -> String {
    let (whole, fraction) = (bp / 100, (bp % 100).abs());
    if fraction == 0 {
        format!("{whole}%")
    } else {
        format!("{whole}.{}%", format!("{fraction:02}").trim_end_matches('0'))
    }
}

/// Bill-to on the left; kind, number, title, facts and the stamp on the right.
fn heading(canvas: &mut Canvas, doc: &DocumentPdf) {
    canvas.y -= 14.0;
    let top = canvas.y;
    let label = Style::new(Face::Bold, 10.0, BLACK);
    canvas.paragraph(MARGIN, 240.0, "Bill to", label);
    canvas.y -= 2.0;
    for line in &doc.bill_to {
        canvas.paragraph(MARGIN, 240.0, line, Style::new(Face::Regular, 10.0, BLACK));
    }
    let left_end = canvas.y;
    canvas.y = top;
    let x = 320.0;
    let width = RIGHT - x;
    canvas.paragraph(x, width, &format!("{} {}", doc.kind, doc.number), Style::new(Face::Bold, 14.0, BLACK));
    canvas.paragraph(x, width, &doc.title, Style::new(Face::Regular, 10.0, BLACK));
    canvas.y -= 4.0;
    pairs(canvas, x, 80.0, width, &doc.facts, SIZE);
    if let Some(stamp) = &doc.stamp {
        draw_stamp(canvas, stamp);
    }
    canvas.y = canvas.y.min(left_end) - 20.0;
}

/// The stamp as a bordered word, right-aligned: green for settled, red for void or lost.
fn draw_stamp(canvas: &mut Canvas, stamp: &str) {
    let word = stamp.to_uppercase();
    let color = match word.as_str() {
        "PAID" | "ACCEPTED" | "SIGNED" => Rgb(0.08, 0.5, 0.25),
        "VOID" | "DECLINED" | "EXPIRED" | "OVERDUE" => Rgb(0.76, 0.11, 0.11),
        _ => GREY,
    };
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
    canvas.text(DESC_X, baseline, "Description", style);
    for (label, right) in COLUMNS {
        canvas.text_right(right, baseline, label, style);
    }
    canvas.y = bottom;
}

/// Every line, each on a fresh page with the header when it would not fit.
fn table(canvas: &mut Canvas, doc: &DocumentPdf) {
    canvas.ensure(HEADER_H + LEAD + 2.0 * PAD);
    table_header(canvas, doc);
    for line in &doc.lines {
        let cells = [
            line.quantity.to_string(),
            format_amount(line.unit_price_minor, &doc.currency),
            percent(line.tax_rate_bp),
            if line.discount_bp == 0 { "-".to_string() } else { percent(line.discount_bp) },
            format_amount(line.net_minor, &doc.currency),
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
    for ((_, right), cell) in COLUMNS.iter().zip(cells) {
        let size = fit_size(cell, Face::Regular, SIZE, right - left - 6.0);
        canvas.text_right(*right, baseline, cell, Style::new(Face::Regular, size, BLACK));
        left = *right;
    }
}

/// Subtotal, tax per rate, total, then payments and amount due; never split across pages.
fn totals(canvas: &mut Canvas, doc: &DocumentPdf) {
    let money = |minor: i64| format_amount(minor, &doc.currency);
    let mut rows: Vec<(String, String, bool)> = vec![("Subtotal".into(), money(doc.totals.subtotal_minor), false)];
    for tax in &doc.totals.taxes {
        rows.push((format!("Tax {}", percent(tax.rate_bp)), money(tax.amount_minor), false));
    }
    rows.push(("Total".into(), money(doc.totals.total_minor), true));
    for (label, amount) in &doc.payments {
        rows.push((format!("Paid {label}"), amount.clone(), false));
    }
    if let Some(due) = &doc.amount_due {
        rows.push(("Amount due".into(), due.clone(), true));
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
    canvas.paragraph(MARGIN, CONTENT_W, "Notes", Style::new(Face::Bold, 10.0, BLACK));
    canvas.y -= 2.0;
    canvas.paragraph(MARGIN, CONTENT_W, notes, Style::new(Face::Regular, SIZE, BLACK));
}
