//! Importing a verified file: whose words it may bring (from the sender's part in the review
//! held here), what it would change, doing it with a record of what it replaced, and undoing it.

use chrono::{DateTime, Utc};

use super::{RecordsError, read_as, write_as};
use crate::storage::{KeyValueStore, Vault};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::identity::{contacts, identity, save_contacts};
use super::reviews::{
    StoredReview, document, document_key, my_part, review, review_key, save_document, save_review,
};
use super::sign_offs::{join_sign_offs, save_sign_offs, sign_offs, sign_offs_key};
use crate::bundle::apply::{ApplyReport, Writer, apply};
use crate::bundle::contacts::name_key;
use crate::bundle::identity::PublicKeys;
use crate::bundle::merge::DocumentState;
use crate::bundle::open::Verified;
use crate::bundle::payload::{BundleKind, Payload};
use crate::bundle::school_file::keys_text;
use crate::bundle::sign_off::SignedSignOff;
use crate::domain::people::Role;
use crate::storage::WriteError;

/// What an import replaced, kept so that "undo this import" restores it exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    pub bundle_id: String,
    pub kind: BundleKind,
    pub sender: String,
    pub review_id: String,
    pub imported_at: DateTime<Utc>,
    /// Whether the import created the review (an invitation), so undo removes it.
    pub created_review: bool,
    /// Document kind → its state before the import (`None`: it did not exist).
    pub before: BTreeMap<String, Option<DocumentState>>,
    /// The sign-offs the import brought, which undo takes away (and no others).
    #[serde(default)]
    pub sign_offs_added: Vec<SignedSignOff>,
    /// The day the import noted for its kind of file, which undo takes back if it still stands.
    #[serde(default)]
    pub exchanged_added: Option<chrono::NaiveDate>,
    /// The day noted for that kind before the import (a later file of the kind held first).
    #[serde(default)]
    pub exchanged_before: Option<chrono::NaiveDate>,
    /// The review's summary before the import bound the sender's keys to their place (`None`
    /// when the import created the review), which undo restores.
    #[serde(default)]
    pub summary_before: Option<crate::bundle::payload::ReviewSummary>,
    pub undone: bool,
}

fn local_documents<S: KeyValueStore>(
    vault: &Vault<S>,
    payload: &Payload,
) -> Result<BTreeMap<String, DocumentState>, RecordsError> {
    let mut local = BTreeMap::new();
    for kind in payload.documents.keys() {
        if let Some(state) = document(vault, payload.review.id.as_str(), kind)? {
            local.insert(kind.clone(), state);
        }
    }
    Ok(local)
}

/// Whether this bundle was imported here before (and not undone).
pub fn already_imported<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle_id: &str,
) -> Result<bool, RecordsError> {
    Ok(
        read_as::<ImportRecord, S>(vault, &format!("import:{bundle_id}"))?
            .is_some_and(|(record, _)| !record.undone),
    )
}

/// Whose words the bundle may bring here, and whether importing creates the review. The sender's
/// part is read from the review as held here (or, for a bundle that brings a new review — an
/// invitation, a final statement to the headteacher, training needs to the CPD leader — as the
/// bundle describes it). Only the reviewer passes a review on, and only someone outside the
/// review takes it whole.
fn writer_of<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle: &Verified<Payload>,
) -> Result<(Writer, Role, bool), RecordsError> {
    let payload = bundle.payload();
    let (role, creates) = sender_role(vault, bundle)?;
    if payload.kind == BundleKind::Handover {
        // The new reviewer takes the review whole, as the reviewer held it; the reviewee takes
        // only the reviewer's words.
        let writer = if creates {
            Writer::Relay
        } else {
            Writer::Party(Role::Reviewer)
        };
        return Ok((writer, role, creates));
    }
    if !matches!(
        payload.kind,
        BundleKind::FinalStatement | BundleKind::CpdNeeds | BundleKind::CapabilityReferral
    ) {
        return Ok((Writer::Party(role), role, creates));
    }
    if payload.kind == BundleKind::CapabilityReferral && !refers_to_capability(payload) {
        return Err(RecordsError::NotFormalCapability);
    }
    if role != Role::Reviewer {
        return Err(RecordsError::NotTheReviewer {
            sender: payload.sender.name.clone(),
        });
    }
    let summary = review(vault, payload.review.id.as_str())?
        .map_or_else(|| payload.review.clone(), |held| held.summary);
    let writer = if my_part(vault, &summary)?.is_none() {
        Writer::Relay
    } else {
        Writer::Party(role)
    };
    Ok((writer, role, creates))
}

