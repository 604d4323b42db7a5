//! The server also serves the built web app: its files with the right type and caching, its
//! page paths as `index.html`, never a file outside its directory, and the API's own 404s
//! untouched. Static files touch no database, so these run on SQLite only.

use reqwest::Method;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{Backend, TempDir, TestApp, problem, spawn_app_with};

const INDEX: &str = "<!doctype html><title>Portico</title><div id=\"root\"></div>";
const SCRIPT: &str = "console.log('portico');";
const SECRET: &str = "top secret beside the web app";

/// A built app in `dist/`, and beside it a file no request may read.
struct Built {
    dir: TempDir,
}

impl Built {
    fn new() -> Built {
        let dir = TempDir::new();
        let dist = dir.0.join("dist");
        std::fs::create_dir_all(dist.join("assets")).unwrap();
        std::fs::write(dist.join("index.html"), INDEX).unwrap();
        std::fs::write(dist.join("assets/app-abc123.js"), SCRIPT).unwrap();
        std::fs::write(dist.join("assets/app-abc123.css"), "body{margin:0}").unwrap();
        std::fs::write(dist.join("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
        std::fs::write(dist.join(".env"), SECRET).unwrap();
        std::fs::write(dir.0.join("secret.txt"), SECRET).unwrap();
        std::os::unix::fs::symlink(dir.0.join("secret.txt"), dist.join("leak.txt")).unwrap();
        Built { dir }
    }

    fn dist(&self) -> String {
        self.dir.0.join("dist").display().to_string()
    }
}

async fn serving(dir: &str) -> TestApp {
    spawn_app_with(Backend::Sqlite, &[("PORTICO_WEB_DIR", dir)]).await
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

/// Sends the request line as written: HTTP clients tidy `..` and `%2e%2e` away before sending.
async fn raw_get(app: &TestApp, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://")).await.unwrap();
    let request = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).to_string();
    let status = answer.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, answer)
}

#[tokio::test]
async fn page_paths_answer_the_app_unstored() {
    let built = Built::new();
    let app = serving(&built.dist()).await;
    for path in ["/", "/index.html", "/portal/demo", "/portal/demo/login/link", "/app/clients/123", "/app/?tab=1"] {
        let res = app.http.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "content-type"), "text/html; charset=utf-8", "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(res.text().await.unwrap(), INDEX, "{path}");
    }
    let head = app.http.head(app.url("/portal/demo")).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(header(&head, "content-length"), INDEX.len().to_string());
    assert_eq!(head.text().await.unwrap(), "");
}

