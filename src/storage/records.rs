//! The person's records in the vault, in the school's terms: their identity (key seed and
//! name), their contacts, each review they take part in, each review document's mergeable state,
//! and every bundle import with what it replaced, so an import can be undone exactly.
//!
//! Keys: `identity`, `contacts`, `review:<id>`, `review:<id>:<document kind>`, `import:<bundle id>`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

use super::KeyValueStore;
use super::vault::{Expect, ReadError, Vault, WriteError};
use crate::bundle::apply::{ApplyReport, Writer, apply};
use crate::bundle::contacts::{Contacts, name_key};
use crate::bundle::identity::KeySeed;
use crate::bundle::merge::DocumentState;
use crate::bundle::open::Verified;
use crate::bundle::payload::{BundleKind, Payload, ReviewSummary};
use crate::bundle::sign_off::SignedSignOff;
use crate::domain::calendar::SchoolCalendar;
use crate::domain::people::{Person, PersonRef, Role};
use crate::domain::school::{Profile, SchoolSettings};

const IDENTITY: &str = "identity";
const CONTACTS: &str = "contacts";
const SCHOOL: &str = "school";

/// Who this browser profile is: the seed their keys come from, the name they send under, and
/// how they describe themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredIdentity {
    pub seed: KeySeed,
    pub name: String,
    #[serde(default)]
    pub job_title: String,
    #[serde(default)]
    pub school: String,
    #[serde(default)]
    pub roles: std::collections::BTreeSet<Role>,
    #[serde(default)]
    pub senior_leader: bool,
}

impl StoredIdentity {
    /// A new identity from its key seed, not yet described.
    pub fn new(seed: KeySeed) -> StoredIdentity {
        StoredIdentity {
            seed,
            name: String::new(),
            job_title: String::new(),
            school: String::new(),
            roles: Default::default(),
            senior_leader: false,
        }
    }

    pub fn profile(&self) -> Profile {
        Profile {
            name: self.name.clone(),
            job_title: self.job_title.clone(),
            school: self.school.clone(),
            roles: self.roles.clone(),
            senior_leader: self.senior_leader,
        }
    }

    pub fn set_profile(&mut self, profile: Profile) {
        self.name = profile.name.trim().to_owned();
        self.job_title = profile.job_title.trim().to_owned();
        self.school = profile.school.trim().to_owned();
        self.roles = profile.roles;
        self.senior_leader = profile.senior_leader;
    }

    /// This person as the domain knows them: their staff id is their key id, the same on every
    /// file they send.
    pub fn as_person(&self) -> Person {
        let keys = crate::bundle::identity::Identity::from_seed(&self.seed).public_keys();
        Person {
            staff_id: crate::domain::ids::Id::new(keys.key_id()).expect("a key id is a valid id"),
            display_name: self.name.clone(),
            job_title: self.job_title.clone(),
            roles: self.roles.clone(),
            senior_leader: self.senior_leader,
        }
    }
}

/// A review as this person holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReview {
    pub summary: ReviewSummary,
    /// When the invitation was made (reviewer) or received (reviewee), which stops the notice clock.
    #[serde(default)]
    pub invited_on: Option<chrono::NaiveDate>,
    /// The day each kind of bundle for this review was first sent or received here, which stops
    /// the policy's clocks (statement sent, reply given, passed to the headteacher).
    #[serde(default)]
    pub exchanged: BTreeMap<BundleKind, chrono::NaiveDate>,
}

impl StoredReview {
    pub fn new(summary: ReviewSummary, invited_on: chrono::NaiveDate) -> StoredReview {
        StoredReview {
            summary,
            invited_on: Some(invited_on),
            exchanged: BTreeMap::new(),
        }
    }
}

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

/// Why records could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsError {
    Read(ReadError),
    Write(WriteError),
    /// A stored record is not in the expected shape.
    Damaged(String),
    NoSuchImport,
    /// This bundle was imported here already (and not undone).
    AlreadyImported,
    /// A final statement or training needs sent by someone other than the review's reviewer.
    NotTheReviewer {
        sender: String,
    },
    /// A bundle for a review this person does not hold, other than an invitation.
    UnknownReview,
    /// Sent by someone who is neither the review's reviewer nor its reviewee.
    NotInReview {
        sender: String,
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
            RecordsError::AlreadyImported => write!(
                f,
                "You have already imported this file, so there is nothing more to do."
            ),
            RecordsError::NotTheReviewer { sender } => write!(
                f,
                "This file passes a review on, but it is from {sender}, who is not the review’s reviewer. Only the reviewer sends final statements and training needs; check with them."
            ),
            RecordsError::NoSuchImport => write!(
                f,
                "That import is not recorded here, so it cannot be undone."
            ),
            RecordsError::NotInReview { sender } => write!(
                f,
                "This file is from {sender}, who is neither the reviewer nor the reviewee in this review, so it cannot change it. Check who sent it."
            ),
            RecordsError::UnknownReview => write!(
                f,
                "This bundle belongs to a review you do not have here. Import the invitation for that review first."
            ),
        }
    }
}

