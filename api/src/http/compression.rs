//! Compressed responses. The web app's files are compressed once, when it is built (brotli and
//! gzip files beside each one, see `web/build/precompress.ts`), and [`crate::spa`] picks one by
//! the request's `Accept-Encoding` with [`Accepted`]. API answers are compressed as they are sent
//! by actix-web's [`Compress`](actix_web::middleware::Compress), which these two middlewares
//! bracket:
//!
//! - [`choose`] (inside `Compress`) marks what must go out as it is with
//!   `Content-Encoding: identity`, the one thing `Compress` respects: bodies under
//!   [`MIN_BYTES`] (the framing would eat the gain), types that are already compressed or not
//!   worth it (PDF, images, archives, fonts: only text-like types are compressed), what the web
//!   app's handler already negotiated, and every answer that carries a secret next to text a
//!   caller chose ([`SECRET_ROUTES`]: tokens, API key and webhook secrets, download links).
//!   Compressing those would let an attacker who can inject text and watch sizes guess the
//!   secret byte by byte (BREACH).
//! - [`tidy`] (outside `Compress`) takes the marker off again, so no response says
//!   `Content-Encoding: identity` (a coding the RFC reserves for `Accept-Encoding`), and adds
//!   `Vary: Accept-Encoding` to the compressible answers that went out plain because the client
//!   asked for no compression, so a shared cache keeps the two apart.

use actix_web::Error;
use actix_web::body::{BodySize, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::middleware::Next;

/// Answers smaller than this are sent as they are.
pub const MIN_BYTES: u64 = 1024;

/// Operations whose answers hold a secret (or a link that works as one) beside text the caller
/// may have chosen: their bodies are never compressed. A unit test walks the OpenAPI document
/// and fails when an operation answering a token or a secret is missing here.
pub const SECRET_ROUTES: &[(Method, &str)] = &[
    // Access, refresh and selection tokens.
    (Method::POST, "/api/v1/auth/otp/verify"),
    (Method::POST, "/api/v1/auth/magic-link"),
    (Method::POST, "/api/v1/auth/select"),
    (Method::POST, "/api/v1/auth/refresh"),
    (Method::POST, "/api/v1/auth/switch"),
    (Method::POST, "/api/v1/auth/passkey"),
    (Method::POST, "/api/v1/portal/{slug}/auth/otp/verify"),
    (Method::POST, "/api/v1/portal/{slug}/auth/magic-link"),
    (Method::POST, "/api/v1/portal/{slug}/auth/select"),
    (Method::POST, "/api/v1/portal/{slug}/auth/refresh"),
    (Method::POST, "/api/v1/portal/{slug}/auth/passkey"),
    (Method::POST, "/api/v1/clients/{id}/impersonate"),
    // Secrets shown once.
    (Method::POST, "/api/v1/api-keys"),
    (Method::POST, "/api/v1/webhooks/endpoints"),
    (Method::POST, "/api/v1/webhooks/endpoints/{id}/rotate-secret"),
    // Signed download links.
    (Method::GET, "/api/v1/files/{id}/link"),
    (Method::GET, "/api/v1/portal/files/{id}/link"),
];

/// Put on a response whose encoding its handler chose already (the web app's files): it goes
/// out as it is, compressed or not.
#[derive(Clone, Copy, Debug)]
pub struct Negotiated;

/// `choose` set `Content-Encoding: identity` on this response; `tidy` removes it.
#[derive(Clone, Copy)]
struct KeptPlain;

/// This response would be compressed for a client that asks; its content varies with
/// `Accept-Encoding` whether or not this one did.
#[derive(Clone, Copy)]
struct Compressible;

/// Inside `Compress`: marks the answers it must leave alone.
pub async fn choose(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut res = next.call(req).await?;
    if res.headers().contains_key(header::CONTENT_ENCODING) {
        return Ok(res);
    }
    let plain = res.response().extensions().contains::<Negotiated>()
        || is_secret_route(res.request().method(), res.request().match_pattern().as_deref())
        || !compressible_type(res.headers())
        || matches!(res.response().body().size(), BodySize::Sized(n) if n < MIN_BYTES);
    if plain {
        res.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static("identity"));
        res.response_mut().extensions_mut().insert(KeptPlain);
    } else {
        res.response_mut().extensions_mut().insert(Compressible);
    }
    Ok(res)
}

