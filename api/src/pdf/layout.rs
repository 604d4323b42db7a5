//! Pages, a top-down cursor, text measured with Helvetica's own metrics and wrapped to a
//! width, and the final serialisation with fixed metadata (no clock, no random ids).
//!
//! Coordinates are PDF points from the bottom-left corner of an A4 page; `Canvas::y` is the
//! baseline area still free, moving down as content is written.

use crate::i18n::Language;
use crate::tr;
use chrono::NaiveDateTime;
use printpdf::{
    BuiltinFont, Color, LineCapStyle, LineJoinStyle, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem,
};
use sha2::{Digest, Sha256};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN: f32 = 50.0;
/// Content stops here; the footer lives below.
pub const BOTTOM: f32 = 62.0;
pub const RIGHT: f32 = PAGE_W - MARGIN;
pub const CONTENT_W: f32 = RIGHT - MARGIN;

/// The faces used: regular text, bold headings, oblique quotes and signatures, code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Oblique,
    /// Courier, for code.
    Mono,
}

impl Face {
    fn builtin(self) -> BuiltinFont {
        match self {
            Face::Regular => BuiltinFont::Helvetica,
            Face::Bold => BuiltinFont::HelveticaBold,
            Face::Oblique => BuiltinFont::HelveticaOblique,
            Face::Mono => BuiltinFont::Courier,
        }
    }
}

/// An RGB colour, channels 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.067, 0.094, 0.153);
pub const GREY: Rgb = Rgb(0.42, 0.45, 0.5);
pub const RULE: Rgb = Rgb(0.82, 0.84, 0.86);
/// The brand colour when the tenant's is not a valid `#RRGGBB`.
const FALLBACK: Rgb = Rgb(0.145, 0.388, 0.922);

impl Rgb {
    /// `#RRGGBB`; anything else falls back to a neutral blue rather than failing a PDF.
    pub fn hex(hex: &str) -> Rgb {
        let valid = hex.len() == 7 && hex.starts_with('#') && hex[1..].bytes().all(|b| b.is_ascii_hexdigit());
        if !valid {
            return FALLBACK;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f32 / 255.0;
        Rgb(channel(1), channel(3), channel(5))
    }

    /// This colour mixed with white: `amount` 0 is the colour, 1 is white.
    pub fn tint(self, amount: f32) -> Rgb {
        let mix = |c: f32| c + (1.0 - c) * amount;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    fn color(self) -> Color {
        Color::Rgb(printpdf::Rgb { r: self.0, g: self.1, b: self.2, icc_profile: None })
    }
}

/// The colour text must have on a `#RRGGBB` background to be readable (the tenant model's
/// rule, so the PDF header matches the portal's).
pub fn text_on(hex: &str) -> Rgb {
    let background = if Rgb::hex(hex) == FALLBACK { "#2563eb" } else { hex };
    Rgb::hex(crate::color::readable_text_on(background))
}

/// Text as Helvetica (WinAnsi) can show it: common Latin letters outside WinAnsi lose their
/// accent (ł → l, ő → o), a few symbols become ASCII look-alikes, invisible and control
/// characters go, and anything else becomes `?` — never bytes that break the file.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_control() => {}
            c if in_win_ansi(c) => out.push(c),
            c => out.push_str(transliterate(c)),
        }
    }
    out
}

/// Whether Helvetica's `/WinAnsiEncoding` has the character.
fn in_win_ansi(c: char) -> bool {
    const EXTRA: &str = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
    matches!(c, ' '..='~' | '\u{a1}'..='\u{ff}') || EXTRA.contains(c)
}

/// The nearest WinAnsi text for a character outside it.
fn transliterate(c: char) -> &'static str {
    // U+0100..U+017F (Latin Extended-A), letter by letter, without the accent.
    const LATIN_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    let code = c as u32;
    if (0x100..0x180).contains(&code) {
        let i = (code - 0x100) as usize;
        return &LATIN_A[i..i + 1];
    }
    match c {
        'Ș' => "S",
        'ș' => "s",
        'Ț' => "T",
        'ț' => "t",
        '\u{2010}'..='\u{2012}' | '\u{2212}' => "-",
        '\u{2015}' => "—",
        '\u{2032}' | '\u{201b}' => "'",
        '\u{2033}' | '\u{201f}' => "\"",
        '\u{2190}' => "<-",
        '\u{2192}' => "->",
        '\u{2194}' => "<->",
        '\u{21d2}' => "=>",
        '\u{2264}' => "<=",
        '\u{2265}' => ">=",
        '\u{2260}' => "!=",
        '\u{2248}' => "~",
        '\u{2022}' | '\u{25cf}' | '\u{25aa}' | '\u{2023}' | '\u{2043}' => "•",
        '\u{2713}' | '\u{2714}' => "v",
        '\u{2717}' | '\u{2718}' => "x",
        _ => "?",
    }
}

