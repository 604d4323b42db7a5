//! Drawn signatures: an SVG path's `d` parsed (M, L, H, V, C, S, Q, T, Z, absolute and
//! relative) into PDF path operations scaled into a box.

use printpdf::{Line, LinePoint, Point, Pt};

/// A point on the SVG canvas (y pointing down).
type P = (f32, f32);

/// One piece of a subpath.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Line(P),
    Cubic(P, P, P),
}

/// A subpath: its start, its segments, whether it is closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Subpath {
    pub start: P,
    pub segs: Vec<Seg>,
    pub closed: bool,
}

/// Most points drawn, so a hostile path cannot make a huge PDF.
const MAX_SEGMENTS: usize = 50_000;

/// Splits `d` into command letters and numbers (`-`, `.`, exponents and commas handled).
fn tokens(d: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let bytes = d.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() && b != b'e' && b != b'E' {
            out.push(Token::Cmd(b as char));
            i += 1;
        } else if b == b'-' || b == b'+' || b == b'.' || b.is_ascii_digit() {
            let start = i;
            i += 1;
            let mut dot = b == b'.';
            while i < bytes.len() {
                let c = bytes[i];
                let exp_sign = (c == b'-' || c == b'+') && matches!(bytes[i - 1], b'e' | b'E');
                if c.is_ascii_digit() || exp_sign || c == b'e' || c == b'E' || (c == b'.' && !dot) {
                    dot |= c == b'.';
                    i += 1;
                } else {
                    break;
                }
            }
            match d[start..i].parse::<f32>() {
                Ok(n) if n.is_finite() => out.push(Token::Num(n)),
                _ => out.push(Token::Bad),
            }
        } else {
            i += 1;
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Cmd(char),
    Num(f32),
    Bad,
}

/// Parses a path; stops at the first malformed command and keeps what came before.
pub fn parse(d: &str) -> Vec<Subpath> {
    let toks = tokens(d);
    let mut parser = PathParser { toks: &toks, i: 0, paths: Vec::new(), cur: (0.0, 0.0), count: 0 };
    parser.run();
    parser.paths
}

struct PathParser<'a> {
    toks: &'a [Token],
    i: usize,
    paths: Vec<Subpath>,
    cur: P,
    count: usize,
}

impl PathParser<'_> {
    fn nums<const N: usize>(&mut self) -> Option<[f32; N]> {
        let mut out = [0.0; N];
        for slot in out.iter_mut() {
            match self.toks.get(self.i) {
                Some(Token::Num(n)) => *slot = *n,
                _ => return None,
            }
            self.i += 1;
        }
        Some(out)
    }

    fn next_is_number(&self) -> bool {
        matches!(self.toks.get(self.i), Some(Token::Num(_)))
    }

    fn seg(&mut self, seg: Seg, end: P) {
        if let Some(path) = self.paths.last_mut() {
            path.segs.push(seg);
        }
        self.cur = end;
        self.count += 1;
    }

    fn run(&mut self) {
        // The last cubic/quadratic control point, for S and T reflections.
        let mut last_ctrl: Option<(char, P)> = None;
        while let Some(&tok) = self.toks.get(self.i) {
            let Token::Cmd(cmd) = tok else { return };
            self.i += 1;
            let rel = cmd.is_ascii_lowercase();
            let upper = cmd.to_ascii_uppercase();
            if upper == 'Z' {
                if let Some(path) = self.paths.last_mut() {
                    path.closed = true;
                    self.cur = path.start;
                }
                last_ctrl = None;
                continue;
            }
            let mut first = true;
            while first || self.next_is_number() {
                if self.count >= MAX_SEGMENTS {
                    return;
                }
                let base = if rel { self.cur } else { (0.0, 0.0) };
                let at = |p: [f32; 2]| (base.0 + p[0], base.1 + p[1]);
                let ok = match upper {
                    'M' if first => self.nums::<2>().map(|p| {
                        let p = at(p);
                        self.paths.push(Subpath { start: p, segs: Vec::new(), closed: false });
                        self.cur = p;
                        last_ctrl = None;
                    }),
                    'M' | 'L' => self.nums::<2>().map(|p| {
                        let p = at(p);
                        self.seg(Seg::Line(p), p);
                        last_ctrl = None;
                    }),
                    'H' => self.nums::<1>().map(|[x]| {
                        let p = (if rel { self.cur.0 + x } else { x }, self.cur.1);
                        self.seg(Seg::Line(p), p);
                        last_ctrl = None;
                    }),
                    'V' => self.nums::<1>().map(|[y]| {
                        let p = (self.cur.0, if rel { self.cur.1 + y } else { y });
                        self.seg(Seg::Line(p), p);
                        last_ctrl = None;
                    }),
                    'C' => self.nums::<6>().map(|n| {
                        let (c1, c2, p) = (at([n[0], n[1]]), at([n[2], n[3]]), at([n[4], n[5]]));
                        self.seg(Seg::Cubic(c1, c2, p), p);
                        last_ctrl = Some(('C', c2));
                    }),
                    'S' => self.nums::<4>().map(|n| {
                        let c1 = reflect(last_ctrl, 'C', self.cur);
                        let (c2, p) = (at([n[0], n[1]]), at([n[2], n[3]]));
                        self.seg(Seg::Cubic(c1, c2, p), p);
                        last_ctrl = Some(('C', c2));
                    }),
                    'Q' => self.nums::<4>().map(|n| {
                        let (q, p) = (at([n[0], n[1]]), at([n[2], n[3]]));
                        let start = self.cur;
                        self.seg(quad(start, q, p), p);
                        last_ctrl = Some(('Q', q));
                    }),
                    'T' => self.nums::<2>().map(|n| {
                        let q = reflect(last_ctrl, 'Q', self.cur);
                        let p = at(n);
                        let start = self.cur;
                        self.seg(quad(start, q, p), p);
                        last_ctrl = Some(('Q', q));
                    }),
                    _ => None,
                };
                if ok.is_none() {
                    return;
                }
                first = false;
            }
        }
    }
}

