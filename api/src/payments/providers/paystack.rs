//! Paystack: `POST /transaction/initialize` (JSON, Bearer secret key) opens a hosted page
//! for our reference; its `charge.success` webhook, signed with the secret key
//! (`x-paystack-signature`: hex HMAC-SHA512 of the body), says it was paid.

use serde::Deserialize;
use serde_json::json;

use super::{CheckoutRequest, Collected, CreatedCheckout, PaymentNotice, hmac_sha512_hex, same};

#[derive(Deserialize)]
struct Initialized {
    status: bool,
    #[serde(default)]
    message: String,
    data: Option<InitializedData>,
}

#[derive(Deserialize)]
struct InitializedData {
    authorization_url: String,
    reference: String,
}

pub async fn create_checkout(
    http: &reqwest::Client,
    base_url: &str,
    secret_key: &str,
    req: &CheckoutRequest,
) -> Result<CreatedCheckout, String> {
    let url = format!("{}/transaction/initialize", base_url.trim_end_matches('/'));
    let body = json!({
        "email": req.email,
        "amount": req.amount_minor,
        "currency": req.currency,
        "reference": req.reference,
        "callback_url": req.success_url,
        "metadata": { "invoice_id": req.invoice_id, "tenant_id": req.tenant_id, "cancel_action": req.cancel_url },
    });
    let res = http
        .post(&url)
        .bearer_auth(secret_key)
        .json(&body)
        .send()
        .await
        .map_err(|e| format!("Paystack unreachable: {e}"))?;
    let status = res.status();
    if !status.is_success() {
        let body = res.text().await.unwrap_or_default();
        return Err(format!("Paystack answered {status}: {}", body.chars().take(300).collect::<String>()));
    }
    let answer: Initialized = res.json().await.map_err(|e| format!("Paystack's answer is not a transaction: {e}"))?;
    match answer.data {
        Some(data) if answer.status => Ok(CreatedCheckout { provider_ref: data.reference, url: data.authorization_url }),
        _ => Err(format!("Paystack refused the transaction: {}", answer.message)),
    }
}

/// Checks `x-paystack-signature`: the hex HMAC-SHA512 of the raw body under the secret key.
pub fn verify(header: &str, body: &[u8], secret_key: &str) -> Result<(), String> {
    if same(header.trim(), &hmac_sha512_hex(secret_key.as_bytes(), body)) {
        Ok(())
    } else {
        Err("the x-paystack-signature does not match".into())
    }
}

/// Reads an event; a `charge.success` with `data.status: success` carries the payment.
pub fn parse_event(body: &[u8]) -> Result<PaymentNotice, String> {
    let event: serde_json::Value = serde_json::from_slice(body).map_err(|e| format!("not a Paystack event: {e}"))?;
    let kind = event["event"].as_str().ok_or("the event has no type")?.to_string();
    let data = &event["data"];
    // Paystack events carry no id of their own; the transaction id (or reference) names it.
    let event_id = match (&data["id"], data["reference"].as_str()) {
        (serde_json::Value::Number(n), _) => format!("{kind}:{n}"),
        (_, Some(reference)) => format!("{kind}:{reference}"),
        _ => kind.clone(),
    };
    let payment = if kind == "charge.success" && data["status"] == "success" {
        let checkout_ref = data["reference"].as_str().ok_or("the charge has no reference")?.to_string();
        let amount_minor = data["amount"].as_i64().ok_or("the charge has no amount")?;
        let currency = data["currency"].as_str().ok_or("the charge has no currency")?.to_ascii_uppercase();
        Some(Collected { checkout_ref, amount_minor, currency })
    } else {
        None
    };
    Ok(PaymentNotice { event_id, event_type: kind, payment })
}

/// The header Paystack would send for `body` — for tests and tools.
pub fn sign(body: &[u8], secret_key: &str) -> String {
    hmac_sha512_hex(secret_key.as_bytes(), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_the_sha512_signature() {
        let body = br#"{"event":"charge.success"}"#;
        let sig = sign(body, "sk_test_abc");
        assert_eq!(sig.len(), 128);
        assert!(verify(&sig, body, "sk_test_abc").is_ok());
        assert!(verify(&sig.to_uppercase(), body, "sk_test_abc").is_ok());
        assert!(verify(&sig, body, "sk_test_abd").is_err());
        assert!(verify(&sig, br#"{"event":"charge.failed"}"#, "sk_test_abc").is_err());
        assert!(verify("", body, "sk_test_abc").is_err());
    }

    #[test]
    fn reads_a_successful_charge() {
        let body = br#"{"event":"charge.success","data":{"id":42,"reference":"ref-1","amount":50000,"currency":"NGN","status":"success"}}"#;
        let notice = parse_event(body).unwrap();
        assert_eq!(notice.event_id, "charge.success:42");
        assert_eq!(
            notice.payment,
            Some(Collected { checkout_ref: "ref-1".into(), amount_minor: 50000, currency: "NGN".into() })
        );
        let other = br#"{"event":"transfer.success","data":{"id":7}}"#;
        assert_eq!(parse_event(other).unwrap().payment, None);
    }
}
