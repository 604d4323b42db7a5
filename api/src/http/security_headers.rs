//! Browser security headers on every response. The single-page app runs under a strict
//! Content-Security-Policy — its own scripts and styles only, no inline script, no `eval` —
//! so an injected `<script>` in a message or a document would not run; nothing may frame a
//! page (clickjacking); responses are never content-sniffed; no URL leaks in a Referer; no
//! other site's window keeps a handle on ours (COOP); the powerful browser features the
//! portal never uses (camera, microphone, location, payment, USB) are off; and once the
//! public URL is https, browsers are told to use nothing else (HSTS).
//! API answers and downloads get the strictest policy: they are data, never a page.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;

/// The app's pages. Images may come from anywhere over HTTPS: a tenant's logo is a URL.
pub const APP_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data: blob: https:; font-src 'self'; connect-src 'self'; object-src 'none'; \
    base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Swagger UI (`/docs`) styles its widgets inline; it still runs no inline script.
pub const DOCS_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// JSON, PDFs and files: nothing in them may load or run anything, even if opened directly.
pub const DATA_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Features no page of Portico uses: off, so an injected frame or script cannot ask for them.
pub const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()";

/// A year, the value browsers' preload lists expect; not `includeSubDomains`, which would bind
/// the operator's other hosts.
pub const HSTS: &str = "max-age=31536000";

pub async fn add(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let docs = req.path() == "/docs" || req.path().starts_with("/docs/");
    let https = req
        .app_data::<actix_web::web::Data<crate::config::Config>>()
        .is_some_and(|config| config.public_url.scheme() == "https");
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    let html =
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    let policy = match (docs, html) {
        (true, _) => DOCS_POLICY,
        (false, true) => APP_POLICY,
        (false, false) => DATA_POLICY,
    };
    set(headers, header::CONTENT_SECURITY_POLICY, policy);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(headers, HeaderName::from_static("permissions-policy"), PERMISSIONS_POLICY);
    set(headers, HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    if https {
        set(headers, header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    Ok(res)
}

/// Keeps a value a handler chose itself.
fn set(headers: &mut HeaderMap, name: HeaderName, value: &'static str) {
    if !headers.contains_key(&name) {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_policy_allows_no_inline_script_and_no_eval() {
        let script = APP_POLICY.split(';').find(|d| d.trim().starts_with("script-src")).unwrap();
        assert_eq!(script.trim(), "script-src 'self'");
        for policy in [APP_POLICY, DOCS_POLICY, DATA_POLICY] {
            assert!(!policy.contains("unsafe-eval"), "{policy}");
            assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        }
    }
}
