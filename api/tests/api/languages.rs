//! Every client in their own language: the login email, notices and PDFs are written in the
//! client's language, else the page's, else the business's; `?lang=` prints a PDF in another.

use base64::Engine;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::flows::{PORTAL as AUTH, bearer, client_login, staff_login};
use crate::helpers::{TestApp, problem};
use crate::invoices::{INVOICES, PORTAL, create, line, pdf_text, portal};

/// The email's text as a person reads it: quoted-printable undone, UTF-8 decoded.
fn readable(data: &str) -> String {
    let joined = data.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The Subject header, its RFC 2047 encoded words decoded.
fn subject(data: &str) -> String {
    let mut header = String::new();
    let mut lines = data.lines().skip_while(|l| !l.starts_with("Subject: "));
    if let Some(first) = lines.next() {
        header.push_str(first.trim_start_matches("Subject: "));
        for more in lines.take_while(|l| l.starts_with(' ') || l.starts_with('\t')) {
            header.push_str(more.trim());
        }
    }
    let mut out = String::new();
    for word in header.split("?=") {
        match word.trim().split_once("=?") {
            Some((plain, encoded)) => {
                out.push_str(plain);
                let parts: Vec<&str> = encoded.splitn(3, '?').collect();
                let text = match parts.as_slice() {
                    [_, "b" | "B", text] => base64::engine::general_purpose::STANDARD.decode(text).unwrap(),
                    [_, _, text] => readable(&text.replace('_', " ")).into_bytes(),
                    _ => continue,
                };
                out.push_str(&String::from_utf8_lossy(&text));
            }
            None => out.push_str(word),
        }
    }
    out
}

/// Codes for one address may be asked for every second, so each language is asked for in turn.
const FAST: &[(&str, &str)] = &[("PORTICO_OTP_COOLDOWN_SECONDS", "1"), ("PORTICO_OTP_PER_EMAIL_PER_HOUR", "20")];

async fn ask(app: &TestApp, email: &str, extra: Value, accept_language: Option<&str>) -> (String, String) {
    let before = app.smtp.count_to(email);
    let mut body = json!({ "email": email });
    body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    // A code per minute and address: wait out the resend cooldown between asks.
    let res = loop {
        let mut req = app.http.post(app.url(&format!("{AUTH}/otp"))).json(&body);
        if let Some(value) = accept_language {
            req = req.header("Accept-Language", value);
        }
        let res = req.send().await.unwrap();
        if res.status() != 429 {
            break res;
        }
        let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        tokio::time::sleep(std::time::Duration::from_secs(wait)).await;
    };
    assert_eq!(res.status(), 202);
    let mail = app.smtp.next_to(email, before, |m| m.decoded().contains("#token=")).await;
    (subject(&mail.data), readable(&mail.data))
}

async fn the_login_email_speaks_the_clients_language(app: TestApp) {
    let client = app.client("Lukas Becker", "lukas@becker.de").await;
    let id = client["id"].as_str().unwrap();
    assert_eq!(client["language"], Value::Null, "no language until someone chooses");
    let updated: Value =
        app.patch(&format!("/api/v1/clients/{id}"), &json!({ "language": "de" })).await.json().await.unwrap();
    assert_eq!(updated["language"], "de");
    // The page asked in English; the client chose German, and that wins.
    let (subject, text) = ask(&app, "lukas@becker.de", json!({ "language": "en" }), None).await;
    assert!(subject.ends_with("ist Ihr Anmeldecode für acme Ltd"), "{subject}");
    assert!(text.contains("Ihr Anmeldecode für acme Ltd lautet:"), "{text}");
    assert!(text.contains("Er läuft in 10 Minuten ab"), "{text}");
    assert!(text.contains("Bei acme Ltd anmelden"), "the button: {text}");
    // `null` goes back to the business's default.
    let cleared: Value =
        app.patch(&format!("/api/v1/clients/{id}"), &json!({ "language": null })).await.json().await.unwrap();
    assert_eq!(cleared["language"], Value::Null);
    let bad = problem(app.patch(&format!("/api/v1/clients/{id}"), &json!({ "language": "it" })).await, 422).await;
    assert!(bad.to_string().contains("language"), "{bad}");
}

async fn without_a_choice_the_page_then_the_business_decides(app: TestApp) {
    app.client("Ana Ruiz", "ana@example.es").await;
    let (_, text) = ask(&app, "ana@example.es", json!({ "language": "es" }), None).await;
    assert!(text.contains("Tu código de acceso a acme Ltd es:"), "the page's language: {text}");
    let (_, text) = ask(&app, "ana@example.es", json!({}), Some("fr-CH, fr;q=0.9, en;q=0.8")).await;
    assert!(text.contains("Votre code de connexion à acme Ltd est :"), "the browser's language: {text}");
    let t: Value = app.patch("/api/v1/tenant", &json!({ "language": "de" })).await.json().await.unwrap();
    assert_eq!(t["language"], "de");
    let branding: Value = app.get("/api/v1/portal/acme").await.json().await.unwrap();
    assert_eq!(branding["language"], "de", "the login page learns the business's language");
    let (_, text) = ask(&app, "ana@example.es", json!({}), Some("sv-SE")).await;
    assert!(text.contains("Ihr Anmeldecode für acme Ltd lautet:"), "the business's default: {text}");
}

async fn a_client_chooses_their_language_in_the_portal(app: TestApp) {
    app.client("Noah Martin", "noah@martin.fr").await;
    let token = bearer(&client_login(&app, "noah@martin.fr").await);
    let me: Value = portal(&app, &token, Method::GET, "/me").send().await.unwrap().json().await.unwrap();
    assert_eq!((me["language"].clone(), me["tenant_language"].clone()), (Value::Null, json!("en")));
    let me: Value = portal(&app, &token, Method::PATCH, "/me")
        .json(&json!({ "language": "fr" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["language"], "fr");
    let res = portal(&app, &token, Method::PATCH, "/me").json(&json!({ "language": "klingon" })).send().await.unwrap();
    problem(res, 422).await;
    let (_, text) = ask(&app, "noah@martin.fr", json!({ "language": "de" }), None).await;
    assert!(text.contains("Votre code de connexion"), "their choice, not the page's: {text}");
}

async fn a_french_client_reads_a_french_invoice(app: TestApp) {
    let client = app.client("Chloé Dubois", "chloe@example.fr").await;
    let cid = client["id"].as_str().unwrap();
    app.patch(&format!("/api/v1/clients/{cid}"), &json!({ "language": "fr" })).await;
    let token = bearer(&client_login(&app, "chloe@example.fr").await);
    let draft = create(
        &app,
        &json!({ "client_id": cid, "title": "Identité visuelle", "due_date": "2026-12-31",
                 "lines": [line("Création du logo", json!("1.5"), 82_300, 2000)] }),
    )
    .await;
    let id = draft["id"].as_str().unwrap();
    assert_eq!(app.post(&format!("{INVOICES}/{id}/send"), &json!({})).await.status(), 200);
    let res = portal(&app, &token, Method::GET, &format!("/invoices/{id}/pdf")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let text = pdf_text(&res.bytes().await.unwrap());
    for expected in
        ["FACTURE", "Facturer à", "Désignation", "Prix unitaire", "Reste à payer", "Échéance", "31 déc. 2026"]
    {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    // 1.5 × €823.00 = €1,234.50 net, 20 % VAT: written the French way.
    let squeezed = text.replace('\u{a0}', " ");
    assert!(squeezed.contains("1,5"), "the quantity: {text}");
    assert!(squeezed.contains("1 234,50 €"), "the net amount: {text}");
    assert!(squeezed.contains("TVA 20 %"), "the tax line: {text}");
    assert!(squeezed.contains("1 481,40 €"), "the total: {text}");
    // The same invoice, downloaded in German by staff.
    let res = app.get(&format!("{INVOICES}/{id}/pdf?lang=de")).await;
    let text = pdf_text(&res.bytes().await.unwrap()).replace('\u{a0}', " ");
    assert!(text.contains("RECHNUNG") && text.contains("Offener Betrag") && text.contains("1.481,40 €"), "{text}");
    problem(app.get(&format!("{INVOICES}/{id}/pdf?lang=xx")).await, 400).await;
    // The email that announced it was French too.
    let mail = app.smtp.nth_to("chloe@example.fr", 2).await;
    assert!(readable(&mail.data).contains("à régler avant le 31 déc. 2026"), "{}", readable(&mail.data));
    let _ = PORTAL;
}

async fn staff_choose_the_language_of_their_emails(app: TestApp) {
    let owner = bearer(&staff_login(&app, "owner@acme.example").await);
    let res = app.req_as(&owner, Method::PATCH, "/api/v1/me").json(&json!({ "language": "es" })).send().await.unwrap();
    let me: Value = res.json().await.unwrap();
    assert_eq!((me["language"].as_str(), me["tenant_language"].as_str()), (Some("es"), Some("en")));
    assert_eq!(me["name_chosen"], false, "choosing a language is not choosing a name");
    let res = app
        .req_as(&owner, Method::POST, "/api/v1/me/email")
        .json(&json!({ "email": "clara@acme.example" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let mail = app.smtp.nth_to("clara@acme.example", 1).await;
    assert_eq!(subject(&mail.data), "Confirma tu nueva dirección de correo");
    assert!(readable(&mail.data).contains("Caduca en 15 minutos"), "{}", readable(&mail.data));
}

both!(with FAST;
    the_login_email_speaks_the_clients_language,
    without_a_choice_the_page_then_the_business_decides,
    a_client_chooses_their_language_in_the_portal,
    a_french_client_reads_a_french_invoice,
    staff_choose_the_language_of_their_emails,
);