impl std::error::Error for RecordsError {}

fn review_key(id: &str) -> String {
    format!("review:{id}")
}

/// The record key of a review document.
pub fn document_key(review: &str, kind: &str) -> String {
    format!("review:{review}:{kind}")
}

fn sign_offs_key(review: &str) -> String {
    format!("sign-offs:{review}")
}

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

pub fn identity<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Option<StoredIdentity>, RecordsError> {
    Ok(read_as(vault, IDENTITY)?.map(|(identity, _)| identity))
}

pub fn save_identity<S: KeyValueStore>(
    vault: &mut Vault<S>,
    identity: &StoredIdentity,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, IDENTITY, "identity", identity, now)
}

/// The school's policy and closures as this person keeps them.
pub fn school_settings<S: KeyValueStore>(vault: &Vault<S>) -> Result<SchoolSettings, RecordsError> {
    Ok(read_as(vault, SCHOOL)?
        .map(|(settings, _)| settings)
        .unwrap_or_default())
}

pub fn save_school_settings<S: KeyValueStore>(
    vault: &mut Vault<S>,
    settings: &SchoolSettings,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, SCHOOL, "school", settings, now)
}

/// The school's working calendar (weekends and its closures), for every deadline.
pub fn school_calendar<S: KeyValueStore>(vault: &Vault<S>) -> SchoolCalendar {
    school_settings(vault)
        .map(|settings| settings.calendar)
        .unwrap_or_default()
}

pub fn contacts<S: KeyValueStore>(vault: &Vault<S>) -> Result<Contacts, RecordsError> {
    Ok(read_as(vault, CONTACTS)?
        .map(|(contacts, _)| contacts)
        .unwrap_or_default())
}

pub fn save_contacts<S: KeyValueStore>(
    vault: &mut Vault<S>,
    contacts: &Contacts,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, CONTACTS, "contacts", contacts, now)
}

/// Keeps (or forgets) the email address files for the contact `name` are sent to.
pub fn set_contact_email<S: KeyValueStore>(
    vault: &mut Vault<S>,
    name: &str,
    email: Option<crate::domain::people::EmailAddress>,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let mut all = contacts(vault)?;
    if all.set_email(name, email) {
        save_contacts(vault, &all, now)?;
    }
    Ok(())
}

pub fn review<S: KeyValueStore>(
    vault: &Vault<S>,
    id: &str,
) -> Result<Option<StoredReview>, RecordsError> {
    Ok(read_as(vault, &review_key(id))?.map(|(review, _)| review))
}

/// Every review held here.
pub fn reviews<S: KeyValueStore>(vault: &Vault<S>) -> Result<Vec<StoredReview>, RecordsError> {
    let keys: Vec<String> = vault
        .list()
        .filter(|(_, header)| header.kind == "review")
        .map(|(key, _)| key.to_owned())
        .collect();
    keys.iter()
        .filter_map(|key| read_as(vault, key).transpose())
        .map(|r| r.map(|(review, _)| review))
        .collect()
}

/// The reviews in which the person called `name` is the reviewee.
pub fn reviews_as_reviewee<S: KeyValueStore>(
    vault: &Vault<S>,
    name: &str,
) -> Result<Vec<StoredReview>, RecordsError> {
    let part = |review: &StoredReview| {
        part_by_name(&review.summary.reviewer, &review.summary.reviewee, name)
    };
    Ok(reviews(vault)?
        .into_iter()
        .filter(|review| part(review) == Some(Role::Reviewee))
        .collect())
}

pub fn save_review<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &StoredReview,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(
        vault,
        &review_key(review.summary.id.as_str()),
        "review",
        review,
        now,
    )
}

pub fn document<S: KeyValueStore>(
    vault: &Vault<S>,
    review: &str,
    kind: &str,
) -> Result<Option<DocumentState>, RecordsError> {
    Ok(read_as(vault, &document_key(review, kind))?.map(|(state, _)| state))
}

pub fn save_document<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &str,
    kind: &str,
    state: &DocumentState,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(
        vault,
        &document_key(review, kind),
        "review_document",
        state,
        now,
    )
}