/// Advance widths (1/1000 em) of ASCII 32..=126 in Helvetica and Helvetica-Bold (Adobe AFM).
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
];
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
    556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
    280, 389, 584,
];

/// Width of one (already cleaned) character in thousandths of the font size.
fn char_width(c: char, face: Face) -> u16 {
    if face == Face::Mono {
        return 600;
    }
    let table = if face == Face::Bold { &BOLD } else { &REGULAR };
    let ascii = |c: char| table[(c as usize) - 32];
    match c {
        ' '..='~' => ascii(c),
        'À'..='Å' => ascii('A'),
        'Ç' => ascii('C'),
        'È'..='Ë' => ascii('E'),
        'Ì'..='Ï' => ascii('I'),
        'Ñ' => ascii('N'),
        'Ò'..='Ö' | 'Ø' => ascii('O'),
        'Ù'..='Ü' => ascii('U'),
        'Ý' | 'Ÿ' => ascii('Y'),
        'à'..='å' => ascii('a'),
        'ç' => ascii('c'),
        'è'..='ë' => ascii('e'),
        'ì'..='ï' => ascii('i'),
        'ñ' => ascii('n'),
        'ò'..='ö' | 'ø' => ascii('o'),
        'ù'..='ü' => ascii('u'),
        'ý' | 'ÿ' => ascii('y'),
        'Š' => ascii('S'),
        'š' => ascii('s'),
        'Ž' => ascii('Z'),
        'ž' => ascii('z'),
        'Æ' | 'Œ' | '—' | '…' | '‰' | '™' => 1000,
        'æ' | 'œ' => 944,
        '‘' | '’' | '‚' => 278,
        '“' | '”' | '„' => 500,
        '•' => 350,
        // Everything else WinAnsi has is at most an em; 600 is close to their average, and
        // the wrap keeps a little slack.
        _ => 600,
    }
}

/// Width in points of `text` (cleaned) set in `face` at `size`.
pub fn width(text: &str, face: Face, size: f32) -> f32 {
    text.chars().map(|c| char_width(c, face) as f32).sum::<f32>() * size / 1000.0
}

/// `text` cleaned and broken into lines no wider than `max`: at spaces, at newlines, and
/// inside words longer than a line. An empty input gives no lines; empty lines between
/// paragraphs are kept.
pub fn wrap(text: &str, face: Face, size: f32, max: f32) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    for paragraph in text.trim_end().split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width(&candidate, face, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = break_word(word, face, size, max, &mut lines);
        }
        lines.push(line);
    }
    if lines.len() == 1 && lines[0].is_empty() {
        lines.clear();
    }
    lines
}

/// Pushes full-width pieces of a word too long for a line; returns the last piece.
fn break_word(word: &str, face: Face, size: f32, max: f32, lines: &mut Vec<String>) -> String {
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if width(&piece, face, size) > max && piece.chars().count() > 1 {
            piece.pop();
            lines.push(std::mem::replace(&mut piece, c.to_string()));
        }
    }
    piece
}

/// The largest size, at most `size`, at which `text` fits in `max` (down to 5 pt).
pub fn fit_size(text: &str, face: Face, size: f32, max: f32) -> f32 {
    let natural = width(&clean(text), face, size);
    if natural <= max { size } else { (size * max / natural).max(5.0) }
}

/// Text style: face, size and colour.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
}

impl Style {
    pub const fn new(face: Face, size: f32, color: Rgb) -> Style {
        Style { face, size, color }
    }

    pub fn leading(self) -> f32 {
        self.size * 1.35
    }
}

/// Pages being drawn, with the cursor on the last one.
pub struct Canvas {
    pages: Vec<Vec<Op>>,
    /// Baseline of the next line on the current page.
    pub y: f32,
    /// Drawn at the top of every page after the first (e.g. `Invoice INV-1 (continued)`).
    running_head: Option<String>,
}

impl Canvas {
    pub fn new() -> Canvas {
        Canvas { pages: vec![Vec::new()], y: PAGE_H - MARGIN, running_head: None }
    }

    pub fn set_running_head(&mut self, head: String) {
        self.running_head = Some(head);
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a canvas always has a page")
    }

