//! Sent documents never change: a quote, contract or invoice freezes who it is addressed to
//! (name, company, email, billing address, tax ID) and the business's letterhead when it is
//! sent. Edits afterwards — the client's own in the portal, staff's on the client's record,
//! the business's letterhead — reach drafts and new documents only. Clients have a billing
//! address and a VAT / tax ID, set by staff or by themselves, printed on every document.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::contracts::{self, sha256};
use crate::helpers::{TestApp, fields, problem};
use crate::invoices::{self, INVOICES, line, pdf_text};
use crate::quotes;

const ME: &str = "/api/v1/portal/me";

/// Maria with a company, a billing address and a tax ID, set by staff; and her token.
async fn maria(app: &TestApp) -> (String, String) {
    let (id, token) = invoices::maria(app).await;
    let res = app
        .patch(
            &format!("/api/v1/clients/{id}"),
            &json!({
                "company": "Lopez Design SL",
                "billing_address": "Calle Mayor 1\n28013 Madrid\nSpain",
                "tax_id": "ESB12345678",
            }),
        )
        .await;
    assert_eq!(res.status(), 200, "staff set Maria's billing details");
    let client: Value = res.json().await.unwrap();
    assert_eq!(client["billing_address"], "Calle Mayor 1\n28013 Madrid\nSpain");
    assert_eq!(client["tax_id"], "ESB12345678");
    (id, token)
}

