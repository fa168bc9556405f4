//! Sending: recording what is on screen into the review's documents and making the payload for
//! the recipient (naming the version of the school's settings it was made under), and noting the
//! day a file went out.

use chrono::{DateTime, Utc};

use super::RecordsError;
use crate::storage::{KeyValueStore, Vault};
use std::collections::BTreeMap;

use super::identity::contacts;
use super::reviews::{document, review, save_document, save_review};
use super::sign_offs::sign_offs;
use crate::bundle::identity::PublicKeys;
pub use crate::bundle::payload::BundleKind;
use crate::bundle::payload::{Party, Payload, ReviewSummary};
use crate::domain::ids::Id;
use crate::domain::people::{PersonRef, Role};

/// A file sent from a review with nothing typed outside its documents: the headteacher's
/// moderation note (or the reviewer's answer to it), and an appeal's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFile {
    ModerationNote,
    AppealOutcome,
}

impl ReviewFile {
    /// The kind of file it travels as.
    pub fn kind(self) -> BundleKind {
        match self {
            ReviewFile::ModerationNote => BundleKind::ModerationNote,
            ReviewFile::AppealOutcome => BundleKind::AppealOutcome,
        }
    }
}

/// Who receives a file that does not go to the review's other party (a final statement to the
/// headteacher, training needs to the CPD leader).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Addressee {
    /// A confirmed contact, by key id: the file can be encrypted for them.
    Contact(String),
    /// Someone known only by name, who has not sent their contact card: the file cannot be
    /// encrypted for them.
    Named(String),
}

/// A bundle about to be sent.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub kind: BundleKind,
    pub sender: crate::bundle::payload::Party,
    /// Text kept outside the review's documents (the pre-review draft), recorded into them first.
    pub text: crate::domain::field_map::FieldMap,
    /// Who receives a final statement (the headteacher) or training needs (the CPD leader); the
    /// review's other party receives every other kind.
    pub recipient: Option<Addressee>,
    pub bundle_id: String,
}

/// Records `outgoing.text` into the review's mergeable documents (as an edit by `device`) and
/// returns the bundle payload, with the review's sign-offs on the documents it carries. The
/// other party's keys are those bound to their place in the review; a headteacher's or CPD
/// leader's come from their contact card. Without keys the bundle is addressed by name.
pub fn prepare_to_send<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    outgoing: Outgoing,
    device: &str,
    now: DateTime<Utc>,
) -> Result<Payload, RecordsError> {
    let Outgoing {
        kind,
        sender,
        text,
        recipient,
        bundle_id,
    } = outgoing;
    let text = &text;
    let summary = review(vault, review_id)?
        .ok_or(RecordsError::UnknownReview)?
        .summary;
    let contacts = contacts(vault)?;
    if kind == BundleKind::Handover {
        return hand_over(vault, summary, recipient, sender, bundle_id, now);
    }
    if matches!(kind, BundleKind::ModerationNote | BundleKind::AppealOutcome) {
        let recipients = with_the_headteacher(vault, &summary, kind, sender.role)?;
        let text = dated_as_sent(vault, review_id, kind, sender.role, now.date_naive())?;
        return Ok(Payload {
            bundle_id,
            created_at_millis: now.timestamp_millis(),
            kind,
            sender,
            recipients,
            review: summary,
            documents: documents_to_send(vault, review_id, kind, &text, device, now)?,
            sign_offs: Vec::new(),
            settings_version: settings_version(vault)?,
        });
    }
    if kind == BundleKind::CapabilityReferral && !in_formal_capability(vault, review_id)? {
        return Err(RecordsError::NotFormalCapability);
    }
    let outside_role = match kind {
        BundleKind::FinalStatement | BundleKind::CapabilityReferral => Some(Role::Headteacher),
        BundleKind::CpdNeeds => Some(Role::CpdLeader),
        _ => None,
    };
    let (recipient, recipient_role, recipient_keys) = match (outside_role, recipient) {
        (Some(role), Some(Addressee::Contact(key_id))) => {
            let contact = contacts
                .by_key
                .get(&key_id)
                .ok_or(RecordsError::NoSuchContact)?;
            (contact.name.clone(), role, Some(contact.keys))
        }
        (Some(role), Some(Addressee::Named(name))) => (name, role, None),
        _ => {
            let role = if sender.role == Role::Reviewee {
                Role::Reviewer
            } else {
                Role::Reviewee
            };
            let person = summary
                .person(role)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            (person, role, summary.keys_of(role))
        }
    };
    Ok(Payload {
        bundle_id,
        created_at_millis: now.timestamp_millis(),
        kind,
        sender,
        recipients: vec![crate::bundle::payload::Party {
            name: recipient,
            staff_id: None,
            role: recipient_role,
            keys: recipient_keys,
        }],
        review: summary,
        documents: documents_to_send(vault, review_id, kind, text, device, now)?,
        sign_offs: sign_offs_to_send(vault, review_id, kind)?,
        settings_version: settings_version(vault)?,
    })
}