/// The sender's part in the review: the place bound to the keys that signed the file, or an
/// unbound place in their name (their first file binds it). A file in the name of a party whose
/// place is bound to other keys is refused, naming whose place it claims.
fn sender_role<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle: &Verified<Payload>,
) -> Result<(Role, bool), RecordsError> {
    let payload = bundle.payload();
    let held = review(vault, payload.review.id.as_str())?.map(|stored| stored.summary);
    let creates = held.is_none();
    let may_create = matches!(
        payload.kind,
        BundleKind::Invitation
            | BundleKind::FinalStatement
            | BundleKind::CpdNeeds
            | BundleKind::CapabilityReferral
            | BundleKind::Handover
    );
    if creates && !may_create {
        return Err(RecordsError::UnknownReview);
    }
    if creates {
        reviewer_by_the_staff_list(vault, bundle)?;
    }
    if payload.kind == BundleKind::Handover {
        return handed_over_by_the_reviewer(vault, bundle, held.as_ref())
            .map(|()| (Role::Reviewer, creates));
    }
    let summary = held.as_ref().unwrap_or(&payload.review);
    if matches!(
        payload.kind,
        BundleKind::ModerationNote | BundleKind::AppealOutcome
    ) {
        let headteacher = super::leadership::the_headteacher(vault)?.map(|(_, keys)| keys);
        if headteacher == Some(*bundle.signer()) {
            if payload.kind == BundleKind::AppealOutcome
                && super::leadership::governing_body_hears(summary, bundle.signer())
            {
                return Err(RecordsError::GoverningBodyHears);
            }
            return Ok((Role::Headteacher, creates));
        }
        // Only a moderation note's answer comes from anyone else: the review's reviewer.
        if payload.kind == BundleKind::AppealOutcome || payload.sender.role == Role::Headteacher {
            return Err(match headteacher {
                None => RecordsError::NoHeadteacherKnown,
                Some(_) => RecordsError::NotTheHeadteacher {
                    sender: payload.sender.name.clone(),
                },
            });
        }
    }
    match summary.part_of(bundle.signer(), &payload.sender.name) {
        Some(Role::Reviewee) if payload.kind == BundleKind::Invitation => {}
        Some(role) => return Ok((role, creates)),
        None => {}
    }
    if let Some(role) = new_keys_for_a_place(vault, summary, bundle.signer())? {
        return Ok((role, creates));
    }
    let claimed = [Role::Reviewer, Role::Reviewee].into_iter().find(|role| {
        summary.keys_of(*role).is_some()
            && summary
                .person(*role)
                .is_some_and(|person| name_key(&person.name) == name_key(&payload.sender.name))
    });
    Err(match claimed {
        // A file in this person's own name and place, signed by other keys.
        Some(role) if summary.keys_of(role) == my_keys(vault)? => {
            RecordsError::NotYourKeys { role }
        }
        Some(role) => RecordsError::NotTheirKeys {
            sender: payload.sender.name.clone(),
            role,
        },
        None => RecordsError::NotInReview {
            sender: payload.sender.name.clone(),
        },
    })
}

/// The place in the review whose bound keys the staff list gives the same member as `signer`:
/// someone who started again on a new device, whose new keys the headteacher has listed. Their
/// file then binds the place to the new keys.
fn new_keys_for_a_place<S: KeyValueStore>(
    vault: &Vault<S>,
    summary: &crate::bundle::payload::ReviewSummary,
    signer: &PublicKeys,
) -> Result<Option<Role>, RecordsError> {
    let list = super::staff::staff_list(vault)?;
    let Some((member, _)) = list.holder_of(&keys_text(signer)) else {
        return Ok(None);
    };
    Ok([Role::Reviewer, Role::Reviewee].into_iter().find(|role| {
        summary.keys_of(*role).is_some_and(|bound| {
            list.holder_of(&keys_text(&bound))
                .is_some_and(|(holder, _)| holder.staff_id == member.staff_id)
        })
    }))
}