/// Outside `Compress`: takes `choose`'s marker off and says what the answer varies with.
pub async fn tidy(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut res = next.call(req).await?;
    let (kept_plain, compressible) = {
        let ext = res.response().extensions();
        (ext.contains::<KeptPlain>(), ext.contains::<Compressible>())
    };
    let headers = res.headers_mut();
    if kept_plain && headers.get(header::CONTENT_ENCODING).is_some_and(|v| *v == "identity") {
        headers.remove(header::CONTENT_ENCODING);
    }
    if compressible && !varies_with_encoding(headers) {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Ok(res)
}

fn is_secret_route(method: &Method, pattern: Option<&str>) -> bool {
    pattern.is_some_and(|p| SECRET_ROUTES.iter().any(|(m, route)| m == method && *route == p))
}

/// Text-like types only: JSON, problems, HTML, CSS, scripts, SVG, CSV, XML. Everything else
/// (PDF, images, archives, office files, which are ZIPs, fonts, `application/octet-stream`)
/// is either compressed already or unknown, and goes out as it is.
fn compressible_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let Some((kind, sub)) = essence.split_once('/') else { return false };
    match kind {
        "text" => true,
        "application" => {
            matches!(sub, "json" | "javascript" | "xml" | "x-ndjson" | "yaml" | "wasm")
                || sub.ends_with("+json")
                || sub.ends_with("+xml")
        }
        "image" => sub == "svg+xml",
        _ => false,
    }
}

fn varies_with_encoding(headers: &HeaderMap) -> bool {
    headers.get_all(header::VARY).filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|name| {
        let name = name.trim();
        name == "*" || name.eq_ignore_ascii_case("accept-encoding")
    })
}

/// The encodings the web app's files are stored in besides the plain file, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    pub const ALL: [Coding; 2] = [Coding::Brotli, Coding::Gzip];

    /// The `Content-Encoding` token.
    pub fn token(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gzip",
        }
    }

    /// The suffix of the precompressed file beside the plain one.
    pub fn suffix(self) -> &'static str {
        match self {
            Coding::Brotli => ".br",
            Coding::Gzip => ".gz",
        }
    }
}

/// What a request's `Accept-Encoding` accepts (RFC 9110, 12.5.3), as qvalues in thousandths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accepted {
    br: u16,
    gzip: u16,
    identity: u16,
}

impl Accepted {
    /// No header: the plain file, as every server does (the RFC would allow any coding).
    /// A coding not named takes `*`'s quality, or is refused; `identity` is acceptable unless
    /// refused by name or by `*;q=0`, and when not named it comes after every named coding.
    /// Items that do not parse are ignored.
    pub fn from_headers(headers: &HeaderMap) -> Accepted {
        let mut values = headers.get_all(header::ACCEPT_ENCODING).peekable();
        if values.peek().is_none() {
            return Accepted { br: 0, gzip: 0, identity: 1000 };
        }
        let (mut br, mut gzip, mut identity, mut any) = (None, None, None, None);
        for value in values {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
                let Some(q) = quality(parts) else { continue };
                let slot = match coding.as_str() {
                    "br" => &mut br,
                    "gzip" | "x-gzip" => &mut gzip,
                    "identity" => &mut identity,
                    "*" => &mut any,
                    _ => continue,
                };
                // The first mention counts, as in most servers.
                slot.get_or_insert(q);
            }
        }
        Accepted {
            br: br.or(any).unwrap_or(0),
            gzip: gzip.or(any).unwrap_or(0),
            // Not named: acceptable, but after every coding the client did name.
            identity: identity.or(any).unwrap_or(1),
        }
    }

    fn quality_of(&self, coding: Coding) -> u16 {
        match coding {
            Coding::Brotli => self.br,
            Coding::Gzip => self.gzip,
        }
    }

    /// The coding to send among those `available`, or `None` for the plain file: the highest
    /// quality wins, brotli before gzip before plain on a tie. When the client refuses
    /// everything on offer the plain file is sent anyway: better than a 406 for a page.
    pub fn choose(&self, available: impl Fn(Coding) -> bool) -> Option<Coding> {
        let mut best = None;
        let mut best_q = self.identity;
        for coding in Coding::ALL {
            let q = self.quality_of(coding);
            if q > 0 && (q > best_q || (q == best_q && best.is_none())) && available(coding) {
                best = Some(coding);
                best_q = q;
            }
        }
        best
    }
}