/// Who receives a moderation note (the reviewer; the headteacher, for the reviewer's answer) or
/// an appeal outcome (both parties), refusing anyone but the headteacher where only they send.
fn with_the_headteacher<S: KeyValueStore>(
    vault: &Vault<S>,
    summary: &ReviewSummary,
    kind: BundleKind,
    sender: Role,
) -> Result<Vec<Party>, RecordsError> {
    use super::leadership::{governing_body_hears, only_the_headteacher, the_headteacher};
    let party = |role: Role| Party {
        name: summary
            .person(role)
            .map(|person| person.name.clone())
            .unwrap_or_default(),
        staff_id: None,
        role,
        keys: summary.keys_of(role),
    };
    if sender == Role::Reviewer && kind == BundleKind::ModerationNote {
        let (name, keys) = the_headteacher(vault)?.ok_or(RecordsError::NoHeadteacherKnown)?;
        return Ok(vec![Party {
            name,
            staff_id: None,
            role: Role::Headteacher,
            keys: Some(keys),
        }]);
    }
    only_the_headteacher(vault)?;
    if kind == BundleKind::ModerationNote {
        return Ok(vec![party(Role::Reviewer)]);
    }
    let mine = super::identity::identity(vault)?.map(|me| me.public_keys());
    if mine.is_some_and(|keys| governing_body_hears(summary, &keys)) {
        return Err(RecordsError::GoverningBodyHears);
    }
    Ok(vec![party(Role::Reviewee), party(Role::Reviewer)])
}

/// The document a moderation note or appeal outcome carries, as held, with the day it goes out
/// recorded: the note's sending, the reviewer's answer, or (checked) the appeal's decision.
fn dated_as_sent<S: KeyValueStore>(
    vault: &Vault<S>,
    review_id: &str,
    kind: BundleKind,
    sender: Role,
    today: chrono::NaiveDate,
) -> Result<crate::domain::field_map::FieldMap, RecordsError> {
    let document_kind = kind.documents()[0];
    let mut text = document(vault, review_id, document_kind)?
        .map(|state| state.current())
        .unwrap_or_default();
    let written = |path: &str| {
        text.get(path)
            .and_then(|value| value.as_str())
            .is_some_and(|words| !words.trim().is_empty())
    };
    let stamp = match (kind, sender) {
        (BundleKind::AppealOutcome, _) => {
            let decided = text
                .get("appeal_hearing.outcome")
                .is_some_and(|outcome| !outcome.is_null())
                && text
                    .get("appeal_hearing.decided_on")
                    .is_some_and(|day| !day.is_null());
            if !decided {
                return Err(RecordsError::AppealNotDecided);
            }
            None
        }
        (_, Role::Reviewer) if written("moderation_note.reply") => {
            Some("moderation_note.answered_on")
        }
        (_, Role::Headteacher) if written("moderation_note.note") => {
            Some("moderation_note.sent_on")
        }
        _ => return Err(RecordsError::NothingWritten),
    };
    if let Some(path) = stamp {
        text.entry(path.to_owned())
            .and_modify(|day| {
                if day.is_null() {
                    *day = serde_json::to_value(today).expect("dates serialise");
                }
            })
            .or_insert_with(|| serde_json::to_value(today).expect("dates serialise"));
    }
    Ok(text)
}

