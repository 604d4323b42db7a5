//! API key material. A key is `pk_live_` + a 12-character lookup prefix + a 32-character
//! secret, all base62. Only the SHA-256 of the whole key is stored; the prefix (not secret)
//! finds the row and is shown in listings so people can tell keys apart.

use rand::RngExt;
use sha2::{Digest, Sha256};

pub const KEY_PREFIX: &str = "pk_live_";
const LOOKUP_LEN: usize = 12;
const SECRET_LEN: usize = 32;
const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A freshly minted key: the plaintext (shown once) and what is stored.
pub struct NewKey {
    pub plaintext: String,
    pub lookup: String,
    pub hash: String,
}

pub fn generate() -> NewKey {
    let mut rng = rand::rng();
    let mut random =
        |n: usize| -> String { (0..n).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect() };
    let lookup = random(LOOKUP_LEN);
    let secret = random(SECRET_LEN);
    let plaintext = format!("{KEY_PREFIX}{lookup}{secret}");
    let hash = hash(&plaintext);
    NewKey { plaintext, lookup, hash }
}

/// Keys carry ~190 bits of entropy, so a fast hash is enough (as GitHub and Stripe do);
/// a slow password hash would only cost latency on every request.
pub fn hash(key: &str) -> String {
    hex(&Sha256::digest(key.as_bytes()))
}

/// The lookup prefix of a presented key, or `None` when it is not shaped like one of ours.
pub fn lookup_of(presented: &str) -> Option<&str> {
    let rest = presented.strip_prefix(KEY_PREFIX)?;
    let well_formed = rest.len() == LOOKUP_LEN + SECRET_LEN && rest.bytes().all(|b| b.is_ascii_alphanumeric());
    well_formed.then(|| &rest[..LOOKUP_LEN])
}

/// Compares the presented key's hash with the stored one in constant time.
pub fn verify(presented: &str, stored_hash: &str) -> bool {
    constant_time_eq(hash(presented).as_bytes(), stored_hash.as_bytes())
}

pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_verify_and_differ() {
        let a = generate();
        let b = generate();
        assert_ne!(a.plaintext, b.plaintext);
        assert_eq!(lookup_of(&a.plaintext), Some(a.lookup.as_str()));
        assert!(verify(&a.plaintext, &a.hash));
        assert!(!verify(&b.plaintext, &a.hash));
    }

    #[test]
    fn malformed_keys_have_no_lookup() {
        assert_eq!(lookup_of("pk_live_short"), None);
        assert_eq!(lookup_of("sk_live_0123456789AB0123456789ABCDEFGHIJ0123456789AB"), None);
        assert_eq!(lookup_of(&format!("{KEY_PREFIX}{}", "!".repeat(44))), None);
    }
}
