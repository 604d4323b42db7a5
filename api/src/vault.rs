//! Secrets kept in the database (payment provider keys), encrypted with AES-256-GCM under a
//! key that never enters the database. A stolen backup holds only ciphertext.
//!
//! Sealed form: `v1:` + base64url(nonce ‖ ciphertext ‖ tag). The row's identity (tenant and
//! purpose) is bound as associated data, so a sealed value copied into another tenant's row
//! does not open there.

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngExt;
use sha2::{Digest, Sha256};

const PREFIX: &str = "v1:";

#[derive(Clone)]
pub struct Vault {
    key: [u8; 32],
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault(..)")
    }
}

/// The sealed value is damaged, or was sealed under another key or for another row.
#[derive(Debug, thiserror::Error)]
#[error("the stored secret cannot be decrypted (sealed under another key, or damaged)")]
pub struct OpenError;

impl Vault {
    /// Any secret material of 32+ bytes; it is hashed to the 256-bit AES key.
    pub fn new(material: &[u8]) -> Vault {
        let key: [u8; 32] = Sha256::new_with_prefix(b"portico vault v1\0").chain_update(material).finalize().into();
        Vault { key }
    }

    fn cipher(&self) -> LessSafeKey {
        // The key is always 32 bytes, which AES-256-GCM takes.
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &self.key).expect("a 32-byte AES-256 key"))
    }

    /// Encrypts `plain`, bound to `context` (for example `"tenant-id/stripe/secret_key"`).
    pub fn seal(&self, context: &str, plain: &str) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill(&mut nonce[..]);
        let mut buf = plain.as_bytes().to_vec();
        self.cipher()
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(context.as_bytes()), &mut buf)
            .expect("AES-GCM sealing of an in-memory buffer");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&buf);
        format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(out))
    }

    /// Decrypts what `seal` made with the same context.
    pub fn open(&self, context: &str, sealed: &str) -> Result<String, OpenError> {
        let raw = sealed.strip_prefix(PREFIX).ok_or(OpenError)?;
        let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| OpenError)?;
        if bytes.len() < NONCE_LEN {
            return Err(OpenError);
        }
        let (nonce, rest) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| OpenError)?;
        let mut buf = rest.to_vec();
        let plain =
            self.cipher().open_in_place(nonce, Aad::from(context.as_bytes()), &mut buf).map_err(|_| OpenError)?;
        String::from_utf8(plain.to_vec()).map_err(|_| OpenError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_binds_context_and_key() {
        let vault = Vault::new(&[7u8; 32]);
        let sealed = vault.seal("t1/stripe/secret_key", "sk_test_123");
        assert!(sealed.starts_with("v1:"));
        assert!(!sealed.contains("sk_test_123"));
        assert_eq!(vault.open("t1/stripe/secret_key", &sealed).unwrap(), "sk_test_123");
        assert_ne!(sealed, vault.seal("t1/stripe/secret_key", "sk_test_123"), "a fresh nonce each time");
        assert!(vault.open("t2/stripe/secret_key", &sealed).is_err(), "another row cannot open it");
        assert!(Vault::new(&[8u8; 32]).open("t1/stripe/secret_key", &sealed).is_err(), "another key cannot");
        assert!(vault.open("t1/stripe/secret_key", "v1:AAAA").is_err());
        assert!(vault.open("t1/stripe/secret_key", "plain").is_err());
    }
}
