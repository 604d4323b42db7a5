//! Files: staff upload to a project, the client sees and downloads only what is shared with
//! them, nobody reaches another client's or tenant's files, uploads have a size limit and
//! cleaned names, downloads stream with the original name, and signed links work without a
//! bearer header for five minutes.

use reqwest::Method;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::both;
use crate::flows::{bearer, client_login};
use crate::helpers::{Backend, TestApp, fields, problem, spawn_app_with};
use crate::projects::create_project;

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// A multipart/form-data body: (content type, bytes). Parts are (name, filename, content).
pub fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "portico-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, filename, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            // A header cannot carry control characters: such a name travels as `filename*`.
            Some(f) if f.chars().any(char::is_control) => {
                let encoded: String = f.bytes().map(|b| format!("%{b:02X}")).collect();
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"fallback.txt\"; \
                         filename*=UTF-8''{encoded}\r\nContent-Type: text/plain\r\n\r\n"
                    )
                    .as_bytes(),
                )
            }
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{}\"\r\n\
                     Content-Type: text/plain\r\n\r\n",
                    // A quoted-string: backslashes and quotes are escaped.
                    f.replace('\\', "\\\\").replace('"', "\\\"")
                )
                .as_bytes(),
            ),
            None => {
                body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes())
            }
        }
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Sends a multipart body with this credential.
pub async fn send_form(
    app: &TestApp,
    token: &str,
    method: Method,
    path: &str,
    parts: &[(&str, Option<&str>, &[u8])],
) -> reqwest::Response {
    let (content_type, body) = multipart(parts);
    app.req_as(token, method, path).header("content-type", content_type).body(body).send().await.unwrap()
}

/// Staff upload of `content` named `name` to a project; returns the file JSON.
pub async fn upload(app: &TestApp, project: &str, name: &str, content: &[u8], visible: bool) -> Value {
    let flag = if visible { "true" } else { "false" };
    let parts: &[(&str, Option<&str>, &[u8])] =
        &[("client_visible", None, flag.as_bytes()), ("file", Some(name), content)];
    let res = send_form(app, &app.key, Method::POST, &format!("/api/v1/projects/{project}/files"), parts).await;
    assert_eq!(res.status(), 201, "upload {name}");
    res.json().await.unwrap()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Every regular file under the data directory's store.
fn stored_objects(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.data_dir().join("files"), &mut out);
    out
}

/// Maria with a project and a logged-in portal session: (project id, client id, token).
async fn maria_project(app: &TestApp) -> (String, String, String) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = maria["id"].as_str().unwrap().to_string();
    let project = create_project(app, &cid, "Brand refresh").await;
    let token = bearer(&client_login(app, "maria@lopez.es").await);
    (project["id"].as_str().unwrap().to_string(), cid, token)
}

