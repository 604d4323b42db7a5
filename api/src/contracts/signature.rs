//! The client's mark on a contract: a typed name, an SVG path drawn on a canvas, or a PNG
//! exported from one. Everything here is checked before it is stored, because it is printed
//! into the signed PDF and shown back in the console: an SVG path may hold only the drawing
//! commands M, L, C, Q and Z (absolute or relative) with numbers, and a PNG must really be a
//! PNG of a sane size. Bad input is a 422 naming the field (`signature.path`, …).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::model::{SignatureInput, SignatureKind};
use crate::error::{ApiError, FieldError};
use crate::pdf::SignatureMark;

/// Longest SVG path accepted, in characters.
pub const MAX_SVG_PATH: usize = 100_000;
/// Largest PNG accepted, decoded.
pub const MAX_PNG_BYTES: usize = 200 * 1024;
/// Largest canvas side, in pixels, for both SVG and PNG.
pub const MAX_SIDE: u32 = 4000;
/// Longest typed name.
pub const MAX_TYPED_NAME: usize = 200;

const PNG_MAGIC: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// A signature that passed every check: its kind and what the `signature` column stores
/// (the typed name; for SVG a small JSON object `{"width","height","path"}`; for PNG the
/// base64 of the bytes).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub kind: SignatureKind,
    pub stored: String,
}

fn bad(field: &str, message: &str) -> ApiError {
    ApiError::Validation(vec![FieldError::new(format!("signature.{field}"), message)])
}

/// Checks a signature as the client sent it.
pub fn check(input: &SignatureInput) -> Result<Checked, ApiError> {
    match input {
        SignatureInput::Typed { name } => {
            let name = name.trim();
            if name.is_empty() {
                return Err(bad("name", "must not be blank"));
            }
            if name.chars().count() > MAX_TYPED_NAME {
                return Err(bad("name", "must be at most 200 characters"));
            }
            if name.chars().any(char::is_control) {
                return Err(bad("name", "must not hold control characters"));
            }
            Ok(Checked { kind: SignatureKind::Typed, stored: name.to_string() })
        }
        SignatureInput::Svg { path, width, height } => {
            check_side("width", *width)?;
            check_side("height", *height)?;
            if path.chars().count() > MAX_SVG_PATH {
                return Err(bad("path", "must be at most 100000 characters"));
            }
            parse_path(path).map_err(|why| bad("path", &why))?;
            let stored = serde_json::json!({ "width": width, "height": height, "path": path.trim() }).to_string();
            Ok(Checked { kind: SignatureKind::Svg, stored })
        }
        SignatureInput::Png { data_base64 } => {
            let bytes = decode_png(data_base64)?;
            Ok(Checked { kind: SignatureKind::Png, stored: STANDARD.encode(bytes) })
        }
    }
}

fn check_side(field: &str, value: i64) -> Result<(), ApiError> {
    if (1..=i64::from(MAX_SIDE)).contains(&value) {
        Ok(())
    } else {
        Err(bad(field, "must be a whole number of pixels from 1 to 4000"))
    }
}

