//! A person's identity: one random seed from which both their signing key (Ed25519) and their
//! encryption key (X25519) are derived, and the fingerprint people compare to trust each other.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{SigningKey, VerifyingKey};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use x25519_dalek::{PublicKey, StaticSecret};

const SIGNING_LABEL: &[u8] = b"appraise v1 signing key";
const ENCRYPTION_LABEL: &[u8] = b"appraise v1 encryption key";

/// The 32 random bytes everything else is derived from; stored like any other record.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySeed(#[serde(with = "base64_bytes")] pub [u8; 32]);

impl std::fmt::Debug for KeySeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeySeed(…)")
    }
}

/// The public half of an identity: what a bundle carries and a contact pins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PublicKeys {
    #[serde(with = "base64_bytes")]
    pub signing: [u8; 32],
    #[serde(with = "base64_bytes")]
    pub encryption: [u8; 32],
}

/// Both private keys, derived from the seed.
pub struct Identity {
    signing: SigningKey,
    encryption: StaticSecret,
}

fn derive(seed: &KeySeed, label: &[u8]) -> [u8; 32] {
    let mut key = [0u8; 32];
    Hkdf::<Sha256>::new(None, &seed.0)
        .expand(label, &mut key)
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    key
}

impl Identity {
    pub fn from_seed(seed: &KeySeed) -> Identity {
        Identity {
            signing: SigningKey::from_bytes(&derive(seed, SIGNING_LABEL)),
            encryption: StaticSecret::from(derive(seed, ENCRYPTION_LABEL)),
        }
    }

    pub fn public_keys(&self) -> PublicKeys {
        PublicKeys {
            signing: self.signing.verifying_key().to_bytes(),
            encryption: PublicKey::from(&self.encryption).to_bytes(),
        }
    }

    pub(super) fn signing_key(&self) -> &SigningKey {
        &self.signing
    }

    pub(super) fn encryption_secret(&self) -> &StaticSecret {
        &self.encryption
    }
}

impl PublicKeys {
    /// A short stable id for the keys, used in envelopes (hex of the first 8 bytes of the digest).
    pub fn key_id(&self) -> String {
        self.digest()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn digest(&self) -> [u8; 32] {
        let mut hash = Sha256::new();
        hash.update(b"appraise v1 fingerprint");
        hash.update(self.signing);
        hash.update(self.encryption);
        hash.finalize().into()
    }

    /// Eight common words to read to each other or compare side by side ("bee river lamp …"),
    /// quicker than the digits and as hard to match by chance as a 64-bit number.
    pub fn fingerprint_words(&self) -> String {
        super::words::fingerprint_words(&self.digest())
    }

    /// Thirty digits in six groups of five, to read aloud or compare on paper:
    /// "compare these digits with Jo by phone or in person".
    pub fn fingerprint(&self) -> String {
        let digest = self.digest();
        digest
            .chunks(5)
            .take(6)
            .map(|chunk| {
                let number = chunk.iter().fold(0u64, |n, b| (n << 8) | u64::from(*b));
                format!("{:05}", number % 100_000)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub(super) fn verifying_key(&self) -> Option<VerifyingKey> {
        VerifyingKey::from_bytes(&self.signing).ok()
    }
}

/// 32-byte keys as unpadded base64url text in JSON.
pub(crate) mod base64_bytes {
    use super::*;
    use serde::{Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(deserializer)?;
        let bytes = URL_SAFE_NO_PAD.decode(text).map_err(D::Error::custom)?;
        bytes
            .try_into()
            .map_err(|_| D::Error::custom("a key must be 32 bytes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_the_seed_alone_and_differ_per_purpose() {
        let seed = KeySeed([7; 32]);
        let a = Identity::from_seed(&seed).public_keys();
        let b = Identity::from_seed(&seed).public_keys();
        assert_eq!(a, b);
        assert_ne!(a.signing, a.encryption);
        assert_ne!(Identity::from_seed(&KeySeed([8; 32])).public_keys(), a);
    }

    #[test]
    fn the_fingerprint_is_six_groups_of_five_digits() {
        let keys = Identity::from_seed(&KeySeed([1; 32])).public_keys();
        let fingerprint = keys.fingerprint();
        let groups: Vec<&str> = fingerprint.split(' ').collect();
        assert_eq!(groups.len(), 6);
        assert!(
            groups
                .iter()
                .all(|g| g.len() == 5 && g.chars().all(|c| c.is_ascii_digit()))
        );
        assert_eq!(keys.key_id().len(), 16);
        let other = Identity::from_seed(&KeySeed([2; 32])).public_keys();
        assert_ne!(other.fingerprint(), fingerprint);
    }
}
