//! Stripe Checkout: `POST /v1/checkout/sessions` (form-encoded, Bearer secret key) opens a
//! hosted page; its `checkout.session.completed` webhook, signed with the endpoint's secret
//! (`Stripe-Signature: t=…,v1=…`), says it was paid.

use serde::Deserialize;

use super::{CheckoutRequest, Collected, CreatedCheckout, PaymentNotice, hmac_sha256_hex, same};

/// How far a signature's timestamp may be from now, either way (Stripe's default).
pub const TOLERANCE_SECS: i64 = 300;

#[derive(Deserialize)]
struct Session {
    id: String,
    url: String,
}

pub async fn create_checkout(
    http: &reqwest::Client,
    base_url: &str,
    secret_key: &str,
    req: &CheckoutRequest,
) -> Result<CreatedCheckout, String> {
    let url = format!("{}/v1/checkout/sessions", base_url.trim_end_matches('/'));
    let amount = req.amount_minor.to_string();
    let currency = req.currency.to_ascii_lowercase();
    let form = [
        ("mode", "payment"),
        ("success_url", req.success_url.as_str()),
        ("cancel_url", req.cancel_url.as_str()),
        ("client_reference_id", req.invoice_id.as_str()),
        ("customer_email", req.email.as_str()),
        ("line_items[0][quantity]", "1"),
        ("line_items[0][price_data][currency]", currency.as_str()),
        ("line_items[0][price_data][unit_amount]", amount.as_str()),
        ("line_items[0][price_data][product_data][name]", req.description.as_str()),
        ("metadata[invoice_id]", req.invoice_id.as_str()),
        ("metadata[tenant_id]", req.tenant_id.as_str()),
        ("metadata[checkout_id]", req.reference.as_str()),
    ];
    let res = http
        .post(&url)
        .bearer_auth(secret_key)
        // Stripe's own idempotency: a retried request cannot open two sessions.
        .header("Idempotency-Key", req.reference.as_str())
        .form(&form)
        .send()
        .await
        .map_err(|e| format!("Stripe unreachable: {e}"))?;
    let status = res.status();
    if !status.is_success() {
        let body = res.text().await.unwrap_or_default();
        return Err(format!("Stripe answered {status}: {}", body.chars().take(300).collect::<String>()));
    }
    let session: Session = res.json().await.map_err(|e| format!("Stripe's answer is not a session: {e}"))?;
    Ok(CreatedCheckout { provider_ref: session.id, url: session.url })
}

/// Checks `Stripe-Signature` (`t=<unix>,v1=<hex>[,v1=<hex>…]`): some v1 must be the
/// HMAC-SHA256 of `"{t}.{body}"` under `secret`, and `t` within the tolerance of `now`.
pub fn verify(header: &str, body: &[u8], secret: &str, now: i64) -> Result<(), String> {
    let mut timestamp: Option<i64> = None;
    let mut signatures = vec![];
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse().ok(),
            Some(("v1", sig)) => signatures.push(sig),
            _ => {}
        }
    }
    let t = timestamp.ok_or("the Stripe-Signature header has no timestamp")?;
    if signatures.is_empty() {
        return Err("the Stripe-Signature header has no v1 signature".into());
    }
    if (now - t).abs() > TOLERANCE_SECS {
        return Err(format!("the Stripe-Signature timestamp is {}s away from now", now - t));
    }
    let mut signed = format!("{t}.").into_bytes();
    signed.extend_from_slice(body);
    let expected = hmac_sha256_hex(secret.as_bytes(), &signed);
    // Every candidate is compared, so timing does not tell which one matched.
    let matched = signatures.iter().fold(false, |acc, sig| same(sig, &expected) | acc);
    if matched { Ok(()) } else { Err("no Stripe-Signature v1 matches".into()) }
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: serde_json::Value,
}

/// Reads an event; a `checkout.session.completed` with `payment_status: paid` carries
/// the payment.
pub fn parse_event(body: &[u8]) -> Result<PaymentNotice, String> {
    let event: Event = serde_json::from_slice(body).map_err(|e| format!("not a Stripe event: {e}"))?;
    let object = &event.data.object;
    let payment = if event.kind == "checkout.session.completed" && object["payment_status"] == "paid" {
        let checkout_ref = object["id"].as_str().ok_or("the session has no id")?.to_string();
        let amount_minor = object["amount_total"].as_i64().ok_or("the session has no amount_total")?;
        let currency = object["currency"].as_str().ok_or("the session has no currency")?.to_ascii_uppercase();
        Some(Collected { checkout_ref, amount_minor, currency })
    } else {
        None
    };
    Ok(PaymentNotice { event_id: event.id, event_type: event.kind, payment })
}

/// The header Stripe would send for `body` at `t` — for tests and tools.
pub fn sign(body: &[u8], secret: &str, t: i64) -> String {
    let mut signed = format!("{t}.").into_bytes();
    signed.extend_from_slice(body);
    format!("t={t},v1={}", hmac_sha256_hex(secret.as_bytes(), &signed))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";

    #[test]
    fn accepts_a_fresh_signature_among_several_and_refuses_forgeries() {
        let body = br#"{"id":"evt_1"}"#;
        let good = sign(body, SECRET, 1_000_000);
        assert!(verify(&good, body, SECRET, 1_000_100).is_ok());
        let v1 = good.split_once(",v1=").unwrap().1;
        let several = format!("t=1000000,v1={},v1={v1},v0=abc", "0".repeat(64));
        assert!(verify(&several, body, SECRET, 1_000_000).is_ok(), "one matching v1 among several");
        assert!(verify(&good, br#"{"id":"evt_2"}"#, SECRET, 1_000_000).is_err(), "another body");
        assert!(verify(&good, body, "whsec_other", 1_000_000).is_err(), "another secret");
        assert!(verify(&good, body, SECRET, 1_000_301).is_err(), "too old");
        assert!(verify(&good, body, SECRET, 999_699).is_err(), "from the future");
        assert!(verify("t=1000000", body, SECRET, 1_000_000).is_err(), "no v1");
        assert!(verify(&format!("v1={v1}"), body, SECRET, 1_000_000).is_err(), "no t");
        // The timestamp is signed: moving it breaks the signature.
        assert!(verify(&format!("t=1000001,v1={v1}"), body, SECRET, 1_000_000).is_err());
    }

    #[test]
    fn reads_a_paid_session_and_ignores_the_rest() {
        let paid = br#"{"id":"evt_1","type":"checkout.session.completed","data":{"object":{"id":"cs_1","amount_total":1500,"currency":"eur","payment_status":"paid"}}}"#;
        let notice = parse_event(paid).unwrap();
        assert_eq!(
            notice.payment,
            Some(Collected { checkout_ref: "cs_1".into(), amount_minor: 1500, currency: "EUR".into() })
        );
        let unpaid = br#"{"id":"evt_2","type":"checkout.session.completed","data":{"object":{"id":"cs_1","amount_total":1500,"currency":"eur","payment_status":"unpaid"}}}"#;
        assert_eq!(parse_event(unpaid).unwrap().payment, None);
        let other = br#"{"id":"evt_3","type":"customer.created","data":{"object":{}}}"#;
        assert_eq!(parse_event(other).unwrap().event_type, "customer.created");
        assert!(parse_event(b"nope").is_err());
    }
}