/// Every sign-off given on this review that is held here, oldest first.
pub fn sign_offs<S: KeyValueStore>(
    vault: &Vault<S>,
    review: &str,
) -> Result<Vec<SignedSignOff>, RecordsError> {
    Ok(read_as(vault, &sign_offs_key(review))?
        .map(|(list, _)| list)
        .unwrap_or_default())
}

fn save_sign_offs<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &str,
    list: &[SignedSignOff],
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, &sign_offs_key(review), "sign_offs", &list, now)
}

/// The sign-offs held here joined with `incoming`: each one kept once, and only those whose
/// signature holds for the keys they carry (whether those are the signer's is checked on display).
fn join_sign_offs(held: &[SignedSignOff], incoming: &[SignedSignOff]) -> Vec<SignedSignOff> {
    let mut joined = held.to_vec();
    for signed in incoming {
        if signed.signature_holds() && !joined.contains(signed) {
            joined.push(signed.clone());
        }
    }
    joined.sort_by_key(|signed| signed.sign_off.signed_on);
    joined
}

/// Keeps this person's sign-off with the review, to travel in the next bundle they send.
pub fn add_sign_off<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &str,
    signed: SignedSignOff,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let list = join_sign_offs(&sign_offs(vault, review)?, &[signed]);
    save_sign_offs(vault, review, &list, now)
}

/// A sign-off as it stands now, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffStanding {
    pub signed: SignedSignOff,
    pub status: crate::domain::sign_off::SignOffStatus,
    /// Whether the keys it was made with are the signer's confirmed keys (a pinned contact, or
    /// this person's own); if not, it is checked against the keys it carries.
    pub keys_confirmed: bool,
}

/// The sign-off that stands for each document and role, with whether it still covers the
/// document as it is now. `my_keys` are this person's own keys, which confirm their own
/// sign-offs; pinned contacts confirm others'. A sign-off is not valid when its signer is not the
/// review's party for that role, or when it was made with keys confirmed as someone else's (a
/// reviewer signing in the reviewee's name). For each document and role the best one stands:
/// current before out of date before not valid, then the latest.
pub fn sign_off_standings<S: KeyValueStore>(
    vault: &Vault<S>,
    review: &crate::domain::cycle::Review,
    my_name: &str,
    my_keys: &crate::bundle::identity::PublicKeys,
) -> Result<Vec<SignOffStanding>, RecordsError> {
    use crate::domain::sign_off::{SignOffStatus, SignerRole};
    let contacts = contacts(vault)?;
    let is_me = |name: &str| name_key(name) == name_key(my_name);
    let confirmed_keys = |name: &str| {
        if is_me(name) {
            Some(*my_keys)
        } else {
            contacts.keys_of(name)
        }
    };
    let someone_elses = |keys: &crate::bundle::identity::PublicKeys, signer: &str| {
        (keys == my_keys && !is_me(signer)) || contacts.confirmed_for_someone_else(keys, signer)
    };
    let rank = |status: &SignOffStatus| match status {
        SignOffStatus::Current => 2,
        SignOffStatus::OutOfDate { .. } => 1,
        SignOffStatus::Invalid => 0,
    };
    let mut standing: BTreeMap<(String, SignerRole), SignOffStanding> = BTreeMap::new();
    for signed in sign_offs(vault, review.id.as_str())? {
        let sign_off = &signed.sign_off;
        let party = match sign_off.role {
            SignerRole::Reviewer => &review.reviewer,
            SignerRole::Reviewee => &review.reviewee,
        };
        let confirmed = confirmed_keys(&sign_off.signer.name);
        let status = if name_key(&sign_off.signer.name) != name_key(&party.name)
            || (confirmed.is_none() && someone_elses(&signed.keys, &sign_off.signer.name))
        {
            SignOffStatus::Invalid
        } else {
            signed.status(review, &confirmed.unwrap_or(signed.keys))
        };
        let candidate = SignOffStanding {
            keys_confirmed: confirmed.is_some(),
            status,
            signed,
        };
        let key = (
            candidate.signed.sign_off.document.clone(),
            candidate.signed.sign_off.role,
        );
        let better = standing.get(&key).is_none_or(|held| {
            (rank(&candidate.status), candidate.signed.sign_off.signed_on)
                >= (rank(&held.status), held.signed.sign_off.signed_on)
        });
        if better {
            standing.insert(key, candidate);
        }
    }
    Ok(standing.into_values().collect())
}