/// Whether the review's support plan ended in the formal capability procedure, the one case in
/// which it goes beyond the two parties (to the headteacher).
fn in_formal_capability<S: KeyValueStore>(
    vault: &Vault<S>,
    review_id: &str,
) -> Result<bool, RecordsError> {
    Ok(super::reviews::load_review(vault, review_id)?
        .and_then(|review| review.support_plan)
        .is_some_and(|plan| {
            plan.outcome == Some(crate::domain::documents::SupportOutcome::FormalCapability)
        }))
}

/// The version of the school's settings in use here, which every file sent names.
fn settings_version<S: KeyValueStore>(vault: &Vault<S>) -> Result<Option<u32>, RecordsError> {
    Ok(super::school::held_version(vault)?.map(|held| held.version))
}

/// The handover of the review to the reviewer `to` (a confirmed contact: the review passes only
/// to keys this person has compared), addressed to them and to the reviewee.
fn hand_over<S: KeyValueStore>(
    vault: &Vault<S>,
    summary: ReviewSummary,
    to: Option<Addressee>,
    sender: crate::bundle::payload::Party,
    bundle_id: String,
    now: DateTime<Utc>,
) -> Result<Payload, RecordsError> {
    let (person, keys) = new_reviewer(vault, to)?;
    let handed = summary.handed_to(person.clone(), keys, now.date_naive());
    let review_id = summary.id.as_str();
    let mut documents = BTreeMap::new();
    for kind in BundleKind::Handover.documents() {
        if let Some(state) = document(vault, review_id, kind)?
            && !state.fields.is_empty()
        {
            documents.insert((*kind).to_owned(), state);
        }
    }
    Ok(Payload {
        bundle_id,
        created_at_millis: now.timestamp_millis(),
        kind: BundleKind::Handover,
        sender,
        recipients: vec![
            crate::bundle::payload::Party {
                name: person.name,
                staff_id: None,
                role: Role::Reviewer,
                keys: Some(keys),
            },
            crate::bundle::payload::Party {
                name: summary.reviewee.name.clone(),
                staff_id: Some(summary.reviewee.staff_id.clone()),
                role: Role::Reviewee,
                keys: summary.reviewee_keys,
            },
        ],
        review: handed,
        documents,
        sign_offs: sign_offs_to_send(vault, review_id, BundleKind::Handover)?,
        settings_version: settings_version(vault)?,
    })
}

/// Who a review is handed to, with the keys the handover is locked for: a contact chosen, or
/// someone named who is on the school's staff list (the headteacher has confirmed their keys);
/// anyone else must send their contact card first.
fn new_reviewer<S: KeyValueStore>(
    vault: &Vault<S>,
    to: Option<Addressee>,
) -> Result<(PersonRef, PublicKeys), RecordsError> {
    let (name, job_title, keys) = match to {
        Some(Addressee::Contact(key_id)) => {
            let contact = contacts(vault)?
                .by_key
                .remove(&key_id)
                .ok_or(RecordsError::NoSuchContact)?;
            (contact.name, contact.job_title, contact.keys)
        }
        Some(Addressee::Named(name)) => {
            let list = super::staff::staff_list(vault)?;
            let listed = list
                .named(&name)
                .and_then(|member| Some((member, super::staff::member_keys(member)?)));
            match listed {
                Some((member, keys)) => (member.name.clone(), member.job_title.clone(), keys),
                None => return Err(RecordsError::HandoverToUnconfirmed { name }),
            }
        }
        None => return Err(RecordsError::NoSuchContact),
    };
    let person = PersonRef {
        staff_id: Id::new(keys.key_id()).expect("key ids are valid ids"),
        name,
        job_title,
    };
    Ok((person, keys))
}

/// The sign-offs on the documents a bundle of `kind` carries.
fn sign_offs_to_send<S: KeyValueStore>(
    vault: &Vault<S>,
    review_id: &str,
    kind: BundleKind,
) -> Result<Vec<crate::bundle::sign_off::SignedSignOff>, RecordsError> {
    Ok(sign_offs(vault, review_id)?
        .into_iter()
        .filter(|signed| kind.documents().contains(&signed.sign_off.document_kind()))
        .collect())
}

