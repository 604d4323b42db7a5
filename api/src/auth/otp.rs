//! One-time login material: 6-digit codes (stored as HMAC-SHA256 under a server key) and
//! magic-link tokens (32 random bytes, stored as SHA-256).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use rand::RngExt;
use sha2::{Digest, Sha256};

use super::api_key::constant_time_eq;

/// A uniformly random 6-digit code from the OS CSPRNG (via `rand::rng`).
pub fn new_code() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

/// A magic-link token: 32 random bytes, base64url.
pub fn new_link_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes[..]);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// HMAC-SHA256 of `parts` joined by NUL, hex. Binding the code to its realm and email
/// means a leaked table row cannot be replayed for another account.
pub fn hmac_hex(key: &[u8], parts: &[&str]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            mac.update(&[0]);
        }
        mac.update(p.as_bytes());
    }
    hex(&mac.finalize().into_bytes())
}

pub fn sha256_hex(s: &str) -> String {
    hex(&Sha256::digest(s.as_bytes()))
}

pub fn same(a: &str, b: &str) -> bool {
    constant_time_eq(a.as_bytes(), b.as_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_vary() {
        let codes: std::collections::HashSet<String> = (0..200).map(|_| new_code()).collect();
        assert!(codes.iter().all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())));
        assert!(codes.len() > 190);
    }

    #[test]
    fn link_tokens_carry_32_bytes() {
        let t = new_link_token();
        assert_eq!(URL_SAFE_NO_PAD.decode(&t).unwrap().len(), 32);
    }

    #[test]
    fn hmac_depends_on_key_and_every_part() {
        let a = hmac_hex(b"k1", &["client:t", "a@b.co", "123456"]);
        assert_eq!(a.len(), 64);
        assert_ne!(a, hmac_hex(b"k2", &["client:t", "a@b.co", "123456"]));
        assert_ne!(a, hmac_hex(b"k1", &["client:t", "a@b.co", "123457"]));
        assert_ne!(a, hmac_hex(b"k1", &["staff", "a@b.co", "123456"]));
    }
}