#[tokio::test]
async fn assets_are_kept_for_good_with_their_type() {
    let built = Built::new();
    let app = serving(&built.dist()).await;
    let res = app.http.get(app.url("/assets/app-abc123.js")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-type"), "text/javascript; charset=utf-8");
    assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(header(&res, "x-content-type-options"), "nosniff");
    assert_eq!(res.text().await.unwrap(), SCRIPT);

    let css = app.http.get(app.url("/assets/app-abc123.css")).send().await.unwrap();
    assert_eq!(header(&css, "content-type"), "text/css; charset=utf-8");
    assert_eq!(header(&css, "cache-control"), "public, max-age=31536000, immutable");
    // Files outside assets/ keep their names across builds, so they are checked each time.
    let svg = app.http.get(app.url("/logo.svg")).send().await.unwrap();
    assert_eq!(header(&svg, "content-type"), "image/svg+xml");
    assert_eq!(header(&svg, "cache-control"), "no-cache");
}

#[tokio::test]
async fn missing_files_are_404_not_the_app() {
    let built = Built::new();
    let app = serving(&built.dist()).await;
    for path in ["/assets/app-gone.js", "/assets/nothing", "/assets/", "/favicon.ico", "/portal/demo/logo.png"] {
        problem(app.http.get(app.url(path)).send().await.unwrap(), 404).await;
    }
}

#[tokio::test]
async fn api_paths_keep_their_problems() {
    let built = Built::new();
    let app = serving(&built.dist()).await;
    let body = problem(app.get("/api/v1/nope").await, 404).await;
    assert!(body["detail"].as_str().unwrap().contains("/api/v1/nope"), "{body}");
    for path in ["/api", "/api/", "/healthz/more", "/readyz/more"] {
        problem(app.get(path).await, 404).await;
    }
    assert_eq!(app.http.head(app.url("/api/v1/nope")).send().await.unwrap().status(), 404);
    // Only reading is served: other methods on pages are unknown routes, as before.
    problem(app.http.post(app.url("/portal/demo")).send().await.unwrap(), 404).await;
    problem(app.req(Method::PUT, "/").send().await.unwrap(), 404).await;
    problem(app.req(Method::DELETE, "/assets/app-abc123.js").send().await.unwrap(), 404).await;
    // The API's own routes still win over the app.
    assert_eq!(app.get("/healthz").await.status(), 200);
    assert_eq!(app.get("/api/v1/tenant").await.status(), 200);
    let docs = app.http.get(app.url("/docs")).send().await.unwrap();
    assert!(docs.status().is_redirection(), "{}", docs.status());
}

#[tokio::test]
async fn no_path_reads_outside_the_directory() {
    let built = Built::new();
    let app = serving(&built.dist()).await;
    for target in [
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%2e%2e%5csecret.txt",
        "/assets/..%5c..%5csecret.txt",
        "/..\\secret.txt",
        "//../secret.txt",
        "/secret.txt%00.js",
        "/%00/../secret.txt",
        "/.env",
        "/%2eenv",
        "/leak.txt",
    ] {
        let (status, answer) = raw_get(&app, target).await;
        assert!(!answer.contains(SECRET), "{target} leaked: {answer}");
        assert!(status == 400 || status == 404, "{target}: {status}");
    }
}

#[tokio::test]
async fn without_a_built_app_the_api_runs_and_says_how_to_build_it() {
    let empty = TempDir::new();
    let missing = empty.0.join("dist").display().to_string();
    let no_index = empty.0.display().to_string();
    for dir in [missing, no_index] {
        let app = serving(&dir).await;
        for path in ["/", "/portal/demo/login/link"] {
            let body = problem(app.http.get(app.url(path)).send().await.unwrap(), 404).await;
            let detail = body["detail"].as_str().unwrap();
            assert!(detail.contains("not built") && detail.contains("make web"), "{detail}");
            assert!(detail.contains("cd web && npm ci && npm run build"), "{detail}");
        }
        assert_eq!(app.get("/api/v1/tenant").await.status(), 200);
        problem(app.get("/api/v1/nope").await, 404).await;
    }
}

/// Pages run under a policy with no inline script and no eval; API answers and files are
/// data that may load nothing; nothing may be framed, sniffed or leak a Referer.
#[tokio::test]
async fn every_response_carries_the_browser_security_headers() {
    let built = Built::new();
    let app = serving(&built.dist()).await;
    let page = app.get("/portal/demo").await;
    let api = app.get("/api/v1/clients").await;
    let docs = app.get("/docs/").await;
    let script = app.get("/assets/app-abc123.js").await;
    for (what, res) in [("page", &page), ("api", &api), ("docs", &docs), ("script", &script)] {
        assert_eq!(header(res, "x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header(res, "x-frame-options"), "DENY", "{what}");
        assert_eq!(header(res, "referrer-policy"), "no-referrer", "{what}");
        assert_eq!(header(res, "cross-origin-opener-policy"), "same-origin", "{what}");
        let features = header(res, "permissions-policy");
        assert!(features.contains("camera=()") && features.contains("geolocation=()"), "{what}: {features}");
        // The tests' public URL is https://portal.test.
        assert_eq!(header(res, "strict-transport-security"), "max-age=31536000", "{what}");
        let csp = header(res, "content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-eval"), "{what}: {csp}");
    }
    let page_csp = header(&page, "content-security-policy");
    assert!(page_csp.contains("script-src 'self';"), "{page_csp}");
    assert!(!page_csp.contains("unsafe-inline"), "{page_csp}");
    assert!(header(&api, "content-security-policy").starts_with("default-src 'none'"));
    assert!(header(&docs, "content-security-policy").contains("script-src 'self';"));
}