async fn upload_list_download_round_trip(app: TestApp) {
    let (pid, _, token) = maria_project(&app).await;
    let file = upload(&app, &pid, "Logo concept ü.txt", PNG, true).await;
    assert_eq!(file["name"], "Logo concept ü.txt");
    assert_eq!(file["content_type"], "image/png", "sniffed, not taken from the name or the part's header");
    assert_eq!(file["size"], PNG.len());
    assert_eq!(file["sha256"], sha256_hex(PNG));
    assert_eq!(file["client_visible"], true);
    assert_eq!(file["uploaded_by_kind"], "api_key");
    assert!(file.get("storage_key").is_none(), "the key stays inside: {file}");

    let list: Value = app.get(&format!("/api/v1/projects/{pid}/files")).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["id"], file["id"]);

    for (who, path) in [
        (app.key.clone(), format!("/api/v1/files/{}/download", file["id"].as_str().unwrap())),
        (token.clone(), format!("/api/v1/portal/files/{}/download", file["id"].as_str().unwrap())),
    ] {
        let res = app.req_as(&who, Method::GET, &path).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let h = |name: &str| res.headers().get(name).unwrap().to_str().unwrap().to_string();
        assert_eq!(h("content-type"), "image/png");
        assert_eq!(h("content-length"), PNG.len().to_string());
        assert_eq!(h("x-content-type-options"), "nosniff");
        assert_eq!(h("cache-control"), "private, no-store");
        assert_eq!(
            h("content-disposition"),
            "attachment; filename=\"Logo concept _.txt\"; filename*=UTF-8''Logo%20concept%20%C3%BC.txt"
        );
        let bytes = res.bytes().await.unwrap();
        assert_eq!(&bytes[..], PNG);
    }

    // The client's list and dashboard show it; the portal DTO holds no internals.
    let portal: Value = app
        .req_as(&token, Method::GET, &format!("/api/v1/portal/projects/{pid}/files"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let item = &portal["items"][0];
    assert_eq!(item["name"], "Logo concept ü.txt");
    for internal in ["client_visible", "storage_key", "uploaded_by_id", "uploaded_by_kind"] {
        assert!(item.get(internal).is_none(), "{internal} leaks: {item}");
    }
    let dash: Value =
        app.req_as(&token, Method::GET, "/api/v1/portal/dashboard").send().await.unwrap().json().await.unwrap();
    assert!(dash.to_string().contains("New file in Brand refresh: Logo concept ü.txt."), "{dash}");

    // Renamed (and cleaned), then deleted with its bytes.
    let id = file["id"].as_str().unwrap();
    let res = app.patch(&format!("/api/v1/files/{id}"), &json!({ "name": "../final/logo.png" })).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["name"], "logo.png");
    assert_eq!(stored_objects(&app).len(), 1);
    let res = app.req(Method::DELETE, &format!("/api/v1/files/{id}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert!(stored_objects(&app).is_empty(), "the bytes are gone too");
    problem(app.get(&format!("/api/v1/files/{id}/download")).await, 404).await;
}

async fn uploads_over_the_limit_are_413_and_leave_nothing(app: TestApp) {
    // This test spawns its own server with a 1 MB limit; the one passed in is unused.
    let app = spawn_app_with(app.backend, &[("PORTICO_MAX_UPLOAD_MB", "1")]).await;
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let project = create_project(&app, maria["id"].as_str().unwrap(), "Brand refresh").await;
    let pid = project["id"].as_str().unwrap();
    let path = format!("/api/v1/projects/{pid}/files");

    let big = vec![b'a'; 1024 * 1024 + 1];
    let res = send_form(&app, &app.key, Method::POST, &path, &[("file", Some("big.txt"), &big)]).await;
    let p = problem(res, 413).await;
    assert!(p["detail"].as_str().unwrap().contains("1 MB"), "names the limit: {p}");
    let list: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]), "nothing recorded");
    assert!(stored_objects(&app).is_empty(), "nothing stored: {:?}", stored_objects(&app));

    // Exactly the limit is fine.
    let fits = vec![b'a'; 1024 * 1024];
    let res = send_form(&app, &app.key, Method::POST, &path, &[("file", Some("fits.txt"), &fits)]).await;
    assert_eq!(res.status(), 201);

    // Empty, missing and oddly sent files are refused clearly.
    let res = send_form(&app, &app.key, Method::POST, &path, &[("file", Some("empty.txt"), b"")]).await;
    assert_eq!(fields(&problem(res, 422).await), ["file"]);
    let res = send_form(&app, &app.key, Method::POST, &path, &[("client_visible", None, b"true")]).await;
    assert_eq!(fields(&problem(res, 422).await), ["file"]);
    let parts: &[(&str, Option<&str>, &[u8])] = &[("client_visible", None, b"maybe"), ("file", Some("a.txt"), b"a")];
    let res = send_form(&app, &app.key, Method::POST, &path, parts).await;
    assert_eq!(fields(&problem(res, 422).await), ["client_visible"]);
    let parts: &[(&str, Option<&str>, &[u8])] = &[("deliverable_id", None, b"nope"), ("file", Some("a.txt"), b"a")];
    let res = send_form(&app, &app.key, Method::POST, &path, parts).await;
    assert_eq!(fields(&problem(res, 404).await), ["deliverable_id"]);
    let res = app.post(&path, &json!({ "file": "not multipart" })).await;
    problem(res, 415).await;
    assert_eq!(stored_objects(&app).len(), 1, "only the file that fit is stored");
}

