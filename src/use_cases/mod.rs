//! The app's use cases: what a person does with their records, between the pages that draw
//! them and the storage and bundles beneath. Arrows point one way: pages → use cases →
//! bundle/storage → domain.
//!
//! - [`held`]: "this review as I hold it", the one read model of a review: part, sign-off
//!   standings, stage, deadlines with where each stands for this reader, and the next step.
//! - [`agenda`]: the policy's warnings about this person as a reviewer, across their reviews.
//! - [`identity`]: who this person is (key seed, name, profile), their school settings and their
//!   contacts.
//! - [`reviews`]: the reviews held here, their documents, starting a review, and a review as the
//!   domain sees it.
//! - [`starting`]: starting a review from what the reviewer typed, with every check.
//! - [`sign_offs`]: sign-offs kept with each review and how each stands.
//! - [`examining`]: opening a file someone gave this person and saying what it is, and importing
//!   it with its sender confirmed.
//! - [`importing`]: what a verified file would change, importing it, and undoing that.
//! - [`sending`]: making the payload of a file to send, and noting when it went.
//! - [`outgoing`]: a file made whole (signed, encrypted, named) for the page to download.
//! - [`conflicts`]: fields changed on two sides, and settling them.
//! - [`leadership`]: what those who run appraisal see across the reviews held: the headteacher's
//!   desk (kept between storage changes), who the headteacher is, pay decisions, and the
//!   governors' report.
//! - [`backups`]: making a backup of everything kept here, and restoring one.
//! - [`lock`]: the passphrase lock: setting it and removing it.
//! - [`retention`]: the reviews past the policy's retention years, and removing a review's records.
//! - [`school`]: the school's settings as one signed file: publishing, previewing and using a
//!   version, and which version is held.
//! - [`staff`]: the school's staff list: building it, allocating reviewers, replacing keys,
//!   marking leavers, and whom it gives this person to review.
//! - [`reviewer_requests`]: a reviewee's written request for another reviewer, made, kept by
//!   the headteacher and answered.
//!
//! Records live in the vault under `identity`, `contacts`, `school`, `school-settings-version`,
//! `staff-list`, `reviewer-request:<id>`,
//! `review:<id>`,
//! `review:<id>:<document kind>`, `sign-offs:<id>` and `import:<bundle id>`.

pub mod agenda;
pub mod backups;
pub mod conflicts;
pub mod editing;
pub mod examining;
pub mod held;
pub mod identity;
pub mod importing;
pub mod leadership;
pub mod lock;
pub mod outgoing;
pub mod recovery;
pub mod retention;
pub mod reviewer_requests;
pub mod reviews;
pub mod school;
pub mod sending;
pub mod sign_offs;
pub mod staff;
pub mod starting;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

use crate::storage::{Expect, KeyValueStore, ReadError, Vault, WriteError};

/// What [`RecordsError::NotOpen`] says, for a page to show without the sentence of every other
/// error coming with it.
pub const NOT_OPEN: &str = "Your data is not open in this tab, so this cannot be done yet. Unlock it, or reload the page; anything you typed is still on screen.";

/// Who sent a file bringing a review, whose reviewee it is, and whom the staff list makes
/// their reviewer (if anyone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotTheirReviewer {
    pub sender: String,
    pub reviewee: String,
    pub reviewer: Option<String>,
}

