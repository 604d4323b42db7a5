//! Request body limits on every endpoint (issue 10), walked from the served OpenAPI document
//! so an endpoint added later is covered, or fails this test until its body is one it knows.
//! Every operation that takes a body is sent one a byte over its limit (JSON over 1 MiB, a
//! file over PORTICO_MAX_UPLOAD_MB) by a caller allowed to use it: with a Content-Length,
//! chunked (no length up front), and for creates and actions also with an Idempotency-Key
//! (whose middleware reads the body first). Each answers 413 with a problem document, and no
//! row and no stored file changed. The limits are exact: every JSON operation reads a body
//! of exactly 1 MiB (and answers on its content), and a file of exactly the limit is stored.
//!
//! Bodies are written over a plain TCP connection while the answer is read, from a repeated
//! filler, so an over-limit upload never sits in memory and a chunked body can be sent.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::TestApp;
use crate::matrix::{concrete, schemes, snapshot};
use crate::projects::create_project;

/// The JSON limit the API documents (413 "larger than the 1024 KiB allowed").
const JSON_LIMIT: usize = 1 << 20;
/// A small upload limit, set below, keeps the walk quick; the rule is the same at any size.
const UPLOAD_MB: usize = 2;
const UPLOAD_LIMIT: usize = UPLOAD_MB << 20;
/// Operations with a body when this test was written; more may come (the walk covers them).
const WITH_BODY_AT_LEAST: usize = 75;
const BOUNDARY: &str = "portico-limit-boundary";

/// A body of `head`, then `fill` filler bytes, then `tail`: its size is known without it
/// ever being held whole.
struct Body {
    content_type: String,
    head: Vec<u8>,
    fill: usize,
    tail: Vec<u8>,
}

impl Body {
    /// A JSON object of exactly `len` bytes: one long string field.
    fn json(field: &str, len: usize, rest: &str) -> Body {
        let head = format!("{{\"{field}\":\"").into_bytes();
        let tail = format!("\"{rest}}}").into_bytes();
        Body { content_type: "application/json".into(), fill: len - head.len() - tail.len(), head, tail }
    }

    /// A multipart form whose one part, `file`, holds `len` bytes.
    fn upload(len: usize) -> Body {
        let head = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        );
        Body {
            content_type: format!("multipart/form-data; boundary={BOUNDARY}"),
            head: head.into_bytes(),
            fill: len,
            tail: format!("\r\n--{BOUNDARY}--\r\n").into_bytes(),
        }
    }

    fn len(&self) -> usize {
        self.head.len() + self.fill + self.tail.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Framing {
    Length,
    Chunked,
}

struct Answer {
    status: u16,
    content_type: String,
    body: Value,
}

/// One HTTP/1.1 exchange: the body is written while the answer is read, as a browser or
/// curl does, so an answer sent before the body is all in is still seen.
async fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    extra: &[(&str, &str)],
    body: &Body,
    framing: Framing,
) -> Answer {
    let host = app.address.trim_start_matches("http://").to_string();
    let stream = TcpStream::connect(&host).await.expect("connect");
    let (mut rd, mut wr) = stream.into_split();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    head += &format!("Content-Type: {}\r\n", body.content_type);
    match framing {
        Framing::Length => head += &format!("Content-Length: {}\r\n", body.len()),
        Framing::Chunked => head += "Transfer-Encoding: chunked\r\n",
    }
    if let Some(t) = token {
        head += &format!("Authorization: Bearer {t}\r\n");
    }
    for (name, value) in extra {
        head += &format!("{name}: {value}\r\n");
    }
    head += "\r\n";
    let (lead, fill, tail) = (body.head.clone(), body.fill, body.tail.clone());
    let writer = tokio::spawn(async move {
        let piece = vec![b'a'; 64 * 1024];
        wr.write_all(head.as_bytes()).await?;
        let mut pieces: Vec<&[u8]> = vec![&lead];
        pieces.extend(std::iter::repeat_n(&piece[..], fill / piece.len()));
        pieces.push(&piece[..fill % piece.len()]);
        pieces.push(&tail);
        for p in pieces.into_iter().filter(|p| !p.is_empty()) {
            match framing {
                Framing::Length => wr.write_all(p).await?,
                Framing::Chunked => {
                    wr.write_all(format!("{:x}\r\n", p.len()).as_bytes()).await?;
                    wr.write_all(p).await?;
                    wr.write_all(b"\r\n").await?;
                }
            }
        }
        if framing == Framing::Chunked {
            wr.write_all(b"0\r\n\r\n").await?;
        }
        wr.flush().await?;
        // Kept open (not shut down) until the answer is read.
        Ok::<_, std::io::Error>(wr)
    });
    let mut raw = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(60), async {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match rd.read(&mut buf).await {
                Ok(0) => return Ok(()),
                Ok(n) => raw.extend_from_slice(&buf[..n]),
                Err(e) => return Err(e),
            }
        }
    })
    .await;
    writer.abort();
    let what = format!("{method} {path} ({framing:?}, {} bytes)", body.len());
    match read {
        Err(_) => panic!("{what}: no answer within 60 s"),
        Ok(Err(e)) if raw.is_empty() => panic!("{what}: the connection failed before any answer: {e}"),
        Ok(_) => {}
    }
    parse(&raw).unwrap_or_else(|| panic!("{what}: not an HTTP answer: {:?}", String::from_utf8_lossy(&raw)))
}

