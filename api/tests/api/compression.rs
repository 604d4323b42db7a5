//! Compressed responses (issue 30). The web app's files go out in the precompressed copy the
//! client accepts best (brotli, then gzip, else the plain file), decoding to the very bytes
//! of the file; API answers over 1 KB of a text-like type are compressed as they are sent;
//! answers carrying a secret (tokens, a new API key) and compressed downloads (PDF, images)
//! never are.

use std::io::{Read, Write};

use reqwest::Method;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, VARY};
use serde_json::{Value, json};

use crate::both;
use crate::files::{PNG, upload};
use crate::flows::{PORTAL, bearer, mail_for};
use crate::helpers::{Backend, TempDir, TestApp, spawn_app_with};
use crate::invoices::{maria, sent_invoice};
use crate::projects::create_project;

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(bytes).unwrap();
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(bytes).unwrap();
    w.finish().unwrap()
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096).read_to_end(&mut out).expect("valid brotli");
    out
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("valid gzip");
    out
}

fn header(res: &reqwest::Response, name: impl reqwest::header::AsHeaderName) -> Option<String> {
    res.headers().get(name).map(|v| v.to_str().unwrap().to_string())
}

fn varies_with_encoding(res: &reqwest::Response) -> bool {
    res.headers()
        .get_all(VARY)
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .any(|v| v.trim().eq_ignore_ascii_case("accept-encoding"))
}

/// The body as sent, and decoded by its `Content-Encoding`.
async fn body(res: reqwest::Response) -> (Option<String>, Vec<u8>, Vec<u8>) {
    let coding = header(&res, CONTENT_ENCODING);
    let wire = res.bytes().await.unwrap().to_vec();
    let plain = match coding.as_deref() {
        None => wire.clone(),
        Some("br") => unbrotli(&wire),
        Some("gzip") => gunzip(&wire),
        Some(other) => panic!("unexpected Content-Encoding {other}"),
    };
    (coding, wire, plain)
}

// --- the web app's files --------------------------------------------------------------------

/// A script of some size, compressible like a real bundle.
fn script() -> String {
    (0..400).map(|i| format!("export function portico{i}(x){{return x*{i}+'client portal';}}\n")).collect()
}

fn index() -> String {
    format!("<!doctype html><title>Portico</title><div id=\"root\"></div><!-- {} -->", "padding ".repeat(200))
}

/// A built app as `npm run build` leaves it: copies beside the script, the style sheet and
/// `index.html`; a small icon and a JSON file without any.
struct Built {
    dir: TempDir,
}

impl Built {
    fn new() -> Built {
        let dir = TempDir::new();
        let dist = dir.0.join("dist");
        std::fs::create_dir_all(dist.join("assets")).unwrap();
        let files: [(&str, Vec<u8>, bool); 5] = [
            ("index.html", index().into_bytes(), true),
            ("assets/app-abc123.js", script().into_bytes(), true),
            ("assets/app-abc123.css", "body{margin:0;color:#123456}\n".repeat(100).into_bytes(), true),
            ("favicon.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(), false),
            ("manifest.json", format!("{{\"name\":\"{}\"}}", "Portico ".repeat(300)).into_bytes(), false),
        ];
        for (name, bytes, compressed) in files {
            let path = dist.join(name);
            std::fs::write(&path, &bytes).unwrap();
            if compressed {
                std::fs::write(format!("{}.br", path.display()), brotli(&bytes)).unwrap();
                std::fs::write(format!("{}.gz", path.display()), gzip(&bytes)).unwrap();
            }
        }
        Built { dir }
    }

    fn file(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.dir.0.join("dist").join(name)).unwrap()
    }

    async fn serve(&self) -> TestApp {
        let dist = self.dir.0.join("dist").display().to_string();
        spawn_app_with(Backend::Sqlite, &[("PORTICO_WEB_DIR", &dist)]).await
    }
}