    /// Starts a new page, with the running head when there is one.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_H - MARGIN;
        if let Some(head) = self.running_head.clone() {
            self.text(MARGIN, self.y, &head, Style::new(Face::Regular, 8.0, GREY));
            self.y -= 22.0;
        }
    }

    /// Whether `height` points still fit above the footer.
    pub fn fits(&self, height: f32) -> bool {
        self.y - height >= BOTTOM
    }

    /// A new page unless `height` points fit; true when a page was started.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.fits(height) {
            false
        } else {
            self.new_page();
            true
        }
    }

    /// One line of text with its baseline at `(x, y)`; the text is cleaned first.
    pub fn text(&mut self, x: f32, y: f32, text: &str, style: Style) {
        let text = clean(text).replace('\n', " ");
        if text.is_empty() {
            return;
        }
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::Builtin(style.face.builtin()), size: Pt(style.size) },
            Op::SetFillColor { col: style.color.color() },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
            Op::ShowText { items: vec![TextItem::Text(text)] },
            Op::EndTextSection,
        ]);
    }

    /// One line of text ending at `right`.
    pub fn text_right(&mut self, right: f32, y: f32, text: &str, style: Style) {
        let w = width(&clean(text), style.face, style.size);
        self.text(right - w, y, text, style);
    }

    /// Wrapped text from the cursor down, continuing on new pages; leaves the cursor under
    /// the last line.
    pub fn paragraph(&mut self, x: f32, max_width: f32, text: &str, style: Style) {
        for line in wrap(text, style.face, style.size, max_width) {
            self.ensure(style.leading());
            self.y -= style.size;
            self.text(x, self.y, &line, style);
            self.y -= style.leading() - style.size;
        }
    }

    /// A filled rectangle; `(x, y)` is its bottom-left corner.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.ops().extend([
            Op::SetFillColor { col: color.color() },
            Op::DrawRectangle {
                rectangle: Rect { mode: Some(PaintMode::Fill), ..Rect::from_xywh(Pt(x), Pt(y), Pt(w), Pt(h)) },
            },
        ]);
    }

    /// An outlined rectangle.
    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, thickness: f32, color: Rgb) {
        self.ops().extend([
            Op::SetOutlineColor { col: color.color() },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawRectangle {
                rectangle: Rect { mode: Some(PaintMode::Stroke), ..Rect::from_xywh(Pt(x), Pt(y), Pt(w), Pt(h)) },
            },
        ]);
    }

    /// A horizontal rule at `y`.
    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, color: Rgb) {
        let point = |x: f32| printpdf::LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false };
        self.ops().extend([
            Op::SetOutlineColor { col: color.color() },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine { line: printpdf::Line { points: vec![point(x1), point(x2)], is_closed: false } },
        ]);
    }

    /// Stroked paths (already in page coordinates), with round caps and joins as a pen
    /// would leave them.
    pub fn stroke_paths(&mut self, paths: Vec<printpdf::Line>, thickness: f32, color: Rgb) {
        let ops = self.ops();
        ops.extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor { col: color.color() },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::SetLineCapStyle { cap: LineCapStyle::Round },
            Op::SetLineJoinStyle { join: LineJoinStyle::Round },
        ]);
        ops.extend(paths.into_iter().map(|line| Op::DrawLine { line }));
        ops.push(Op::RestoreGraphicsState);
    }

    /// Adds "Page n of m" (and `footer` on the left) to every page and writes the file.
    pub fn finish(mut self, meta: &Meta<'_>, doc: PdfDocument) -> Vec<u8> {
        let total = self.pages.len();
        let style = Style::new(Face::Regular, 8.0, GREY);
        for (n, page) in self.pages.iter_mut().enumerate() {
            let label = tr!(meta.language, "pdf-page", page = n + 1, pages = total);
            let mut footer = Canvas { pages: vec![Vec::new()], y: 0.0, running_head: None };
            footer.hline(MARGIN, RIGHT, 42.0, 0.5, RULE);
            footer.text(MARGIN, 30.0, &shorten(meta.footer, style, CONTENT_W - 90.0), style);
            footer.text_right(RIGHT, 30.0, &label, style);
            page.extend(footer.pages.pop().unwrap_or_default());
        }
        save(self.pages, meta, doc)
    }
}

/// `text` cut with an ellipsis to fit `max` on one line.
fn shorten(text: &str, style: Style, max: f32) -> String {
    let mut text = clean(text).replace('\n', " ");
    if width(&text, style.face, style.size) <= max {
        return text;
    }
    while !text.is_empty() && width(&format!("{text}…"), style.face, style.size) > max {
        text.pop();
    }
    format!("{}…", text.trim_end())
}

/// What the file says about itself.
pub struct Meta<'a> {
    pub title: &'a str,
    /// The row id: the PDF's `/ID` is derived from it.
    pub id: &'a str,
    pub footer: &'a str,
    pub date: NaiveDateTime,
    /// The reader's language, for "Page n of m".
    pub language: Language,
}

