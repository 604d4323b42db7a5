//! Which files a browser may show instead of saving, and the headers they go out with.
//! Raster images and PDFs are shown inline when asked; everything else, SVG and XML
//! included (they can carry script), stays a download whatever the request says.

use actix_web::HttpResponseBuilder;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, X_FRAME_OPTIONS};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::http::download::{disposition, inline_disposition};

/// How a file can be previewed in the browser; absent when it can only be downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreviewKind {
    /// PNG, JPEG, GIF or WebP: shown as an image.
    Image,
    /// Shown in the browser's PDF viewer.
    Pdf,
}

/// The preview a stored (sniffed) content type allows.
pub fn kind_of(content_type: &str) -> Option<PreviewKind> {
    match content_type {
        "image/png" | "image/jpeg" | "image/gif" | "image/webp" => Some(PreviewKind::Image),
        "application/pdf" => Some(PreviewKind::Pdf),
        _ => None,
    }
}

/// Whether the browser should save the file or show it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// Saved under its name (the default).
    #[default]
    Attachment,
    /// Shown in the browser, for images and PDFs only; other types are still sent as
    /// attachments.
    Inline,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DispositionQuery {
    /// `inline` to view an image or PDF in the browser (a preview); other types, and the
    /// default, download.
    #[param(inline)]
    pub disposition: Option<Disposition>,
}

/// An image shown on its own: it may draw itself and nothing else, and runs in a sandbox
/// (no script, no forms, a unique origin) even when opened directly. Only our own pages may
/// frame it, for the lightbox.
pub const IMAGE_POLICY: &str =
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
/// A PDF shown in the browser's viewer. Chrome refuses to start its viewer under `sandbox`,
/// so a PDF gets everything else of the image policy: no network, no script of the page's
/// origin, framed by our own pages only.
pub const PDF_POLICY: &str = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; \
    frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/// Sets `Content-Disposition` and, for an inline preview, the policy that goes with it.
/// Returns whether the file goes out inline.
pub fn apply(res: &mut HttpResponseBuilder, content_type: &str, name: &str, wanted: Disposition) -> bool {
    match (wanted, kind_of(content_type)) {
        (Disposition::Inline, Some(kind)) => {
            let policy = if kind == PreviewKind::Pdf { PDF_POLICY } else { IMAGE_POLICY };
            res.insert_header((CONTENT_DISPOSITION, inline_disposition(name)))
                .insert_header((CONTENT_SECURITY_POLICY, policy))
                .insert_header((X_FRAME_OPTIONS, "SAMEORIGIN"));
            true
        }
        _ => {
            res.insert_header((CONTENT_DISPOSITION, disposition(name)));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_raster_images_and_pdfs_preview() {
        assert_eq!(kind_of("image/png"), Some(PreviewKind::Image));
        assert_eq!(kind_of("image/webp"), Some(PreviewKind::Image));
        assert_eq!(kind_of("application/pdf"), Some(PreviewKind::Pdf));
        for unsafe_or_unknown in ["image/svg+xml", "application/xml", "text/plain; charset=utf-8", "application/zip"] {
            assert_eq!(kind_of(unsafe_or_unknown), None, "{unsafe_or_unknown}");
        }
    }

    #[test]
    fn previews_are_sandboxed_and_framed_only_by_us() {
        assert!(IMAGE_POLICY.ends_with("sandbox"));
        for policy in [IMAGE_POLICY, PDF_POLICY] {
            assert!(policy.starts_with("default-src 'none'"), "{policy}");
            assert!(policy.contains("frame-ancestors 'self'"), "{policy}");
            assert!(!policy.contains("script-src"), "{policy}");
        }
    }
}
