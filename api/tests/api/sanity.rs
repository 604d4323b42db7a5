//! Data a person could mean: dates and times from 2000 to 2099, currencies in circulation.
//! Anything else is a typo or a probe: 422 naming the field, and nothing stored.

use serde_json::{Value, json};

use crate::both;
use crate::helpers::{TestApp, fields, problem};

async fn far_dates_and_unknown_currencies_are_422_and_store_nothing(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@example.com").await;
    let quote = |extra: Value| {
        let mut body = json!({
            "client_id": maria["id"],
            "title": "Brand refresh",
            "lines": [{ "description": "Logo", "quantity": "1", "unit_price_minor": 120000, "tax_rate_bp": 2000 }],
        });
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        body
    };
    for (extra, field) in [
        (json!({ "valid_until": "1900-01-01" }), "valid_until"),
        (json!({ "valid_until": "2100-01-01" }), "valid_until"),
        (json!({ "currency": "XAU" }), "currency"),
        (json!({ "currency": "HRK" }), "currency"),
    ] {
        let body = problem(app.post("/api/v1/quotes", &quote(extra.clone())).await, 422).await;
        assert_eq!(fields(&body), [field], "{extra}");
    }
    let project = json!({ "client_id": maria["id"], "name": "Rebrand", "due_date": "2999-12-31" });
    assert_eq!(fields(&problem(app.post("/api/v1/projects", &project).await, 422).await), ["due_date"]);
    let tenant = problem(app.patch("/api/v1/tenant", &json!({ "currency": "ABC" })).await, 422).await;
    assert_eq!(fields(&tenant), ["currency"]);

    let quotes: Value = app.get("/api/v1/quotes").await.json().await.unwrap();
    assert_eq!(quotes["items"], json!([]), "nothing stored");
    // The window's last day is in, and so is any currency in circulation.
    let edge = quote(json!({ "valid_until": "2099-12-31", "currency": "JPY" }));
    assert_eq!(app.post("/api/v1/quotes", &edge).await.status(), 201);
}

both!(far_dates_and_unknown_currencies_are_422_and_store_nothing);