async fn get_with(app: &TestApp, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut req = app.http.get(app.url(path));
    if let Some(accept) = accept {
        req = req.header(ACCEPT_ENCODING, accept);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn assets_go_out_in_the_best_accepted_copy() {
    let built = Built::new();
    let app = built.serve().await;
    let plain = built.file("assets/app-abc123.js");
    for (accept, expected) in [
        (Some("gzip, deflate, br, zstd"), Some("br")),
        (Some("br, gzip"), Some("br")),
        (Some("gzip"), Some("gzip")),
        (Some("br;q=0, gzip"), Some("gzip")),
        (Some("gzip;q=1, br;q=0.5"), Some("gzip")),
        (Some("*"), Some("br")),
        (Some("identity"), None),
        (Some("deflate"), None),
        (None, None),
    ] {
        let res = get_with(&app, "/assets/app-abc123.js", accept).await;
        assert_eq!(res.status(), 200, "{accept:?}");
        // The original's type and caching, whatever the copy.
        assert_eq!(header(&res, CONTENT_TYPE).unwrap(), "text/javascript; charset=utf-8", "{accept:?}");
        assert_eq!(header(&res, "cache-control").unwrap(), "public, max-age=31536000, immutable");
        assert!(varies_with_encoding(&res), "Vary: Accept-Encoding whether compressed or not ({accept:?})");
        let length: usize = header(&res, CONTENT_LENGTH).unwrap().parse().unwrap();
        let (coding, wire, decoded) = body(res).await;
        assert_eq!(coding.as_deref(), expected, "{accept:?}");
        assert_eq!(length, wire.len(), "sent as one sized body ({accept:?})");
        assert_eq!(decoded, plain, "decodes to the very file ({accept:?})");
        if expected.is_some() {
            assert!(wire.len() * 4 < plain.len(), "compressed: {} of {} bytes", wire.len(), plain.len());
        }
    }
}

#[tokio::test]
async fn index_html_is_negotiated_on_every_page_path() {
    let built = Built::new();
    let app = built.serve().await;
    for path in ["/", "/index.html", "/portal/demo/login", "/app/clients"] {
        let res = get_with(&app, path, Some("br, gzip")).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, CONTENT_TYPE).unwrap(), "text/html; charset=utf-8", "{path}");
        assert_eq!(header(&res, "cache-control").unwrap(), "no-cache", "{path}");
        assert!(varies_with_encoding(&res), "{path}");
        // Still the app's strict policy: the page is HTML, compressed or not.
        assert!(header(&res, "content-security-policy").unwrap().contains("script-src 'self'"), "{path}");
        let (coding, _, decoded) = body(res).await;
        assert_eq!(coding.as_deref(), Some("br"), "{path}");
        assert_eq!(decoded, built.file("index.html"), "{path}");
    }
    let res = get_with(&app, "/portal/demo", Some("gzip")).await;
    let (coding, _, decoded) = body(res).await;
    assert_eq!((coding.as_deref(), decoded), (Some("gzip"), built.file("index.html")));
    let (coding, _, decoded) = body(get_with(&app, "/portal/demo", None).await).await;
    assert_eq!((coding, decoded), (None, built.file("index.html")));
}

#[tokio::test]
async fn a_file_without_copies_goes_out_plain_and_unvaried() {
    let built = Built::new();
    let app = built.serve().await;
    // 2.4 kB of JSON with no copy: sent as it is, not compressed on the fly.
    for path in ["/manifest.json", "/favicon.svg"] {
        let res = get_with(&app, path, Some("br, gzip")).await;
        assert_eq!(res.status(), 200, "{path}");
        assert!(!varies_with_encoding(&res), "{path}");
        let (coding, wire, _) = body(res).await;
        assert_eq!(coding, None, "{path}");
        assert_eq!(wire, built.file(path.trim_start_matches('/')), "{path}");
    }
}

