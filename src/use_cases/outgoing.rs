//! A file to send from a review, made whole: the payload prepared from what is held, signed with
//! this person's keys, encrypted for its recipients unless they chose otherwise, and named; and,
//! once the file is in the person's hands, the note that it left (the day it was made, which
//! both copies of the review count the policy's clocks from).

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::RecordsError;
use super::sending::{Addressee, Outgoing, note_handed_over, note_sent, prepare_to_send};
use crate::bundle::identity::Identity;
use crate::bundle::payload::{BundleKind, Party, ReviewSummary};
use crate::bundle::{file_name, write_bundle};
use crate::domain::field_map::FieldMap;
use crate::domain::people::Role;
use crate::random::RandomSource;
use crate::storage::{KeyValueStore, Vault};

/// What to send: a file of `kind` from review `review_id`, as `role`, with `text` recorded into
/// the review's documents first, for `recipient` (by default the review's other party), encrypted
/// for them unless `encrypt` is off.
#[derive(Debug, Clone)]
pub struct FileRequest {
    pub review_id: String,
    pub kind: BundleKind,
    pub role: Role,
    pub text: FieldMap,
    pub recipient: Option<Addressee>,
    pub encrypt: bool,
}

/// A file made and ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MadeFile {
    pub name: String,
    pub contents: String,
    pub kind: BundleKind,
    pub review_id: String,
    /// Who it is for, as a person reads it: "Jo Lee", or "Sam Patel and Jo Lee".
    pub recipients: String,
    /// The first recipient's email address, when their contact card has one.
    pub email: Option<String>,
    pub encrypted: bool,
    /// The day the file was made, which it carries.
    pub made_on: NaiveDate,
    /// For a handover, the review as it passes to the new reviewer.
    handed_over: Option<ReviewSummary>,
}

/// Makes the file: records `request.text` into the review, prepares the payload, signs it with
/// `me` (this person's keys), encrypts it for every recipient unless asked not to, and names it
/// with `local_stamp` (the local date and time, e.g. `2026-11-22-0941`) as the school's settings
/// say. Nothing is noted as sent: that waits for [`note_downloaded`].
pub fn make_file<S: KeyValueStore>(
    vault: &mut Vault<S>,
    me: &Identity,
    request: FileRequest,
    bundle_id: &str,
    local_stamp: &str,
    random: &mut dyn RandomSource,
    now: DateTime<Utc>,
) -> Result<MadeFile, RecordsError> {
    let stored = super::identity::identity(vault)?.ok_or(RecordsError::NotOpen)?;
    if stored.name.trim().is_empty() {
        return Err(RecordsError::NoNameYet);
    }
    let FileRequest {
        review_id,
        kind,
        role,
        text,
        recipient,
        encrypt,
    } = request;
    let outgoing = Outgoing {
        kind,
        sender: Party {
            name: stored.name.clone(),
            staff_id: None,
            role,
            keys: Some(me.public_keys()),
        },
        text,
        recipient,
        bundle_id: bundle_id.to_owned(),
    };
    let device = vault.writer().to_owned();
    let payload = prepare_to_send(vault, &review_id, outgoing, &device, now)?;
    let keys = if encrypt {
        if let Some(unknown) = payload.recipients.iter().find(|party| party.keys.is_none()) {
            return Err(RecordsError::CannotLockFor {
                name: unknown.name.clone(),
            });
        }
        Some(
            payload
                .recipients
                .iter()
                .filter_map(|party| party.keys)
                .collect::<Vec<_>>(),
        )
    } else {
        None
    };
    let contents = write_bundle(&payload, me, keys.as_deref(), random);
    let naming = super::identity::school_settings(vault)
        .unwrap_or_default()
        .file_names;
    let summary = &payload.review;
    // Whose reviews are held here, so that two people of one name get files told apart.
    let reviewees: Vec<_> = super::reviews::reviews(vault)
        .unwrap_or_default()
        .into_iter()
        .map(|held| held.summary.reviewee)
        .collect();
    let name = file_name(
        kind,
        &naming.reviewee_among(&summary.reviewee, &reviewees),
        summary.period.first_day.year(),
        local_stamp,
        bundle_id,
    );
    let email = payload.recipients[0].keys.and_then(|keys| {
        super::identity::contacts(vault)
            .ok()?
            .get(&keys)?
            .email
            .clone()
            .map(String::from)
    });
    Ok(MadeFile {
        name,
        contents,
        kind,
        review_id,
        recipients: payload
            .recipients
            .iter()
            .map(|party| party.name.as_str())
            .collect::<Vec<_>>()
            .join(" and "),
        email,
        encrypted: keys.is_some(),
        made_on: made_on(payload.created_at_millis),
        handed_over: (kind == BundleKind::Handover).then(|| payload.review.clone()),
    })
}

/// The day a file made at `created_at_millis` was made: the same on every copy of the review,
/// whenever and wherever it is opened (the day in UTC).
pub fn made_on(created_at_millis: i64) -> NaiveDate {
    DateTime::from_timestamp_millis(created_at_millis)
        .unwrap_or_default()
        .date_naive()
}

/// Notes that `file` is in the person's hands: the day it was made stops the policy's clock for
/// its kind, and a handover passes the review here to the new reviewer too.
pub fn note_downloaded<S: KeyValueStore>(
    vault: &mut Vault<S>,
    file: &MadeFile,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let handed = match &file.handed_over {
        Some(handed) => note_handed_over(vault, handed, now),
        None => Ok(()),
    };
    note_sent(vault, &file.review_id, file.kind, file.made_on, now)?;
    handed
}
