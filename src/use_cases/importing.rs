//! Importing a verified file: whose words it may bring (from the sender's part in the review
//! held here), what it would change, doing it with a record of what it replaced, and undoing it.

use chrono::{DateTime, Utc};

use super::{RecordsError, read_as, write_as};
use crate::storage::{KeyValueStore, Vault};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::identity::identity;
use super::reviews::{
    StoredReview, document, document_key, part_by_name, review, review_key, save_document,
    save_review,
};
use super::sign_offs::{join_sign_offs, save_sign_offs, sign_offs, sign_offs_key};
use crate::bundle::apply::{ApplyReport, Writer, apply};
use crate::bundle::merge::DocumentState;
use crate::bundle::open::Verified;
use crate::bundle::payload::{BundleKind, Payload};
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
    /// The day the import noted for its kind of bundle, which undo clears if it still stands.
    #[serde(default)]
    pub exchanged_added: Option<chrono::NaiveDate>,
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
    payload: &Payload,
) -> Result<(Writer, bool), RecordsError> {
    let (role, creates) = sender_role(vault, payload)?;
    if !matches!(
        payload.kind,
        BundleKind::FinalStatement | BundleKind::CpdNeeds
    ) {
        return Ok((Writer::Party(role), creates));
    }
    if role != Role::Reviewer {
        return Err(RecordsError::NotTheReviewer {
            sender: payload.sender.name.clone(),
        });
    }
    let summary = review(vault, payload.review.id.as_str())?
        .map_or_else(|| payload.review.clone(), |held| held.summary);
    let me = identity(vault)?.map(|me| me.name).unwrap_or_default();
    let outside = part_by_name(&summary.reviewer, &summary.reviewee, &me).is_none();
    Ok((
        if outside {
            Writer::Relay
        } else {
            Writer::Party(role)
        },
        creates,
    ))
}

fn sender_role<S: KeyValueStore>(
    vault: &Vault<S>,
    payload: &Payload,
) -> Result<(Role, bool), RecordsError> {
    let held = review(vault, payload.review.id.as_str())?.map(|stored| stored.summary);
    let creates = held.is_none();
    let may_create = matches!(
        payload.kind,
        BundleKind::Invitation | BundleKind::FinalStatement | BundleKind::CpdNeeds
    );
    if creates && !may_create {
        return Err(RecordsError::UnknownReview);
    }
    let summary = held.as_ref().unwrap_or(&payload.review);
    match part_by_name(&summary.reviewer, &summary.reviewee, &payload.sender.name) {
        Some(Role::Reviewee) if payload.kind == BundleKind::Invitation => {}
        Some(role) => return Ok((role, creates)),
        None => {}
    }
    Err(RecordsError::NotInReview {
        sender: payload.sender.name.clone(),
    })
}

/// What importing the bundle would change, without changing anything.
pub fn preview_import<S: KeyValueStore>(
    vault: &Vault<S>,
    bundle: &Verified<Payload>,
) -> Result<ApplyReport, RecordsError> {
    let (writer, _) = writer_of(vault, bundle.payload())?;
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
    let (writer, creates_review) = writer_of(vault, payload)?;
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
    let noted_review = review(vault, review_id)?
        .filter(|held| !held.exchanged.contains_key(&payload.kind))
        .map(|mut held| {
            held.exchanged.insert(payload.kind, now.date_naive());
            held
        });
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
        exchanged_added: noted_review.as_ref().map(|_| now.date_naive()),
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
    if creates_review {
        save_review(
            vault,
            &StoredReview::new(payload.review.clone(), now.date_naive()),
            now,
        )?;
    } else if let Some(noted) = &noted_review {
        save_review(vault, noted, now)?;
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
    if let Some(day) = record.exchanged_added
        && let Some(mut held) = review(vault, &record.review_id)?
        && held.exchanged.get(&record.kind) == Some(&day)
    {
        held.exchanged.remove(&record.kind);
        save_review(vault, &held, now)?;
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
