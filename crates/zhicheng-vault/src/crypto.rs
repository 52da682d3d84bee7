//! The vault's key: an age X25519 identity. Files are age-encrypted to its recipient; the dedupe hash
//! is BLAKE3 keyed with a key derived from it. When no OS key store is usable, or for the recovery
//! file, the identity is wrapped with a passphrase (Argon2id → XChaCha20-Poly1305), the parameters
//! stored beside the ciphertext.

use std::fmt;
use std::io::{BufReader, Read, Write};
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use zhicheng_core::CoreError;
use zhicheng_core::sensitive::Sensitive;

use crate::error::{Result, VaultError};

type CoreResult<T> = std::result::Result<T, CoreError>;

/// The identity of one vault. `Debug` never shows the secret.
pub struct VaultKey {
    identity: age::x25519::Identity,
}

impl fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VaultKey({})", self.recipient())
    }
}

impl VaultKey {
    pub fn generate() -> Self {
        Self { identity: age::x25519::Identity::generate() }
    }

    /// From the secret string (`AGE-SECRET-KEY-1…`) kept in the key store.
    pub fn from_secret(secret: &str) -> Result<Self> {
        age::x25519::Identity::from_str(secret.trim())
            .map(|identity| Self { identity })
            .map_err(|_| VaultError::KeyInStoreInvalid)
    }

    pub fn secret(&self) -> Sensitive<String> {
        Sensitive(self.identity.to_string().expose_secret().to_string())
    }

    /// The public half (`age1…`), kept in the vault's plain metadata to check a key belongs to it.
    pub fn recipient(&self) -> String {
        self.identity.to_public().to_string()
    }

    /// The key of the dedupe hash: the same file gives the same hash in this vault only.
    pub fn dedupe_key(&self) -> [u8; 32] {
        blake3::derive_key("zhicheng 2026-11 evidence vault dedupe hash", self.secret().expose().as_bytes())
    }

    pub fn encrypt_to<W: Write>(&self, out: W) -> std::io::Result<age::stream::StreamWriter<W>> {
        let recipient = self.identity.to_public();
        let enc = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(std::io::Error::other)?;
        enc.wrap_output(out)
    }

    /// A reader of the plaintext. A changed or cut file fails while reading (an `io::Error`), never
    /// yields wrong bytes: read to the end before using what was read.
    pub fn decrypt_from<R: Read>(&self, input: R, what: &str) -> Result<age::stream::StreamReader<BufReader<R>>> {
        let tampered = || VaultError::Tampered { what: what.to_string() };
        let dec = age::Decryptor::new(BufReader::new(input)).map_err(|_| tampered())?;
        dec.decrypt(std::iter::once(&self.identity as &dyn age::Identity)).map_err(|_| tampered())
    }

    /// Encrypts a small value whole.
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>> {
        let crypto = |e: &dyn std::fmt::Display| VaultError::Crypto { detail: e.to_string() };
        let mut w = self.encrypt_to(Vec::new()).map_err(|e| crypto(&e))?;
        w.write_all(plain).and_then(|_| w.finish()).map_err(|e| crypto(&e))
    }

    /// Decrypts a small value whole; a changed or cut value is reported as tampered.
    pub fn open(&self, sealed: &[u8], what: &str) -> Result<Vec<u8>> {
        let mut out = vec![];
        self.decrypt_from(sealed, what)?
            .read_to_end(&mut out)
            .map_err(|_| VaultError::Tampered { what: what.to_string() })?;
        Ok(out)
    }
}

/// The vault key sealing single values of the applicant file: `sealed:` + hex of the age ciphertext.
pub struct KeyCipher(pub VaultKey);

impl zhicheng_core::storage::FieldCipher for KeyCipher {
    fn seal(&self, plain: &str) -> CoreResult<String> {
        let sealed = self.0.seal(plain.as_bytes()).map_err(|e| CoreError::Internal(e.to_string()))?;
        Ok(format!("{}{}", zhicheng_core::storage::SEALED_PREFIX, hex(&sealed)))
    }