/// Which sign-offs on the statement still cover it, for working out the review's stage.
/// Whether `role` has a sign-off on `document` that covers it as it is now.
pub fn signed_as_it_is(
    standings: &[SignOffStanding],
    document: &str,
    role: crate::domain::sign_off::SignerRole,
) -> bool {
    standings.iter().any(|standing| {
        standing.signed.sign_off.document == document
            && standing.signed.sign_off.role == role
            && standing.status == crate::domain::sign_off::SignOffStatus::Current
    })
}

pub fn statement_signed(standings: &[SignOffStanding]) -> crate::domain::progress::StatementSigned {
    use crate::domain::documents::{Document, Statement};
    use crate::domain::sign_off::SignerRole;
    crate::domain::progress::StatementSigned {
        by_reviewer: signed_as_it_is(standings, Statement::KIND, SignerRole::Reviewer),
        by_reviewee: signed_as_it_is(standings, Statement::KIND, SignerRole::Reviewee),
    }
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

/// The part the person called `name` plays in a review with this reviewer and reviewee, if any.
/// Both sides hold their own copy of a review, so the pinned name is what they share.
pub fn part_by_name(reviewer: &PersonRef, reviewee: &PersonRef, name: &str) -> Option<Role> {
    let name = name_key(name);
    if name == name_key(&reviewer.name) {
        Some(Role::Reviewer)
    } else if name == name_key(&reviewee.name) {
        Some(Role::Reviewee)
    } else {
        None
    }
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

/// A bundle about to be sent.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub kind: BundleKind,
    pub sender: crate::bundle::payload::Party,
    /// Text kept outside the review's documents (the pre-review draft), recorded into them first.
    pub text: crate::domain::field_map::FieldMap,
    /// Who receives a final statement (the headteacher) or training needs (the CPD leader); the
    /// review's other party receives every other kind.
    pub recipient: Option<String>,
    pub bundle_id: String,
}

/// Records `outgoing.text` into the review's mergeable documents (as an edit by `device`) and
/// returns the bundle payload, with the review's sign-offs on the documents it carries. The
/// recipient's keys come from the pinned contacts; without them the bundle is addressed by name.
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
    let (recipient, recipient_role) = match (kind, recipient) {
        (BundleKind::FinalStatement, Some(name)) => (name, Role::Headteacher),
        (BundleKind::CpdNeeds, Some(name)) => (name, Role::CpdLeader),
        _ if sender.role == Role::Reviewee => (summary.reviewer.name.clone(), Role::Reviewer),
        _ => (summary.reviewee.name.clone(), Role::Reviewee),
    };
    let recipient_keys = contacts.keys_of(&recipient);
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
        documents,
        sign_offs: sign_offs(vault, review_id)?
            .into_iter()
            .filter(|signed| {
                kind.documents()
                    .contains(&signed.sign_off.document.as_str())
            })
            .collect(),
    })
}

/// Notes that a bundle of `kind` for the review left this device on `day` (once the file is
/// really in the person's hands), which stops the policy's clock for it.
pub fn note_sent<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    kind: BundleKind,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let mut held = review(vault, review_id)?.ok_or(RecordsError::UnknownReview)?;
    if held.exchanged.contains_key(&kind) {
        return Ok(());
    }
    held.exchanged.insert(kind, now.date_naive());
    save_review(vault, &held, now)
}

/// Starts a review as its reviewer: stores it, with a statement that carries last cycle's
/// objectives to rate (and the 10 standards where the policy uses them), written by `device`.
pub fn start_review<S: KeyValueStore>(
    vault: &mut Vault<S>,
    summary: ReviewSummary,
    previous_objectives: &[String],
    device: &str,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    use crate::domain::documents::{PreviousObjective, Statement};
    let previous = previous_objectives
        .iter()
        .filter(|text| !text.trim().is_empty())
        .enumerate()
        .map(|(n, text)| PreviousObjective {
            id: crate::domain::ids::Id::new(format!("previous-{}", n + 1)).expect("a valid id"),
            objective: text.trim().to_owned(),
            rating: None,
            comment: String::new(),
        })
        .collect();
    let standards = if summary.policy.ten_standards_apply {
        crate::domain::standards::blank_assessments()
    } else {
        Vec::new()
    };
    let mut statement = Statement::blank(previous, standards);
    statement.meeting_date = summary.meeting_on;
    let mut state = DocumentState::default();
    let stamp = crate::bundle::merge::Stamp {
        millis: now.timestamp_millis(),
        counter: 0,
    };
    state.record_edit(
        &crate::domain::field_map::to_field_map(&statement),
        device,
        stamp,
    );
    let id = summary.id.as_str().to_owned();
    save_review(vault, &StoredReview::new(summary, now.date_naive()), now)?;
    save_document(vault, &id, "statement", &state, now)
}