fn parse(raw: &[u8]) -> Option<Answer> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: BTreeMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    if headers.get("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body)?;
    } else if let Some(n) = headers.get("content-length").and_then(|n| n.parse::<usize>().ok()) {
        body.truncate(n);
    }
    Some(Answer {
        status,
        content_type: headers.get("content-type").cloned().unwrap_or_default(),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
    })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = rest.windows(2).position(|w| w == b"\r\n")?;
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..eol]).ok()?.split(';').next()?.trim(), 16).ok()?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(eol + 2..eol + 2 + size)?);
        rest = rest.get(eol + 4 + size..)?;
    }
}

/// Files under the data directory (where uploads are stored).
fn stored_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| if e.path().is_dir() { stored_files(&e.path()) } else { 1 }).sum())
        .unwrap_or(0)
}

fn is_413(a: &Answer) -> bool {
    a.status == 413
        && a.content_type == "application/problem+json"
        && a.body["status"] == 413
        && a.body["detail"].as_str().is_some_and(|d| d.len() > 10)
}

async fn every_body_over_its_limit_is_413_and_changes_nothing(app: TestApp) {
    let spec: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let client = bearer(&client_login(&app, "maria@lopez.es").await);
    let project = create_project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let pid = project["id"].as_str().unwrap();
    let res = app.patch(&format!("/api/v1/projects/{pid}"), &json!({ "client_uploads": true })).await;
    assert_eq!(res.status(), 200);
    let res = app.post("/api/v1/products", &json!({ "name": "Brand kit" })).await;
    assert_eq!(res.status(), 201);
    let product = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    // An upload is refused only after its target is found: those paths name real objects.
    let real: BTreeMap<&str, String> = [
        ("/api/v1/projects/{id}/files", format!("/api/v1/projects/{pid}/files")),
        ("/api/v1/portal/projects/{id}/files", format!("/api/v1/portal/projects/{pid}/files")),
        ("/api/v1/projects/{id}/attachments", format!("/api/v1/projects/{pid}/attachments")),
        ("/api/v1/portal/projects/{id}/attachments", format!("/api/v1/portal/projects/{pid}/attachments")),
        ("/api/v1/products/{id}/file", format!("/api/v1/products/{product}/file")),
    ]
    .into_iter()
    .collect();

    let (rows, files) = (snapshot(&app), stored_files(&app.data_dir()));
    let (mut ops, mut calls, mut wrong, mut at_limit) = (0, 0, Vec::new(), BTreeMap::new());
    for (path, methods) in spec["paths"].as_object().unwrap() {
        for (method, op) in methods.as_object().unwrap() {
            let Some(content) = op["requestBody"]["content"].as_object() else { continue };
            let (body, url) = if content.contains_key("application/json") {
                (Body::json("padding", JSON_LIMIT + 1, ""), concrete(path))
            } else if content.contains_key("multipart/form-data") {
                let url = real.get(path.as_str()).unwrap_or_else(|| {
                    panic!("{method} {path} takes an upload this test cannot reach: give it a real object")
                });
                (Body::upload(UPLOAD_LIMIT + 1), url.clone())
            } else {
                panic!("{method} {path} takes {:?}, a body this test does not know", content.keys());
            };
            let schemes = schemes(op, &spec);
            let token = match schemes.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                [] => None,
                ["client_session"] => Some(client.as_str()),
                s if s.contains(&"api_key") => Some(app.key.as_str()),
                s if s.contains(&"staff_session") => Some(staff.as_str()),
                other => panic!("{method} {path}: security {other:?} is new to this test: say who may call it"),
            };
            let method = method.to_uppercase();
            let mut tries: Vec<(Framing, &[(&str, &str)])> = vec![(Framing::Length, &[]), (Framing::Chunked, &[])];
            if method == "POST" && token.is_some() && body.content_type == "application/json" {
                tries.push((Framing::Length, &[("Idempotency-Key", "limit-walk")]));
            }
            ops += 1;
            // At the limit a JSON body is read and judged on its content: never 413, nor 5xx.
            for framing in
                [Framing::Length, Framing::Chunked].into_iter().filter(|_| body.content_type == "application/json")
            {
                let answer =
                    send(&app, &method, &url, token, &[], &Body::json("padding", JSON_LIMIT, ""), framing).await;
                *at_limit.entry(answer.status).or_insert(0) += 1;
                if answer.status == 413 || answer.status >= 500 {
                    wrong
                        .push(format!("{method} {path} ({framing:?}) at the limit: {} {}", answer.status, answer.body));
                }
            }
            for (framing, headers) in tries {
                let answer = send(&app, &method, &url, token, headers, &body, framing).await;
                calls += 1;
                if !is_413(&answer) {
                    wrong.push(format!(
                        "{method} {path} ({framing:?} {headers:?}): {} {} {}",
                        answer.status, answer.content_type, answer.body
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong answers ({calls} over-limit calls, others at the limit):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(snapshot(&app), rows, "an over-limit body changed the database");
    assert_eq!(stored_files(&app.data_dir()), files, "an over-limit upload left a file behind");
    assert!(ops >= WITH_BODY_AT_LEAST, "only {ops} operations with a body found: the walk misses some");
    eprintln!("body limits: {calls} over-limit calls over {ops} operations with a body, all 413");
    eprintln!("body limits: JSON bodies of exactly 1 MiB answered {at_limit:?}");

    // Exact: a JSON body of exactly 1 MiB is read (and judged on its content), one more byte is not.
    for framing in [Framing::Length, Framing::Chunked] {
        for headers in [&[][..], &[("Idempotency-Key", "limit-exact")][..]] {
            let at = Body::json("name", JSON_LIMIT, ",\"email\":\"big@limit.example\"");
            let answer = send(&app, "POST", "/api/v1/clients", Some(&app.key), headers, &at, framing).await;
            assert_eq!(answer.status, 422, "1 MiB of JSON ({framing:?} {headers:?}) is read: {}", answer.body);
            assert_eq!(answer.body["errors"][0]["field"], "name", "{}", answer.body);
            let over = Body::json("name", JSON_LIMIT + 1, ",\"email\":\"big@limit.example\"");
            let answer = send(&app, "POST", "/api/v1/clients", Some(&app.key), headers, &over, framing).await;
            assert!(is_413(&answer), "one byte more ({framing:?} {headers:?}): {} {}", answer.status, answer.body);
        }
    }
    assert_eq!(snapshot(&app), rows);

    // Exact: a file of exactly the upload limit is stored, one byte more is not.
    let path = format!("/api/v1/products/{product}/file");
    for framing in [Framing::Length, Framing::Chunked] {
        let answer = send(&app, "PUT", &path, Some(&app.key), &[], &Body::upload(UPLOAD_LIMIT), framing).await;
        assert_eq!(answer.status, 200, "a {UPLOAD_MB} MB file ({framing:?}) is stored: {}", answer.body);
        assert_eq!(answer.body["file"]["size"], UPLOAD_LIMIT, "{}", answer.body);
        let kept = answer.body["file"].clone();
        let answer = send(&app, "PUT", &path, Some(&app.key), &[], &Body::upload(UPLOAD_LIMIT + 1), framing).await;
        assert!(is_413(&answer), "one byte more ({framing:?}): {} {}", answer.status, answer.body);
        let now: Value = app.get(&format!("/api/v1/products/{product}")).await.json().await.unwrap();
        assert_eq!(now["file"], kept, "the stored file is unchanged");
    }
    // The files counted above are where uploads land (so "none left behind" meant something).
    assert!(stored_files(&app.data_dir()) > files, "the stored upload is under the data directory");
}

const LIMITS: &[(&str, &str)] = &[("PORTICO_MAX_UPLOAD_MB", "2")];

crate::both!(with LIMITS; every_body_over_its_limit_is_413_and_changes_nothing);
