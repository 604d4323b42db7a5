//! Previews and message attachments: images get a thumbnail on upload; images and PDFs go
//! out inline when asked, under a sandboxing policy, everything else stays a download
//! whatever is asked; files sent with a message follow its visibility, wait unseen until
//! sent, and cannot be borrowed from someone else.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::files::{send_form, upload};
use crate::flows::{bearer, client_login, staff_login};
use crate::helpers::{TestApp, fields, problem};
use crate::projects::create_project;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const SVG: &[u8] = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";

/// Maria with a project and a portal session: (project id, client id, token).
async fn maria_project(app: &TestApp) -> (String, String, String) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = maria["id"].as_str().unwrap().to_string();
    let project = create_project(app, &cid, "Brand refresh").await;
    let token = bearer(&client_login(app, "maria@lopez.es").await);
    (project["id"].as_str().unwrap().to_string(), cid, token)
}

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers().get(name).map(|v| v.to_str().unwrap()).unwrap_or("")
}

async fn get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.req_as(token, Method::GET, path).send().await.unwrap()
}

async fn previews_and_thumbnails_per_type(app: TestApp) {
    let (pid, _, maria) = maria_project(&app).await;
    let palette = portico::files::demo::palette_png();
    let png = upload(&app, &pid, "palette.png", &palette, true).await;
    let pdf = upload(&app, &pid, "proposal.pdf", PDF, true).await;
    let svg = upload(&app, &pid, "logo.svg", SVG, true).await;
    let txt = upload(&app, &pid, "brief.txt", b"calm and warm", true).await;
    let broken = upload(&app, &pid, "broken.png", crate::files::PNG, true).await;
    assert_eq!((png["preview"].as_str(), png["thumbnail"].as_bool()), (Some("image"), Some(true)));
    assert_eq!((pdf["preview"].as_str(), pdf["thumbnail"].as_bool()), (Some("pdf"), Some(false)));
    assert_eq!((svg["preview"].as_str(), svg["thumbnail"].as_bool()), (None, Some(false)), "SVG can run script");
    assert_eq!((txt["preview"].as_str(), txt["thumbnail"].as_bool()), (None, Some(false)));
    assert_eq!(broken["thumbnail"], false, "a PNG that does not decode gets no thumbnail, and still uploads");
    let id = |f: &Value| f["id"].as_str().unwrap().to_string();

    // The thumbnail: a small JPEG of the 800×400 picture, its shape kept.
    for (token, path) in [
        (&app.key, format!("/api/v1/files/{}/thumbnail", id(&png))),
        (&maria, format!("/api/v1/portal/files/{}/thumbnail", id(&png))),
    ] {
        let res = get(&app, token, &path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "content-type"), "image/jpeg");
        assert!(header(&res, "content-security-policy").contains("sandbox"));
        let bytes = res.bytes().await.unwrap();
        let thumb = image::load_from_memory(&bytes).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (480, 240));
        assert!(bytes.len() < palette.len(), "smaller than the original");
    }
    for f in [&pdf, &svg, &broken] {
        let body = problem(get(&app, &app.key, &format!("/api/v1/files/{}/thumbnail", id(f))).await, 404).await;
        assert!(body["detail"].as_str().unwrap().contains("no thumbnail"), "{body}");
    }

    // Inline only for images and PDFs; an image is sandboxed, a PDF (whose viewer Chrome
    // will not start in a sandbox) still loads nothing and is framed only by our pages.
    let inline = |f: &Value| format!("/api/v1/files/{}/download?disposition=inline", id(f));
    let res = get(&app, &app.key, &inline(&png)).await;
    assert_eq!(res.status(), 200);
    assert!(header(&res, "content-disposition").starts_with("inline; filename=\"palette.png\""));
    assert_eq!(header(&res, "content-type"), "image/png");
    let csp = header(&res, "content-security-policy");
    assert!(
        csp.starts_with("default-src 'none'") && csp.contains("sandbox") && csp.contains("frame-ancestors 'self'"),
        "{csp}"
    );
    assert_eq!(header(&res, "x-frame-options"), "SAMEORIGIN");
    assert_eq!(header(&res, "x-content-type-options"), "nosniff");
    assert_eq!(&res.bytes().await.unwrap()[..], &palette[..]);

    let res = get(&app, &app.key, &inline(&pdf)).await;
    assert!(header(&res, "content-disposition").starts_with("inline;"));
    let csp = header(&res, "content-security-policy");
    assert!(
        csp.starts_with("default-src 'none'") && csp.contains("frame-ancestors 'self'") && !csp.contains("script"),
        "{csp}"
    );

    for f in [&svg, &txt] {
        let res = get(&app, &app.key, &inline(f)).await;
        assert_eq!(res.status(), 200);
        assert!(header(&res, "content-disposition").starts_with("attachment;"), "{}", f["name"]);
        assert!(header(&res, "content-security-policy").contains("frame-ancestors 'none'"));
        assert_eq!(header(&res, "x-frame-options"), "DENY");
    }
    // Without asking, even an image downloads.
    let res = get(&app, &app.key, &format!("/api/v1/files/{}/download", id(&png))).await;
    assert!(header(&res, "content-disposition").starts_with("attachment;"));

    // The client's way: the portal download and a link for `<img>` and `<iframe>`.
    let res = get(&app, &maria, &format!("/api/v1/portal/files/{}/download?disposition=inline", id(&png))).await;
    assert!(header(&res, "content-disposition").starts_with("inline;"));
    let link: Value = get(&app, &maria, &format!("/api/v1/portal/files/{}/link", id(&pdf))).await.json().await.unwrap();
    let url = format!("{}&disposition=inline", link["url"].as_str().unwrap());
    let res = app.http.get(app.url(&url)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(header(&res, "content-disposition").starts_with("inline; filename=\"proposal.pdf\""));
    let link: Value = get(&app, &maria, &format!("/api/v1/portal/files/{}/link", id(&svg))).await.json().await.unwrap();
    let url = format!("{}&disposition=inline", link["url"].as_str().unwrap());
    let res = app.http.get(app.url(&url)).send().await.unwrap();
    assert!(header(&res, "content-disposition").starts_with("attachment;"), "a link cannot make SVG inline");
    let res = get(&app, &app.key, &format!("/api/v1/files/{}/download?disposition=open", id(&png))).await;
    problem(res, 400).await;

    // Nothing of an internal file reaches the client, its thumbnail included.
    app.patch(&format!("/api/v1/files/{}", id(&png)), &json!({ "client_visible": false })).await;
    problem(get(&app, &maria, &format!("/api/v1/portal/files/{}/thumbnail", id(&png))).await, 404).await;

    // A deleted file takes its thumbnail with it.
    let before = stored_objects(&app);
    let res = app.req(Method::DELETE, &format!("/api/v1/files/{}", id(&png))).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(stored_objects(&app), before - 2, "the original and its thumbnail");
}