async fn names_are_cleaned(app: TestApp) {
    let (pid, _, _) = maria_project(&app).await;
    for (sent, kept) in [
        ("../../etc/passwd", "passwd"),
        ("a\u{0}b.txt", "ab.txt"),
        ("new\nline\u{7}.txt", "new line.txt"),
        ("invoice\u{202E}fdp.exe", "invoicefdp.exe"),
        ("C:\\Users\\maria\\  brief .txt", "brief .txt"),
        ("...", "file"),
    ] {
        let file = upload(&app, &pid, sent, b"hello", false).await;
        assert_eq!(file["name"], kept, "{sent:?}");
        assert_eq!(file["content_type"], "text/plain; charset=utf-8");
    }
}

async fn internal_and_other_clients_files_are_404_for_the_client(app: TestApp) {
    let (pid, _, token) = maria_project(&app).await;
    let shared = upload(&app, &pid, "shared.txt", b"for Maria", true).await;
    let internal = upload(&app, &pid, "internal-costing.txt", b"margin 35%", false).await;
    let staff: Value = app.get(&format!("/api/v1/projects/{pid}/files")).await.json().await.unwrap();
    assert_eq!(staff["items"].as_array().unwrap().len(), 2, "staff see internal files");

    let portal: Value = app
        .req_as(&token, Method::GET, &format!("/api/v1/portal/projects/{pid}/files"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = portal["items"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["shared.txt"]);

    let internal_id = internal["id"].as_str().unwrap();
    let download = |id: &str| format!("/api/v1/portal/files/{id}/download");
    let hidden = problem(app.req_as(&token, Method::GET, &download(internal_id)).send().await.unwrap(), 404).await;
    let missing = problem(app.req_as(&token, Method::GET, &download("nope")).send().await.unwrap(), 404).await;
    assert_eq!(hidden["title"], missing["title"]);
    let res =
        app.req_as(&token, Method::GET, &format!("/api/v1/portal/files/{internal_id}/link")).send().await.unwrap();
    problem(res, 404).await;
    // Nor does the internal upload show on the client's dashboard.
    let dash: Value =
        app.req_as(&token, Method::GET, "/api/v1/portal/dashboard").send().await.unwrap().json().await.unwrap();
    assert!(!dash.to_string().contains("internal-costing"), "{dash}");

    // Hiding a shared file takes it away from the client.
    let shared_id = shared["id"].as_str().unwrap();
    let res = app.patch(&format!("/api/v1/files/{shared_id}"), &json!({ "client_visible": false })).await;
    assert_eq!(res.status(), 200);
    problem(app.req_as(&token, Method::GET, &download(shared_id)).send().await.unwrap(), 404).await;
    app.patch(&format!("/api/v1/files/{shared_id}"), &json!({ "client_visible": true })).await;

    // Another client of the same business: not their project, not their file.
    app.client("Sofia Rossi", "sofia@rossi.it").await;
    let sofia = bearer(&client_login(&app, "sofia@rossi.it").await);
    problem(app.req_as(&sofia, Method::GET, &download(shared_id)).send().await.unwrap(), 404).await;
    let res = app.req_as(&sofia, Method::GET, &format!("/api/v1/portal/projects/{pid}/files")).send().await.unwrap();
    problem(res, 404).await;
    let res = send_form(
        &app,
        &sofia,
        Method::POST,
        &format!("/api/v1/portal/projects/{pid}/files"),
        &[("file", Some("x.txt"), b"x")],
    )
    .await;
    problem(res, 404).await;

    // Another tenant's key: every file route answers 404 and changes nothing.
    let (_, other) = app.other_tenant("globex");
    for (method, path) in [
        (Method::GET, format!("/api/v1/files/{shared_id}/download")),
        (Method::GET, format!("/api/v1/files/{shared_id}/link")),
        (Method::DELETE, format!("/api/v1/files/{shared_id}")),
        (Method::GET, format!("/api/v1/projects/{pid}/files")),
    ] {
        problem(app.req_as(&other, method, &path).send().await.unwrap(), 404).await;
    }
    let res = app
        .req_as(&other, Method::PATCH, &format!("/api/v1/files/{shared_id}"))
        .json(&json!({ "client_visible": false }))
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
    let res = app.req_as(&token, Method::GET, &download(shared_id)).send().await.unwrap();
    assert_eq!(res.status(), 200, "still there and still shared");
}

async fn client_uploads_follow_the_project_setting(app: TestApp) {
    let (pid, cid, token) = maria_project(&app).await;
    let path = format!("/api/v1/portal/projects/{pid}/files");
    let parts: &[(&str, Option<&str>, &[u8])] = &[("file", Some("floor plan.pdf"), b"%PDF-1.4\n%...")];
    let p = problem(send_form(&app, &token, Method::POST, &path, parts).await, 403).await;
    assert!(p["detail"].as_str().unwrap().contains("Uploads are not open"), "{p}");
    assert!(stored_objects(&app).is_empty());

    let res = app.patch(&format!("/api/v1/projects/{pid}"), &json!({ "client_uploads": true })).await;
    assert_eq!(res.status(), 200);
    let owner = "owner@acme.example";
    let before = app.smtp.count_to(owner);
    let res = send_form(&app, &token, Method::POST, &path, parts).await;
    assert_eq!(res.status(), 201);
    let mine: Value = res.json().await.unwrap();
    assert_eq!(mine["name"], "floor plan.pdf");
    assert_eq!(mine["content_type"], "application/pdf");
    assert_eq!(mine["uploaded_by_you"], true);

    let mail = app.smtp.nth_to(owner, before + 1).await;
    assert!(mail.subject().contains("Maria Lopez uploaded a file"), "{}", mail.subject());
    assert!(mail.decoded().contains("floor plan.pdf"));
    assert!(mail.decoded().contains(&format!("https://portal.test/app/projects/{pid}")));

    let staff: Value = app.get(&format!("/api/v1/projects/{pid}/files")).await.json().await.unwrap();
    let file = &staff["items"][0];
    assert_eq!(file["client_visible"], true, "shared with both sides");
    assert_eq!(file["uploaded_by_kind"], "client");
    assert_eq!(file["uploaded_by_id"], cid.as_str());
    let activity: Value = app.get(&format!("/api/v1/projects/{pid}/activity")).await.json().await.unwrap();
    assert!(activity.to_string().contains("file_uploaded"), "{activity}");

    // A staff member viewing the portal as Maria cannot upload for her.
    let staff_token = bearer(&crate::flows::staff_login(&app, owner).await);
    let res =
        app.req_as(&staff_token, Method::POST, &format!("/api/v1/clients/{cid}/impersonate")).send().await.unwrap();
    let viewer = bearer(&res.json().await.unwrap());
    problem(send_form(&app, &viewer, Method::POST, &path, parts).await, 403).await;
}

async fn links_download_without_a_bearer_and_expire(app: TestApp) {
    let (pid, cid, token) = maria_project(&app).await;
    let file = upload(&app, &pid, "brief.txt", b"calm and warm", true).await;
    let other = upload(&app, &pid, "other.txt", b"other", true).await;
    let id = file["id"].as_str().unwrap();

    let res = app.req_as(&token, Method::GET, &format!("/api/v1/portal/files/{id}/link")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let link: Value = res.json().await.unwrap();
    let url = link["url"].as_str().unwrap();
    assert!(url.starts_with(&format!("/api/v1/files/{id}/content?token=")), "{url}");
    let expires = chrono::DateTime::parse_from_rfc3339(link["expires_at"].as_str().unwrap()).unwrap();
    let left = expires.signed_duration_since(chrono::Utc::now()).num_seconds();
    assert!((240..=300).contains(&left), "about five minutes: {left}s");

    let res = app.http.get(app.url(url)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("brief.txt"));
    assert_eq!(&res.bytes().await.unwrap()[..], b"calm and warm");

    // Staff viewing the portal as Maria can download what she can: a link changes nothing.
    let staff = bearer(&crate::flows::staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{cid}/impersonate")).send().await.unwrap();
    let viewer = bearer(&res.json().await.unwrap());
    let res = app.req_as(&viewer, Method::GET, &format!("/api/v1/portal/files/{id}/link")).send().await.unwrap();
    assert_eq!(res.status(), 200);

    // Tampered, moved to another file, or expired: refused.
    let token_part = url.split("token=").nth(1).unwrap();
    let mut tampered = token_part.to_string();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let res = app.http.get(app.url(&format!("/api/v1/files/{id}/content?token={tampered}"))).send().await.unwrap();
    problem(res, 401).await;
    let other_id = other["id"].as_str().unwrap();
    let res =
        app.http.get(app.url(&format!("/api/v1/files/{other_id}/content?token={token_part}"))).send().await.unwrap();
    problem(res, 401).await;
    let key_file = std::fs::read_to_string(app.data_dir().join("secrets").join("jwt.key")).unwrap();
    use base64::Engine;
    let key = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(key_file.trim()).unwrap();
    let now = chrono::Utc::now().timestamp();
    let expired = portico::auth::jwt::sign(
        &key,
        &portico::files::download::LinkClaims {
            sub: cid.clone(),
            kind: "client".into(),
            tenant: app.tenant_id.clone(),
            file: id.to_string(),
            sid: None,
            typ: "file".into(),
            iat: now - 600,
            exp: now - 300,
        },
    );
    let res = app.http.get(app.url(&format!("/api/v1/files/{id}/content?token={expired}"))).send().await.unwrap();
    problem(res, 401).await;
    let res = app.http.get(app.url(&format!("/api/v1/files/{id}/content"))).send().await.unwrap();
    problem(res, 400).await;

    // A client's link stops working once the file is no longer shared with them.
    app.patch(&format!("/api/v1/files/{id}"), &json!({ "client_visible": false })).await;
    problem(app.http.get(app.url(url)).send().await.unwrap(), 404).await;

    // Staff get links too, for internal files as well.
    let res = app.req(Method::GET, &format!("/api/v1/files/{id}/link")).send().await.unwrap();
    let staff_link: Value = res.json().await.unwrap();
    let res = app.http.get(app.url(staff_link["url"].as_str().unwrap())).send().await.unwrap();
    assert_eq!(res.status(), 200);
}

async fn a_link_dies_with_the_session_or_key_that_made_it(app: TestApp) {
    let (pid, _, token) = maria_project(&app).await;
    let file = upload(&app, &pid, "brief.txt", b"calm and warm", true).await;
    let id = file["id"].as_str().unwrap();
    let link_of = |res: reqwest::Response| async move {
        let link: Value = res.json().await.unwrap();
        link["url"].as_str().unwrap().to_string()
    };

    let res = app.req_as(&token, Method::GET, &format!("/api/v1/portal/files/{id}/link")).send().await.unwrap();
    let url = link_of(res).await;
    assert_eq!(app.http.get(app.url(&url)).send().await.unwrap().status(), 200);
    let out = app.req_as(&token, Method::POST, "/api/v1/auth/logout").send().await.unwrap();
    assert!(out.status().is_success());
    let body = problem(app.http.get(app.url(&url)).send().await.unwrap(), 401).await;
    assert!(body["detail"].as_str().unwrap().contains("has ended"), "{body}");

    let key: Value = app
        .post("/api/v1/api-keys", &json!({ "name": "Archiver", "scopes": ["clients:read"] }))
        .await
        .json()
        .await
        .unwrap();
    let secret = key["secret"].as_str().unwrap();
    let url = link_of(app.req_as(secret, Method::GET, &format!("/api/v1/files/{id}/link")).send().await.unwrap()).await;
    assert_eq!(app.http.get(app.url(&url)).send().await.unwrap().status(), 200);
    let revoked = app.post(&format!("/api/v1/api-keys/{}/revoke", key["id"].as_str().unwrap()), &json!({})).await;
    assert!(revoked.status().is_success());
    problem(app.http.get(app.url(&url)).send().await.unwrap(), 401).await;
}

async fn files_attach_to_deliverables_of_the_same_project(app: TestApp) {
    let (pid, cid, token) = maria_project(&app).await;
    let other = create_project(&app, &cid, "Signage").await;
    let other_pid = other["id"].as_str().unwrap();
    // No deliverables API here yet: add one row directly.
    let deliverable = portico::db::new_id();
    let (tenant, d, p) = (app.tenant_id.clone(), deliverable.clone(), pid.clone());
    app.db
        .write_sync(move |conn| {
            use diesel::prelude::*;
            use portico::db::schema::deliverables;
            let at = portico::db::now();
            diesel::insert_into(deliverables::table)
                .values((
                    deliverables::id.eq(&d),
                    deliverables::tenant_id.eq(&tenant),
                    deliverables::project_id.eq(&p),
                    deliverables::title.eq("Logo"),
                    deliverables::status.eq("in_progress"),
                    deliverables::round.eq(0),
                    deliverables::created_at.eq(at),
                    deliverables::updated_at.eq(at),
                ))
                .execute(conn)?;
            Ok(())
        })
        .unwrap();
    let parts: &[(&str, Option<&str>, &[u8])] =
        &[("deliverable_id", None, deliverable.as_bytes()), ("file", Some("logo.svg"), b"<svg xmlns='x'/>")];
    let res = send_form(&app, &app.key, Method::POST, &format!("/api/v1/projects/{other_pid}/files"), parts).await;
    assert_eq!(fields(&problem(res, 404).await), ["deliverable_id"], "a deliverable of another project");
    let res = send_form(&app, &app.key, Method::POST, &format!("/api/v1/projects/{pid}/files"), parts).await;
    assert_eq!(res.status(), 201);
    let file: Value = res.json().await.unwrap();
    assert_eq!(file["deliverable_id"], deliverable.as_str());
    assert_eq!(file["client_visible"], true, "a deliverable's file is shared by default");
    assert_eq!(file["content_type"], "image/svg+xml");
    upload(&app, &pid, "loose.txt", b"loose", true).await;

    let only: Value =
        app.get(&format!("/api/v1/projects/{pid}/files?deliverable_id={deliverable}")).await.json().await.unwrap();
    assert_eq!(only["items"].as_array().unwrap().len(), 1);
    let portal: Value = app
        .req_as(&token, Method::GET, &format!("/api/v1/portal/projects/{pid}/files"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(portal["items"][0]["deliverable_id"], deliverable.as_str());
}

both!(
    a_link_dies_with_the_session_or_key_that_made_it,
    upload_list_download_round_trip,
    uploads_over_the_limit_are_413_and_leave_nothing,
    names_are_cleaned,
    internal_and_other_clients_files_are_404_for_the_client,
    client_uploads_follow_the_project_setting,
    links_download_without_a_bearer_and_expire,
    files_attach_to_deliverables_of_the_same_project,
);

fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Hands freed heap memory back to the system, so RSS counts only what is in use.
fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: glibc's malloc_trim only releases free memory.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// Memory does not depend on the database, so this runs on SQLite only. The server runs in
/// the test process and its RSS is ours; other tests allocate in the same process, so the
/// measurement runs alone, in a fresh process of this binary.
#[test]
fn a_50_mb_download_streams_without_growing_memory() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "files::measure_a_50_mb_download", "--ignored", "--nocapture", "--test-threads=1"])
        .env_remove("PORTICO_TEST_PG_URL")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(out.status.success(), "the measurement failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "the measurement did not run:\n{stdout}");
}

#[tokio::test]
#[ignore = "run alone by a_50_mb_download_streams_without_growing_memory"]
async fn measure_a_50_mb_download() {
    let app = spawn_app_with(Backend::Sqlite, &[("PORTICO_MAX_UPLOAD_MB", "60")]).await;
    let (pid, _, _) = maria_project(&app).await;
    const SIZE: usize = 50 * 1024 * 1024;
    let content = || (0..SIZE).map(|i| (i % 251) as u8).collect::<Vec<u8>>();
    let expected = sha256_hex(&content());
    let id = {
        let file = upload(&app, &pid, "big.bin", &content(), false).await;
        assert_eq!(file["size"], SIZE);
        assert_eq!(file["sha256"], expected);
        file["id"].as_str().unwrap().to_string()
    };

    trim_heap();
    let before = rss_kb();
    let mut peak = before;
    let mut res = app.get(&format!("/api/v1/files/{id}/download")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-length"], SIZE.to_string().as_str());
    let mut hasher = Sha256::new();
    let mut received = 0usize;
    let mut chunks = 0u64;
    while let Some(chunk) = res.chunk().await.unwrap() {
        received += chunk.len();
        hasher.update(&chunk);
        chunks += 1;
        if chunks.is_multiple_of(32) {
            peak = peak.max(rss_kb());
        }
    }
    peak = peak.max(rss_kb());
    assert_eq!(received, SIZE);
    assert_eq!(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect::<String>(), expected);
    let growth_mb = (peak.saturating_sub(before)) as f64 / 1024.0;
    println!("RSS before download: {} MB, peak during: {} MB, growth {growth_mb:.1} MB", before / 1024, peak / 1024);
    assert!(growth_mb < 40.0, "a 50 MB download grew memory by {growth_mb:.1} MB: it is not streamed");
}
