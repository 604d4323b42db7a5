//! What staff keep to themselves never reaches a client: internal notes, internal files and
//! non-billable time are absent from every portal response. The test walks every GET of the
//! client portal in the served spec and tries each with the id of every object it made,
//! internal ones included, so a new portal endpoint is covered the day it is added.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::files::upload;
use crate::flows::{bearer, client_login};
use crate::helpers::TestApp;

const NOTE: &str = "INTERNAL-NOTE-margin-is-thin";
const HIDDEN_TIME: &str = "UNBILLED-TIME-internal-review";
const HIDDEN_FILE_NAME: &str = "internal-costing-sheet.txt";
const HIDDEN_FILE_BYTES: &str = "INTERNAL-FILE-cost-price-4200";

async fn json_of(res: reqwest::Response, what: &str) -> Value {
    assert!(res.status().is_success(), "{what}: {}", res.status());
    res.json().await.unwrap()
}

async fn nothing_internal_reaches_any_portal_endpoint(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    // Logged in first, so no notice about the work below can be taken for the login email.
    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let res = app
        .post("/api/v1/projects", &json!({ "client_id": maria["id"], "name": "Brand refresh", "status": "active" }))
        .await;
    let project = json_of(res, "project").await;
    let pid = project["id"].as_str().unwrap();

    // A thread with a public message and an internal note, and a thread holding only a note.
    let res = app
        .post(
            &format!("/api/v1/projects/{pid}/threads"),
            &json!({ "title": "Design feedback", "body": "First drafts attached." }),
        )
        .await;
    let thread = json_of(res, "thread").await;
    let tid = thread["id"].as_str().unwrap().to_string();
    let res = app.post(&format!("/api/v1/threads/{tid}/messages"), &json!({ "body": NOTE, "internal": true })).await;
    let note = json_of(res, "note").await;
    let res = app
        .post(
            &format!("/api/v1/projects/{pid}/threads"),
            &json!({ "title": "Pricing (internal)", "body": NOTE, "internal": true }),
        )
        .await;
    let hidden_thread = json_of(res, "internal thread").await;

    // Billable and non-billable time.
    let billable = json!({ "work_date": "2026-11-02", "minutes": 90, "description": "Logo sketches", "billable": true, "hourly_rate_minor": 8000 });
    json_of(app.post(&format!("/api/v1/projects/{pid}/time-logs"), &billable).await, "billable").await;
    let unbilled = json!({ "work_date": "2026-11-03", "minutes": 77, "description": HIDDEN_TIME, "billable": false });
    let unbilled = json_of(app.post(&format!("/api/v1/projects/{pid}/time-logs"), &unbilled).await, "unbilled").await;

    // A visible and an internal file, and a deliverable.
    let shown = upload(&app, pid, "logo.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>", true).await;
    let hidden = upload(&app, pid, HIDDEN_FILE_NAME, HIDDEN_FILE_BYTES.as_bytes(), false).await;
    let res = app.post(&format!("/api/v1/projects/{pid}/deliverables"), &json!({ "title": "Logo concepts" })).await;
    let deliverable = json_of(res, "deliverable").await;
    let did = deliverable["id"].as_str().unwrap();
    json_of(app.post(&format!("/api/v1/deliverables/{did}/submit"), &json!({})).await, "submit").await;
    // A draft contract: the client must not learn it exists.
    let draft = json!({ "client_id": maria["id"], "title": NOTE, "body": NOTE });
    let draft_contract = json_of(app.post("/api/v1/contracts", &draft).await, "draft contract").await;
    // A draft invoice: not the client's to see on any endpoint.
    let line = json!({ "description": NOTE, "quantity": 1, "unit_price_minor": 100 });
    let res = app.post("/api/v1/invoices", &json!({ "client_id": maria["id"], "title": NOTE, "lines": [line] })).await;
    let draft_invoice = json_of(res, "draft invoice").await;

    let ids: Vec<String> = [
        pid,
        &tid,
        note["id"].as_str().unwrap(),
        hidden_thread["id"].as_str().unwrap(),
        unbilled["id"].as_str().unwrap(),
        shown["id"].as_str().unwrap(),
        hidden["id"].as_str().unwrap(),
        did,
        draft_contract["id"].as_str().unwrap(),
        draft_invoice["id"].as_str().unwrap(),
        maria["id"].as_str().unwrap(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();

    let spec: Value = app.http.get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    let mut checked = 0;
    let mut answered = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1/portal/") || item.get("get").is_none() {
            continue;
        }
        let urls: Vec<String> = if path.contains('{') {
            if path.starts_with("/api/v1/portal/{slug}") {
                continue; // public branding pages, not client data
            }
            ids.iter().map(|id| fill(path, id)).collect()
        } else {
            vec![path.clone()]
        };
        for url in urls {
            let res = app.req_as(&token, Method::GET, &url).send().await.unwrap();
            let status = res.status();
            assert!(status != 500, "GET {url} answered 500");
            let body = String::from_utf8_lossy(&res.bytes().await.unwrap()).to_string();
            for secret in [NOTE, HIDDEN_TIME, HIDDEN_FILE_NAME, HIDDEN_FILE_BYTES, "\"internal\"", "77"] {
                // "77" would be the unbilled minutes; ids and times are checked not to contain it by
                // looking only at JSON numbers below.
                if secret == "77" {
                    if let Ok(v) = serde_json::from_str::<Value>(&body) {
                        // 77 alone, or added to the 90 billable minutes.
                        assert!(
                            !has_number(&v, 77) && !has_number(&v, 167),
                            "GET {url} shows unbilled minutes: {body}"
                        );
                    }
                    continue;
                }
                assert!(!body.contains(secret), "GET {url} leaks {secret}: {body}");
            }
            checked += 1;
            if status.is_success() {
                answered += 1;
            }
        }
    }
    assert!(checked >= 40, "walked {checked} portal requests");
    assert!(answered >= 8, "{answered} of them answered with data");
    // The visible file is downloadable; the internal one is not, even by its id.
    let get = |id: &str| app.req_as(&token, Method::GET, &format!("/api/v1/portal/files/{id}/download")).send();
    assert_eq!(get(shown["id"].as_str().unwrap()).await.unwrap().status(), 200);
    assert_eq!(get(hidden["id"].as_str().unwrap()).await.unwrap().status(), 404);
}

/// `path` with every `{param}` replaced by `id`.
fn fill(path: &str, id: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str(id);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

fn has_number(v: &Value, n: i64) -> bool {
    match v {
        Value::Number(x) => x.as_i64() == Some(n),
        Value::Array(a) => a.iter().any(|x| has_number(x, n)),
        Value::Object(o) => o.values().any(|x| has_number(x, n)),
        _ => false,
    }
}

both!(nothing_internal_reaches_any_portal_endpoint);