/// The PNG's bytes, after checking the size, the signature and the IHDR header. A
/// `data:image/png;base64,` prefix (what a canvas's `toDataURL` gives) is accepted.
fn decode_png(data: &str) -> Result<Vec<u8>, ApiError> {
    let data = data.trim();
    let data = data.strip_prefix("data:image/png;base64,").unwrap_or(data);
    // Base64 is 4 characters per 3 bytes: refuse a huge string before decoding it.
    if data.len() > MAX_PNG_BYTES.div_ceil(3) * 4 + 4 {
        return Err(bad("data_base64", "must decode to at most 200 KB"));
    }
    let bytes = STANDARD.decode(data).map_err(|_| bad("data_base64", "is not valid base64"))?;
    if bytes.len() > MAX_PNG_BYTES {
        return Err(bad("data_base64", "must decode to at most 200 KB"));
    }
    if !bytes.starts_with(&PNG_MAGIC) {
        return Err(bad("data_base64", "is not a PNG image (the PNG signature is missing)"));
    }
    // The first chunk of every PNG is IHDR: length 13, type, width, height (big-endian), …
    let header = bytes.get(8..33).ok_or_else(|| bad("data_base64", "is a truncated PNG (no IHDR header)"))?;
    if header[0..4] != 13u32.to_be_bytes() || &header[4..8] != b"IHDR" {
        return Err(bad("data_base64", "is not a valid PNG (the IHDR header is missing)"));
    }
    let width = u32::from_be_bytes([header[8], header[9], header[10], header[11]]);
    let height = u32::from_be_bytes([header[12], header[13], header[14], header[15]]);
    if !(1..=MAX_SIDE).contains(&width) || !(1..=MAX_SIDE).contains(&height) {
        return Err(bad("data_base64", "must be an image from 1×1 to 4000×4000 pixels"));
    }
    Ok(bytes)
}

/// One command of a path, its arguments made absolute.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Move(f64, f64),
    Line(f64, f64),
    Cubic(f64, f64, f64, f64, f64, f64),
    Quad(f64, f64, f64, f64),
    Close,
}

fn arity(command: char) -> usize {
    match command.to_ascii_uppercase() {
        'M' | 'L' => 2,
        'C' => 6,
        'Q' => 4,
        _ => 0,
    }
}

/// Reads a path made only of M, L, C, Q, Z (either case), numbers, commas and white space,
/// starting with a move and drawing something after it. Returns the segments with relative
/// coordinates resolved, or why the path is refused.
fn parse_path(path: &str) -> Result<Vec<Segment>, String> {
    let mut tokens: Vec<Token> = vec![];
    let chars: Vec<char> = path.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_whitespace() || c == ',' {
            i += 1;
        } else if "MmLlCcQqZz".contains(c) {
            tokens.push(Token::Command(c));
            i += 1;
        } else if c.is_ascii_digit() || c == '.' || c == '-' || c == '+' {
            let (number, used) = read_number(&chars[i..]).ok_or_else(|| format!("has a malformed number at {i}"))?;
            tokens.push(Token::Number(number));
            i += used;
        } else {
            return Err(format!(
                "may hold only the commands M, L, C, Q and Z with numbers; '{c}' at {i} is not allowed"
            ));
        }
    }
    let mut segments = vec![];
    let (mut x, mut y) = (0.0, 0.0);
    let (mut start_x, mut start_y) = (0.0, 0.0);
    let mut t = 0;
    while t < tokens.len() {
        let Token::Command(command) = tokens[t] else {
            return Err(if segments.is_empty() {
                "must start with a move command (M)".to_string()
            } else {
                "has more numbers than its commands take".to_string()
            });
        };
        if segments.is_empty() && !matches!(command, 'M' | 'm') {
            return Err("must start with a move command (M)".to_string());
        }
        t += 1;
        let n = arity(command);
        let mut args: Vec<f64> = vec![];
        while let Some(Token::Number(v)) = tokens.get(t) {
            args.push(*v);
            t += 1;
        }
        if n == 0 {
            if !args.is_empty() {
                return Err("has numbers after Z, which takes none".to_string());
            }
            segments.push(Segment::Close);
            (x, y) = (start_x, start_y);
            continue;
        }
        if args.is_empty() || !args.len().is_multiple_of(n) {
            return Err(format!("'{command}' takes {n} numbers (or a multiple of {n}), not {}", args.len()));
        }
        let relative = command.is_ascii_lowercase();
        for (k, set) in args.chunks(n).enumerate() {
            let (dx, dy) = if relative { (x, y) } else { (0.0, 0.0) };
            let p: Vec<f64> = set.iter().enumerate().map(|(j, v)| v + if j % 2 == 0 { dx } else { dy }).collect();
            let segment = match command.to_ascii_uppercase() {
                // Pairs after the first of a move are lines (SVG's rule).
                'M' if k == 0 => Segment::Move(p[0], p[1]),
                'M' | 'L' => Segment::Line(p[0], p[1]),
                'C' => Segment::Cubic(p[0], p[1], p[2], p[3], p[4], p[5]),
                _ => Segment::Quad(p[0], p[1], p[2], p[3]),
            };
            (x, y) = (p[n - 2], p[n - 1]);
            if let Segment::Move(mx, my) = segment {
                (start_x, start_y) = (mx, my);
            }
            segments.push(segment);
        }
    }
    if segments.is_empty() {
        return Err("is empty".to_string());
    }
    if !segments.iter().skip(1).any(|s| matches!(s, Segment::Line(..) | Segment::Cubic(..) | Segment::Quad(..))) {
        return Err("draws nothing: it needs a line or a curve after the first M".to_string());
    }
    Ok(segments)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Command(char),
    Number(f64),
}