/// A field of a review document that two copies changed differently, waiting for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenConflict {
    pub review_id: String,
    pub reviewee: String,
    pub document: String,
    pub conflict: crate::bundle::merge::Conflict,
}

/// Every conflict in every review held here.
pub fn conflicts<S: KeyValueStore>(vault: &Vault<S>) -> Result<Vec<OpenConflict>, RecordsError> {
    let mut open = Vec::new();
    for review in reviews(vault)? {
        let id = review.summary.id.as_str();
        let prefix = format!("review:{id}:");
        let kinds: Vec<String> = vault
            .list()
            .filter_map(|(key, _)| key.strip_prefix(&prefix).map(str::to_owned))
            .collect();
        for kind in kinds {
            for conflict in document(vault, id, &kind)?
                .map(|state| state.conflicts())
                .unwrap_or_default()
            {
                open.push(OpenConflict {
                    review_id: id.to_owned(),
                    reviewee: review.summary.reviewee.name.clone(),
                    document: kind.clone(),
                    conflict,
                });
            }
        }
    }
    Ok(open)
}

/// Settles a conflict with the version the person chose; the choice travels in later bundles.
pub fn resolve<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    kind: &str,
    path: &str,
    value: Option<Value>,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let mut state = document(vault, review_id, kind)?.ok_or(RecordsError::UnknownReview)?;
    let stamp = state.latest_stamp().tick(now.timestamp_millis());
    let device = vault.writer().to_owned();
    state.resolve(path, value, &device, stamp);
    save_document(vault, review_id, kind, &state, now)
}

/// The review as the domain knows it, with its documents read from their mergeable states, so
/// deadlines, warnings and sign-offs can be worked out.
pub fn load_review<S: KeyValueStore>(
    vault: &Vault<S>,
    id: &str,
) -> Result<Option<crate::domain::cycle::Review>, RecordsError> {
    use crate::domain::documents::{CpdNeeds, Document, PreReviewAuthor, PreReviewForm, Statement};
    use crate::domain::field_map::from_field_map;
    let Some(stored) = review(vault, id)? else {
        return Ok(None);
    };
    let summary = stored.summary;
    let mut review = crate::domain::cycle::Review::new(
        summary.id,
        summary.reviewee,
        summary.reviewer,
        summary.policy,
        &summary.staff_group,
        summary.period,
    );
    review.pay_eligible = summary.pay_eligible;
    review.dates.meeting_on = summary.meeting_on;
    review.dates.invited_on = stored.invited_on;
    let on = |kind| stored.exchanged.get(&kind).copied();
    review.dates.pre_review_sent_on = on(BundleKind::PreReview);
    review.dates.statement_sent_on = on(BundleKind::StatementForComment);
    review.dates.reviewee_replied_on = on(BundleKind::Reply);
    review.dates.sent_to_headteacher_on = on(BundleKind::FinalStatement);
    // A copy may hold only some fields (the other party's own fields never reach it): they are
    // laid over a blank document so it always reads.
    fn read<D: Document, S: KeyValueStore>(
        vault: &Vault<S>,
        id: &str,
        blank: &D,
    ) -> Result<Option<D>, RecordsError> {
        Ok(document(vault, id, D::KIND)?.and_then(|state| {
            let mut fields = crate::domain::field_map::to_field_map(blank);
            fields.extend(state.current());
            from_field_map(&fields).ok()
        }))
    }
    review.statement = read(vault, id, &Statement::blank(Vec::new(), Vec::new()))?;
    // The statement records the meeting: once it gives a date (corrected after the meeting was
    // moved, say), that date is the one the policy's clocks count from, on both sides.
    if let Some(day) = review.statement.as_ref().and_then(|s| s.meeting_date) {
        review.dates.meeting_on = Some(day);
    }
    review.pre_review = read(
        vault,
        id,
        &PreReviewForm::blank(PreReviewAuthor::Reviewee, "", ""),
    )?;
    let no_needs = CpdNeeds::blank_for(&review.reviewee, &review.reviewer);
    review.cpd_needs = read(vault, id, &no_needs)?;
    review.appeal = read(vault, id, &crate::domain::documents::Appeal::blank())?;
    let checklist = crate::domain::documents::MeetingChecklist::seed_001();
    review.checklist = read(vault, id, &checklist)?.unwrap_or(checklist);
    Ok(Some(review))
}
