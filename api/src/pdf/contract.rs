//! Signed contracts: letterhead, title, client, the whole Markdown text, the signature and
//! the audit block.

use printpdf::PdfDocument;
use sha2::{Digest, Sha256};

use super::layout::{BLACK, CONTENT_W, Canvas, Face, GREY, MARGIN, Meta, RIGHT, RULE, Style, letterhead, pairs, wrap};
use super::markdown::{self, Block, Kind};
use super::{ContractPdf, SignatureMark, signature};
use crate::i18n::Language;
use crate::tr;

const BODY: f32 = 10.0;
const INDENT: f32 = 18.0;
const SIGNATURE_W: f32 = 220.0;
const SIGNATURE_H: f32 = 80.0;

/// Renders a signed contract.
pub fn render(doc: &ContractPdf) -> Vec<u8> {
    let lang = doc.formats.language;
    let mut canvas = Canvas::new();
    letterhead(&mut canvas, &doc.letterhead, &tr!(lang, "pdf-contract").to_uppercase());
    canvas.y -= 14.0;
    canvas.paragraph(MARGIN, CONTENT_W, &doc.title, Style::new(Face::Bold, 18.0, BLACK));
    canvas.y -= 8.0;
    canvas.paragraph(MARGIN, CONTENT_W, &tr!(lang, "pdf-client"), Style::new(Face::Bold, BODY, BLACK));
    for line in &doc.client {
        canvas.paragraph(MARGIN, CONTENT_W, line, Style::new(Face::Regular, BODY, BLACK));
    }
    canvas.y -= 10.0;
    canvas.hline(MARGIN, RIGHT, canvas.y, 0.5, RULE);
    canvas.y -= 6.0;
    canvas.set_running_head(tr!(lang, "pdf-contract-continued", title = &doc.title));
    for block in markdown::blocks(&doc.body_markdown) {
        body_block(&mut canvas, &block);
    }
    signature_block(&mut canvas, &doc.signature, lang);
    canvas.y -= 16.0;
    canvas.ensure(60.0);
    canvas.paragraph(MARGIN, CONTENT_W, &tr!(lang, "pdf-audit"), Style::new(Face::Bold, 12.0, BLACK));
    canvas.y -= 4.0;
    pairs(&mut canvas, MARGIN, 130.0, CONTENT_W, &doc.audit, 9.0);
    let meta = Meta { title: &doc.title, id: &doc.id, footer: &doc.title, date: doc.signed_at, language: lang };
    canvas.finish(&meta, PdfDocument::new(&doc.title))
}

/// One Markdown block: headings bigger and bold (never left alone at a page's foot),
/// list items with their marker, quotes in oblique, code in Courier.
fn body_block(canvas: &mut Canvas, block: &Block) {
    let x = MARGIN + block.depth as f32 * INDENT + if block.quote { INDENT } else { 0.0 };
    let width = RIGHT - x;
    let text = Style::new(if block.quote { Face::Oblique } else { Face::Regular }, BODY, BLACK);
    match &block.kind {
        Kind::Heading(level) => {
            let size = match level {
                1 => 15.0,
                2 => 13.0,
                3 => 11.5,
                _ => 10.5,
            };
            canvas.y -= size * 0.6;
            let style = Style::new(Face::Bold, size, BLACK);
            let lines = wrap(&block.text, Face::Bold, size, width).len() as f32;
            canvas.ensure(lines * style.leading() + 2.0 * text.leading());
            canvas.paragraph(x, width, &block.text, style);
            canvas.y -= 3.0;
        }
        Kind::Paragraph => {
            canvas.paragraph(x, width, &block.text, text);
            canvas.y -= 6.0;
        }
        Kind::Item(marker) => {
            list_item(canvas, x, marker, &block.text, text);
            canvas.y -= 3.0;
        }
        Kind::Code => {
            canvas.paragraph(x + 12.0, width - 12.0, &block.text, Style::new(Face::Mono, 9.0, BLACK));
            canvas.y -= 6.0;
        }
        Kind::Rule => {
            canvas.ensure(14.0);
            canvas.y -= 7.0;
            canvas.hline(x, RIGHT, canvas.y, 0.5, RULE);
            canvas.y -= 7.0;
        }
    }
}

/// A marker in the margin and the item's text wrapped beside it.
fn list_item(canvas: &mut Canvas, x: f32, marker: &str, text: &str, style: Style) {
    let lines = wrap(text, style.face, style.size, RIGHT - x - INDENT);
    let lines = if lines.is_empty() { vec![String::new()] } else { lines };
    for (i, line) in lines.iter().enumerate() {
        canvas.ensure(style.leading());
        canvas.y -= style.size;
        if i == 0 {
            canvas.text(x, canvas.y, marker, style);
        }
        canvas.text(x + INDENT, canvas.y, line, style);
        canvas.y -= style.leading() - style.size;
    }
}

/// The signature: the typed name large, the drawn path scaled into a box, or the PNG.
fn signature_block(canvas: &mut Canvas, mark: &SignatureMark, lang: Language) {
    canvas.y -= 18.0;
    canvas.ensure(SIGNATURE_H + 60.0);
    canvas.paragraph(MARGIN, CONTENT_W, &tr!(lang, "pdf-signature"), Style::new(Face::Bold, 12.0, BLACK));
    canvas.y -= 8.0;
    let caption = match mark {
        SignatureMark::Typed(name) => {
            let size = super::layout::fit_size(name, Face::Oblique, 26.0, CONTENT_W);
            canvas.y -= size;
            canvas.text(MARGIN, canvas.y, name, Style::new(Face::Oblique, size, BLACK));
            canvas.y -= 8.0;
            tr!(lang, "pdf-typed-signature")
        }
        SignatureMark::Svg { path, width, height } => {
            let paths = signature::parse(path);
            let lines = signature::to_lines(&paths, *width, *height, MARGIN, canvas.y, SIGNATURE_W, SIGNATURE_H);
            canvas.stroke_paths(lines, 1.4, BLACK);
            canvas.y -= SIGNATURE_H + 4.0;
            tr!(lang, "pdf-drawn-signature")
        }
        SignatureMark::Png(bytes) => {
            let hash: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
            canvas.paragraph(
                MARGIN,
                CONTENT_W,
                &tr!(lang, "pdf-drawn-png", hash = hash),
                Style::new(Face::Regular, 9.0, BLACK),
            );
            canvas.y -= 4.0;
            tr!(lang, "pdf-drawn-signature")
        }
    };
    canvas.hline(MARGIN, MARGIN + SIGNATURE_W, canvas.y, 0.6, GREY);
    canvas.y -= 4.0;
    canvas.paragraph(MARGIN, CONTENT_W, &caption, Style::new(Face::Regular, 8.0, GREY));
}
