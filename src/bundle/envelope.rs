//! The signed envelope. The payload's JSON travels compressed (raw DEFLATE), and the signature
//! covers the exact compressed bytes, never re-serialised JSON, through a pre-authentication
//! encoding that includes the payload type (as DSSE does):
//! `DSSEv1 <len(type)> <type> <len(payload)> <payload>`. The payload is inflated and parsed only
//! after the signature verifies.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature as Ed25519Signature, Signer};
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde::{Deserialize, Serialize};

use super::error::BundleError;
use super::identity::{Identity, PublicKeys};

pub const FORMAT: &str = "appraise-bundle";
/// Version 2 compresses the payload; version 1 (never released) did not.
pub const VERSION: u64 = 2;
/// The most a payload may inflate to: far beyond any real bundle, small enough that a crafted
/// file cannot exhaust memory.
pub const MAX_PAYLOAD_BYTES: usize = 16 * 1024 * 1024;
pub const PAYLOAD_TYPE: &str = "application/vnd.appraise.bundle+json";
/// The payload type of a contact card, which travels in the same envelope.
pub const CARD_TYPE: &str = "application/vnd.appraise.contact-card+json";
/// The payload type of a school settings file, which travels in the same envelope.
pub const SETTINGS_TYPE: &str = "application/vnd.appraise.school-settings+json";
/// The payload type of a request for another reviewer, which travels in the same envelope.
pub const REQUEST_TYPE: &str = "application/vnd.appraise.reviewer-request+json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u64,
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    /// base64url (no padding) of the raw DEFLATE of the payload's UTF-8 JSON: the exact bytes
    /// that were signed.
    pub payload: String,
    pub signatures: Vec<EnvelopeSignature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvelopeSignature {
    pub keyid: String,
    pub sig: String,
    /// The signer's public keys, so a first bundle from someone can be checked and pinned.
    pub keys: PublicKeys,
}

/// Accepts exactly the version this build writes: a newer one needs a newer Appraise, and an
/// older or unknown one was never released.
pub fn check_version(version: u64, supported: u64) -> Result<(), BundleError> {
    match version {
        v if v == supported => Ok(()),
        v if v > supported => Err(BundleError::FutureVersion { version: v }),
        v => Err(BundleError::RetiredVersion { version: v }),
    }
}

/// DSSE's pre-authentication encoding.
fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut bytes = format!(
        "DSSEv1 {} {} {} ",
        payload_type.len(),
        payload_type,
        payload.len()
    )
    .into_bytes();
    bytes.extend_from_slice(payload);
    bytes
}

/// Compresses the payload's JSON and signs the compressed bytes, as a payload of `payload_type`.
pub fn sign(payload_json: &[u8], payload_type: &str, identity: &Identity) -> Envelope {
    let payload = compress_to_vec(payload_json, 9);
    let payload = payload.as_slice();
    let signature = identity.signing_key().sign(&pae(payload_type, payload));
    let keys = identity.public_keys();
    Envelope {
        format: FORMAT.into(),
        version: VERSION,
        payload_type: payload_type.into(),
        payload: URL_SAFE_NO_PAD.encode(payload),
        signatures: vec![EnvelopeSignature {
            keyid: keys.key_id(),
            sig: URL_SAFE_NO_PAD.encode(signature.to_bytes()),
            keys,
        }],
    }
}

/// Checks the signature and returns the signer's keys and the payload's JSON bytes.
pub fn verify(envelope: &Envelope) -> Result<(PublicKeys, Vec<u8>), BundleError> {
    check_version(envelope.version, VERSION)?;
    if envelope.format != FORMAT
        || ![PAYLOAD_TYPE, CARD_TYPE, SETTINGS_TYPE, REQUEST_TYPE]
            .contains(&envelope.payload_type.as_str())
    {
        return Err(BundleError::Malformed(
            "it does not say it is an Appraise file".into(),
        ));
    }
    let signature = match envelope.signatures.as_slice() {
        [] => return Err(BundleError::Unsigned),
        [only] => only,
        _ => return Err(BundleError::SeveralSignatures),
    };
    let payload = URL_SAFE_NO_PAD
        .decode(&envelope.payload)
        .map_err(|_| BundleError::ChangedAfterSigning)?;
    let sig_bytes: [u8; 64] = URL_SAFE_NO_PAD
        .decode(&signature.sig)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(BundleError::BadSignature)?;
    if signature.keyid != signature.keys.key_id() {
        return Err(BundleError::BadSignature);
    }
    let key = signature
        .keys
        .verifying_key()
        .ok_or(BundleError::BadSignature)?;
    key.verify_strict(
        &pae(&envelope.payload_type, &payload),
        &Ed25519Signature::from_bytes(&sig_bytes),
    )
    .map_err(|_| BundleError::ChangedAfterSigning)?;
    let json = decompress_to_vec_with_limit(&payload, MAX_PAYLOAD_BYTES)
        .map_err(|_| BundleError::Malformed("its signed content does not unpack".into()))?;
    Ok((signature.keys, json))
}

/// `value` as a signed file (not encrypted) of `payload_type`: a contact card or the school's
/// settings, which hold nothing private.
pub fn signed_file<T: serde::Serialize>(
    value: &T,
    payload_type: &str,
    identity: &Identity,
) -> String {
    let bytes = serde_json::to_vec(value).expect("signed files serialise");
    serde_json::to_string_pretty(&sign(&bytes, payload_type, identity))
        .expect("envelopes serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::identity::KeySeed;

    /// FORMAT.md: bytes after the end of the DEFLATE stream are signed with the rest and not
    /// read, so the payload is what the stream holds.
    #[test]
    fn bytes_after_the_compressed_stream_are_not_read() {
        let identity = Identity::from_seed(&KeySeed([1; 32]));
        let mut payload = compress_to_vec(br#"{"a":1}"#, 9);
        payload.extend_from_slice(b"trailing bytes");
        let signature = identity.signing_key().sign(&pae(PAYLOAD_TYPE, &payload));
        let keys = identity.public_keys();
        let envelope = Envelope {
            format: FORMAT.into(),
            version: VERSION,
            payload_type: PAYLOAD_TYPE.into(),
            payload: URL_SAFE_NO_PAD.encode(&payload),
            signatures: vec![EnvelopeSignature {
                keyid: keys.key_id(),
                sig: URL_SAFE_NO_PAD.encode(signature.to_bytes()),
                keys,
            }],
        };
        let (_, json) = verify(&envelope).unwrap();
        assert_eq!(json, br#"{"a":1}"#);
    }
}
