//! The single-page app (portal and staff console), served from `PORTICO_WEB_DIR` by the same
//! server as the API, so the browser speaks to one origin and needs no CORS.
//!
//! A file that exists is served as it is. Any other page path answers `index.html`, and the
//! app's router takes over (`/portal/demo/login/link`, `/app/clients/…`). Paths the API owns
//! never get the app: a mistyped endpoint must answer a problem, not a page of HTML.
//!
//! The build writes a brotli (`X.br`) and a gzip (`X.gz`) copy beside each file worth
//! compressing (`web/build/precompress.ts`); the request's `Accept-Encoding` picks one, and a
//! file without copies, or a client that accepts neither, gets the plain file. Such answers
//! say `Vary: Accept-Encoding`, and are never compressed again on the way out.

use std::path::{Path, PathBuf};

use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::ApiError;
use crate::http::compression::{Accepted, Coding, Negotiated};
use crate::state::AppState;

/// Served under these, the app would hide the API's 404s behind a 200 page.
const API_PATHS: &[&str] = &["/api", "/docs", "/healthz", "/readyz"];

/// Where Vite writes its output, every name carrying a hash of the content.
const ASSETS: &str = "assets";

/// A hashed name changes whenever its content does, so a browser may keep it for good.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `index.html` names the current assets, so it must be checked on every visit.
const REVALIDATE: &str = "no-cache";

const NOT_BUILT: &str = "The web app is not built, so only the API is served here. Build it with `make web` \
    (or `cd web && npm ci && npm run build`), then reload; the API's documentation is at /docs.";

/// Says once at start when the app is missing, so the operator knows why `/` answers 404.
pub fn warn_if_missing(dir: &Path) {
    if !dir.join("index.html").is_file() {
        tracing::warn!(
            web_dir = %dir.display(),
            "PORTICO_WEB_DIR has no index.html: serving the API only; build the web app with `make web` (cd web && npm ci && npm run build)"
        );
    }
}

/// The server's default service: the app's files and pages, and the API's 404 elsewhere.
pub async fn serve(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if !matches!(*req.method(), Method::GET | Method::HEAD) || is_api(path) {
        return crate::openapi::allow::no_route(req).await;
    }
    let Some(segments) = segments(path) else {
        return Err(ApiError::NotFound("No resource matches this path.".into()));
    };
    let dir = state.config.web_dir.clone();
    let accepted = Accepted::from_headers(req.headers());
    match web::block(move || find(&dir, &segments, accepted)).await?? {
        Found::File(file) => Ok(respond(file)),
        Found::Missing => Err(ApiError::NotFound("No file matches this path.".into())),
        Found::NotBuilt => Err(ApiError::NotFound(NOT_BUILT.into())),
    }
}

