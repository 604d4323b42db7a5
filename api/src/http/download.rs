//! Downloads: the `Content-Disposition` a file goes out with, and the one answer every
//! generated PDF (quote, invoice, signed contract) is sent as.

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Characters left as they are in `filename*` (RFC 8187 attr-char).
const ATTR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// `attachment` with an ASCII fallback name and the exact name in UTF-8.
pub fn disposition(name: &str) -> String {
    let fallback: String =
        name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' }).collect();
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{}", utf8_percent_encode(name, ATTR))
}

/// `inline` with the same names: the browser shows the file and saves it under that name.
pub fn inline_disposition(name: &str) -> String {
    disposition(name).replacen("attachment", "inline", 1)
}

/// A generated PDF as a download named `file_name`. A client's document is nobody else's:
/// no shared cache keeps it, and the browser does not keep a copy after the tab closes.
pub fn pdf(file_name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/pdf"))
        .insert_header((CONTENT_DISPOSITION, disposition(file_name)))
        .insert_header((X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn disposition_has_an_ascii_fallback_and_the_utf8_name() {
        assert_eq!(
            disposition("Logo \"final\" ü.png"),
            "attachment; filename=\"Logo _final_ _.png\"; filename*=UTF-8''Logo%20%22final%22%20%C3%BC.png"
        );
    }
}
