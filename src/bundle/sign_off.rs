//! Sign-offs made unforgeable: the signer's Ed25519 signature over the exact bytes of the
//! sign-off (what was signed, by whom, when, and its content fingerprint), so a sign-off passed
//! on in a later bundle (the reviewee's, inside the reviewer's final statement to the
//! headteacher) still proves who gave it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer};
use serde::{Deserialize, Serialize};

use super::identity::{Identity, PublicKeys};
use crate::domain::cycle::Review;
use crate::domain::sign_off::{SignOff, SignOffStatus};

const SIGN_OFF_TYPE: &str = "application/vnd.appraise.sign-off+json";

/// A sign-off with its signer's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedSignOff {
    pub sign_off: SignOff,
    pub keys: PublicKeys,
    /// base64url Ed25519 signature over `DSSEv1`-encoded canonical JSON of `sign_off`.
    pub signature: String,
}

fn signed_bytes(sign_off: &SignOff) -> Vec<u8> {
    let body = serde_json::to_vec(sign_off).expect("sign-offs serialise");
    let mut bytes = format!(
        "DSSEv1 {} {} {} ",
        SIGN_OFF_TYPE.len(),
        SIGN_OFF_TYPE,
        body.len()
    )
    .into_bytes();
    bytes.extend(body);
    bytes
}

impl SignedSignOff {
    pub fn sign(sign_off: SignOff, identity: &Identity) -> SignedSignOff {
        let signature = identity.signing_key().sign(&signed_bytes(&sign_off));
        SignedSignOff {
            keys: identity.public_keys(),
            signature: URL_SAFE_NO_PAD.encode(signature.to_bytes()),
            sign_off,
        }
    }

    /// Whether the signature holds for the keys the sign-off carries.
    pub fn signature_holds(&self) -> bool {
        URL_SAFE_NO_PAD
            .decode(&self.signature)
            .ok()
            .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
            .zip(self.keys.verifying_key())
            .is_some_and(|(sig, key)| {
                key.verify_strict(&signed_bytes(&self.sign_off), &Signature::from_bytes(&sig))
                    .is_ok()
            })
    }

    /// Current, out of date (with the fields that changed), or invalid when the signature does
    /// not hold or the keys are not the ones expected for the signer.
    pub fn status(&self, review: &Review, expected_signer: &PublicKeys) -> SignOffStatus {
        if self.keys == *expected_signer && self.signature_holds() {
            self.sign_off.status(review)
        } else {
            SignOffStatus::Invalid
        }
    }
}
