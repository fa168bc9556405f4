//! Bundles: the signed (and usually encrypted) JSON files people email each other, and the
//! merge of what they carry. Everything here is pure: keys, clocks and randomness are passed in.
//! The file format is described in `FORMAT.md`.

pub mod apply;
pub mod card;
pub mod contacts;
pub mod envelope;
pub mod error;
pub mod identity;
pub mod merge;
pub mod open;
pub mod payload;
pub mod reviewer_request;
pub mod school_file;
pub mod sealed;
pub mod sign_off;
pub mod words;

use identity::{Identity, PublicKeys};
use payload::Payload;

use crate::random::RandomSource;

/// Writes a bundle file: the payload signed by `identity` and, unless `encrypt_to` is `None`,
/// encrypted to those keys (the sender's own are always added, so they can reopen it).
pub fn write_bundle(
    payload: &Payload,
    identity: &Identity,
    encrypt_to: Option<&[PublicKeys]>,
    random: &mut dyn RandomSource,
) -> String {
    let payload_bytes = serde_json::to_vec(payload).expect("payloads serialise");
    let envelope = envelope::sign(&payload_bytes, envelope::PAYLOAD_TYPE, identity);
    let envelope_json = serde_json::to_string_pretty(&envelope).expect("envelopes serialise");
    match encrypt_to {
        None => envelope_json,
        Some(recipients) => sealed_for(&envelope_json, recipients, identity, random),
    }
}

/// A signed file (`envelope_json`) locked for `recipients` and its sender, who can reopen it.
pub fn sealed_for(
    envelope_json: &str,
    recipients: &[PublicKeys],
    identity: &Identity,
    random: &mut dyn RandomSource,
) -> String {
    let mut keys = recipients.to_vec();
    keys.push(identity.public_keys());
    keys.sort();
    keys.dedup();
    let sealed = sealed::seal(envelope_json.as_bytes(), &keys, random);
    serde_json::to_string_pretty(&sealed).expect("sealed bundles serialise")
}

/// Words as a file name shows them: lower-case letters and digits, joined by hyphens
/// ("Hill Primary" → `hill-primary`), so every system can store the name.
pub fn in_file_name(words: &str) -> String {
    words
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A file name a person can find again, saying what it is, whose review (as the school chose
/// to name them, see `FileNaming`), which cycle and when, and unique per export:
/// `appraise-pre-review-sp-2026-27-20261122-0941-3f2a.json`.
pub fn file_name(
    kind: payload::BundleKind,
    reviewee: &str,
    cycle_first_year: i32,
    local_stamp: &str,
    bundle_id: &str,
) -> String {
    let what = kind.label().replace(' ', "-");
    let unique: String = bundle_id
        .chars()
        .rev()
        .filter(char::is_ascii_alphanumeric)
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!(
        "appraise-{what}-{reviewee}-{}-{:02}-{local_stamp}-{unique}.json",
        cycle_first_year,
        (cycle_first_year + 1) % 100
    )
}
