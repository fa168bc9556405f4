//! Encryption with a passphrase: Argon2id turns the passphrase into a key (slow on purpose, so
//! guessing is expensive), and XChaCha20-Poly1305 encrypts and authenticates each value, so a
//! wrong passphrase or a changed byte is detected rather than read as nonsense.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::random::RandomSource;

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
const NONCE_BYTES: usize = 24;
/// Salt length for key derivation.
pub const SALT_BYTES: usize = 16;

/// Argon2id cost settings, stored beside what they protect so they can be raised later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// OWASP's recommended Argon2id settings: 19 MiB, 2 passes, 1 lane.
    pub const RECOMMENDED: KdfParams = KdfParams {
        memory_kib: 19 * 1024,
        iterations: 2,
        parallelism: 1,
    };
}

/// A key derived from a passphrase; it never leaves memory.
#[derive(Clone, PartialEq, Eq)]
pub struct SealingKey([u8; 32]);

impl fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SealingKey(…)")
    }
}

/// Why sealed data could not be opened, or a passphrase not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealingError {
    PassphraseTooShort,
    BadSettings,
    /// The passphrase is wrong, or the data was changed after it was sealed.
    WrongPassphraseOrDamaged,
    NotSealedData,
}

impl fmt::Display for SealingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SealingError::PassphraseTooShort => write!(
                f,
                "Use a passphrase of at least {MIN_PASSPHRASE_CHARS} characters: a few unrelated words are easy to remember and hard to guess."
            ),
            SealingError::BadSettings => write!(
                f,
                "The encryption settings saved with this data are not valid, so it cannot be opened."
            ),
            SealingError::WrongPassphraseOrDamaged => write!(
                f,
                "That passphrase does not open this data. Check it and try again; if it is right, the data has been damaged."
            ),
            SealingError::NotSealedData => write!(
                f,
                "This is not data that Appraise encrypted, so it cannot be opened."
            ),
        }
    }
}

impl std::error::Error for SealingError {}

/// Refuses passphrases too short to protect anything.
pub fn check_passphrase(passphrase: &str) -> Result<(), SealingError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(SealingError::PassphraseTooShort);
    }
    Ok(())
}

/// The key for `passphrase` with this salt and cost.
pub fn derive_key(
    passphrase: &str,
    salt: &[u8],
    params: KdfParams,
) -> Result<SealingKey, SealingError> {
    let params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|_| SealingError::BadSettings)?;
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|_| SealingError::BadSettings)?;
    Ok(SealingKey(key))
}

/// Encrypts `plaintext`: a fresh random nonce followed by the ciphertext and its tag.
pub fn seal_bytes(key: &SealingKey, plaintext: &[u8], random: &mut dyn RandomSource) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_BYTES];
    random.fill(&mut nonce);
    let cipher = XChaCha20Poly1305::new((&key.0).into());
    let ciphertext = cipher
        .encrypt(XNonce::from_slice(&nonce), plaintext)
        .expect("encryption of in-memory data cannot fail");
    let mut sealed = nonce.to_vec();
    sealed.extend(ciphertext);
    sealed
}

/// Decrypts what [`seal_bytes`] produced, refusing it if the key is wrong or any byte changed.
pub fn open_bytes(key: &SealingKey, sealed: &[u8]) -> Result<Vec<u8>, SealingError> {
    if sealed.len() < NONCE_BYTES + 16 {
        return Err(SealingError::NotSealedData);
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE_BYTES);
    XChaCha20Poly1305::new((&key.0).into())
        .decrypt(XNonce::from_slice(nonce), ciphertext)
        .map_err(|_| SealingError::WrongPassphraseOrDamaged)
}

/// [`seal_bytes`] as base64url text, for files.
pub fn seal(key: &SealingKey, plaintext: &[u8], random: &mut dyn RandomSource) -> String {
    URL_SAFE_NO_PAD.encode(seal_bytes(key, plaintext, random))
}

/// Decrypts what [`seal`] produced.
pub fn open(key: &SealingKey, sealed: &str) -> Result<Vec<u8>, SealingError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(sealed.trim())
        .map_err(|_| SealingError::NotSealedData)?;
    open_bytes(key, &bytes)
}

/// Random bytes from `random`, base64url, for salts stored as text.
pub fn fresh_salt(random: &mut dyn RandomSource) -> String {
    let mut salt = [0u8; SALT_BYTES];
    random.fill(&mut salt);
    URL_SAFE_NO_PAD.encode(salt)
}

/// The salt bytes from their stored text.
pub fn salt_bytes(salt: &str) -> Result<Vec<u8>, SealingError> {
    URL_SAFE_NO_PAD
        .decode(salt)
        .map_err(|_| SealingError::BadSettings)
}
