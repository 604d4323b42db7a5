//! Templates: saved with their merge fields checked (an unknown one refused, named),
//! resolved for a client, a quote and a project, and a project made from one with its tasks
//! and deliverables; scoped to the business, on both databases.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};
use crate::projects::create_project;

const TEMPLATES: &str = "/api/v1/templates";

async fn create(app: &TestApp, body: &Value) -> Value {
    let res = app.post(TEMPLATES, body).await;
    assert_eq!(res.status(), 201, "create template");
    res.json().await.unwrap()
}

fn contract_template() -> Value {
    json!({
        "name": "Service agreement",
        "content": {
            "kind": "contract",
            "title": "Agreement with {{client.name}}",
            "body": "# Agreement\n\nBetween {{business.name}} and {{ client.name }} ({{client.first_name}}, {{client.email}}, \
                     {{client.company}}, {{client.phone}}), made on {{today}} by {{staff.name}}.\n\n\
                     Quote {{quote.number}} \"{{quote.title}}\" for {{quote.total}}, valid until {{quote.valid_until}}.\n\n\
                     Project {{project.name}} is due {{project.due_date}}. Braces { alone } stay.",
        },
    })
}

async fn templates_are_saved_checked_and_resolved(app: TestApp) {
    let res = app
        .post(
            "/api/v1/clients",
            &json!({ "name": "Maria Lopez", "email": "maria@example.com", "company": "Lopez Interiors",
                     "phone": "+34 612 345 678", "language": "de" }),
        )
        .await;
    let maria: Value = res.json().await.unwrap();
    let maria_id = maria["id"].as_str().unwrap();

    // An unknown field is refused at save, named, and nothing is saved.
    let mut bad = contract_template();
    bad["content"]["body"] = json!("Dear {{client.nmae}},");
    let p = problem(app.post(TEMPLATES, &bad).await, 422).await;
    assert_eq!(fields(&p), ["content.body"], "{p}");
    assert!(p.to_string().contains("{{client.nmae}}"), "the field is named: {p}");
    let mut unclosed = contract_template();
    unclosed["content"]["title"] = json!("For {{client.name");
    let p = problem(app.post(TEMPLATES, &unclosed).await, 422).await;
    assert_eq!(fields(&p), ["content.title"], "{p}");
    let list: Value = app.get(TEMPLATES).await.json().await.unwrap();
    assert_eq!(list["items"], json!([]));

    let t = create(&app, &contract_template()).await;
    let id = t["id"].as_str().unwrap();
    assert_eq!(t["kind"], "contract");
    assert_eq!(t["fields"].as_array().unwrap().len(), 14, "every field is used once: {t}");
    let res = app.post(TEMPLATES, &contract_template()).await;
    assert_eq!(res.status(), 409, "one name per kind");

    let fields_list: Value = app.get(&format!("{TEMPLATES}/merge-fields")).await.json().await.unwrap();
    assert!(fields_list["items"].as_array().unwrap().iter().any(|f| f["name"] == "quote.total"));

    // Without the quote and project it uses, rendering says what to choose.
    let render = format!("{TEMPLATES}/{id}/render");
    let p = problem(app.post(&render, &json!({ "client_id": maria_id })).await, 422).await;
    assert_eq!(fields(&p), ["quote_id"], "{p}");

    let line = json!({ "description": "Logo", "quantity": "1", "unit_price_minor": 120050, "tax_rate_bp": 0 });
    let quote: Value = app
        .post("/api/v1/quotes", &json!({ "client_id": maria_id, "title": "Logo", "lines": [line] }))
        .await
        .json()
        .await
        .unwrap();
    let project = create_project(&app, maria_id, "Website").await;
    let res = app
        .req(Method::PATCH, &format!("/api/v1/projects/{}", project["id"].as_str().unwrap()))
        .json(&json!({ "due_date": "2027-03-15" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body = json!({ "client_id": maria_id, "quote_id": quote["id"], "project_id": project["id"] });
    let res = app.post(&render, &body).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let res = app.post(&render, &body).await;
    let r: Value = res.json().await.unwrap();
    assert_eq!(r["content"]["kind"], "contract");
    assert_eq!(r["content"]["title"], "Agreement with Maria Lopez");
    let text = r["content"]["body"].as_str().unwrap();
    for expected in [
        "Between acme Ltd",
        "and Maria Lopez (Maria, maria@example.com, Lopez Interiors, +34 612 345 678)",
        &format!("Quote {} \"Logo\"", quote["number"].as_str().unwrap()),
        // Maria reads German: the money and the dates are written her way.
        "1.200,50\u{a0}€",
        "15.03.2027",
        "Project Website",
        "Braces { alone } stay.",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    assert!(!text.contains("{{"), "every field resolved: {text}");

    // Another client's quote is not this client's.
    let otto = app.client("Otto Other", "otto@example.com").await;
    let p = problem(
        app.post(&render, &json!({ "client_id": otto["id"], "quote_id": quote["id"], "project_id": project["id"] }))
            .await,
        404,
    )
    .await;
    assert_eq!(fields(&p), ["quote_id"], "{p}");

    // Editing: a rename, then content of another kind; an unknown field is refused.
    let res = app
        .patch(
            &format!("{TEMPLATES}/{id}"),
            &json!({ "content": { "kind": "email", "subject": "Hi {{client.first_name}}", "body": "{{oops}}" } }),
        )
        .await;
    let p = problem(res, 422).await;
    assert_eq!(fields(&p), ["content.body"], "{p}");
    let res = app
        .patch(&format!("{TEMPLATES}/{id}"), &json!({ "name": "Welcome", "content": { "kind": "email", "subject": "Hi {{client.first_name}}", "body": "Welcome aboard." } }))
        .await;
    assert_eq!(res.status(), 200);
    let t: Value = res.json().await.unwrap();
    assert_eq!((t["name"].as_str(), t["kind"].as_str()), (Some("Welcome"), Some("email")));
    let r: Value = app.post(&render, &json!({ "client_id": maria_id })).await.json().await.unwrap();
    assert_eq!(r["content"], json!({ "kind": "email", "subject": "Hi Maria", "body": "Welcome aboard." }));

    // Another business cannot see, use or delete it.
    let (_, other_key) = app.other_tenant("elsewhere");
    for (method, path) in [(Method::GET, format!("{TEMPLATES}/{id}")), (Method::DELETE, format!("{TEMPLATES}/{id}"))] {
        let res = app.req_as(&other_key, method, &path).send().await.unwrap();
        assert_eq!(res.status(), 404);
    }
    let res = app.req_as(&other_key, Method::GET, TEMPLATES).send().await.unwrap();
    let theirs: Value = res.json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));

    let res = app.req(Method::DELETE, &format!("{TEMPLATES}/{id}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(app.get(&format!("{TEMPLATES}/{id}")).await.status(), 404);
}

async fn a_project_is_made_from_a_template(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let maria_id = maria["id"].as_str().unwrap();
    let t = create(
        &app,
        &json!({
            "name": "Website",
            "content": {
                "kind": "project",
                "description": "The website for {{client.company}}{{client.name}}.",
                "tasks": [{ "title": "Kick-off with {{client.first_name}}" }, { "title": "Wireframes" }, { "title": "Launch" }],
                "deliverables": [{ "title": "Home page design", "description": "Desktop and phone" }],
            },
        }),
    )
    .await;
    let id = t["id"].as_str().unwrap();
    let res = app
        .post(&format!("{TEMPLATES}/{id}/project"), &json!({ "client_id": maria_id, "name": "Maria's website" }))
        .await;
    assert_eq!(res.status(), 201);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["name"], "Maria's website");
    assert_eq!(p["description"], "The website for Maria Lopez.");
    let tasks: Vec<&str> = p["tasks"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(tasks, ["Kick-off with Maria", "Wireframes", "Launch"]);
    let pid = p["id"].as_str().unwrap();
    let d: Value = app.get(&format!("/api/v1/projects/{pid}/deliverables")).await.json().await.unwrap();
    let d = d["items"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["title"], "Home page design");

    // A contract template makes no project; a bad body changes nothing.
    let c =
        create(&app, &json!({ "name": "NDA", "content": { "kind": "contract", "title": "NDA", "body": "Secret." } }))
            .await;
    let res = app
        .post(
            &format!("{TEMPLATES}/{}/project", c["id"].as_str().unwrap()),
            &json!({ "client_id": maria_id, "name": "X" }),
        )
        .await;
    problem(res, 409).await;
    let res = app.post(&format!("{TEMPLATES}/{id}/project"), &json!({ "client_id": "nobody", "name": "X" })).await;
    problem(res, 404).await;
    let list: Value = app.get(&format!("/api/v1/projects?client_id={maria_id}")).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

both!(templates_are_saved_checked_and_resolved, a_project_is_made_from_a_template);

/// An email template becomes an email staff send by hand: rendered for the client, sent in
/// the business's name with the sender's signature, logged in the client's activity.
async fn staff_email_a_client_by_hand(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let maria_id = maria["id"].as_str().unwrap();
    let t = create(
        &app,
        &json!({ "name": "Kick-off", "content": { "kind": "email", "subject": "We start Monday, {{client.first_name}}",
                 "body": "Hello {{client.first_name}},\n\nWe start on Monday.\n\nSee you soon!" } }),
    )
    .await;
    let r: Value = app
        .post(&format!("{TEMPLATES}/{}/render", t["id"].as_str().unwrap()), &json!({ "client_id": maria_id }))
        .await
        .json()
        .await
        .unwrap();
    let body = json!({ "subject": r["content"]["subject"], "body": r["content"]["body"] });
    let res = app.post(&format!("/api/v1/clients/{maria_id}/emails"), &body).await;
    assert_eq!(res.status(), 202);
    let mail = app.smtp.nth_to("maria@example.com", 1).await;
    assert_eq!(mail.subject(), "We start Monday, Maria");
    let text = mail.decoded();
    assert!(text.contains("Hello Maria,") && text.contains("We start on Monday."), "{text}");
    let activity: Value = app.get(&format!("/api/v1/clients/{maria_id}/activity")).await.json().await.unwrap();
    assert!(
        activity["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "client.emailed" && a["data"]["subject"] == "We start Monday, Maria"),
        "{activity}"
    );

    // Blank text or an archived client: refused, nothing sent.
    let p = problem(
        app.post(&format!("/api/v1/clients/{maria_id}/emails"), &json!({ "subject": "Hi", "body": "  " })).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), ["body"]);
    assert_eq!(app.post(&format!("/api/v1/clients/{maria_id}/archive"), &json!({})).await.status(), 200);
    problem(app.post(&format!("/api/v1/clients/{maria_id}/emails"), &body).await, 409).await;
    let (_, other_key) = app.other_tenant("elsewhere");
    let res = app
        .req_as(&other_key, Method::POST, &format!("/api/v1/clients/{maria_id}/emails"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(app.smtp.count_to("maria@example.com"), 1);
}

both!(staff_email_a_client_by_hand);