/// A number at the start of `chars` (sign, digits, one dot, optional exponent): its value
/// and how many characters it took. `1.5.5` reads as `1.5` then `.5`, as in SVG.
fn read_number(chars: &[char]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(chars.first(), Some('-' | '+')) {
        i += 1;
    }
    let digits_start = i;
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    let mut digits = i - digits_start;
    if chars.get(i) == Some(&'.') {
        i += 1;
        let frac = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        digits += i - frac;
    }
    if digits == 0 {
        return None;
    }
    if matches!(chars.get(i), Some('e' | 'E')) {
        let mut j = i + 1;
        if matches!(chars.get(j), Some('-' | '+')) {
            j += 1;
        }
        let exp = j;
        while chars.get(j).is_some_and(char::is_ascii_digit) {
            j += 1;
        }
        if j == exp {
            return None;
        }
        i = j;
    }
    let text: String = chars[..i].iter().collect();
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some((value, i))
}

/// A stored signature as the PDF draws it: the SVG path rewritten with absolute commands
/// only (what `pdf::SignatureMark::Svg` expects), the PNG decoded.
pub fn mark(kind: &str, stored: &str) -> Option<SignatureMark> {
    match kind {
        "typed" => Some(SignatureMark::Typed(stored.to_string())),
        "svg" => {
            let v: serde_json::Value = serde_json::from_str(stored).ok()?;
            let path = v["path"].as_str()?;
            let segments = parse_path(path).ok()?;
            Some(SignatureMark::Svg {
                path: absolute(&segments),
                width: v["width"].as_f64()? as f32,
                height: v["height"].as_f64()? as f32,
            })
        }
        "png" => STANDARD.decode(stored).ok().map(SignatureMark::Png),
        _ => None,
    }
}