#[tokio::test]
async fn head_answers_the_chosen_copys_length() {
    let built = Built::new();
    let app = built.serve().await;
    let br_len = brotli(&built.file("assets/app-abc123.js")).len();
    let head = app.http.head(app.url("/assets/app-abc123.js")).header(ACCEPT_ENCODING, "br").send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(header(&head, CONTENT_ENCODING).as_deref(), Some("br"));
    assert_eq!(header(&head, CONTENT_LENGTH).unwrap(), br_len.to_string());
    assert!(head.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn api_errors_beside_the_app_are_unchanged() {
    let built = Built::new();
    let app = built.serve().await;
    // A missing asset is a small problem, never an encoded one.
    let res = get_with(&app, "/assets/gone.js", Some("br, gzip")).await;
    assert_eq!(res.status(), 404);
    assert_eq!(header(&res, CONTENT_ENCODING), None);
    assert_eq!(header(&res, CONTENT_TYPE).unwrap(), "application/problem+json");
}

// --- API answers ----------------------------------------------------------------------------

async fn api_get(app: &TestApp, token: &str, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut req = app.req_as(token, Method::GET, path);
    if let Some(accept) = accept {
        req = req.header(ACCEPT_ENCODING, accept);
    }
    req.send().await.unwrap()
}

/// Enough clients that their list is several kilobytes.
async fn many_clients(app: &TestApp) {
    for i in 0..15 {
        let res = app
            .post(
                "/api/v1/clients",
                &json!({ "name": format!("Client number {i}"), "email": format!("client{i}@example.com"),
                         "company": format!("Company {i} GmbH & Co. KG"), "phone": "+49 30 1234567" }),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
}

async fn large_json_is_compressed_small_json_is_not(app: TestApp) {
    many_clients(&app).await;
    for (accept, expected) in [(Some("br, gzip"), Some("br")), (Some("gzip"), Some("gzip")), (None, None)] {
        let res = api_get(&app, &app.key, "/api/v1/clients?limit=50", accept).await;
        assert_eq!(res.status(), 200);
        assert_eq!(header(&res, CONTENT_TYPE).unwrap(), "application/json");
        // Vary even when sent plain: a cache must not hand this copy to a client that asked for br.
        assert!(varies_with_encoding(&res), "{accept:?}");
        let (coding, wire, plain) = body(res).await;
        assert_eq!(coding.as_deref(), expected, "{accept:?}");
        assert!(plain.len() > 2048, "the list is large: {} bytes", plain.len());
        let list: Value = serde_json::from_slice(&plain).expect("decodes to JSON");
        assert_eq!(list["items"].as_array().unwrap().len(), 15);
        if expected.is_some() {
            assert!(wire.len() * 3 < plain.len(), "{} bytes for {}", wire.len(), plain.len());
        }
    }

    // One client is a few hundred bytes: framing would eat the gain.
    let list: Value = app.get("/api/v1/clients?limit=1").await.json().await.unwrap();
    let id = list["items"][0]["id"].as_str().unwrap();
    let res = api_get(&app, &app.key, &format!("/api/v1/clients/{id}"), Some("br, gzip")).await;
    assert_eq!(res.status(), 200);
    assert!(!varies_with_encoding(&res));
    let (coding, wire, _) = body(res).await;
    assert_eq!(coding, None);
    assert!(wire.len() < 1024, "{} bytes", wire.len());

    // The spec is large and compressed; it decodes to what an uncompressed read gets.
    let plain = app.get("/api/v1/openapi.json").await.bytes().await.unwrap();
    let (coding, _, decoded) = body(api_get(&app, &app.key, "/api/v1/openapi.json", Some("gzip")).await).await;
    assert_eq!(coding.as_deref(), Some("gzip"));
    assert_eq!(decoded, plain);
}

/// Tokens beside text the caller chose (names and companies here) are never compressed, even
/// when the answer is well over the threshold: a compressed size would leak them (BREACH).
async fn answers_with_tokens_or_secrets_are_never_compressed(app: TestApp) {
    let email = "lukas@becker.de";
    for i in 0..6 {
        let res = app
            .post(
                "/api/v1/clients",
                &json!({ "name": format!("Lukas Becker {i} {}", "L".repeat(150)), "email": email,
                         "company": format!("Becker {i} {}", "B".repeat(150)) }),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let mail = mail_for(&app, &format!("{PORTAL}/otp"), email).await;
    let post =
        |path: &str, body: Value| app.http.post(app.url(path)).header(ACCEPT_ENCODING, "br, gzip").json(&body).send();

    // The account chooser: a selection token beside six names and companies.
    let res = post(&format!("{PORTAL}/otp/verify"), json!({ "email": email, "code": mail.code() })).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(!varies_with_encoding(&res));
    let (coding, wire, _) = body(res).await;
    assert_eq!(coding, None, "verify");
    assert!(wire.len() > 2048, "large enough to be compressed otherwise: {} bytes", wire.len());
    let chooser: Value = serde_json::from_slice(&wire).unwrap();
    assert_eq!(chooser["status"], "choose_account");

    let account = chooser["accounts"][0]["id"].as_str().unwrap();
    let token = chooser["selection_token"].as_str().unwrap();
    let res =
        post(&format!("{PORTAL}/select"), json!({ "selection_token": token, "account_id": account })).await.unwrap();
    assert_eq!(res.status(), 200);
    let (coding, wire, _) = body(res).await;
    assert_eq!(coding, None, "select");
    let tokens: Value = serde_json::from_slice(&wire).unwrap();

    let res = post("/api/v1/auth/refresh", json!({ "refresh_token": tokens["refresh_token"] })).await.unwrap();
    assert_eq!(res.status(), 200);
    let (coding, wire, _) = body(res).await;
    assert_eq!(coding, None, "refresh");
    let refreshed: Value = serde_json::from_slice(&wire).unwrap();
    assert!(refreshed["access_token"].is_string());
    // The new tokens work: nothing was mangled.
    let me = api_get(&app, &bearer(&refreshed), "/api/v1/portal/me", Some("br")).await;
    assert_eq!(me.status(), 200);

    let res = app
        .req(Method::POST, "/api/v1/api-keys")
        .header(ACCEPT_ENCODING, "br, gzip")
        .json(&json!({ "name": "K".repeat(100), "scopes": ["clients:read", "clients:write", "billing:read"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let (coding, wire, _) = body(res).await;
    assert_eq!(coding, None, "API key creation");
    let key: Value = serde_json::from_slice(&wire).unwrap();
    assert!(key["secret"].as_str().unwrap().starts_with("pk_live_"));
}

/// PDFs and images are compressed already; a text file is compressed as it streams.
async fn downloads_compress_only_what_gains(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let invoice = sent_invoice(&app, &cid, 12_000).await;
    let id = invoice["id"].as_str().unwrap();
    for (who, path) in
        [(&app.key, format!("/api/v1/invoices/{id}/pdf")), (&token, format!("/api/v1/portal/invoices/{id}/pdf"))]
    {
        let res = api_get(&app, who, &path, Some("br, gzip")).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, CONTENT_TYPE).unwrap(), "application/pdf");
        let (coding, wire, _) = body(res).await;
        assert_eq!(coding, None, "{path}");
        assert!(wire.starts_with(b"%PDF") && wire.len() > 1024, "{path}: {} bytes", wire.len());
    }

    let project = create_project(&app, &cid, "Brand refresh").await;
    let pid = project["id"].as_str().unwrap();
    let text = "Meeting notes, line after line.\n".repeat(300);
    let notes = upload(&app, pid, "notes.txt", text.as_bytes(), true).await;
    let mut png = PNG.to_vec();
    png.resize(4096, 0);
    let image = upload(&app, pid, "logo.png", &png, true).await;

    let res =
        api_get(&app, &app.key, &format!("/api/v1/files/{}/download", notes["id"].as_str().unwrap()), Some("br")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, CONTENT_TYPE).unwrap(), "text/plain; charset=utf-8");
    let (coding, wire, decoded) = body(res).await;
    assert_eq!(coding.as_deref(), Some("br"));
    assert!(wire.len() < text.len() / 4, "{} bytes for {}", wire.len(), text.len());
    assert_eq!(decoded, text.as_bytes(), "the file, whole");

    let res =
        api_get(&app, &app.key, &format!("/api/v1/files/{}/download", image["id"].as_str().unwrap()), Some("br")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, CONTENT_TYPE).unwrap(), "image/png");
    let (coding, wire, _) = body(res).await;
    assert_eq!(coding, None);
    assert_eq!(wire, png);
}

both!(
    large_json_is_compressed_small_json_is_not,
    answers_with_tokens_or_secrets_are_never_compressed,
    downloads_compress_only_what_gains
);