    fn open(&self, sealed: &str) -> CoreResult<String> {
        let bytes = sealed
            .strip_prefix(zhicheng_core::storage::SEALED_PREFIX)
            .and_then(unhex)
            .ok_or(CoreError::SealedTampered)?;
        let plain = self.0.open(&bytes, "sealed").map_err(|_| CoreError::SealedTampered)?;
        String::from_utf8(plain).map_err(|_| CoreError::SealedTampered)
    }
}

/// The vault's public half alone: seals the ID number and phone while the vault is locked (a
/// passphrase not typed yet), so they are never written in clear; opening needs the key.
pub struct RecipientSealer(age::x25519::Recipient);

impl RecipientSealer {
    /// From the `age1…` recipient in `vault.json`.
    pub fn parse(recipient: &str) -> Result<Self> {
        recipient.parse::<age::x25519::Recipient>().map(Self).map_err(|_| VaultError::PublicKeyInvalid)
    }
}

impl zhicheng_core::storage::FieldCipher for RecipientSealer {
    fn seal(&self, plain: &str) -> CoreResult<String> {
        let fail = |e: String| CoreError::Internal(format!("seal: {e}"));
        let enc = age::Encryptor::with_recipients(std::iter::once(&self.0 as &dyn age::Recipient))
            .map_err(|e| fail(e.to_string()))?;
        let mut out = vec![];
        let mut w = enc.wrap_output(&mut out).map_err(|e| fail(e.to_string()))?;
        w.write_all(plain.as_bytes()).and_then(|_| w.finish()).map_err(|e| fail(e.to_string()))?;
        Ok(format!("{}{}", zhicheng_core::storage::SEALED_PREFIX, hex(&out)))
    }

    fn open(&self, _sealed: &str) -> CoreResult<String> {
        Err(CoreError::SealedLocked)
    }
}

/// Argon2id cost. The defaults follow the issue (m = 64 MiB, t = 3, p = 4: 160–180 ms here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl Default for KdfParams {
    fn default() -> Self {
        Self { m_kib: 64 * 1024, t: 3, p: 4 }
    }
}

pub const WRAPPED_FORMAT: &str = "zhicheng/wrapped-key";
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A vault key under a passphrase: the key file (no usable OS key store) and the recovery file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrappedKey {
    pub format: String,
    pub version: u32,
    /// The vault this key opens (its recipient), to say so when the wrong file is given.
    pub recipient: String,
    pub kdf: String,
    pub params: KdfParams,
    /// Hex.
    pub salt: String,
    /// Hex, 24 bytes (XChaCha20-Poly1305).
    pub nonce: String,
    /// Hex: the identity string, encrypted and authenticated.
    pub ciphertext: String,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

pub fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(VaultError::PassphraseTooShort { min: MIN_PASSPHRASE_CHARS });
    }
    Ok(())
}

fn derive(passphrase: &str, salt: &[u8], p: KdfParams) -> Result<[u8; 32]> {
    let params = argon2::Params::new(p.m_kib, p.t, p.p, Some(32))
        .map_err(|e| VaultError::KeyFileInvalid { detail: e.to_string() })?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = [0u8; 32];
    argon
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|e| VaultError::Crypto { detail: e.to_string() })?;
    Ok(out)
}

fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    #[allow(
        clippy::expect_used,
        reason = "the OS random source does not fail on supported systems; no key without it"
    )]
    getrandom::fill(&mut b).expect("the OS random source works");
    b
}

pub fn wrap(key: &VaultKey, passphrase: &str, params: KdfParams) -> Result<WrappedKey> {
    use chacha20poly1305::aead::{Aead, KeyInit};
    check_passphrase(passphrase)?;
    let salt: [u8; 16] = random();
    let nonce: [u8; 24] = random();
    let k = derive(passphrase, &salt, params)?;
    let cipher = chacha20poly1305::XChaCha20Poly1305::new(&k.into());
    let ct = cipher
        .encrypt(&nonce.into(), key.secret().expose().as_bytes())
        .map_err(|e| VaultError::Crypto { detail: e.to_string() })?;
    Ok(WrappedKey {
        format: WRAPPED_FORMAT.into(),
        version: 1,
        recipient: key.recipient(),
        kdf: "argon2id".into(),
        params,
        salt: hex(&salt),
        nonce: hex(&nonce),
        ciphertext: hex(&ct),
    })
}