/// The `q` parameter in thousandths (1000 when absent), or `None` when it is malformed.
fn quality<'a>(params: impl Iterator<Item = &'a str>) -> Option<u16> {
    for param in params {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("q") {
            continue;
        }
        let value = value.trim();
        let (int, frac) = value.split_once('.').unwrap_or((value, ""));
        if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let thousandths = format!("{frac:0<3}").parse::<u16>().ok()?;
        return match int {
            "0" => Some(thousandths),
            "1" if thousandths == 0 => Some(1000),
            _ => None,
        };
    }
    Some(1000)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use actix_web::http::header::HeaderName;

    use super::*;

    fn accepted(values: &[&str]) -> Accepted {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        }
        Accepted::from_headers(&headers)
    }

    fn pick(values: &[&str]) -> Option<&'static str> {
        accepted(values).choose(|_| true).map(Coding::token)
    }

    #[test]
    fn brotli_then_gzip_then_plain() {
        assert_eq!(pick(&["gzip, deflate, br, zstd"]), Some("br"));
        assert_eq!(pick(&["br, gzip"]), Some("br"));
        assert_eq!(pick(&["gzip"]), Some("gzip"));
        assert_eq!(pick(&["x-gzip"]), Some("gzip"));
        assert_eq!(pick(&["GZip"]), Some("gzip"));
        assert_eq!(pick(&["deflate, zstd"]), None);
        assert_eq!(pick(&[]), None, "no header: plain");
        assert_eq!(pick(&[""]), None, "an empty header accepts only identity");
        assert_eq!(pick(&["identity"]), None);
    }

    #[test]
    fn qvalues_rank_and_zero_refuses() {
        assert_eq!(pick(&["br;q=0.5, gzip;q=0.8"]), Some("gzip"));
        assert_eq!(pick(&["br;q=0, gzip"]), Some("gzip"));
        assert_eq!(pick(&["br;q=0.000, gzip;q=0"]), None);
        assert_eq!(pick(&["br ; Q=1.0 , gzip;q=1"]), Some("br"));
        // The client prefers the plain file.
        assert_eq!(pick(&["identity, br;q=0.5"]), None);
        assert_eq!(pick(&["identity;q=0.5, br;q=0.5"]), Some("br"));
    }

    #[test]
    fn star_stands_for_every_coding_not_named() {
        assert_eq!(pick(&["*"]), Some("br"));
        assert_eq!(pick(&["br;q=0, *"]), Some("gzip"));
        assert_eq!(pick(&["gzip, *;q=0"]), Some("gzip"));
        assert_eq!(accepted(&["gzip, *;q=0"]).identity, 0);
        assert_eq!(accepted(&["gzip, identity, *;q=0"]).identity, 1000);
        assert_eq!(accepted(&["gzip;q=0.001"]).choose(|_| true), Some(Coding::Gzip), "named beats implicit identity");
        // Everything refused: the plain file all the same.
        assert_eq!(pick(&["*;q=0"]), None);
    }

    #[test]
    fn several_header_lines_are_one_list() {
        assert_eq!(pick(&["gzip;q=0.5", "br;q=0.9"]), Some("br"));
    }

    #[test]
    fn malformed_items_are_ignored() {
        assert_eq!(pick(&["br;q=2, gzip"]), Some("gzip"));
        assert_eq!(pick(&["br;q=0.1234, gzip;q=0.1"]), Some("gzip"));
        assert_eq!(pick(&["br;q=abc"]), None);
        assert_eq!(pick(&["br;q, gzip;q=.5"]), None);
        assert_eq!(pick(&["br;level=1"]), Some("br"), "other parameters do not matter");
        assert_eq!(quality(["q=0.5"].into_iter()), Some(500));
        assert_eq!(quality(["q=1.000"].into_iter()), Some(1000));
        assert_eq!(quality(["q=1.001"].into_iter()), None);
        assert_eq!(quality(["q=0."].into_iter()), Some(0));
    }

    #[test]
    fn only_what_is_available_is_chosen() {
        let a = accepted(&["br, gzip"]);
        assert_eq!(a.choose(|c| c == Coding::Gzip), Some(Coding::Gzip));
        assert_eq!(a.choose(|_| false), None);
    }

    fn headers(pairs: &[(HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        h
    }

    #[test]
    fn only_text_like_types_are_compressed() {
        let ct = |v: &str| compressible_type(&headers(&[(header::CONTENT_TYPE, v)]));
        for yes in [
            "application/json",
            "application/problem+json",
            "text/html; charset=utf-8",
            "text/javascript; charset=utf-8",
            "text/css",
            "text/csv",
            "text/plain; version=0.0.4",
            "image/svg+xml",
            "application/xml",
            "Application/JSON",
        ] {
            assert!(ct(yes), "{yes}");
        }
        for no in [
            "application/pdf",
            "application/zip",
            "application/gzip",
            "application/octet-stream",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "image/png",
            "image/jpeg",
            "image/webp",
            "video/mp4",
            "audio/mpeg",
            "font/woff2",
            "",
        ] {
            assert!(!ct(no), "{no}");
        }
        assert!(!compressible_type(&HeaderMap::new()), "no type: unknown content");
    }

    #[test]
    fn vary_is_read_as_a_list() {
        assert!(varies_with_encoding(&headers(&[(header::VARY, "Origin, Accept-Encoding")])));
        assert!(varies_with_encoding(&headers(&[(header::VARY, "origin"), (header::VARY, "accept-encoding")])));
        assert!(varies_with_encoding(&headers(&[(header::VARY, "*")])));
        assert!(!varies_with_encoding(&headers(&[(header::VARY, "Origin")])));
    }

    /// Every operation whose success answer holds a token, a secret or a signed link, found in
    /// the OpenAPI document by the properties of its schemas, must be in `SECRET_ROUTES`.
    #[test]
    fn every_operation_answering_a_secret_is_kept_plain() {
        let spec: serde_json::Value = serde_json::from_str(&crate::openapi::spec_json()).unwrap();
        let schemas = spec["components"]["schemas"].as_object().unwrap();
        let mut found = BTreeSet::new();
        for (path, item) in spec["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let Some(responses) = op.get("responses").and_then(|r| r.as_object()) else { continue };
                let success = responses.iter().filter(|(status, _)| status.starts_with('2'));
                if success.into_iter().any(|(_, r)| holds_secret(r, schemas, &mut BTreeSet::new())) {
                    found.insert((method.to_uppercase(), path.clone()));
                }
            }
        }
        let listed: BTreeSet<_> = SECRET_ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
        let missing: Vec<_> = found.difference(&listed).collect();
        assert!(missing.is_empty(), "answers a secret but may be compressed: {missing:?}");
        // And the list names only real operations, so a renamed path cannot hide.
        let stale: Vec<_> = listed.difference(&found).collect();
        assert!(stale.is_empty(), "listed but answers no secret (renamed?): {stale:?}");
    }

    /// A property named like a token or a secret, or a download link (a URL that opens a file).
    fn holds_secret(
        value: &serde_json::Value,
        schemas: &serde_json::Map<String, serde_json::Value>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(name) = map.get("$ref").and_then(|r| r.as_str()).and_then(|r| r.rsplit('/').next()) {
                    if name == "DownloadLink" {
                        return true;
                    }
                    if seen.insert(name.to_string())
                        && schemas.get(name).is_some_and(|s| holds_secret(s, schemas, seen))
                    {
                        return true;
                    }
                }
                if let Some(props) = map.get("properties").and_then(|p| p.as_object())
                    && props
                        .keys()
                        .any(|k| (k.ends_with("token") && k != "token_type") || k == "secret" || k.ends_with("_secret"))
                {
                    return true;
                }
                map.values().any(|v| holds_secret(v, schemas, seen))
            }
            serde_json::Value::Array(items) => items.iter().any(|v| holds_secret(v, schemas, seen)),
            _ => false,
        }
    }

    #[test]
    fn secret_routes_match_by_method_and_pattern() {
        assert!(is_secret_route(&Method::POST, Some("/api/v1/api-keys")));
        assert!(!is_secret_route(&Method::GET, Some("/api/v1/api-keys")));
        assert!(!is_secret_route(&Method::POST, None));
    }
}
