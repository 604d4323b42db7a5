//! Local stand-ins for Stripe and Paystack, speaking the part of their APIs we use:
//! `POST /v1/checkout/sessions` (form-encoded) and `POST /transaction/initialize` (JSON).
//! Every request is recorded so tests can check what we sent; `fail` makes the next calls
//! answer 500, as a provider outage would. Never the real services.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::{Value, json};

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Recorded {
    /// The form fields of a form-encoded body (Stripe).
    pub fn form(&self) -> HashMap<String, String> {
        url::form_urlencoded::parse(self.body.as_bytes()).into_owned().collect()
    }

    /// The JSON body (Paystack).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

#[derive(Default)]
struct Shared {
    requests: Mutex<Vec<Recorded>>,
    failing: Mutex<bool>,
}

/// A running fake provider.
pub struct FakeProvider {
    /// Base URL, e.g. `http://127.0.0.1:41234`: `PORTICO_STRIPE_API_URL` / `PORTICO_PAYSTACK_API_URL`.
    pub url: String,
    shared: Arc<Shared>,
    server: actix_web::dev::ServerHandle,
}

impl FakeProvider {
    pub async fn start() -> FakeProvider {
        let shared = Arc::new(Shared::default());
        let data = web::Data::from(shared.clone());
        let server = HttpServer::new(move || App::new().app_data(data.clone()).default_service(web::to(answer)))
            .workers(1)
            .bind(("127.0.0.1", 0))
            .expect("bind fake provider");
        let port = server.addrs()[0].port();
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        FakeProvider { url: format!("http://127.0.0.1:{port}"), shared, server: handle }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// From now on every call answers 500.
    pub fn fail(&self) {
        *self.shared.failing.lock().unwrap() = true;
    }
}

impl Drop for FakeProvider {
    fn drop(&mut self) {
        let handle = self.server.clone();
        tokio::spawn(async move { handle.stop(false).await });
    }
}

async fn answer(req: HttpRequest, body: web::Bytes, shared: web::Data<Shared>) -> HttpResponse {
    let headers = req
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_ascii_lowercase(), v.to_str().unwrap_or("").to_string()))
        .collect::<HashMap<_, _>>();
    let recorded = Recorded { path: req.path().to_string(), headers, body: String::from_utf8_lossy(&body).to_string() };
    let n = {
        let mut requests = shared.requests.lock().unwrap();
        requests.push(recorded.clone());
        requests.len()
    };
    if *shared.failing.lock().unwrap() {
        return HttpResponse::InternalServerError()
            .json(json!({ "error": { "message": "An unknown error occurred" } }));
    }
    if !recorded.headers.get("authorization").is_some_and(|a| a.starts_with("Bearer sk_")) {
        return HttpResponse::Unauthorized().json(json!({ "error": { "message": "Invalid API Key provided" } }));
    }
    match recorded.path.as_str() {
        "/v1/checkout/sessions" => {
            let id = format!("cs_test_{n:04}");
            HttpResponse::Ok().json(json!({
                "id": id,
                "object": "checkout.session",
                "url": format!("https://checkout.stripe.test/c/pay/{id}"),
                "amount_total": recorded.form().get("line_items[0][price_data][unit_amount]").and_then(|a| a.parse::<i64>().ok()),
                "payment_status": "unpaid",
            }))
        }
        "/transaction/initialize" => {
            let reference = recorded.json()["reference"].as_str().unwrap_or("").to_string();
            HttpResponse::Ok().json(json!({
                "status": true,
                "message": "Authorization URL created",
                "data": {
                    "authorization_url": format!("https://checkout.paystack.test/{reference}"),
                    "access_code": format!("ac_{n}"),
                    "reference": reference,
                },
            }))
        }
        _ => HttpResponse::NotFound().json(json!({ "error": "no such endpoint in the fake" })),
    }
}