/// Why records could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsError {
    Read(ReadError),
    Write(WriteError),
    /// A stored record is not in the expected shape.
    Damaged(String),
    NoSuchImport,
    /// The contact chosen is no longer among this person's contacts.
    NoSuchContact,
    /// Several contacts share the name given, and none was chosen.
    WhichContact {
        name: String,
    },
    /// This bundle was imported here already (and not undone).
    AlreadyImported,
    /// A final statement or training needs sent by someone other than the review's reviewer.
    NotTheReviewer {
        sender: String,
    },
    /// A file from new keys in the name of a contact already held, whose fingerprint was not
    /// compared.
    CompareFirst {
        sender: String,
    },
    /// A file bringing a review whose reviewee is on the staff list, from someone the list does
    /// not make their reviewer.
    NotTheirReviewer(Box<NotTheirReviewer>),
    /// A bundle for a review this person does not hold, other than an invitation.
    UnknownReview,
    /// Sent by someone who is neither the review's reviewer nor its reviewee.
    NotInReview {
        sender: String,
    },
    /// A review handed to someone whose contact card has not been imported.
    HandoverToUnconfirmed {
        name: String,
    },
    /// A handover of a review this person does not hold that passes it to someone else.
    NotHandedToYou {
        reviewer: String,
    },
    /// A handover not signed with the keys of the reviewer it hands the review on from.
    HandoverNotFromTheReviewer {
        reviewer: String,
    },
    /// A support plan for the headteacher whose outcome is not formal capability: support
    /// plans stay between the two parties otherwise.
    NotFormalCapability,
    /// A moderation note or appeal outcome not signed by the headteacher the school's settings
    /// name.
    NotTheHeadteacher {
        sender: String,
    },
    /// A moderation note or appeal outcome arrived, but no school settings naming the
    /// headteacher are held here to check it against.
    NoHeadteacherKnown,
    /// Only the headteacher sends moderation notes and appeal outcomes and records pay decisions.
    OnlyTheHeadteacher,
    /// The headteacher is the review's reviewer, so the policy sends the appeal to the governing
    /// body.
    GoverningBodyHears,
    /// An appeal outcome to send, but the hearing has no outcome and date yet.
    AppealNotDecided,
    /// A moderation note to send with nothing written in it (the note, or the answer).
    NothingWritten,
    /// The person's data is not open in this tab (storage cannot be used, or it is locked).
    NotOpen,
    /// A file to send, but this person has not given their name yet.
    NoNameYet,
    /// A file to encrypt for someone whose keys are not held here.
    CannotLockFor {
        name: String,
    },
    /// Sent in this person's own name and place in the review, signed by other keys.
    NotYourKeys {
        role: crate::domain::people::Role,
    },
    /// Sent in the name of a party whose place in the review is bound to other keys.
    NotTheirKeys {
        sender: String,
        role: crate::domain::people::Role,
    },
}