/// The documents a bundle of `kind` carries, with `text` recorded into them first.
fn documents_to_send<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    kind: BundleKind,
    text: &crate::domain::field_map::FieldMap,
    device: &str,
    now: DateTime<Utc>,
) -> Result<BTreeMap<String, crate::bundle::merge::DocumentState>, RecordsError> {
    let text = &with_lodging_date(vault, review_id, kind, text, now.date_naive())?;
    let mut documents = BTreeMap::new();
    for document_kind in kind.documents() {
        let mut state = document(vault, review_id, document_kind)?.unwrap_or_default();
        let mine: crate::domain::field_map::FieldMap = text
            .iter()
            .filter(|(path, _)| path.starts_with(&format!("{document_kind}.")))
            .map(|(p, v)| (p.clone(), v.clone()))
            .collect();
        if !mine.is_empty() {
            let stamp = state.latest_stamp().tick(now.timestamp_millis());
            let mut shown = state.current();
            shown.retain(|path, _| !path.starts_with(&format!("{document_kind}.")));
            shown.extend(mine);
            state.record_edit(&shown, device, stamp);
            save_document(vault, review_id, document_kind, &state, now)?;
        }
        if !state.fields.is_empty() {
            documents.insert((*document_kind).to_owned(), state);
        }
    }
    Ok(documents)
}

/// `text` with the appeal's lodging date added, when a reply carries an appeal not yet dated:
/// an appeal is lodged the day the reply carrying it is made, and the school's time limit for
/// deciding it counts from then.
fn with_lodging_date<S: KeyValueStore>(
    vault: &Vault<S>,
    review_id: &str,
    kind: BundleKind,
    text: &crate::domain::field_map::FieldMap,
    today: chrono::NaiveDate,
) -> Result<crate::domain::field_map::FieldMap, RecordsError> {
    let mut text = text.clone();
    if kind != BundleKind::Reply {
        return Ok(text);
    }
    let mut appeal = document(vault, review_id, "appeal")?
        .map(|state| state.current())
        .unwrap_or_default();
    appeal.retain(|path, _| path.starts_with("appeal."));
    appeal.extend(
        text.iter()
            .filter(|(path, _)| path.starts_with("appeal."))
            .map(|(path, value)| (path.clone(), value.clone())),
    );
    let lodged = appeal
        .get("appeal.grounds")
        .and_then(|grounds| grounds.as_str())
        .is_some_and(|grounds| !grounds.trim().is_empty());
    let dated = appeal
        .get("appeal.lodged_on")
        .is_some_and(|day| !day.is_null());
    if lodged && !dated {
        appeal.insert(
            "appeal.lodged_on".to_owned(),
            serde_json::to_value(today).expect("dates serialise"),
        );
        text.extend(appeal);
    }
    Ok(text)
}

/// Once a handover has left this device, the review here passes to the new reviewer as well:
/// this person keeps it to read, and their keys no longer act as its reviewer.
pub fn note_handed_over<S: KeyValueStore>(
    vault: &mut Vault<S>,
    handed: &ReviewSummary,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let mut held = review(vault, handed.id.as_str())?.ok_or(RecordsError::UnknownReview)?;
    held.summary.reviewer = handed.reviewer.clone();
    held.summary.reviewer_keys = handed.reviewer_keys;
    held.summary.previous_reviewers = handed.previous_reviewers.clone();
    save_review(vault, &held, now)
}

/// Notes that a file of `kind` for the review, made on `made_on`, left this device (once the file
/// is really in the person's hands): the first such file stops the policy's clock for it, on the
/// day it was made, as on the copy of whoever imports it.
pub fn note_sent<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    kind: BundleKind,
    made_on: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let mut held = review(vault, review_id)?.ok_or(RecordsError::UnknownReview)?;
    if held.note_exchanged(kind, made_on) {
        save_review(vault, &held, now)?;
    }
    Ok(())
}
