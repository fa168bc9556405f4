//! Every way a received file can be refused, each with a sentence saying what is wrong and what
//! to do.

use std::fmt;

/// Why a file was not accepted as a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Some other kind of file; says what it looks like.
    NotABundle {
        looks_like: &'static str,
    },
    Malformed(String),
    FutureVersion {
        version: u64,
    },
    /// A format version Appraise has never made, or no longer reads.
    RetiredVersion {
        version: u64,
    },
    Unsigned,
    /// More than one signature: Appraise always makes exactly one, by the sender.
    SeveralSignatures,
    BadSignature,
    ChangedAfterSigning,
    /// The payload names a sender whose keys are not the ones that signed it.
    SignerMismatch,
    /// Meant for someone else.
    NotForYou {
        intended: String,
    },
    /// Encrypted, but not for any key this person holds.
    EncryptedForSomeoneElse,
    /// Encrypted for this person, but it will not decrypt: damaged or tampered with.
    CannotDecrypt,
    /// A document this kind of file never carries (a pre-review inside a reply, say).
    UnexpectedDocument {
        kind: &'static str,
        document: String,
    },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::TooLarge { bytes, limit } => write!(
                f,
                "This file is too large to be an Appraise bundle ({} KB; the limit is {} KB). Check you chose the right file.",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            BundleError::NotABundle { looks_like } => write!(
                f,
                "This file is {looks_like}, not an Appraise bundle. Choose the file ending in .json that was attached to the email, or ask the sender to export it again."
            ),
            BundleError::Malformed(detail) => write!(
                f,
                "This file is damaged or incomplete ({detail}). Ask the sender to export it again and send the new file."
            ),
            BundleError::FutureVersion { version } => write!(
                f,
                "This bundle was made by a newer version of Appraise (format {version}). Reload the page to update Appraise, then import it again."
            ),
            BundleError::RetiredVersion { version } => write!(
                f,
                "This file is in a format this version of Appraise does not read (format {version}, from before its first release). Ask the sender to send it again from Appraise as it is now."
            ),
            BundleError::SeveralSignatures => write!(
                f,
                "This file carries more than one signature, which Appraise never makes, so it cannot tell who sent it. Do not use it: ask the sender to send it again."
            ),
            BundleError::Unsigned => write!(
                f,
                "This bundle is not signed, so nobody can tell who sent it. Ask the sender to export it again from Appraise."
            ),
            BundleError::BadSignature => write!(
                f,
                "This bundle's signature is not valid, so it cannot be trusted. Ask the sender to export it again."
            ),
            BundleError::ChangedAfterSigning => write!(
                f,
                "This bundle was changed after it was signed, or the signature was forged. Do not use it: ask the sender to send it again, and tell them it arrived altered."
            ),
            BundleError::SignerMismatch => write!(
                f,
                "This bundle was signed by someone other than the sender it names. Do not use it: contact the sender by phone or in person."
            ),
            BundleError::NotForYou { intended } => write!(
                f,
                "This bundle is meant for {intended}, not for you. Pass it on to them, or ask the sender to send you your own."
            ),
            BundleError::EncryptedForSomeoneElse => write!(
                f,
                "This bundle is encrypted for someone else, so it cannot be opened here. Check it was sent to you, or ask the sender to export it for you."
            ),
            BundleError::UnexpectedDocument { kind, document } => write!(
                f,
                "This {kind} also carries a {}, which a {kind} never does, so it was not made by Appraise as it should be. Do not use it: ask the sender to send it again.",
                crate::domain::documents::document_title(document).to_lowercase()
            ),
            BundleError::CannotDecrypt => write!(
                f,
                "This bundle is encrypted for you but will not open: it was damaged or changed on the way. Ask the sender to send it again."
            ),
        }
    }
}

impl std::error::Error for BundleError {}