pub fn unwrap(w: &WrappedKey, passphrase: &str) -> Result<VaultKey> {
    use chacha20poly1305::aead::{Aead, KeyInit};
    let bad = |what: &str| VaultError::KeyFileInvalid { detail: what.to_string() };
    if w.format != WRAPPED_FORMAT || w.version != 1 || w.kdf != "argon2id" {
        return Err(bad("format or version"));
    }
    let salt = unhex(&w.salt).ok_or_else(|| bad("salt"))?;
    let nonce: [u8; 24] = unhex(&w.nonce).and_then(|n| n.try_into().ok()).ok_or_else(|| bad("nonce"))?;
    let ct = unhex(&w.ciphertext).ok_or_else(|| bad("ciphertext"))?;
    let k = derive(passphrase, &salt, w.params)?;
    let cipher = chacha20poly1305::XChaCha20Poly1305::new(&k.into());
    let plain = cipher.decrypt(&nonce.into(), ct.as_slice()).map_err(|_| VaultError::WrongPassphrase)?;
    let secret = String::from_utf8(plain).map_err(|_| bad("content"))?;
    let key = VaultKey::from_secret(&secret)?;
    if key.recipient() != w.recipient {
        return Err(bad("the content does not match the recorded public key"));
    }
    Ok(key)
}

#[cfg(test)]
pub(crate) const TEST_KDF: KdfParams = KdfParams { m_kib: 256, t: 1, p: 1 };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_and_a_changed_byte_is_reported_as_tampering() {
        let key = VaultKey::generate();
        let sealed = key.seal("李明的身份证".as_bytes()).unwrap();
        assert!(!sealed.windows("李明".len()).any(|w| w == "李明".as_bytes()));
        assert_eq!(key.open(&sealed, "索引").unwrap(), "李明的身份证".as_bytes());
        let mut bad = sealed.clone();
        let last = bad.len() - 3;
        bad[last] ^= 1;
        assert!(matches!(key.open(&bad, "索引"), Err(VaultError::Tampered { .. })));
        let cut = &sealed[..sealed.len() - 5];
        assert!(matches!(key.open(cut, "索引"), Err(VaultError::Tampered { .. })));
        let other = VaultKey::generate();
        assert!(matches!(other.open(&sealed, "索引"), Err(VaultError::Tampered { .. })));
    }

    #[test]
    fn a_wrapped_key_opens_with_its_passphrase_only() {
        let key = VaultKey::generate();
        let w = wrap(&key, "正确的口令123", TEST_KDF).unwrap();
        assert!(!serde_json::to_string(&w).unwrap().contains(key.secret().expose().as_str()));
        assert_eq!(unwrap(&w, "正确的口令123").unwrap().recipient(), key.recipient());
        assert!(matches!(unwrap(&w, "错误的口令123"), Err(VaultError::WrongPassphrase)));
        let mut changed = w.clone();
        changed.ciphertext.replace_range(0..2, if &w.ciphertext[0..2] == "00" { "01" } else { "00" });
        assert!(matches!(unwrap(&changed, "正确的口令123"), Err(VaultError::WrongPassphrase)));
        assert!(wrap(&key, "short", TEST_KDF).unwrap_err().to_string().contains("至少需要 8 个字符"));
    }

    #[test]
    fn the_field_cipher_round_trips_and_hides_the_value() {
        use zhicheng_core::storage::FieldCipher;
        let c = KeyCipher(VaultKey::generate());
        let s = c.seal("500103198506151236").unwrap();
        assert!(s.starts_with("sealed:") && !s.contains("500103"));
        assert_eq!(c.open(&s).unwrap(), "500103198506151236");
        assert!(KeyCipher(VaultKey::generate()).open(&s).is_err());
        assert!(c.open("sealed:zz").is_err());
    }

    #[test]
    fn the_dedupe_key_depends_on_the_vault() {
        let (a, b) = (VaultKey::generate(), VaultKey::generate());
        assert_ne!(a.dedupe_key(), b.dedupe_key());
        assert_eq!(a.dedupe_key(), VaultKey::from_secret(a.secret().expose()).unwrap().dedupe_key());
        assert!(!format!("{a:?}").contains("SECRET"));
    }
}
