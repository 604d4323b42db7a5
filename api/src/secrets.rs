//! Server secrets: the JWT signing key, the HMAC key for login codes and the vault key for
//! secrets kept in the database. From config when
//! set; otherwise generated once and kept in the data directory, so restarts (and a second
//! process on the same data directory) keep sessions valid.

use std::fs;
use std::io::Write;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngExt;

#[derive(Clone)]
pub struct Keys {
    pub jwt: Vec<u8>,
    pub hmac: Vec<u8>,
    pub vault: crate::vault::Vault,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

impl Keys {
    pub fn load(data_dir: &Path, jwt: Option<&str>, hmac: Option<&str>) -> std::io::Result<Keys> {
        Keys::load_with_vault(data_dir, jwt, hmac, None)
    }

    pub fn load_with_vault(
        data_dir: &Path,
        jwt: Option<&str>,
        hmac: Option<&str>,
        vault: Option<&str>,
    ) -> std::io::Result<Keys> {
        Ok(Keys {
            jwt: match jwt {
                Some(s) => s.as_bytes().to_vec(),
                None => load_or_create(&data_dir.join("secrets").join("jwt.key"))?,
            },
            hmac: match hmac {
                Some(s) => s.as_bytes().to_vec(),
                None => load_or_create(&data_dir.join("secrets").join("hmac.key"))?,
            },
            vault: crate::vault::Vault::new(&match vault {
                Some(s) => s.as_bytes().to_vec(),
                None => load_or_create(&data_dir.join("secrets").join("vault.key"))?,
            }),
        })
    }
}

fn load_or_create(path: &Path) -> std::io::Result<Vec<u8>> {
    if let Ok(existing) = fs::read_to_string(path)
        && let Ok(bytes) = URL_SAFE_NO_PAD.decode(existing.trim())
        && bytes.len() >= 32
    {
        return Ok(bytes);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut key = [0u8; 32];
    rand::rng().fill(&mut key[..]);
    let encoded = URL_SAFE_NO_PAD.encode(key);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(mut file) => {
            file.write_all(encoded.as_bytes())?;
            Ok(key.to_vec())
        }
        // Another process created it between our read and our create: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let existing = fs::read_to_string(path)?;
            URL_SAFE_NO_PAD.decode(existing.trim()).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        }
        Err(e) => Err(e),
    }
}
