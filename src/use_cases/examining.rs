//! Examining a file someone gave this person, before anything changes: opening it with their
//! keys and contacts, and saying what it is (a file for a review, with what importing it would
//! change; one imported already; a colleague's contact card; the school's settings) or why it
//! cannot be used. Then importing a review's file, with its sender confirmed first when the
//! person compared their fingerprint, and the outcome in a sentence.

use chrono::{DateTime, Utc};
use std::fmt;

use super::RecordsError;
use super::identity::{Contacts, HowVerified, Trust, contacts, identity, save_contacts};
use super::importing::{already_imported, import, preview_import};
use super::staff::staff_list;
pub use crate::bundle::apply::ApplyReport;
pub use crate::bundle::card::ContactCard;
use crate::bundle::contacts::WithStaffList;
use crate::bundle::error::BundleError;
use crate::bundle::identity::Identity;
pub use crate::bundle::open::Verified;
use crate::bundle::open::{Opened, Received, Recipient, open_file};
pub use crate::bundle::payload::Payload;
pub use crate::bundle::reviewer_request::ReviewerRequest;
pub use crate::bundle::school_file::SchoolSettingsFile;
use crate::domain::ids::Id;
use crate::domain::staff::StaffList;
use crate::storage::{KeyValueStore, Vault};

/// Who is examining files, read once for a batch: their keys, name, contacts and staff list.
pub struct Examiner {
    name: String,
    keys: Identity,
    staff_id: Id,
    contacts: Contacts,
    staff: StaffList,
}

/// The person whose records are open here, ready to examine files; `None` before they have keys.
pub fn examiner<S: KeyValueStore>(vault: &Vault<S>) -> Result<Option<Examiner>, RecordsError> {
    let Some(me) = identity(vault)? else {
        return Ok(None);
    };
    let keys = Identity::from_seed(&me.seed);
    Ok(Some(Examiner {
        staff_id: Id::new(keys.public_keys().key_id()).expect("key ids are valid ids"),
        contacts: contacts(vault)?,
        staff: staff_list(vault)?,
        name: me.name,
        keys,
    }))
}

/// What a file turned out to be.
#[derive(Debug, Clone)]
pub enum Examined {
    /// A file for a review, checked, with what importing it would change here.
    ReviewFile {
        file: Box<Verified<Payload>>,
        preview: ApplyReport,
    },
    /// A file for a review imported here already.
    Repeat,
    /// A colleague's contact card.
    Card(Box<Verified<ContactCard>>),
    /// The school's settings, as the headteacher published them.
    Settings(Box<Verified<SchoolSettingsFile>>),
    /// A reviewee's request for another reviewer.
    ReviewerRequest(Box<Verified<ReviewerRequest>>),
}

/// Why a file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotUsable {
    /// The file itself: damaged, altered, not for this person, from a later version, too large…
    File(BundleError),
    /// What it would do to the records here.
    Records(RecordsError),
}

impl fmt::Display for NotUsable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotUsable::File(error) => error.fmt(f),
            NotUsable::Records(error) => error.fmt(f),
        }
    }
}

/// Opens the file `bytes` as `examiner` and says what it is, changing nothing.
pub fn examine<S: KeyValueStore>(
    vault: &Vault<S>,
    examiner: &Examiner,
    bytes: &[u8],
) -> Result<Examined, NotUsable> {
    let me = Recipient {
        identity: &examiner.keys,
        name: &examiner.name,
        staff_id: &examiner.staff_id,
    };
    let known = WithStaffList {
        contacts: &examiner.contacts,
        staff: &examiner.staff,
    };
    let file = match open_file(bytes, &me, &known).map_err(NotUsable::File)? {
        Opened::Received(Received::Bundle(file)) => file,
        Opened::Received(Received::Card(card)) => return Ok(Examined::Card(card)),
        Opened::Settings(settings) => return Ok(Examined::Settings(settings)),
        Opened::ReviewerRequest(request) => return Ok(Examined::ReviewerRequest(request)),
    };
    if already_imported(vault, &file.payload().bundle_id).map_err(NotUsable::Records)? {
        return Ok(Examined::Repeat);
    }
    let preview = preview_import(vault, &file).map_err(NotUsable::Records)?;
    Ok(Examined::ReviewFile { file, preview })
}

/// Whether the file's sender is a confirmed contact (or this person), so it may be imported
/// without a question.
pub fn from_confirmed_sender(file: &Verified<Payload>) -> bool {
    !matches!(file.trust(), Trust::NewContact { .. })
}

/// Imports `file`; when the person compared a new sender's fingerprint (`compared`), the sender
/// joins their contacts first, with the job title the review gives them. A file from new keys
/// in the name of a contact already held is refused until the fingerprint is compared: it is
/// that colleague on a new device, or someone using their name, and only the comparison tells.
pub fn import_file<S: KeyValueStore>(
    vault: &mut Vault<S>,
    file: &Verified<Payload>,
    compared: Option<HowVerified>,
    now: DateTime<Utc>,
) -> Result<ApplyReport, RecordsError> {
    if compared == Some(HowVerified::NotCompared)
        && file
            .trust()
            .namesakes()
            .is_some_and(|namesakes| !namesakes.is_empty())
    {
        return Err(RecordsError::CompareFirst {
            sender: file.payload().sender.name.clone(),
        });
    }
    vault.batch(|vault| {
        if let Some(how) = compared {
            let payload = file.payload();
            let mut known = contacts(vault)?;
            let job_title = Some(payload.sender_job_title()).filter(|title| !title.is_empty());
            known.pin(
                &payload.sender.name,
                job_title,
                *file.signer(),
                how,
                now.timestamp_millis(),
            );
            save_contacts(vault, &known, now)?;
        }
        import(vault, file, now)
    })
}

/// "1 answer updated.", "3 answers updated.": a count with the words for one or for more.
fn counted(count: usize, one: &str, more: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { more })
}

/// What an import did, in a sentence or two.
pub fn outcome_in_words(report: &ApplyReport) -> String {
    let changed: usize = report.changed.values().map(Vec::len).sum();
    let mut parts = vec![if changed == 0 {
        "Nothing new: everything in it was already here.".to_string()
    } else {
        counted(changed, "answer updated.", "answers updated.")
    }];
    if !report.conflicts.is_empty() {
        parts.push(counted(
            report.conflicts.len(),
            "answer was changed on both sides and needs you to choose.",
            "answers were changed on both sides and need you to choose.",
        ));
    }
    if !report.invalid_sign_offs.is_empty() {
        parts.push(counted(
            report.invalid_sign_offs.len(),
            "signature in it was not valid and was not kept.",
            "signatures in it were not valid and were not kept.",
        ));
    }
    if !report.refused.is_empty() {
        parts.push(counted(
            report.refused.len(),
            "answer was not taken in because the sender may not change it.",
            "answers were not taken in because the sender may not change them.",
        ));
    }
    parts.join(" ")
}
