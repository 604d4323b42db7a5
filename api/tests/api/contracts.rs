//! Contracts with e-signature: staff write and send, the client reads and signs with a
//! typed name or a drawn signature bound to the SHA-256 of the text; a changed text, a
//! second signature or a void contract is refused and changes nothing; the signed PDF is
//! the same for both sides and is emailed to both as an attachment; staff countersign.

use std::time::Duration;

use base64::Engine;
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::both;
use crate::deliverables::subject_of;
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem, refused_status, spawn_app_with};

const CONTRACTS: &str = "/api/v1/contracts";
pub const PORTAL: &str = "/api/v1/portal/contracts";
const OWNER: &str = "owner@acme.example";
const MARIA: &str = "maria@lopez.es";
const SENTENCE: &str = "The Studio delivers three logo concepts within six weeks.";
pub const BODY: &str = "# Services agreement\n\nThe Studio delivers three logo concepts within six weeks.\n\n\
                    ## Payment\n\n- **50%** on signature\n- 50% on delivery\n\n<script>alert(1)</script>\n";
const DRAWN: &str = "M10 80 C40 10 65 10 95 80 L180 80 m5 5 l10 -10 z";

pub fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Maria, her portal token (logged in first, so later emails to her cannot be taken for
/// her login code), and her client id.
pub async fn setup(app: &TestApp) -> (String, String) {
    let maria = app.client("Maria Lopez", MARIA).await;
    let token = bearer(&client_login(app, MARIA).await);
    (maria["id"].as_str().unwrap().to_string(), token)
}

async fn create(app: &TestApp, client_id: &str, extra: Value) -> Value {
    let mut body = json!({ "client_id": client_id, "title": "Brand refresh agreement", "body": BODY });
    body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    let res = app.post(CONTRACTS, &body).await;
    assert_eq!(res.status(), 201, "create contract");
    res.json().await.unwrap()
}

pub async fn sent(app: &TestApp, client_id: &str, extra: Value) -> String {
    let c = create(app, client_id, extra).await;
    let id = c["id"].as_str().unwrap().to_string();
    let res = app.post(&format!("{CONTRACTS}/{id}/send"), &json!({})).await;
    assert_eq!(res.status(), 200, "send");
    id
}

async fn staff_view(app: &TestApp, id: &str) -> Value {
    let res = app.get(&format!("{CONTRACTS}/{id}")).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn portal_get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.req_as(token, Method::GET, &format!("{PORTAL}{path}")).send().await.unwrap()
}

async fn sign(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.req_as(token, Method::POST, &format!("{PORTAL}/{id}/sign"))
        .header("user-agent", "Mozilla/5.0 (Portico test)")
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn typed(hash: &str) -> Value {
    json!({ "signer_name": "Maria Lopez", "body_sha256": hash, "signature": { "kind": "typed", "name": "Maria Lopez" } })
}

fn drawn(hash: &str) -> Value {
    json!({
        "signer_name": "Maria Lopez",
        "body_sha256": hash,
        "signature": { "kind": "svg", "path": DRAWN, "width": 400, "height": 150 },
    })
}

/// The contract's activity verbs, oldest first, and whether each carries the client's id.
pub fn activity(app: &TestApp, id: &str) -> Vec<(String, bool)> {
    use portico::db::schema::activity::dsl;
    let mut conn = app.db.conn().unwrap();
    dsl::activity
        .filter(dsl::subject_type.eq("contract"))
        .filter(dsl::subject_id.eq(id))
        .order(dsl::id.asc())
        .select((dsl::verb, dsl::client_id))
        .load::<(String, Option<String>)>(&mut *conn)
        .unwrap()
        .into_iter()
        .map(|(verb, client)| (verb, client.is_some()))
        .collect()
}

async fn pdf_bytes(res: reqwest::Response) -> Vec<u8> {
    assert_eq!(res.status(), 200, "pdf");
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment;") && disposition.contains(".pdf"), "{disposition}");
    res.bytes().await.unwrap().to_vec()
}

/// The text a reader of the PDF sees, through poppler's `pdftotext`.
async fn pdf_text(bytes: &[u8]) -> String {
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext is installed");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(bytes).await.unwrap();
    drop(stdin);
    let out = child.wait_with_output().await.unwrap();
    assert!(out.status.success(), "pdftotext reads the PDF");
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Header lines with their folded continuations joined.
fn unfold(headers: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for line in headers.split("\r\n") {
        if (line.starts_with(' ') || line.starts_with('\t')) && !out.is_empty() {
            out.last_mut().unwrap().push_str(line.trim_start());
        } else {
            out.push(line.to_string());
        }
    }
    out
}

pub fn header<'a>(headers: &'a [String], name: &str) -> Option<&'a str> {
    let prefix = format!("{}:", name.to_ascii_lowercase());
    headers.iter().find(|h| h.to_ascii_lowercase().starts_with(&prefix)).map(|h| h[prefix.len()..].trim())
}

fn boundary(content_type: &str) -> String {
    let at = content_type.find("boundary=").expect("a boundary") + "boundary=".len();
    content_type[at..].split(';').next().unwrap().trim().trim_matches('"').to_string()
}

/// The attachments of a delivered multipart/mixed message: (headers, decoded bytes).
pub fn attachments(mail: &crate::smtp::Received) -> Vec<(Vec<String>, Vec<u8>)> {
    let (head, body) = mail.data.split_once("\r\n\r\n").expect("headers and body");
    let head = unfold(head);
    let content_type = header(&head, "content-type").expect("content type");
    assert!(content_type.starts_with("multipart/mixed"), "the message is multipart/mixed: {content_type}");
    let delimiter = format!("--{}", boundary(content_type));
    body.split(&delimiter)
        .skip(1)
        .filter(|part| !part.starts_with("--"))
        .filter_map(|part| {
            let (h, b) = part.trim_start_matches("\r\n").split_once("\r\n\r\n")?;
            let h = unfold(h);
            if !header(&h, "content-disposition").is_some_and(|d| d.starts_with("attachment")) {
                return None;
            }
            assert_eq!(header(&h, "content-transfer-encoding"), Some("base64"));
            let b64: String = b.chars().filter(|c| !c.is_whitespace()).collect();
            Some((h, base64::engine::general_purpose::STANDARD.decode(b64).expect("base64 attachment")))
        })
        .collect()
}

fn assert_pdf_attached(mail: &crate::smtp::Received, pdf: &[u8]) {
    let files = attachments(mail);
    assert_eq!(files.len(), 1, "one attachment in {}", subject_of(mail));
    let (h, bytes) = &files[0];
    assert!(header(h, "content-type").unwrap().starts_with("application/pdf"), "{h:?}");
    assert!(header(h, "content-disposition").unwrap().contains("Brand refresh agreement.pdf"), "{h:?}");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    assert_eq!(bytes, pdf, "the same PDF as the download");
}

async fn a_client_reads_and_signs_a_contract_with_a_drawn_signature(app: TestApp) {
    let (cid, token) = setup(&app).await;
    let c = create(&app, &cid, json!({})).await;
    let id = c["id"].as_str().unwrap().to_string();
    assert_eq!(c["status"], "draft");
    assert_eq!(c["body"], BODY, "the Markdown comes back raw");
    assert_eq!(c["body_sha256"], sha256(BODY));
    assert_eq!(c["client"]["email"], MARIA);
    assert_eq!(
        (c["view_count"].clone(), c["signature"].clone(), c["sent_at"].clone()),
        (json!(0), json!(null), json!(null))
    );

    // A draft does not exist for Maria, whatever she tries.
    let list: Value = portal_get(&app, &token, "").await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));
    problem(portal_get(&app, &token, &format!("/{id}")).await, 404).await;
    problem(portal_get(&app, &token, &format!("/{id}/pdf")).await, 404).await;
    problem(sign(&app, &token, &id, drawn(&sha256(BODY))).await, 404).await;
    problem(app.get(&format!("{CONTRACTS}/{id}/pdf")).await, 409).await;

    // Sent: she is emailed a link to it in her portal.
    let res = app.post(&format!("{CONTRACTS}/{id}/send"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!(c["status"], "sent");
    assert!(c["sent_at"].is_string());
    let mail = app.smtp.nth_to(MARIA, 2).await;
    assert!(subject_of(&mail).contains("sent you a contract to sign"), "{}", subject_of(&mail));
    assert!(mail.decoded().contains(&format!("https://portal.test/portal/acme/contracts/{id}")), "portal link");

    let list: Value = portal_get(&app, &token, "").await.json().await.unwrap();
    assert_eq!(list["items"][0]["id"], id.as_str());
    assert_eq!(list["items"][0]["status"], "sent");
    let mine: Value = portal_get(&app, &token, &format!("/{id}")).await.json().await.unwrap();
    assert_eq!(mine["body"], BODY);
    assert_eq!(mine["body_sha256"], sha256(BODY));
    assert!(mine.get("view_count").is_none() && mine.get("staff_id").is_none(), "no staff fields: {mine}");
    let seen = staff_view(&app, &id).await;
    assert_eq!(seen["view_count"], 1);
    let first = seen["first_viewed_at"].clone();
    assert!(first.is_string());
    portal_get(&app, &token, &format!("/{id}")).await;
    let seen = staff_view(&app, &id).await;
    assert_eq!((seen["view_count"].clone(), seen["first_viewed_at"].clone()), (json!(2), first));

    // Signed with her hand, over the text she read.
    let res = sign(&app, &token, &id, drawn(mine["body_sha256"].as_str().unwrap())).await;
    assert_eq!(res.status(), 200);
    let signed: Value = res.json().await.unwrap();
    assert_eq!(signed["status"], "signed");
    let s = &signed["signature"];
    assert_eq!(s["signer_name"], "Maria Lopez");
    assert_eq!(s["signer_email"], MARIA);
    assert_eq!(s["kind"], "svg");
    assert_eq!(s["ip"], "127.0.0.1");
    assert_eq!(s["user_agent"], "Mozilla/5.0 (Portico test)");
    assert_eq!(s["signed_sha256"], sha256(BODY));
    assert!(s["signed_at"].is_string());
    assert_eq!(staff_view(&app, &id).await["signature"], signed["signature"], "staff see the same audit record");

    // One PDF, the same bytes on both sides, holding the text and the audit block.
    let staff_pdf = pdf_bytes(app.get(&format!("{CONTRACTS}/{id}/pdf")).await).await;
    let client_pdf = pdf_bytes(portal_get(&app, &token, &format!("/{id}/pdf")).await).await;
    assert!(staff_pdf.starts_with(b"%PDF"));
    assert_eq!(staff_pdf, client_pdf, "identical bytes");
    let text = pdf_text(&staff_pdf).await;
    for needle in ["Brand refresh agreement", SENTENCE, "Maria Lopez", MARIA, "127.0.0.1", &sha256(BODY)] {
        assert!(text.contains(needle), "the PDF shows {needle}: {text}");
    }
    assert!(!text.contains("**"), "Markdown is rendered as text, not shown raw: {text}");

    // Both sides are emailed that PDF, through the real SMTP conversation.
    let to_maria = app.smtp.nth_to(MARIA, 3).await;
    assert!(subject_of(&to_maria).contains("You signed"), "{}", subject_of(&to_maria));
    assert_pdf_attached(&to_maria, &staff_pdf);
    let to_owner = app.smtp.nth_to(OWNER, 1).await;
    assert!(subject_of(&to_owner).contains("Maria Lopez signed"), "{}", subject_of(&to_owner));
    assert_pdf_attached(&to_owner, &staff_pdf);

    let log = activity(&app, &id);
    let verbs: Vec<&str> = log.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(verbs, ["created", "sent", "viewed", "signed"], "one 'viewed', for the first view");
    assert!(!log[0].1, "a draft's creation is not the client's business");
    assert!(log[1..].iter().all(|(_, visible)| *visible));
}

async fn a_changed_text_a_second_signature_or_a_void_contract_is_refused(app: TestApp) {
    let (cid, token) = setup(&app).await;
    let id = sent(&app, &cid, json!({})).await;
    let old = sha256(BODY);

    // Staff edit the text while Maria has it open: her hash no longer signs it.
    let edited = format!("{BODY}\n## Late clause\n\nThe fee doubles.\n");
    let res = app.patch(&format!("{CONTRACTS}/{id}"), &json!({ "body": edited })).await;
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!(c["body_sha256"], sha256(&edited));
    assert_eq!(c["status"], "sent");
    let before = staff_view(&app, &id).await;
    let p = problem(sign(&app, &token, &id, typed(&old)).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("changed"), "{p}");
    assert_eq!(staff_view(&app, &id).await, before, "nothing changed");
    let verbs: Vec<String> = activity(&app, &id).into_iter().map(|(v, _)| v).collect();
    assert_eq!(verbs, ["created", "sent", "edited_after_send"]);

    // Over the current text, it signs; a second signature is refused and changes nothing.
    let res = sign(&app, &token, &id, typed(&sha256(&edited))).await;
    assert_eq!(res.status(), 200);
    let signed = staff_view(&app, &id).await;
    assert_eq!(signed["signature"]["kind"], "typed");
    let again = json!({ "signer_name": "Someone Else", "body_sha256": sha256(&edited), "signature": { "kind": "typed", "name": "Someone Else" } });
    let p = problem(sign(&app, &token, &id, again).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("already signed"), "{p}");
    // Signed: no edit, no void, no second send.
    problem(app.patch(&format!("{CONTRACTS}/{id}"), &json!({ "title": "Other" })).await, 409).await;
    problem(app.post(&format!("{CONTRACTS}/{id}/void"), &json!({})).await, 409).await;
    problem(app.post(&format!("{CONTRACTS}/{id}/send"), &json!({})).await, 409).await;
    assert_eq!(staff_view(&app, &id).await, signed, "nothing changed");

    // A void contract cannot be signed; the client still sees it, as void.
    let other = sent(&app, &cid, json!({})).await;
    let res = app.post(&format!("{CONTRACTS}/{other}/void"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let void: Value = res.json().await.unwrap();
    assert_eq!(void["status"], "void");
    assert!(void["voided_at"].is_string());
    let p = problem(sign(&app, &token, &other, typed(&old)).await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("void"), "{p}");
    problem(app.post(&format!("{CONTRACTS}/{other}/void"), &json!({})).await, 409).await;
    problem(app.patch(&format!("{CONTRACTS}/{other}"), &json!({ "body": "New text" })).await, 409).await;
    problem(portal_get(&app, &token, &format!("/{other}/pdf")).await, 409).await;
    assert_eq!(staff_view(&app, &other).await, void, "nothing changed");
    {
        use portico::db::schema::contracts::dsl;
        let mut conn = app.db.conn().unwrap();
        let (status, signer, signature): (String, Option<String>, Option<String>) = dsl::contracts
            .filter(dsl::id.eq(&other))
            .select((dsl::status, dsl::signer_name, dsl::signature))
            .first(&mut *conn)
            .unwrap();
        assert_eq!((status.as_str(), signer, signature), ("void", None, None));
    }
    let mine: Value = portal_get(&app, &token, &format!("/{other}")).await.json().await.unwrap();
    assert_eq!(mine["status"], "void");

    // A draft can be voided too, quietly.
    let draft = create(&app, &cid, json!({})).await["id"].as_str().unwrap().to_string();
    assert_eq!(app.post(&format!("{CONTRACTS}/{draft}/void"), &json!({})).await.status(), 200);
    assert_eq!(activity(&app, &draft), [("created".to_string(), false), ("voided".to_string(), false)]);
    problem(portal_get(&app, &token, &format!("/{draft}")).await, 404).await;
}

async fn of_ten_concurrent_signatures_exactly_one_wins(app: TestApp) {
    let (cid, token) = setup(&app).await;
    let id = sent(&app, &cid, json!({})).await;
    let mut tasks = Vec::new();
    for i in 0..10 {
        let (http, token) = (app.http.clone(), token.clone());
        let url = app.url(&format!("{PORTAL}/{id}/sign"));
        let body = json!({
            "signer_name": format!("Signer {i}"),
            "body_sha256": sha256(BODY),
            "signature": { "kind": "typed", "name": format!("Signer {i}") },
        });
        tasks.push(tokio::spawn(async move {
            http.post(url).bearer_auth(token).json(&body).send().await.unwrap().status().as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, [200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    let verbs: Vec<String> = activity(&app, &id).into_iter().map(|(v, _)| v).collect();
    assert_eq!(verbs.iter().filter(|v| *v == "signed").count(), 1);
    // One signature, so one email to each side (besides Maria's login and "sent" emails).
    app.smtp.nth_to(OWNER, 1).await;
    app.smtp.nth_to(MARIA, 3).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!((app.smtp.count_to(OWNER), app.smtp.count_to(MARIA)), (1, 3));
}

async fn bad_signatures_are_422_naming_the_field_and_change_nothing(app: TestApp) {
    let (cid, token) = setup(&app).await;
    let id = sent(&app, &cid, json!({})).await;
    let hash = sha256(BODY);
    let before = staff_view(&app, &id).await;
    let png = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let cases = [
        (json!({ "kind": "svg", "path": "M10 10 A5 5 0 0 1 20 20", "width": 400, "height": 150 }), "signature.path"),
        (json!({ "kind": "svg", "path": "M10 10", "width": 400, "height": 150 }), "signature.path"),
        (json!({ "kind": "svg", "path": "M0 0 L1 1\"/><script>", "width": 400, "height": 150 }), "signature.path"),
        (
            json!({ "kind": "svg", "path": format!("M0 0{}", " L1 1".repeat(20_001)), "width": 400, "height": 150 }),
            "signature.path",
        ),
        (json!({ "kind": "svg", "path": "M0 0 L1 1", "width": 0, "height": 150 }), "signature.width"),
        (json!({ "kind": "svg", "path": "M0 0 L1 1", "width": 400, "height": 4001 }), "signature.height"),
        (json!({ "kind": "png", "data_base64": "not base64!" }), "signature.data_base64"),
        (json!({ "kind": "png", "data_base64": png(b"GIF89a\x01\x00\x01\x00") }), "signature.data_base64"),
        (json!({ "kind": "png", "data_base64": png(&vec![0x89; 210_000]) }), "signature.data_base64"),
        (json!({ "kind": "typed", "name": "   " }), "signature.name"),
    ];
    for (signature, field) in cases {
        let body = json!({ "signer_name": "Maria Lopez", "body_sha256": hash, "signature": signature });
        let p = problem(sign(&app, &token, &id, body).await, 422).await;
        assert_eq!(fields(&p), [field], "{signature}");
    }
    let p = problem(
        sign(
            &app,
            &token,
            &id,
            json!({ "signer_name": " ", "body_sha256": hash, "signature": { "kind": "typed", "name": "M" } }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(fields(&p), ["signer_name"]);
    let p = problem(sign(&app, &token, &id, typed("abc")).await, 422).await;
    assert_eq!(fields(&p), ["body_sha256"]);
    let p = problem(sign(&app, &token, &id, typed(&"z".repeat(64))).await, 422).await;
    assert_eq!(fields(&p), ["body_sha256"]);
    let res =
        sign(&app, &token, &id, json!({ "signer_name": "M", "body_sha256": hash, "signature": { "kind": "stamp" } }))
            .await;
    assert!(matches!(res.status().as_u16(), 400 | 422), "unknown kind: {}", res.status());
    assert_eq!(staff_view(&app, &id).await, before, "nothing changed");

    // A real PNG header signs.
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    bytes.extend(b"IHDR");
    bytes.extend(600u32.to_be_bytes());
    bytes.extend(200u32.to_be_bytes());
    bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let body = json!({ "signer_name": "Maria Lopez", "body_sha256": hash, "signature": { "kind": "png", "data_base64": png(&bytes) } });
    let res = sign(&app, &token, &id, body).await;
    assert_eq!(res.status(), 200);
    let signed: Value = res.json().await.unwrap();
    assert_eq!(signed["signature"]["kind"], "png");
}

async fn only_the_client_signs_and_only_their_own_contracts(app: TestApp) {
    let (cid, _token) = setup(&app).await;
    let id = sent(&app, &cid, json!({})).await;

    // Staff viewing the portal as Maria read it, but it is not her view, and they cannot sign.
    let staff = bearer(&staff_login(&app, OWNER).await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{cid}/impersonate")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let viewer = bearer(&res.json().await.unwrap());
    let seen: Value = portal_get(&app, &viewer, &format!("/{id}")).await.json().await.unwrap();
    assert_eq!(seen["status"], "sent");
    let c = staff_view(&app, &id).await;
    assert_eq!((c["view_count"].clone(), c["first_viewed_at"].clone()), (json!(0), json!(null)));
    problem(sign(&app, &viewer, &id, typed(&sha256(BODY))).await, 403).await;
    // A staff session is not a client, nor is a key: both are refused as such.
    problem(sign(&app, &staff, &id, typed(&sha256(BODY))).await, 403).await;
    problem(sign(&app, &app.key, &id, typed(&sha256(BODY))).await, 403).await;
    assert_eq!(staff_view(&app, &id).await["status"], "sent");

    // Another client of the same tenant: not found, on every portal endpoint.
    app.client("Noah Martin", "noah@cycles.fr").await;
    let noah = bearer(&client_login(&app, "noah@cycles.fr").await);
    for path in [format!("/{id}"), format!("/{id}/pdf")] {
        let p = problem(portal_get(&app, &noah, &path).await, 404).await;
        assert!(!p.to_string().contains("Brand refresh"), "{p}");
    }
    problem(sign(&app, &noah, &id, typed(&sha256(BODY))).await, 404).await;
    let list: Value = portal_get(&app, &noah, "").await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));

    // Another tenant: not found, whatever the move.
    let (_, intruder) = app.other_tenant("beta");
    let attempts = [
        (Method::GET, format!("{CONTRACTS}/{id}"), None),
        (Method::GET, format!("{CONTRACTS}/{id}/pdf"), None),
        (Method::PATCH, format!("{CONTRACTS}/{id}"), Some(json!({ "title": "Pwned" }))),
        (Method::POST, format!("{CONTRACTS}/{id}/send"), None),
        (Method::POST, format!("{CONTRACTS}/{id}/void"), None),
    ];
    for (method, path, body) in attempts {
        let mut req = app.req_as(&intruder, method.clone(), &path);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let p = problem(req.send().await.unwrap(), 404).await;
        assert!(!p.to_string().contains("Brand refresh"), "{method} {path}: {p}");
    }
    let list: Value = app.req_as(&intruder, Method::GET, CONTRACTS).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["items"], json!([]));
    let res = app
        .req_as(&intruder, Method::POST, CONTRACTS)
        .json(&json!({ "client_id": cid, "title": "Pwned", "body": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 404).await), ["client_id"]);
    assert_eq!(staff_view(&app, &id).await["title"], "Brand refresh agreement");
}

async fn staff_countersign_once_after_the_client(app: TestApp) {
    let (cid, token) = setup(&app).await;
    let id = sent(&app, &cid, json!({ "countersign": true })).await;
    let staff = bearer(&staff_login(&app, OWNER).await);
    let countersign = |who: String, name: &'static str| {
        let req = app.req_as(&who, Method::POST, &format!("{CONTRACTS}/{id}/countersign"));
        async move { req.json(&json!({ "name": name })).send().await.unwrap() }
    };
    let p = problem(countersign(staff.clone(), "Lena Vogel").await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("waiting for the client"), "{p}");
    assert_eq!(sign(&app, &token, &id, drawn(&sha256(BODY))).await.status(), 200);

    // An API key is not a person; a blank name is refused.
    problem(countersign(app.key.clone(), "Acme Bot").await, 403).await;
    assert_eq!(fields(&problem(countersign(staff.clone(), "  ").await, 422).await), ["name"]);
    let before_pdf = pdf_bytes(app.get(&format!("{CONTRACTS}/{id}/pdf")).await).await;

    let res = countersign(staff.clone(), "Lena Vogel").await;
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!(c["countersignature"]["name"], "Lena Vogel");
    assert!(c["countersignature"]["signed_at"].is_string());
    let p = problem(countersign(staff.clone(), "Someone Else").await, 409).await;
    assert!(p["detail"].as_str().unwrap().contains("already countersigned"), "{p}");
    assert_eq!(staff_view(&app, &id).await["countersignature"]["name"], "Lena Vogel");
    let mine: Value = portal_get(&app, &token, &format!("/{id}")).await.json().await.unwrap();
    assert_eq!(mine["countersignature"]["name"], "Lena Vogel");

    let after = pdf_bytes(app.get(&format!("{CONTRACTS}/{id}/pdf")).await).await;
    assert_ne!(after, before_pdf);
    assert_eq!(after, pdf_bytes(portal_get(&app, &token, &format!("/{id}/pdf")).await).await);
    let text = pdf_text(&after).await;
    assert!(text.contains("Lena Vogel"), "the audit block shows the countersignature: {text}");
    assert!(!pdf_text(&before_pdf).await.contains("Lena Vogel"));
    assert_eq!(activity(&app, &id).last().unwrap().0, "countersigned");

    // A contract that asks for none cannot be countersigned.
    let plain = sent(&app, &cid, json!({})).await;
    assert_eq!(sign(&app, &token, &plain, typed(&sha256(BODY))).await.status(), 200);
    let req = app.req_as(&staff, Method::POST, &format!("{CONTRACTS}/{plain}/countersign"));
    let p = problem(req.json(&json!({ "name": "Lena Vogel" })).send().await.unwrap(), 409).await;
    assert!(p["detail"].as_str().unwrap().contains("does not ask"), "{p}");
}

async fn staff_list_filter_and_edit_drafts(app: TestApp) {
    let (cid, _token) = setup(&app).await;
    let noah = app.client("Noah Martin", "noah@cycles.fr").await;
    let draft = create(&app, &cid, json!({ "title": "Website retainer" })).await;
    let did = draft["id"].as_str().unwrap().to_string();
    let sid = sent(&app, &cid, json!({})).await;
    create(&app, noah["id"].as_str().unwrap(), json!({ "title": "Bike shop NDA" })).await;

    let app = &app;
    let page = |q: &str| {
        let path = format!("{CONTRACTS}{q}");
        async move {
            let v: Value = app.get(&path).await.json().await.unwrap();
            v["items"].as_array().unwrap().iter().map(|c| c["title"].as_str().unwrap().to_string()).collect::<Vec<_>>()
        }
    };
    assert_eq!(page("").await, ["Bike shop NDA", "Brand refresh agreement", "Website retainer"]);
    assert_eq!(page("?status=sent").await, ["Brand refresh agreement"]);
    assert_eq!(page("?q=noah").await, ["Bike shop NDA"]);
    assert_eq!(page("?q=RETAINER").await, ["Website retainer"]);
    assert_eq!(page(&format!("?client_id={cid}")).await, ["Brand refresh agreement", "Website retainer"]);
    let first: Value = app.get(&format!("{CONTRACTS}?limit=2")).await.json().await.unwrap();
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert_eq!(first["items"][0]["client"]["name"], "Noah Martin");
    let cursor = first["next_cursor"].as_str().unwrap();
    assert_eq!(page(&format!("?limit=2&cursor={cursor}")).await, ["Website retainer"]);
    problem(app.get(&format!("{CONTRACTS}?status=signedish")).await, 400).await;

    // A draft's text and settings change quietly; its hash follows the text.
    let res = app
        .patch(
            &format!("{CONTRACTS}/{did}"),
            &json!({ "title": " Retainer 2027 ", "body": "New text", "countersign": true }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!((c["title"].as_str(), c["countersign"].as_bool()), (Some("Retainer 2027"), Some(true)));
    assert_eq!(c["body_sha256"], sha256("New text"));
    assert_eq!(activity(app, &did), [("created".to_string(), false), ("updated".to_string(), false)]);
    // Editing only the title of a sent contract is no change of text.
    assert_eq!(app.patch(&format!("{CONTRACTS}/{sid}"), &json!({ "title": "Agreement" })).await.status(), 200);
    assert_eq!(activity(app, &sid).last().unwrap(), &("updated".to_string(), true));

    // Bad input names the field.
    let bad = [
        (json!({ "client_id": cid, "title": "", "body": "x" }), "title"),
        (json!({ "client_id": cid, "title": "T", "body": "  " }), "body"),
        (json!({ "client_id": "nobody", "title": "T", "body": "x" }), "client_id"),
        (json!({ "client_id": cid, "title": "T", "body": "x", "staff_id": "nobody" }), "staff_id"),
    ];
    for (body, field) in bad {
        let p = problem(app.post(CONTRACTS, &body).await, refused_status(&body)).await;
        assert_eq!(fields(&p), [field], "{body}");
    }
    let p = problem(app.patch(&format!("{CONTRACTS}/{did}"), &json!({ "body": "" })).await, 422).await;
    assert_eq!(fields(&p), ["body"]);
}

/// Behind a trusted proxy the signer's address is the one the proxy saw.
#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_recorded() {
    let app = spawn_app_with(crate::helpers::Backend::Sqlite, &[("PORTICO_TRUST_PROXY", "true")]).await;
    let (cid, token) = setup(&app).await;
    let id = sent(&app, &cid, json!({})).await;
    let res = app
        .req_as(&token, Method::POST, &format!("{PORTAL}/{id}/sign"))
        .header("x-forwarded-for", "198.51.100.1, 203.0.113.7")
        .json(&typed(&sha256(BODY)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!(c["signature"]["ip"], "203.0.113.7", "the entry the proxy appended");
}

both!(
    a_client_reads_and_signs_a_contract_with_a_drawn_signature,
    of_ten_concurrent_signatures_exactly_one_wins,
    bad_signatures_are_422_naming_the_field_and_change_nothing,
    only_the_client_signs_and_only_their_own_contracts,
    staff_list_filter_and_edit_drafts,
    a_changed_text_a_second_signature_or_a_void_contract_is_refused,
    staff_countersign_once_after_the_client,
);
