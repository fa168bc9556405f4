//! Encrypting a signed envelope to its recipients, because bundles travel by email. A random
//! content key encrypts the envelope (XChaCha20-Poly1305); for each recipient, an ephemeral
//! X25519 key agreement and HKDF-SHA256 give a key that wraps the content key. The sender is
//! always a recipient too, so they can reopen what they sent.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload as AeadPayload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use x25519_dalek::{PublicKey, StaticSecret};

use super::error::BundleError;
use super::identity::{Identity, PublicKeys};
use crate::random::RandomSource;

pub const SEALED_FORMAT: &str = "appraise-sealed-bundle";
pub const SEALED_VERSION: u64 = 1;
const WRAP_LABEL: &[u8] = b"appraise v1 key wrap";
const CONTENT_AAD: &[u8] = b"appraise-sealed-bundle v1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedBundle {
    pub format: String,
    pub version: u64,
    pub recipients: Vec<WrappedKey>,
    pub nonce: String,
    pub ciphertext: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    pub keyid: String,
    pub ephemeral: String,
    pub wrapped: String,
}

fn random_bytes<const N: usize>(random: &mut dyn RandomSource) -> [u8; N] {
    let mut bytes = [0u8; N];
    random.fill(&mut bytes);
    bytes
}

fn wrapping_key(
    shared: &[u8; 32],
    ephemeral: &[u8; 32],
    recipient: &[u8; 32],
) -> XChaCha20Poly1305 {
    let mut salt = ephemeral.to_vec();
    salt.extend_from_slice(recipient);
    let mut key = [0u8; 32];
    Hkdf::<Sha256>::new(Some(&salt), shared)
        .expand(WRAP_LABEL, &mut key)
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    XChaCha20Poly1305::new((&key).into())
}

fn encrypt(cipher: &XChaCha20Poly1305, nonce: &[u8; 24], plain: &[u8], aad: &[u8]) -> Vec<u8> {
    cipher
        .encrypt(XNonce::from_slice(nonce), AeadPayload { msg: plain, aad })
        .expect("encryption of in-memory data cannot fail")
}

/// Encrypts `envelope` (the signed JSON bytes) so only `recipients` can read it.
pub fn seal(
    envelope: &[u8],
    recipients: &[PublicKeys],
    random: &mut dyn RandomSource,
) -> SealedBundle {
    let content_key: [u8; 32] = random_bytes(random);
    let nonce: [u8; 24] = random_bytes(random);
    let ciphertext = encrypt(
        &XChaCha20Poly1305::new((&content_key).into()),
        &nonce,
        envelope,
        CONTENT_AAD,
    );
    let recipients = recipients
        .iter()
        .map(|recipient| {
            let ephemeral_secret = StaticSecret::from(random_bytes::<32>(random));
            let ephemeral = PublicKey::from(&ephemeral_secret).to_bytes();
            let shared = ephemeral_secret
                .diffie_hellman(&PublicKey::from(recipient.encryption))
                .to_bytes();
            let wrap_nonce: [u8; 24] = random_bytes(random);
            let mut wrapped = wrap_nonce.to_vec();
            wrapped.extend(encrypt(
                &wrapping_key(&shared, &ephemeral, &recipient.encryption),
                &wrap_nonce,
                &content_key,
                WRAP_LABEL,
            ));
            WrappedKey {
                keyid: recipient.key_id(),
                ephemeral: URL_SAFE_NO_PAD.encode(ephemeral),
                wrapped: URL_SAFE_NO_PAD.encode(wrapped),
            }
        })
        .collect();
    SealedBundle {
        format: SEALED_FORMAT.into(),
        version: SEALED_VERSION,
        recipients,
        nonce: URL_SAFE_NO_PAD.encode(nonce),
        ciphertext: URL_SAFE_NO_PAD.encode(ciphertext),
    }
}

fn decode<const N: usize>(text: &str) -> Option<[u8; N]> {
    URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()
}

/// Decrypts a sealed bundle addressed to `identity`, returning the signed envelope's bytes.
pub fn unseal(sealed: &SealedBundle, identity: &Identity) -> Result<Vec<u8>, BundleError> {
    if sealed.version > SEALED_VERSION {
        return Err(BundleError::FutureVersion {
            version: sealed.version,
        });
    }
    let mine = identity.public_keys();
    let entry = sealed
        .recipients
        .iter()
        .find(|entry| entry.keyid == mine.key_id())
        .ok_or(BundleError::EncryptedForSomeoneElse)?;
    let ephemeral: [u8; 32] = decode(&entry.ephemeral).ok_or(BundleError::CannotDecrypt)?;
    let wrapped = URL_SAFE_NO_PAD
        .decode(&entry.wrapped)
        .map_err(|_| BundleError::CannotDecrypt)?;
    if wrapped.len() < 24 {
        return Err(BundleError::CannotDecrypt);
    }
    let (wrap_nonce, wrapped_key) = wrapped.split_at(24);
    let shared = identity
        .encryption_secret()
        .diffie_hellman(&PublicKey::from(ephemeral))
        .to_bytes();
    let content_key = wrapping_key(&shared, &ephemeral, &mine.encryption)
        .decrypt(
            XNonce::from_slice(wrap_nonce),
            AeadPayload {
                msg: wrapped_key,
                aad: WRAP_LABEL,
            },
        )
        .map_err(|_| BundleError::CannotDecrypt)?;
    let content_key: [u8; 32] = content_key
        .try_into()
        .map_err(|_| BundleError::CannotDecrypt)?;
    let nonce: [u8; 24] = decode(&sealed.nonce).ok_or(BundleError::CannotDecrypt)?;
    let ciphertext = URL_SAFE_NO_PAD
        .decode(&sealed.ciphertext)
        .map_err(|_| BundleError::CannotDecrypt)?;
    XChaCha20Poly1305::new((&content_key).into())
        .decrypt(
            XNonce::from_slice(&nonce),
            AeadPayload {
                msg: &ciphertext,
                aad: CONTENT_AAD,
            },
        )
        .map_err(|_| BundleError::CannotDecrypt)
}