/// This person's public keys, if they have an identity here.
fn my_keys<S: KeyValueStore>(vault: &Vault<S>) -> Result<Option<PublicKeys>, RecordsError> {
    Ok(identity(vault)?.map(|me| me.public_keys()))
}

/// Whether the support plan a file carries ended in the formal capability procedure.
fn refers_to_capability(payload: &Payload) -> bool {
    payload
        .documents
        .get("support_plan")
        .and_then(|plan| plan.current().get("support_plan.outcome").cloned())
        == Some(serde_json::Value::from("formal_capability"))
}

/// Whether a handover comes from the reviewer it hands the review on from: the keys bound to the
/// reviewer's place here, or, for the new reviewer who holds nothing yet, the keys the file
/// names as handing over, and it must hand the review to them.
fn handed_over_by_the_reviewer<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle: &Verified<Payload>,
    held: Option<&crate::bundle::payload::ReviewSummary>,
) -> Result<(), RecordsError> {
    let payload = bundle.payload();
    let from_reviewer = payload.review.handed_over_by() == Some(*bundle.signer())
        && held.is_none_or(|held| held.reviewer_keys == Some(*bundle.signer()));
    if !from_reviewer && !passed_on_by_the_reviewee(vault, bundle, held)? {
        let reviewer = held.map_or_else(
            || {
                payload
                    .review
                    .previous_reviewers
                    .last()
                    .map_or_else(String::new, |previous| previous.person.name.clone())
            },
            |held| held.reviewer.name.clone(),
        );
        return Err(RecordsError::HandoverNotFromTheReviewer { reviewer });
    }
    let mine = identity(vault)?.map(|me| me.public_keys());
    let for_me = held.is_some() || mine.is_some() && payload.review.reviewer_keys == mine;
    if !for_me {
        return Err(RecordsError::NotHandedToYou {
            reviewer: payload.review.reviewer.name.clone(),
        });
    }
    Ok(())
}

/// A file that brings a review this person does not hold must come from the reviewer the staff
/// list gives its reviewee, where the list holds them; a handover may also come from the
/// reviewer the list gave before, to the one it gives now (seed 004, 6.5: a reviewer changed).
/// Without a list, or for someone not on it, the sender's fingerprint is what confirms them.
fn reviewer_by_the_staff_list<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle: &Verified<Payload>,
) -> Result<(), RecordsError> {
    let list = super::staff::staff_list(vault)?;
    let summary = &bundle.payload().review;
    let reviewee_keys = summary.reviewee_keys.as_ref().map(keys_text);
    let Some(reviewee) = list.reviewee(reviewee_keys.as_ref(), &summary.reviewee.name) else {
        return Ok(());
    };
    let listed_reviewer = list.reviewer_of(reviewee);
    let is_listed_reviewer = |keys: &PublicKeys| {
        listed_reviewer.is_some_and(|reviewer| reviewer.has_held(&keys_text(keys)))
    };
    let signer = bundle.signer();
    let handed_to_me = bundle.payload().kind == BundleKind::Handover
        && list.holder_of(&keys_text(signer)).is_some()
        && my_keys(vault)?.is_some_and(|mine| is_listed_reviewer(&mine));
    if is_listed_reviewer(signer) || handed_to_me {
        return Ok(());
    }
    Err(RecordsError::NotTheirReviewer(Box::new(
        super::NotTheirReviewer {
            sender: bundle.payload().sender.name.clone(),
            reviewee: reviewee.name.clone(),
            reviewer: listed_reviewer.map(|reviewer| reviewer.name.clone()),
        },
    )))
}