fn stored_objects(app: &TestApp) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 })
            .sum()
    }
    walk(&app.data_dir().join("files"))
}

async fn thread_of(app: &TestApp, project: &str) -> String {
    let body = json!({ "title": "Design feedback", "body": "Welcome." });
    let res = app.post(&format!("/api/v1/projects/{project}/threads"), &body).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

async fn attach(app: &TestApp, token: &str, path: &str, name: &str, content: &[u8]) -> Value {
    let res = send_form(app, token, Method::POST, path, &[("file", Some(name), content)]).await;
    assert_eq!(res.status(), 201, "attach {name}");
    res.json().await.unwrap()
}

async fn attachments_follow_their_message(app: TestApp) {
    let (pid, mid, maria) = maria_project(&app).await;
    let thread = thread_of(&app, &pid).await;
    let staff_upload = format!("/api/v1/projects/{pid}/attachments");
    let portal_upload = format!("/api/v1/portal/projects/{pid}/attachments");
    let staff_files = format!("/api/v1/projects/{pid}/files");
    let portal_files = format!("/api/v1/portal/projects/{pid}/files");
    let count = |v: &Value| v["items"].as_array().unwrap().len();

    // Uploaded but not sent: listed nowhere.
    let palette = portico::files::demo::palette_png();
    let concept = attach(&app, &app.key, &staff_upload, "concept.png", &palette).await;
    assert_eq!((concept["preview"].as_str(), concept["thumbnail"].as_bool()), (Some("image"), Some(true)));
    let cid = concept["id"].as_str().unwrap().to_string();
    assert_eq!(count(&get(&app, &app.key, &staff_files).await.json().await.unwrap()), 0);
    problem(get(&app, &maria, &format!("/api/v1/portal/files/{cid}/download")).await, 404).await;

    // The client cannot send the team's upload, and nothing is posted when refused.
    let messages = format!("/api/v1/portal/threads/{thread}/messages");
    let res = app
        .req_as(&maria, Method::POST, &messages)
        .json(&json!({ "body": "Mine now", "attachment_ids": [cid] }))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 404).await), ["attachment_ids"]);
    let listed: Value = get(&app, &maria, &messages).await.json().await.unwrap();
    assert_eq!(count(&listed), 1, "only the welcome");

    // Sent with a message to the client: she sees it with the message and in the files.
    let body = json!({ "body": "First concept attached.", "attachment_ids": [cid] });
    let res = app.post(&format!("/api/v1/threads/{thread}/messages"), &body).await;
    assert_eq!(res.status(), 201);
    let sent: Value = res.json().await.unwrap();
    assert_eq!(sent["attachments"][0]["name"], "concept.png");
    let listed: Value = get(&app, &maria, &messages).await.json().await.unwrap();
    assert_eq!(listed["items"][1]["attachments"][0]["id"], cid.as_str());
    assert_eq!(listed["items"][1]["attachments"][0]["thumbnail"], true);
    let files: Value = get(&app, &maria, &portal_files).await.json().await.unwrap();
    assert_eq!(files["items"][0]["message_id"], sent["id"]);
    let res = get(&app, &maria, &format!("/api/v1/portal/files/{cid}/thumbnail")).await;
    assert_eq!(res.status(), 200);
    let mail = app.smtp.nth_to("maria@lopez.es", 3).await;
    assert!(mail.decoded().contains("Attached: concept.png"), "{}", mail.decoded());

    // Sent once: it cannot go out again.
    let again = json!({ "body": "Again", "attachment_ids": [cid] });
    let res = app.post(&format!("/api/v1/threads/{thread}/messages"), &again).await;
    assert_eq!(fields(&problem(res, 404).await), ["attachment_ids"]);

    // An internal note's file stays internal.
    let costing = attach(&app, &app.key, &staff_upload, "costing.pdf", PDF).await;
    let kid = costing["id"].as_str().unwrap().to_string();
    let note = json!({ "body": "Costing for us.", "internal": true, "attachment_ids": [kid] });
    let res = app.post(&format!("/api/v1/threads/{thread}/messages"), &note).await;
    assert_eq!(res.status(), 201);
    let staff_list: Value = get(&app, &app.key, &staff_files).await.json().await.unwrap();
    let costing_row = staff_list["items"].as_array().unwrap().iter().find(|f| f["id"] == kid.as_str()).unwrap();
    assert_eq!(costing_row["client_visible"], false);
    problem(get(&app, &maria, &format!("/api/v1/portal/files/{kid}/download")).await, 404).await;
    assert_eq!(count(&get(&app, &maria, &portal_files).await.json().await.unwrap()), 1);

    // The client attaches even where project uploads are closed; the team sees her file.
    let brief = attach(&app, &maria, &portal_upload, "brief.txt", b"warm, calm").await;
    let bid = brief["id"].as_str().unwrap().to_string();
    // Named twice, sent once.
    let reply = json!({ "body": "My brief.", "attachment_ids": [bid, bid] });
    let res = app.req_as(&maria, Method::POST, &messages).json(&reply).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let reply: Value = res.json().await.unwrap();
    assert_eq!(reply["attachments"].as_array().unwrap().len(), 1);
    assert_eq!(reply["attachments"][0]["name"], "brief.txt");
    assert_eq!(reply["attachments"][0]["preview"], Value::Null);
    let staff_view: Value =
        get(&app, &app.key, &format!("/api/v1/threads/{thread}/messages")).await.json().await.unwrap();
    let last = staff_view["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["attachments"][0]["id"], bid.as_str());
    let res = get(&app, &app.key, &format!("/api/v1/files/{bid}/download")).await;
    assert_eq!(&res.bytes().await.unwrap()[..], b"warm, calm");

    // Another client of the business sees none of it.
    app.client("Jon Park", "jon@park.example").await;
    let jon = bearer(&client_login(&app, "jon@park.example").await);
    problem(get(&app, &jon, &format!("/api/v1/portal/files/{cid}/download")).await, 404).await;
    let res = send_form(&app, &jon, Method::POST, &portal_upload, &[("file", Some("x.txt"), b"x")]).await;
    problem(res, 404).await;

    // Staff viewing the portal as Maria cannot upload for her.
    let staff = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&staff, Method::POST, &format!("/api/v1/clients/{mid}/impersonate")).send().await.unwrap();
    let viewer = bearer(&res.json().await.unwrap());
    let res = send_form(&app, &viewer, Method::POST, &portal_upload, &[("file", Some("x.txt"), b"x")]).await;
    problem(res, 403).await;
}