/// The document with fixed dates and an `/ID` derived from the row id, so equal input gives
/// equal bytes (printpdf alone would write a process-wide counter there).
fn save(pages: Vec<Vec<Op>>, meta: &Meta<'_>, mut doc: PdfDocument) -> Vec<u8> {
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.date.and_utc().timestamp())
        .unwrap_or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0).expect("the epoch is a date"));
    let info = &mut doc.metadata.info;
    info.document_title = clean(meta.title);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.producer = "Portico".into();
    info.creator = "Portico".into();
    info.identifier = meta.id.to_string();
    let pages =
        pages.into_iter().map(|ops| PdfPage::new(printpdf::Mm::from(Pt(PAGE_W)), printpdf::Mm::from(Pt(PAGE_H)), ops));
    doc.with_pages(pages.collect());
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    let digest = Sha256::digest(meta.id.as_bytes());
    let id: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![lopdf::Object::string_literal(id.clone()), lopdf::Object::string_literal(id)]),
    );
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).expect("writing a PDF to memory cannot fail");
    bytes
}

/// The header band in the tenant's colour with the business name (and `right`, e.g. the
/// document kind), then the business's details; leaves the cursor below them.
pub fn letterhead(canvas: &mut Canvas, head: &super::Letterhead, right: &str) {
    const BAND: f32 = 72.0;
    let on = text_on(&head.primary_color);
    canvas.fill_rect(0.0, PAGE_H - BAND, PAGE_W, BAND, Rgb::hex(&head.primary_color));
    let right_w = width(&clean(right), Face::Bold, 16.0);
    let name_w = CONTENT_W - right_w - 16.0;
    let size = fit_size(&head.business_name, Face::Bold, 20.0, name_w);
    canvas.text(MARGIN, PAGE_H - BAND / 2.0 - size * 0.35, &head.business_name, Style::new(Face::Bold, size, on));
    canvas.text_right(RIGHT, PAGE_H - BAND / 2.0 - 5.5, right, Style::new(Face::Bold, 16.0, on));
    canvas.y = PAGE_H - BAND - 16.0;
    let details = Style::new(Face::Regular, 8.5, GREY);
    for line in &head.details {
        canvas.paragraph(MARGIN, CONTENT_W, line, details);
    }
}

/// A wrapped block of `label: value` pairs: labels in bold in a column, values wrapped
/// beside them.
pub fn pairs(canvas: &mut Canvas, x: f32, label_w: f32, max_width: f32, pairs: &[(String, String)], size: f32) {
    let label = Style::new(Face::Bold, size, BLACK);
    let value = Style::new(Face::Regular, size, BLACK);
    for (l, v) in pairs {
        let lines = wrap(v, value.face, size, max_width - label_w);
        let label_lines = wrap(l, label.face, size, label_w - 6.0);
        let rows = lines.len().max(label_lines.len()).max(1);
        canvas.ensure(rows as f32 * value.leading());
        let top = canvas.y;
        for (i, line) in label_lines.iter().enumerate() {
            canvas.text(x, top - size - i as f32 * value.leading(), line, label);
        }
        for (i, line) in lines.iter().enumerate() {
            canvas.text(x + label_w, top - size - i as f32 * value.leading(), line, value);
        }
        canvas.y = top - rows as f32 * value.leading();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_to_win_ansi() {
        assert_eq!(clean("Café – 10 € ’n’ Müller"), "Café – 10 € ’n’ Müller");
        assert_eq!(clean("Łódź, Dvořák, Ștefan"), "Lódz, Dvorák, Stefan");
        assert_eq!(clean("日本\u{200b}a\tb"), "??a b");
        assert_eq!(clean("a → b ≤ c"), "a -> b <= c");
    }

    #[test]
    fn wraps_at_spaces_and_inside_long_words() {
        let lines = wrap("one two three four five six", Face::Regular, 10.0, 60.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, Face::Regular, 10.0) <= 60.0));
        assert_eq!(lines.join(" "), "one two three four five six");
        let long = "x".repeat(200);
        let lines = wrap(&long, Face::Regular, 10.0, 100.0);
        assert!(lines.len() >= 3);
        assert_eq!(lines.concat(), long);
        assert_eq!(wrap("a\n\nb", Face::Regular, 10.0, 100.0), vec!["a", "", "b"]);
        assert!(wrap("", Face::Regular, 10.0, 100.0).is_empty());
    }

    #[test]
    fn helvetica_widths() {
        // "Hello" in Helvetica: 722 + 556 + 222 + 222 + 556 = 2278 thousandths.
        assert!((width("Hello", Face::Regular, 10.0) - 22.78).abs() < 0.001);
        assert!(width("Hello", Face::Bold, 10.0) > width("Hello", Face::Regular, 10.0));
    }
}
