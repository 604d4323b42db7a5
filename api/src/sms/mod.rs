//! Text messages through a Twilio-compatible HTTP API (`POST /2010-04-01/Accounts/{sid}/Messages.json`
//! with basic auth and form fields To, From, Body). Like email, they go through the outbox.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::config::SmsSettings;

/// One text message, as stored in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sms {
    /// E.164, e.g. `+34612345678`.
    pub to: String,
    pub body: String,
}

pub struct SmsSender {
    http: reqwest::Client,
    settings: SmsSettings,
}

impl SmsSender {
    pub fn new(settings: SmsSettings) -> Result<SmsSender, String> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("cannot build the SMS HTTP client: {e}"))?;
        Ok(SmsSender { http, settings })
    }

    pub async fn send(&self, sms: &Sms) -> Result<(), String> {
        let s = &self.settings;
        let url = format!("{}/2010-04-01/Accounts/{}/Messages.json", s.url.trim_end_matches('/'), s.account_sid);
        let res = self
            .http
            .post(&url)
            .basic_auth(&s.account_sid, Some(&s.auth_token))
            .form(&[("To", sms.to.as_str()), ("From", s.from.as_str()), ("Body", sms.body.as_str())])
            .send()
            .await
            .map_err(|e| format!("SMS provider unreachable: {e}"))?;
        if res.status().is_success() {
            Ok(())
        } else {
            let status = res.status();
            let body: String = res.text().await.unwrap_or_default().chars().take(300).collect();
            Err(format!("SMS provider answered {status}: {body}"))
        }
    }
}

/// A phone number as typed (`+34 612 345 678`) in the E.164 form providers expect.
pub fn e164(phone: &str) -> String {
    phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn e164_keeps_digits_and_plus() {
        assert_eq!(super::e164("+34 (612) 345-678"), "+34612345678");
    }
}