async fn uploads_no_message_took_are_removed_after_a_day(app: TestApp) {
    let (pid, _, _) = maria_project(&app).await;
    let palette = portico::files::demo::palette_png();
    let old = attach(&app, &app.key, &format!("/api/v1/projects/{pid}/attachments"), "old.png", &palette).await;
    let fresh = attach(&app, &app.key, &format!("/api/v1/projects/{pid}/attachments"), "new.txt", b"new").await;
    let before = stored_objects(&app);
    let old_id = old["id"].as_str().unwrap().to_string();
    app.db
        .write_sync(move |conn| {
            use diesel::prelude::*;
            use portico::db::schema::files;
            let day_ago = portico::db::now() - chrono::TimeDelta::hours(25);
            diesel::update(files::table.filter(files::id.eq(&old_id)))
                .set(files::created_at.eq(day_ago))
                .execute(conn)?;
            Ok(())
        })
        .unwrap();
    let storage =
        portico::storage::Storage::open(&portico::config::StorageTarget::Local(app.data_dir().join("files"))).unwrap();
    let removed = portico::messages::attachments::purge_stale(&app.db, &storage).await.unwrap();
    assert_eq!(removed, 1);
    assert_eq!(stored_objects(&app), before - 2, "the picture and its thumbnail");
    let res = get(&app, &app.key, &format!("/api/v1/files/{}/download", old["id"].as_str().unwrap())).await;
    problem(res, 404).await;
    let res = get(&app, &app.key, &format!("/api/v1/files/{}/download", fresh["id"].as_str().unwrap())).await;
    assert_eq!(res.status(), 200, "a fresh upload waits for its message");
}

both!(
    previews_and_thumbnails_per_type,
    attachments_follow_their_message,
    uploads_no_message_took_are_removed_after_a_day
);