impl fmt::Display for RecordsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordsError::Read(error) => error.fmt(f),
            RecordsError::Write(error) => error.fmt(f),
            RecordsError::Damaged(key) => write!(
                f,
                "The saved item “{key}” is damaged and cannot be used. Restore it from a backup."
            ),
            RecordsError::NotOpen => f.write_str(NOT_OPEN),
            RecordsError::NoNameYet => write!(
                f,
                "Add your name on the “You and your contacts” page first, so the other person knows the file is from you."
            ),
            RecordsError::CannotLockFor { name } => write!(
                f,
                "Appraise cannot lock the file for {name} yet. Ask {name} to send you their contact card (from “You and your contacts”) and import it, then send again; or untick encryption to send it unlocked."
            ),
            RecordsError::AlreadyImported => write!(
                f,
                "You have already imported this file, so there is nothing more to do."
            ),
            RecordsError::NotTheReviewer { sender } => write!(
                f,
                "This file passes a review on, but it is from {sender}, who is not the review’s reviewer. Only the reviewer sends final statements, training needs and support plans beyond the review; check with them."
            ),
            RecordsError::CompareFirst { sender } => write!(
                f,
                "You already have a contact called {sender}, and this file is signed with other keys, so it was not imported until you compare the fingerprint words with {sender} in person or by phone. If they match, {sender} has a new device; if not, someone else made this file in their name."
            ),
            RecordsError::NotTheirReviewer(refused) => {
                let NotTheirReviewer {
                    sender,
                    reviewee,
                    reviewer,
                } = refused.as_ref();
                let listed = match reviewer {
                    Some(reviewer) => format!("gives {reviewee}’s review to {reviewer}"),
                    None => format!("gives {reviewee} no reviewer yet"),
                };
                write!(
                    f,
                    "This file brings {reviewee}’s review from {sender}, but the school’s staff list {listed}, so it was not imported. If the reviewer has changed, ask the headteacher for the latest school settings file, then import this file again."
                )
            }
            RecordsError::NoSuchContact => write!(
                f,
                "That person is no longer among your contacts. Choose them again, or ask them to send you their contact card."
            ),
            RecordsError::WhichContact { name } => write!(
                f,
                "You have more than one contact called {name}: choose which one you mean."
            ),
            RecordsError::NoSuchImport => write!(
                f,
                "That import is not recorded here, so it cannot be undone."
            ),
            RecordsError::NotInReview { sender } => write!(
                f,
                "This file is from {sender}, who is neither the reviewer nor the reviewee in this review, so it cannot change it. Check who sent it."
            ),
            RecordsError::NotTheirKeys { sender, role } => write!(
                f,
                "This file says it is from {sender}, the {} in this review, but it was not signed with the keys {sender}’s files for this review have always carried. It may be from someone else of the same name, or from someone pretending to be {sender}. Do not import it: check with {sender} by phone or in person.",
                role.label().to_lowercase()
            ),
            RecordsError::NotYourKeys { role } => write!(
                f,
                "This file says it is from you, the {} in this review, but it was not signed with your keys. It may be from someone pretending to be you, or from a copy of Appraise you set up afresh elsewhere. Do not import it; if you did not make it, tell your headteacher.",
                role.label().to_lowercase()
            ),
            RecordsError::HandoverToUnconfirmed { name } => write!(
                f,
                "A review passes only to someone whose keys you have confirmed, and {name} is neither on your school’s staff list nor among your contacts. Ask {name} to send you their contact card and import it, then hand the review over."
            ),
            RecordsError::NotHandedToYou { reviewer } => write!(
                f,
                "This file hands a review to {reviewer}, not to you, so there is nothing here for you to import. If you were meant to take the review on, ask the reviewer to send the handover again, to you."
            ),
            RecordsError::HandoverNotFromTheReviewer { reviewer } => write!(
                f,
                "This file hands the review to a new reviewer, but it was not signed with the keys of its reviewer, {reviewer}. Only the reviewer hands a review on: do not import it, and check with {reviewer} by phone or in person."
            ),
            RecordsError::NotFormalCapability => write!(
                f,
                "A support plan goes to the headteacher only when its outcome is the formal capability procedure. Until then it stays between the reviewer and the reviewee: record the outcome first if that is the decision."
            ),
            RecordsError::NotTheHeadteacher { sender } => write!(
                f,
                "This file is a moderation note or an appeal outcome, but it is from {sender}, not the headteacher your school’s settings name. Only the headteacher sends these: do not import it, and check with your headteacher."
            ),
            RecordsError::NoHeadteacherKnown => write!(
                f,
                "This file says it is from the headteacher, but your school’s settings do not name the headteacher, so it cannot be checked. Import the school settings file from your headteacher first, then this file again."
            ),
            RecordsError::OnlyTheHeadteacher => write!(
                f,
                "Only the headteacher sends moderation notes and appeal outcomes and records pay decisions. If that is you, tick “Headteacher or moderator” under Your details in Settings."
            ),
            RecordsError::GoverningBodyHears => write!(
                f,
                "You are the reviewer in this review, so under your school’s policy the governing body hears this appeal, not you. Pass it to the clerk to the governors."
            ),
            RecordsError::AppealNotDecided => write!(
                f,
                "Record the outcome of the appeal and the day it was decided before sending it."
            ),
            RecordsError::NothingWritten => write!(
                f,
                "Write the note (or your answer to it) before sending it."
            ),
            RecordsError::UnknownReview => write!(
                f,
                "This file adds to a review that is not on this device yet, so there is nothing for it to change. Import the first file you had for that review (the invitation, or for a headteacher the final statement), then this one again."
            ),
        }
    }
}

impl std::error::Error for RecordsError {}

fn read_as<T: for<'de> Deserialize<'de>, S: KeyValueStore>(
    vault: &Vault<S>,
    key: &str,
) -> Result<Option<(T, u64)>, RecordsError> {
    match vault.read(key).map_err(RecordsError::Read)? {
        None => Ok(None),
        Some(record) => serde_json::from_value(record.body)
            .map(|value| Some((value, record.header.rev)))
            .map_err(|_| RecordsError::Damaged(key.to_owned())),
    }
}

fn write_as<T: Serialize, S: KeyValueStore>(
    vault: &mut Vault<S>,
    key: &str,
    kind: &str,
    value: &T,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let body: Value = serde_json::to_value(value).expect("records serialise");
    vault
        .write(key, kind, &body, Expect::Anything, now)
        .map(|_| ())
        .map_err(RecordsError::Write)
}