/// Whether a handover is the reviewee passing their copy to the reviewer the staff list now gives
/// them, for this person who holds nothing yet (seed 004, 6.5: the reviewer is away and cannot
/// hand it over themselves): signed by the reviewee's keys, the list's reviewer for them is this
/// person, and the review names this person's keys as the reviewer's.
fn passed_on_by_the_reviewee<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle: &Verified<Payload>,
    held: Option<&crate::bundle::payload::ReviewSummary>,
) -> Result<bool, RecordsError> {
    let review = &bundle.payload().review;
    let Some(mine) = my_keys(vault)? else {
        return Ok(false);
    };
    if held.is_some()
        || review.reviewee_keys != Some(*bundle.signer())
        || review.reviewer_keys != Some(mine)
    {
        return Ok(false);
    }
    let list = super::staff::staff_list(vault)?;
    Ok(list
        .holder_of(&keys_text(bundle.signer()))
        .and_then(|(reviewee, _)| list.reviewer_of(reviewee))
        .is_some_and(|reviewer| reviewer.current_keys() == Some(&keys_text(&mine))))
}

/// What importing the bundle would change, without changing anything.
pub fn preview_import<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle: &Verified<Payload>,
) -> Result<ApplyReport, RecordsError> {
    let (writer, _, _) = writer_of(vault, bundle)?;
    let mut local = local_documents(vault, bundle.payload())?;
    Ok(apply(&mut local, bundle, writer))
}

/// Imports the bundle: creates the review for an invitation, merges each document, and records
/// what it replaced so the import can be undone.
pub fn import<S: KeyValueStore>(
    vault: &mut Vault<S>,
    bundle: &Verified<Payload>,
    now: DateTime<Utc>,
) -> Result<ApplyReport, RecordsError> {
    vault.batch(|vault| import_in_batch(vault, bundle, now))
}

fn import_in_batch<S: KeyValueStore>(
    vault: &mut Vault<S>,
    bundle: &Verified<Payload>,
    now: DateTime<Utc>,
) -> Result<ApplyReport, RecordsError> {
    let payload = bundle.payload();
    if already_imported(vault, &payload.bundle_id)? {
        return Err(RecordsError::AlreadyImported);
    }
    let (writer, role, creates_review) = writer_of(vault, bundle)?;
    let review_id = payload.review.id.as_str();
    let before_local = local_documents(vault, payload)?;
    let mut local = before_local.clone();
    let report = apply(&mut local, bundle, writer);
    let held_sign_offs = sign_offs(vault, review_id)?;
    let joined_sign_offs = join_sign_offs(&held_sign_offs, &payload.sign_offs);
    let sign_offs_added: Vec<SignedSignOff> = joined_sign_offs
        .iter()
        .filter(|signed| !held_sign_offs.contains(signed))
        .cloned()
        .collect();
    let held = review(vault, review_id)?;
    let mut stored = held
        .clone()
        .unwrap_or_else(|| StoredReview::new(payload.review.clone()));
    // Every import notes its arrival, the one that creates the review too, on the day the file
    // was made: the sender's copy notes the same day.
    let exchanged_before = stored.exchanged.get(&payload.kind).copied();
    let made_on = super::outgoing::made_on(payload.created_at_millis);
    let exchanged_added = stored
        .note_exchanged(payload.kind, made_on)
        .then_some(made_on);
    // The sender's keys are bound to their place, and the name they send under now is shown
    // there; an invitation also binds this person's own keys to the reviewee's place. A
    // handover binds the reviewer's place to the new reviewer instead.
    if payload.kind == BundleKind::Handover {
        stored.summary.reviewer = payload.review.reviewer.clone();
        stored.summary.reviewer_keys = payload.review.reviewer_keys;
        stored.summary.previous_reviewers = payload.review.previous_reviewers.clone();
    } else {
        stored
            .summary
            .bind(role, *bundle.signer(), &payload.sender.name);
    }
    if creates_review
        && payload.kind == BundleKind::Invitation
        && let Some(me) = identity(vault)?
    {
        let keys = me.public_keys();
        stored.summary.reviewee_keys = Some(keys);
    }
    let record = ImportRecord {
        bundle_id: payload.bundle_id.clone(),
        kind: payload.kind,
        sender: payload.sender.name.clone(),
        review_id: review_id.to_owned(),
        imported_at: now,
        created_review: creates_review,
        before: local
            .keys()
            .map(|kind| (kind.clone(), before_local.get(kind).cloned()))
            .collect(),
        exchanged_added,
        exchanged_before,
        summary_before: held.as_ref().map(|held| held.summary.clone()),
        sign_offs_added,
        undone: false,
    };
    // The undo record is written first, so an interrupted import can always be undone.
    write_as(
        vault,
        &format!("import:{}", payload.bundle_id),
        "import",
        &record,
        now,
    )?;
    if held.as_ref() != Some(&stored) {
        save_review(vault, &stored, now)?;
    }
    let mut contacts = contacts(vault)?;
    let known = contacts
        .get(bundle.signer())
        .map(|contact| contact.name.clone());
    if known.is_some_and(|name| name != payload.sender.name.trim()) {
        contacts.note_name(bundle.signer(), &payload.sender.name, None);
        save_contacts(vault, &contacts, now)?;
    }
    for (kind, state) in &local {
        if before_local.get(kind) != Some(state) {
            save_document(vault, review_id, kind, state, now)?;
        }
    }
    if joined_sign_offs != held_sign_offs {
        save_sign_offs(vault, review_id, &joined_sign_offs, now)?;
    }
    Ok(report)
}