fn is_api(path: &str) -> bool {
    API_PATHS.iter().any(|p| path.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

/// The decoded path segments, or `None` for any that could climb out of the directory or
/// name a hidden file (`..`, `.env`, a backslash, NUL), however they were encoded.
fn segments(raw: &str) -> Option<Vec<String>> {
    let decoded = percent_encoding::percent_decode_str(raw).decode_utf8().ok()?;
    let mut out = Vec::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(['\\', '\0']) {
            return None;
        }
        out.push(segment.to_string());
    }
    Some(out)
}

struct File {
    /// The chosen representation's bytes.
    bytes: Vec<u8>,
    /// The plain file, which gives the type.
    path: PathBuf,
    immutable: bool,
    coding: Option<Coding>,
    /// Compressed copies exist, so the answer depends on `Accept-Encoding`.
    negotiable: bool,
}

enum Found {
    File(File),
    /// A file was asked for (an asset, a name with an extension) and there is none.
    Missing,
    NotBuilt,
}

/// Runs on the blocking pool: it touches the disk.
fn find(dir: &Path, segments: &[String], accepted: Accepted) -> Result<Found, ApiError> {
    let Ok(root) = dir.canonicalize() else { return Ok(Found::NotBuilt) };
    let wanted: PathBuf = segments.iter().collect();
    // Resolved, so a symlink leading out of the directory is refused too.
    if let Ok(real) = root.join(&wanted).canonicalize()
        && real.starts_with(&root)
        && real.is_file()
    {
        let immutable = segments.first().is_some_and(|s| s == ASSETS);
        return read(&root, real, immutable, accepted);
    }
    if names_a_file(segments) {
        return Ok(Found::Missing);
    }
    let index = root.join("index.html");
    if index.is_file() { read(&root, index, false, accepted) } else { Ok(Found::NotBuilt) }
}

/// Page paths are slugs and ids; a missing asset or `favicon.ico` must stay a 404, or the
/// browser would get HTML where it expects a script or an image.
fn names_a_file(segments: &[String]) -> bool {
    let under_assets = segments.first().is_some_and(|s| s == ASSETS);
    let has_extension = segments.last().and_then(|s| s.rsplit_once('.')).is_some_and(|(stem, ext)| {
        !stem.is_empty() && (1..=8).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    under_assets || has_extension
}

fn read(root: &Path, path: PathBuf, immutable: bool, accepted: Accepted) -> Result<Found, ApiError> {
    let copy = |coding: Coding| {
        let mut name = path.clone().into_os_string();
        name.push(coding.suffix());
        // Resolved like the file itself: a copy may not lead out of the directory either.
        PathBuf::from(name).canonicalize().ok().filter(|p| p.starts_with(root) && p.is_file())
    };
    let copies: Vec<(Coding, PathBuf)> = Coding::ALL.into_iter().filter_map(|c| Some((c, copy(c)?))).collect();
    let coding = accepted.choose(|c| copies.iter().any(|(have, _)| *have == c));
    let chosen = match coding {
        Some(c) => copies.iter().find(|(have, _)| *have == c).map(|(_, p)| p.as_path()).unwrap_or(&path),
        None => &path,
    };
    let bytes = std::fs::read(chosen)
        .map_err(|e| ApiError::Internal(format!("web app: cannot read {}: {e}", chosen.display())))?;
    Ok(Found::File(File { bytes, immutable, coding, negotiable: !copies.is_empty(), path }))
}

fn respond(file: File) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.content_type(content_type(&file.path))
        .insert_header((header::CACHE_CONTROL, if file.immutable { IMMUTABLE } else { REVALIDATE }))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"));
    if let Some(coding) = file.coding {
        res.insert_header((header::CONTENT_ENCODING, coding.token()));
    }
    if file.negotiable {
        res.insert_header((header::VARY, "Accept-Encoding"));
    }
    // Chosen here: the compression middleware leaves it as it is.
    res.extensions_mut().insert(Negotiated);
    res.body(file.bytes)
}

/// Vite writes UTF-8; saying so spares browsers a guess on text, scripts and styles.
fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let essence = mime.essence_str();
    if mime.type_() == mime_guess::mime::TEXT || essence == "application/javascript" {
        format!("{essence}; charset=utf-8")
    } else {
        essence.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_and_hidden_names_are_refused_however_encoded() {
        for raw in ["/../secret", "/%2e%2e/secret", "/%2E%2E%2Fsecret", "/assets/..%5C..%5Csecret", "/a%00b", "/.env"] {
            assert_eq!(segments(raw), None, "{raw}");
        }
        assert_eq!(segments("/assets/app-1.js").unwrap(), ["assets", "app-1.js"]);
        assert_eq!(segments("/").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn only_file_like_paths_may_be_missing() {
        let names = |p: &str| names_a_file(&segments(p).unwrap());
        assert!(names("/assets/gone"));
        assert!(names("/favicon.ico"));
        assert!(!names("/portal/demo/login/link"));
        assert!(!names("/app/clients/0196f0c2-7a4e-7c3e-9b5d-2f64e18a0c71"));
        assert!(!names("/"));
    }

    #[test]
    fn api_paths_are_not_pages() {
        for p in ["/api", "/api/v1/nope", "/docs", "/docs/x", "/healthz", "/readyz/"] {
            assert!(is_api(p), "{p}");
        }
        for p in ["/", "/apiary", "/portal/demo", "/docsets"] {
            assert!(!is_api(p), "{p}");
        }
    }

    #[test]
    fn text_types_say_utf8() {
        assert_eq!(content_type(Path::new("a.js")), "text/javascript; charset=utf-8");
        assert_eq!(content_type(Path::new("a.css")), "text/css; charset=utf-8");
        assert_eq!(content_type(Path::new("index.html")), "text/html; charset=utf-8");
        assert_eq!(content_type(Path::new("a.svg")), "image/svg+xml");
        assert_eq!(content_type(Path::new("a.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("a.json")), "application/json");
        assert_eq!(content_type(Path::new("a.png")), "image/png");
        assert_eq!(content_type(Path::new("favicon.ico")), "image/x-icon");
    }
}