/// Maria moves and renames her company in her own profile; the business renames itself and
/// rewrites its letterhead.
async fn everything_changes(app: &TestApp, token: &str) {
    let res = app
        .req_as(token, Method::PATCH, ME)
        .json(&json!({ "company": "Lopez Interiors SA", "billing_address": "Gran Vía 7\n28013 Madrid", "tax_id": "ESA99999999" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "Maria edits her profile");
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["company"], "Lopez Interiors SA");
    assert_eq!(me["billing_address"], "Gran Vía 7\n28013 Madrid");
    assert_eq!(me["tax_id"], "ESA99999999");
    assert_eq!(app.patch("/api/v1/tenant", &json!({ "name": "Renamed Studio" })).await.status(), 200);
    let res = app
        .req(Method::PATCH, "/api/v1/billing/settings")
        .json(&json!({ "billing_details": "New Street 9\nVAT FR000" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the business rewrites its letterhead");
}

async fn pdf(res: reqwest::Response) -> String {
    assert_eq!(res.status(), 200);
    pdf_text(&res.bytes().await.unwrap())
}

/// The PDF names the addressee as sent and the letterhead as it was; none of today's.
fn assert_as_sent(text: &str) {
    for expected in ["Lopez Design SL", "Calle Mayor 1", "28013 Madrid", "VAT / tax ID: ESB12345678", "Rue du Test"] {
        assert!(text.contains(expected), "the sent document still reads {expected:?}:\n{text}");
    }
    for later in ["Lopez Interiors SA", "Gran Vía 7", "ESA99999999", "Renamed Studio", "New Street 9"] {
        assert!(!text.contains(later), "a later edit ({later:?}) reached a sent document:\n{text}");
    }
}

/// The letterhead at the time the documents are sent.
async fn letterhead(app: &TestApp) {
    let res = app
        .req(Method::PATCH, "/api/v1/billing/settings")
        .json(&json!({ "billing_details": "Rue du Test 1\n75001 Paris" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

async fn a_sent_invoice_keeps_its_addressee_and_letterhead(app: TestApp) {
    let (cid, token) = maria(&app).await;
    letterhead(&app).await;
    let sent = invoices::sent_invoice(&app, &cid, 10_000).await;
    let id = sent["id"].as_str().unwrap();
    let draft = invoices::create(
        &app,
        &json!({ "client_id": cid, "title": "Next", "lines": [line("Retainer", json!(1), 5_000, 0)] }),
    )
    .await;
    let draft_id = draft["id"].as_str().unwrap();

    everything_changes(&app, &token).await;

    let staff: Value = app.get(&format!("{INVOICES}/{id}")).await.json().await.unwrap();
    assert_eq!(staff["client"]["company"], "Lopez Design SL", "{staff}");
    assert_eq!(staff["client"]["billing_address"], "Calle Mayor 1\n28013 Madrid\nSpain");
    assert_eq!(staff["client"]["tax_id"], "ESB12345678");
    let theirs: Value = invoices::portal(&app, &token, Method::GET, &format!("/invoices/{id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["client"]["company"], "Lopez Design SL", "{theirs}");
    assert_as_sent(&pdf(app.get(&format!("{INVOICES}/{id}/pdf")).await).await);
    assert_as_sent(
        &pdf(invoices::portal(&app, &token, Method::GET, &format!("/invoices/{id}/pdf")).send().await.unwrap()).await,
    );

    // The draft follows the client and the business, and freezes what it reads when sent.
    let draft: Value = app.get(&format!("{INVOICES}/{draft_id}")).await.json().await.unwrap();
    assert_eq!(draft["client"]["company"], "Lopez Interiors SA", "{draft}");
    let text = pdf(app.get(&format!("{INVOICES}/{draft_id}/pdf")).await).await;
    for now in ["Lopez Interiors SA", "Gran Vía 7", "VAT / tax ID: ESA99999999", "Renamed Studio", "New Street 9"] {
        assert!(text.contains(now), "a draft reads today's {now:?}:\n{text}");
    }
}

async fn a_sent_quote_keeps_its_addressee_until_the_next_revision_is_sent(app: TestApp) {
    let (cid, token) = maria(&app).await;
    letterhead(&app).await;
    let id = quotes::sent(&app, &cid, "Brand refresh").await;

    everything_changes(&app, &token).await;

    let staff = quotes::staff_view(&app, &id).await;
    assert_eq!(staff["client"]["company"], "Lopez Design SL", "{staff}");
    assert_eq!(staff["client"]["tax_id"], "ESB12345678");
    assert_as_sent(&pdf(app.get(&format!("{}/{id}/pdf", quotes::QUOTES)).await).await);

    // Under revision the client still reads what they were sent; the next revision,
    // once sent, is addressed to who they are now.
    assert_eq!(app.post(&format!("{}/{id}/revise", quotes::QUOTES), &json!({})).await.status(), 200);
    let revising = quotes::staff_view(&app, &id).await;
    assert_eq!(revising["client"]["company"], "Lopez Interiors SA", "the draft revision follows the client");
    let theirs =
        pdf(app.req_as(&token, Method::GET, &format!("{}/{id}/pdf", quotes::PORTAL)).send().await.unwrap()).await;
    assert_as_sent(&theirs);
    assert_eq!(app.post(&format!("{}/{id}/send", quotes::QUOTES), &json!({})).await.status(), 200);
    let resent = quotes::staff_view(&app, &id).await;
    assert_eq!(resent["client"]["company"], "Lopez Interiors SA");
    assert_eq!(resent["client"]["billing_address"], "Gran Vía 7\n28013 Madrid");
}

async fn a_signed_contract_keeps_who_it_was_with(app: TestApp) {
    let (cid, token) = maria(&app).await;
    letterhead(&app).await;
    let id = contracts::sent(&app, &cid, json!({})).await;

    everything_changes(&app, &token).await;

    let res = app
        .req_as(&token, Method::POST, &format!("{}/{id}/sign", contracts::PORTAL))
        .json(&json!({
            "signer_name": "Maria Lopez",
            "body_sha256": sha256(contracts::BODY),
            "signature": { "kind": "typed", "name": "Maria Lopez" },
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "Maria signs");
    let signed: Value = res.json().await.unwrap();
    assert_eq!(signed["client"]["company"], "Lopez Design SL", "{signed}");
    assert_as_sent(&pdf(app.get(&format!("/api/v1/contracts/{id}/pdf")).await).await);
}

async fn billing_details_are_checked(app: TestApp) {
    let (cid, token) = maria(&app).await;
    let nine_lines = (1..=9).map(|n| format!("Line {n}")).collect::<Vec<_>>().join("\n");
    let res = app
        .patch(&format!("/api/v1/clients/{cid}"), &json!({ "billing_address": nine_lines, "tax_id": "ES\nB1" }))
        .await;
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), ["billing_address", "tax_id"], "{p}");
    let res = app.req_as(&token, Method::PATCH, ME).json(&json!({ "tax_id": "x".repeat(51) })).send().await.unwrap();
    assert_eq!(fields(&problem(res, 422).await), ["tax_id"]);
    // Nothing changed; `null` clears.
    let client: Value = app.get(&format!("/api/v1/clients/{cid}")).await.json().await.unwrap();
    assert_eq!(client["tax_id"], "ESB12345678");
    let res = app.req_as(&token, Method::PATCH, ME).json(&json!({ "billing_address": null })).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["billing_address"], Value::Null);
}

both!(
    a_sent_invoice_keeps_its_addressee_and_letterhead,
    a_sent_quote_keeps_its_addressee_until_the_next_revision_is_sent,
    a_signed_contract_keeps_who_it_was_with,
    billing_details_are_checked,
);