/// Every import recorded here, newest first.
pub fn imports<S: KeyValueStore>(vault: &Vault<S>) -> Result<Vec<ImportRecord>, RecordsError> {
    let keys: Vec<String> = vault
        .list()
        .filter(|(_, header)| header.kind == "import")
        .map(|(key, _)| key.to_owned())
        .collect();
    let mut records: Vec<ImportRecord> = keys
        .iter()
        .filter_map(|key| read_as(vault, key).transpose())
        .map(|r| r.map(|(record, _)| record))
        .collect::<Result<_, _>>()?;
    records.sort_by_key(|record| std::cmp::Reverse(record.imported_at));
    Ok(records)
}

/// The record keys of the files imported into the review `review_id`.
pub(super) fn imports_of<S: KeyValueStore>(
    vault: &Vault<S>,
    review_id: &str,
) -> Result<Vec<String>, RecordsError> {
    Ok(imports(vault)?
        .into_iter()
        .filter(|record| record.review_id == review_id)
        .map(|record| format!("import:{}", record.bundle_id))
        .collect())
}

/// Restores every document the import changed to exactly what it was, and removes a review the
/// import created.
pub fn undo_import<S: KeyValueStore>(
    vault: &mut Vault<S>,
    bundle_id: &str,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let key = format!("import:{bundle_id}");
    let (mut record, _) =
        read_as::<ImportRecord, S>(vault, &key)?.ok_or(RecordsError::NoSuchImport)?;
    for (kind, before) in &record.before {
        let document = document_key(&record.review_id, kind);
        super::editing::discard_tab_copies(vault, &document)?;
        match before {
            Some(state) => write_as(vault, &document, "review_document", state, now)?,
            None => vault
                .remove(&document)
                .map_err(|e| RecordsError::Write(WriteError::Storage(e)))?,
        }
    }
    if !record.sign_offs_added.is_empty() {
        let mut list = sign_offs(vault, &record.review_id)?;
        list.retain(|signed| !record.sign_offs_added.contains(signed));
        save_sign_offs(vault, &record.review_id, &list, now)?;
    }
    if let Some(mut held) = review(vault, &record.review_id)? {
        let before = held.clone();
        if let Some(day) = record.exchanged_added
            && held.exchanged.get(&record.kind) == Some(&day)
        {
            match record.exchanged_before {
                Some(before) => held.exchanged.insert(record.kind, before),
                None => held.exchanged.remove(&record.kind),
            };
        }
        if let Some(summary) = &record.summary_before {
            held.summary = summary.clone();
        }
        if held != before {
            save_review(vault, &held, now)?;
        }
    }
    if record.created_review {
        vault
            .remove(&sign_offs_key(&record.review_id))
            .map_err(|e| RecordsError::Write(WriteError::Storage(e)))?;
        vault
            .remove(&review_key(&record.review_id))
            .map_err(|e| RecordsError::Write(WriteError::Storage(e)))?;
    }
    record.undone = true;
    write_as(vault, &key, "import", &record, now)
}