/// The previous control point mirrored through the current point (S after C, T after Q).
fn reflect(last: Option<(char, P)>, kind: char, cur: P) -> P {
    match last {
        Some((k, c)) if k == kind => (2.0 * cur.0 - c.0, 2.0 * cur.1 - c.1),
        _ => cur,
    }
}

/// A quadratic Bézier as the equal cubic.
fn quad(start: P, q: P, end: P) -> Seg {
    let c1 = (start.0 + 2.0 / 3.0 * (q.0 - start.0), start.1 + 2.0 / 3.0 * (q.1 - start.1));
    let c2 = (end.0 + 2.0 / 3.0 * (q.0 - end.0), end.1 + 2.0 / 3.0 * (q.1 - end.1));
    Seg::Cubic(c1, c2, end)
}

/// The subpaths as PDF lines, the canvas (`width` × `height`, y down) scaled to fit a box
/// whose top-left corner is `(x, top)`, keeping its proportions.
pub fn to_lines(paths: &[Subpath], width: f32, height: f32, x: f32, top: f32, box_w: f32, box_h: f32) -> Vec<Line> {
    let (w, h) = canvas_size(paths, width, height);
    let scale = (box_w / w).min(box_h / h);
    let map = |p: P, bezier: bool| LinePoint { p: Point { x: Pt(x + p.0 * scale), y: Pt(top - p.1 * scale) }, bezier };
    paths
        .iter()
        .map(|path| {
            let mut points = vec![map(path.start, false)];
            for seg in &path.segs {
                match *seg {
                    Seg::Line(p) => points.push(map(p, false)),
                    Seg::Cubic(c1, c2, p) => points.extend([map(c1, true), map(c2, true), map(p, false)]),
                }
            }
            // A dot (a tap without movement) still shows, as a tiny stroke.
            if points.len() == 1 {
                points.push(map((path.start.0 + 0.5, path.start.1), false));
            }
            Line { points, is_closed: path.closed }
        })
        .collect()
}

/// The declared canvas size, or the path's extent when the declared one is unusable.
fn canvas_size(paths: &[Subpath], width: f32, height: f32) -> (f32, f32) {
    if width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0 {
        return (width, height);
    }
    let mut max = (1.0f32, 1.0f32);
    for path in paths {
        let mut see = |p: P| max = (max.0.max(p.0), max.1.max(p.1));
        see(path.start);
        for seg in &path.segs {
            match *seg {
                Seg::Line(p) => see(p),
                Seg::Cubic(a, b, p) => {
                    see(a);
                    see(b);
                    see(p);
                }
            }
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_and_relative_commands() {
        let paths = parse("M10 20 L30,40 l10-10 Z m5 5 c1 1 2 2 3 3 Q 0 0 1 1 h2 v-2");
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0].start, (10.0, 20.0));
        assert_eq!(paths[0].segs, vec![Seg::Line((30.0, 40.0)), Seg::Line((40.0, 30.0))]);
        assert!(paths[0].closed);
        // After Z the pen is back at (10, 20), so m5 5 starts at (15, 25).
        assert_eq!(paths[1].start, (15.0, 25.0));
        assert_eq!(paths[1].segs[0], Seg::Cubic((16.0, 26.0), (17.0, 27.0), (18.0, 28.0)));
        assert!(matches!(paths[1].segs[1], Seg::Cubic(_, _, (x, y)) if x == 1.0 && y == 1.0));
        assert_eq!(paths[1].segs[2], Seg::Line((3.0, 1.0)));
        assert_eq!(paths[1].segs[3], Seg::Line((3.0, -1.0)));
    }

    #[test]
    fn implicit_repeats_and_compact_numbers() {
        let paths = parse("M0 0 1 1 2-2.5.5e1");
        // The dangling ".5e1" (= 5) has no partner and ends the path.
        assert_eq!(paths[0].segs, vec![Seg::Line((1.0, 1.0)), Seg::Line((2.0, -2.5))]);
        let paths = parse("M1,1L2,2L.5.5");
        assert_eq!(paths[0].segs, vec![Seg::Line((2.0, 2.0)), Seg::Line((0.5, 0.5))]);
    }

    #[test]
    fn garbage_keeps_what_parsed() {
        let paths = parse("M0 0 L10 10 L oops");
        assert_eq!(paths[0].segs, vec![Seg::Line((10.0, 10.0))]);
        assert!(parse("not a path").is_empty());
    }

    #[test]
    fn scales_into_the_box_with_y_flipped() {
        let lines = to_lines(&parse("M0 0 L200 100"), 200.0, 100.0, 50.0, 500.0, 100.0, 100.0);
        let p = &lines[0].points;
        assert_eq!((p[0].p.x.0, p[0].p.y.0), (50.0, 500.0));
        assert_eq!((p[1].p.x.0, p[1].p.y.0), (150.0, 450.0));
    }
}