fn absolute(segments: &[Segment]) -> String {
    let n = |v: f64| {
        let s = format!("{:.2}", v);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".to_string() } else { s.to_string() }
    };
    segments
        .iter()
        .map(|s| match *s {
            Segment::Move(x, y) => format!("M{} {}", n(x), n(y)),
            Segment::Line(x, y) => format!("L{} {}", n(x), n(y)),
            Segment::Cubic(a, b, c, d, e, f) => {
                format!("C{} {} {} {} {} {}", n(a), n(b), n(c), n(d), n(e), n(f))
            }
            Segment::Quad(a, b, c, d) => format!("Q{} {} {} {}", n(a), n(b), n(c), n(d)),
            Segment::Close => "Z".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(path: &str, width: i64, height: i64) -> SignatureInput {
        SignatureInput::Svg { path: path.to_string(), width, height }
    }

    fn png_bytes(width: u32, height: u32) -> Vec<u8> {
        let mut b = PNG_MAGIC.to_vec();
        b.extend(13u32.to_be_bytes());
        b.extend(b"IHDR");
        b.extend(width.to_be_bytes());
        b.extend(height.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b.extend([0, 0, 0, 0]); // CRC (not checked)
        b.extend(0u32.to_be_bytes());
        b.extend(b"IEND");
        b.extend([0xAE, 0x42, 0x60, 0x82]);
        b
    }

    fn png(bytes: &[u8]) -> SignatureInput {
        SignatureInput::Png { data_base64: STANDARD.encode(bytes) }
    }

    fn field_of(err: ApiError) -> String {
        match err {
            ApiError::Validation(f) => f[0].field.clone(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn a_typed_name_is_trimmed_and_bounded() {
        let ok = check(&SignatureInput::Typed { name: "  Maria Lopez ".into() }).unwrap();
        assert_eq!(ok, Checked { kind: SignatureKind::Typed, stored: "Maria Lopez".into() });
        for bad in ["", "   ", &"x".repeat(201), "Maria\u{0}Lopez"] {
            let err = check(&SignatureInput::Typed { name: bad.to_string() }).unwrap_err();
            assert_eq!(field_of(err), "signature.name", "{bad:?}");
        }
        assert!(check(&SignatureInput::Typed { name: "é".repeat(200) }).is_ok(), "200 characters, not bytes");
    }

    #[test]
    fn good_svg_paths_are_accepted() {
        for path in [
            "M10 10 L20 20",
            "M10,10L20,20Z",
            "m10 10 l5 5 l-2.5 .5 z",
            "M 0 0 C 1 2 3 4 5 6 Q 7 8 9 10",
            "M1e1 2E-1 L-3.5-4.25",
            "M0 0 10 10",
            "M0 0 L1 1 2 2 3 3",
            "M1.5.5L2 2",
        ] {
            assert!(check(&svg(path, 400, 150)).is_ok(), "{path}");
        }
        let c = check(&svg(" M1 1 L2 2 ", 400, 150)).unwrap();
        assert_eq!(c.kind, SignatureKind::Svg);
        let stored: serde_json::Value = serde_json::from_str(&c.stored).unwrap();
        assert_eq!(stored, serde_json::json!({ "width": 400, "height": 150, "path": "M1 1 L2 2" }));
    }

    #[test]
    fn bad_svg_paths_are_refused_naming_the_field() {
        for path in [
            "",
            "   ",
            "L10 10",
            "10 10 L20 20",
            "M10 10",
            "M10 10 Z",
            "M10 10 M20 20",
            "M10 10 A5 5 0 0 1 20 20",
            "M10 10 H20",
            "M10 10 L20",
            "M10 10 C1 2 3 4 5",
            "M10 10 L20 20 Z 5",
            "M10 10 L20 20\"/><script>alert(1)</script>",
            "M10 10 L20 20; stroke:red",
            "M10 10 L1e 2",
            "M10 10 L. 2",
            "M10 10 L-- 2",
            "M10 10 L1e999 2",
        ] {
            let err = check(&svg(path, 400, 150)).unwrap_err();
            assert_eq!(field_of(err), "signature.path", "{path:?}");
        }
        let long = format!("M0 0{}", " L1 1".repeat(20_000));
        assert_eq!(field_of(check(&svg(&long, 400, 150)).unwrap_err()), "signature.path");
    }

    #[test]
    fn the_canvas_size_of_an_svg_is_bounded() {
        assert!(check(&svg("M0 0 L1 1", 1, 4000)).is_ok());
        for (w, h, field) in [(0, 10, "signature.width"), (4001, 10, "signature.width"), (10, -1, "signature.height")] {
            assert_eq!(field_of(check(&svg("M0 0 L1 1", w, h)).unwrap_err()), field);
        }
    }

    #[test]
    fn good_pngs_are_accepted_with_or_without_a_data_url_prefix() {
        let bytes = png_bytes(600, 200);
        let c = check(&png(&bytes)).unwrap();
        assert_eq!(c, Checked { kind: SignatureKind::Png, stored: STANDARD.encode(&bytes) });
        let url = format!("data:image/png;base64,{}", STANDARD.encode(&bytes));
        assert_eq!(check(&SignatureInput::Png { data_base64: url }).unwrap(), c);
        let mut big = png_bytes(4000, 4000);
        big.resize(MAX_PNG_BYTES, 0);
        assert!(check(&png(&big)).is_ok(), "exactly 200 KB");
    }

    #[test]
    fn bad_pngs_are_refused_naming_the_field() {
        let mut too_big = png_bytes(10, 10);
        too_big.resize(MAX_PNG_BYTES + 1, 0);
        let mut not_png = png_bytes(10, 10);
        not_png[1] = b'J';
        let mut no_ihdr = png_bytes(10, 10);
        no_ihdr[12..16].copy_from_slice(b"IDAT");
        let gif = b"GIF89a\x01\x00\x01\x00".to_vec();
        for (what, input) in [
            ("not base64", SignatureInput::Png { data_base64: "!!not base64!!".into() }),
            ("empty", png(b"")),
            ("too big", png(&too_big)),
            ("wrong magic", png(&not_png)),
            ("a GIF", png(&gif)),
            ("signature only", png(&PNG_MAGIC)),
            ("no IHDR", png(&no_ihdr)),
            ("zero width", png(&png_bytes(0, 10))),
            ("too tall", png(&png_bytes(10, 4001))),
        ] {
            assert_eq!(field_of(check(&input).unwrap_err()), "signature.data_base64", "{what}");
        }
    }

    #[test]
    fn relative_paths_are_drawn_with_absolute_commands() {
        let c = check(&svg("m10 10 l5 5 c1 1 2 2 3 3 q1 0 2 0 z L0 0", 400, 150)).unwrap();
        let Some(SignatureMark::Svg { path, width, height }) = mark("svg", &c.stored) else { panic!("svg") };
        assert_eq!(path, "M10 10 L15 15 C16 16 17 17 18 18 Q19 18 20 18 Z L0 0");
        assert_eq!((width, height), (400.0, 150.0));
        let Some(SignatureMark::Png(bytes)) = mark("png", &STANDARD.encode(png_bytes(3, 3))) else { panic!("png") };
        assert_eq!(bytes, png_bytes(3, 3));
        assert!(matches!(mark("typed", "Maria"), Some(SignatureMark::Typed(n)) if n == "Maria"));
    }
}

/// Whatever a client sends as a signature is answered (accepted or refused with a reason),
/// never a panic; what is accepted is stored in the shape the PDF and the pages expect.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn from(chars: Vec<char>) -> String {
        chars.into_iter().collect()
    }

    proptest! {
        #[test]
        fn any_drawn_path_is_answered_and_accepted_ones_read_back(
            chars in prop::collection::vec(prop::sample::select(vec!['M', 'L', 'C', 'Q', 'Z', 'm', 'l', 'z', 'S', 'A', '0', '5', '9', '.', '-', ',', ' ', 'e', '<', '"']), 0..80),
            width in -5i64..5000,
            height in -5i64..5000,
        ) {
            let path = from(chars);
            if let Ok(checked) = check(&SignatureInput::Svg { path: path.clone(), width, height }) {
                prop_assert!((1..=4000).contains(&width) && (1..=4000).contains(&height));
                prop_assert!(!path.contains('<') && !path.contains('"'), "markup never passes: {:?}", path);
                prop_assert!(mark("svg", &checked.stored).is_some(), "stored {:?} reads back", checked.stored);
            }
        }

        #[test]
        fn any_typed_name_or_png_is_answered(name in ".{0,250}", data in "[A-Za-z0-9+/=:;,]{0,120}") {
            if let Ok(checked) = check(&SignatureInput::Typed { name: name.clone() }) {
                prop_assert_eq!(checked.stored.as_str(), name.trim());
                prop_assert!(!checked.stored.is_empty() && !checked.stored.chars().any(char::is_control));
            }
            let _ = check(&SignatureInput::Png { data_base64: data });
        }
    }
}
