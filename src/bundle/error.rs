//! Every way a received file can be refused, each with a sentence saying what is wrong and what
//! to do.

use std::fmt;

use crate::domain::staff::NotAsListed;

/// What a file that is not a review's file looks like, for the sentence that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LooksLike {
    Pdf,
    OfficeOrZip,
    Picture,
    WebPage,
    Empty,
    /// The text of an email with no file from Appraise attached or pasted in.
    EmailWithoutFile,
    /// JSON that does not say it is from Appraise.
    OtherProgram,
    /// A colleague's contact card, where a review's file was expected.
    ContactCard,
    /// The school's settings, where a review's file was expected.
    SchoolSettings,
    /// A request for another reviewer, where a review's file was expected.
    ReviewerRequest,
    Unknown,
}

/// Why a file was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Some other kind of file.
    NotABundle(LooksLike),
    /// Damaged or incomplete; the detail is for developers and never shown.
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
    /// From someone on the school's staff list, but not signed with the keys it gives them.
    NotAsListed(NotAsListed),
}

/// What every refusal of a file that is not a review's own ends with.
const CHOOSE_THE_ATTACHMENT: &str = "Choose the file ending in .json that was attached to the email, or ask the sender to send it again.";

impl fmt::Display for LooksLike {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let other = |what: &str| {
            format!("This is {what}, not a file from Appraise. {CHOOSE_THE_ATTACHMENT}")
        };
        match self {
            LooksLike::Pdf => f.write_str(&other("a PDF document")),
            LooksLike::OfficeOrZip => f.write_str(&other("a Word, Excel or zip file")),
            LooksLike::Picture => f.write_str(&other("a picture")),
            LooksLike::WebPage => f.write_str(&other("a web page")),
            LooksLike::OtherProgram => f.write_str(&other("a file from another program")),
            LooksLike::Empty => write!(f, "This file is empty. {CHOOSE_THE_ATTACHMENT}"),
            LooksLike::EmailWithoutFile => write!(
                f,
                "This is the text of an email, and no file from Appraise is attached to it or pasted into it. Save the attachment ending in .json from the email and choose that, or ask the sender to send it again."
            ),
            LooksLike::ContactCard => write!(
                f,
                "This is a contact card, not a file for a review. Import it on the Import a file page to add the person to your contacts."
            ),
            LooksLike::SchoolSettings => write!(
                f,
                "This is your school’s settings file, not a file for a review. Import it on the Import a file page to use the settings."
            ),
            LooksLike::ReviewerRequest => write!(
                f,
                "This is a request for another reviewer, not a file for a review. The headteacher imports it on the Import a file page."
            ),
            LooksLike::Unknown => write!(
                f,
                "This file is not one Appraise made, so it cannot be read. {CHOOSE_THE_ATTACHMENT}"
            ),
        }
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::TooLarge { bytes, limit } => write!(
                f,
                "This file is too large to be one Appraise made ({} KB; the limit is {} KB). Check you chose the right file.",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            BundleError::NotABundle(looks_like) => looks_like.fmt(f),
            BundleError::Malformed(_) => write!(
                f,
                "This file is damaged or incomplete, so Appraise cannot read it. Ask the sender to send it again."
            ),
            BundleError::FutureVersion { .. } => write!(
                f,
                "This file was made by a newer version of Appraise. Reload the page to update Appraise, then import it again."
            ),
            BundleError::RetiredVersion { .. } => write!(
                f,
                "This file was made by an early test version of Appraise, which this one does not read. Ask the sender to send it again from Appraise as it is now."
            ),
            BundleError::SeveralSignatures => write!(
                f,
                "This file carries more than one signature, which Appraise never makes, so it cannot tell who sent it. Do not use it: ask the sender to send it again."
            ),
            BundleError::Unsigned => write!(
                f,
                "This file is not signed, so nobody can tell who sent it. Ask the sender to send it again from Appraise."
            ),
            BundleError::BadSignature => write!(
                f,
                "This file’s signature is not valid, so it cannot be trusted. Ask the sender to send it again."
            ),
            BundleError::ChangedAfterSigning => write!(
                f,
                "This file was changed after it was signed, or the signature was forged. Do not use it: ask the sender to send it again, and tell them it arrived altered."
            ),
            BundleError::SignerMismatch => write!(
                f,
                "This file was signed by someone other than the person it names as its sender. Do not use it: check with the person it names, in person or by phone."
            ),
            BundleError::NotForYou { intended } => write!(
                f,
                "This file is meant for {intended}, not for you. Pass it on to them, or ask the sender to send you your own."
            ),
            BundleError::EncryptedForSomeoneElse => write!(
                f,
                "This file is locked for someone else, so it cannot be opened here. Check it was sent to you, or ask the sender to send you your own."
            ),
            BundleError::UnexpectedDocument { kind, document } => write!(
                f,
                "This {kind} file also carries {}, which such a file never does, so it was not made by Appraise as it should be. Do not use it: ask the sender to send it again.",
                crate::domain::documents::document_in_a_sentence(document)
            ),
            BundleError::NotAsListed(not_as_listed) => not_as_listed.fmt(f),
            BundleError::CannotDecrypt => write!(
                f,
                "This file is locked for you but will not open: it was damaged or changed on the way. Ask the sender to send it again."
            ),
        }
    }
}

impl std::error::Error for BundleError {}
