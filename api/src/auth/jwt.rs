//! Signed tokens: 15-minute access tokens for sessions, and 5-minute selection tokens for
//! the account chooser. HS256 only: a token naming another algorithm (or `none`) is refused.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

pub const ACCESS: &str = "access";
pub const SELECT: &str = "select";

/// Claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    /// The client or staff id.
    pub sub: String,
    pub tenant: String,
    /// The session id: checked on every request, so revoking a session stops its tokens.
    pub sid: String,
    /// `client` or `staff`.
    pub kind: String,
    /// Staff role (`owner`, `admin`, `member`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub typ: String,
    pub iat: i64,
    pub exp: i64,
}

/// Claims of a selection token: this person proved they own `email` in `realm`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SelectClaims {
    pub realm: String,
    pub email: String,
    /// Makes the token single use: the first choice made with it spends this id.
    pub jti: String,
    pub typ: String,
    pub iat: i64,
    pub exp: i64,
}

pub fn sign<T: Serialize>(key: &[u8], claims: &T) -> String {
    // Signing with HS256 and a byte key cannot fail.
    encode(&Header::new(Algorithm::HS256), claims, &EncodingKey::from_secret(key)).unwrap_or_default()
}

/// The claims when the signature, algorithm, expiry and `typ` are all right.
pub fn verify<T: for<'de> Deserialize<'de>>(key: &[u8], token: &str, typ: &str) -> Option<T> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = 0;
    validation.set_required_spec_claims(&["exp"]);
    let data = decode::<serde_json::Value>(token, &DecodingKey::from_secret(key), &validation).ok()?;
    if data.claims.get("typ").and_then(|t| t.as_str()) != Some(typ) {
        return None;
    }
    serde_json::from_value(data.claims).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> AccessClaims {
        AccessClaims {
            sub: "c1".into(),
            tenant: "t1".into(),
            sid: "s1".into(),
            kind: "client".into(),
            role: None,
            typ: ACCESS.into(),
            iat: 0,
            exp,
        }
    }

    #[test]
    fn round_trip_and_refusals() {
        let future = chrono::Utc::now().timestamp() + 60;
        let token = sign(b"key", &claims(future));
        assert_eq!(verify::<AccessClaims>(b"key", &token, ACCESS).unwrap().sid, "s1");
        assert!(verify::<AccessClaims>(b"other", &token, ACCESS).is_none(), "wrong key");
        assert!(verify::<AccessClaims>(b"key", &token, SELECT).is_none(), "wrong purpose");
        let expired = sign(b"key", &claims(chrono::Utc::now().timestamp() - 1));
        assert!(verify::<AccessClaims>(b"key", &expired, ACCESS).is_none(), "expired");
        // alg: none, same claims, no signature.
        use base64::Engine;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let body = b64.encode(serde_json::to_vec(&claims(future)).unwrap());
        let none = format!("{}.{body}.", b64.encode(br#"{"alg":"none","typ":"JWT"}"#));
        assert!(verify::<AccessClaims>(b"key", &none, ACCESS).is_none(), "alg none");
    }
}
